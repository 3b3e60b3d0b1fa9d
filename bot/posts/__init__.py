"""The scheduled posts, yearly (29 September) and daily, in one package.

Pure (no discord, fixed clocks in tests): ``timing`` (when a post is due), ``dates`` (dated
entries, anniversaries), ``rotation`` (the per-server shuffled fact rotation), ``content`` (what
a date's post says, the 29 September story), ``strings`` (EN/ES catalogs), ``ledger`` /
``settings`` / ``rotation_store`` (SQLite functions run through the Store), ``scheduler`` (the
tick, exactly once per channel and local date) and ``present`` (admin replies).
Discord side: ``discord_poster``, ``admin`` (shared by the cogs), ``ticker``, ``anniversary_cog``,
``daily_cog``, ``onthisday_cog``.
"""
