"""Every word the scheduled posts say, in English and Spanish: one catalog per language.

:func:`text` looks a key up in the reader's language (English when a language is unknown); a key
missing in Spanish is a bug the tests catch, never an English fallback inside a Spanish reply.
"""

from __future__ import annotations

__all__ = ["CATALOGS", "text"]

EN: dict[str, str] = {
    # /onthisday and the dated entries
    "onthisday": "On this day",
    "years_ago_today": "{years} years ago today",
    "one_year_ago_today": "1 year ago today",
    "today": "Today",
    "anniversary": "the {nth} anniversary",
    "next": "Nothing on {day}. The next entry is on {next}.",
    "nothing": "There are no dated entries.",
    "bad_date": "I couldn't read the date {value!r}. Try 2026-09-29, 09-29 or 29/09.",
    "no_entry_cli": "No entry for {day}.",
    "next_cli": "Next: {next}.",
    "source": "Source",
    "as_of": "as of",
    # the 29 September story (in our own words; Pérez's words quoted as his)
    "story_0929_title": "On this day, 29 September: Jefferson Pérez retires",
    "story_0929_when": "**{ago}** — {date}: Jefferson Pérez retired from race walking.",
    "story_0929_announce": "Nine days before, at a press conference in Murcia, Spain, ahead of the IAAF Race "
    "Walking Challenge final, he had said that final would be the last race of his career. He walked it and "
    "finished third.",
    "story_0929_quote": "In his own words: “My heart wants to go on, but my body can’t take another four years "
    "of work.”",
    "story_0929_record": "He left with a record no other Ecuadorian has: Olympic gold in the 20 km walk at "
    "Atlanta 1996, at just 22 — Ecuador’s first Olympic medal — silver in Beijing 2008, and three world titles "
    "in a row (2003, 2005, 2007), which no other race walker has done.",
    "story_0929_pilgrimage": "After the Beijing Games he kept a promise: a 459 km pilgrimage on foot across "
    "Ecuador, from the cathedral in Quito over mountains up to 4,800 m high, to his home town of Cuenca.",
    "years_ago": "{years} years ago",
    "one_year_ago": "1 year ago",
    # the daily post
    "fact_n_of": "Fact {n} of {total}",
    "related": "Related facts",
    "related_title": "Related to “{title}”",
    "no_related": "No other fact is related to this one.",
    # /anniversary (the yearly post)
    "anniv_title": "Anniversary posts",
    "anniv_saved": "Saved. The “on this day” post will go to {channel} at {time} ({tz}), in {language}.",
    "anniv_disabled": "Anniversary posts are off for this server. Run /anniversary setup to turn them on again.",
    "anniv_need_manage": "You need the Manage Server permission to use /anniversary.",
    "anniv_guild_only": "/anniversary works only in a server.",
    "anniv_no_channel": "none — run /anniversary setup",
    # /daily
    "daily_title": "Daily posts",
    "daily_saved": "Saved. A fact a day will go to {channel} at {time} ({tz}), in {language}.",
    "daily_disabled": "Daily posts are off for this server. Run /daily setup to turn them on again: "
    "the rotation resumes where it was.",
    "daily_need_manage": "You need the Manage Server permission to use /daily.",
    "daily_guild_only": "/daily works only in a server.",
    "daily_no_channel": "none — run /daily setup",
    "daily_skipped": "Skipped: nothing will be posted on {date}.",
    "daily_skip_nothing": "There is no post to skip: daily posts are not set up here.",
    "daily_skip_taken": "The post for {date} is already made or in progress; nothing to skip.",
    "daily_next_dates": "Next dates",
    "daily_rotation": "Rotation",
    "daily_progress": "{shown} of {total} facts shown",
    "daily_history_title": "Daily posts: history",
    "daily_history_empty": "No daily posts yet.",
    "daily_missed": "{date}: missed (I was offline all that day)",
    "daily_skipped_row": "{date}: skipped",
    "daily_story": "the 29 September story",
    "daily_missed_days": "Missed days",
    "daily_missed_list": "{days} (I was offline all day; missed posts are not made up later)",
    # shared by /anniversary and /daily
    "bad_time": "I couldn't read the time {value!r}: use 24-hour HH:MM, e.g. 09:00.",
    "bad_tz": "{value!r} is not a time zone I know. Pick one from the list as you type, e.g. America/Guayaquil.",
    "cannot_post": "I can't post there: in {channel} I'm missing {missing}. Nothing was saved — "
    "grant those permissions or pick another channel.",
    "channel": "Channel",
    "time": "Post time",
    "tz": "Time zone",
    "language": "Language",
    "state": "State",
    "on": "on",
    "off": "off",
    "default": "default",
    "next_post": "Next post",
    "no_next": "none scheduled",
    "last": "Last post",
    "none_yet": "none yet",
    "posted": "{date}: {link}",
    "interrupted": "{date}: interrupted while posting and the channel could not be checked yet — "
    "I check again later today; it was not re-sent",
    "sending": "{date}: being posted",
    "permissions": "Permissions",
    "perm_ok": "OK: I can post and embed in {channel}.",
    "perm_missing": "Missing in {channel}: {missing}.",
    "perm_recommended": "Recommended: {missing} (lets me check my post after a crash).",
    "problem": "Problem",
    "failure": "{date}, attempt {attempts}: {error}",
    "gave_up": "{date}: gave up after {attempts} attempts — {error}",
    "lang_en": "English",
    "lang_es": "Spanish",
    "perm_view_channel": "View Channel",
    "perm_send_messages": "Send Messages",
    "perm_send_messages_in_threads": "Send Messages in Threads",
    "perm_embed_links": "Embed Links",
    "perm_read_message_history": "Read Message History",
}

ES: dict[str, str] = {
    "onthisday": "Un día como hoy",
    "years_ago_today": "Hoy hace {years} años",
    "one_year_ago_today": "Hoy hace 1 año",
    "today": "Hoy",
    "anniversary": "el {nth} aniversario",
    "next": "No hay nada el {day}. La próxima efeméride es el {next}.",
    "nothing": "No hay efemérides con fecha.",
    "bad_date": "No entendí la fecha {value!r}. Prueba 2026-09-29, 09-29 o 29/09.",
    "no_entry_cli": "No hay efemérides el {day}.",
    "next_cli": "La próxima: {next}.",
    "source": "Fuente",
    "as_of": "según datos de",
    "story_0929_title": "Un día como hoy, 29 de septiembre: Jefferson Pérez se retira",
    "story_0929_when": "**{ago}** — {date}: Jefferson Pérez se retiró de la marcha.",
    "story_0929_announce": "Nueve días antes, en una rueda de prensa en Murcia, España, previa a la final del "
    "IAAF Race Walking Challenge, había dicho que esa final sería la última carrera de su vida deportiva. "
    "La marchó y terminó tercero.",
    "story_0929_quote": "Con sus propias palabras: “My heart wants to go on, but my body can’t take another "
    "four years of work” («Mi corazón quiere seguir, pero mi cuerpo no aguanta otros cuatro años de trabajo»).",
    "story_0929_record": "Se fue con un palmarés que ningún otro ecuatoriano tiene: oro olímpico en los 20 km "
    "marcha de Atlanta 1996, con solo 22 años —la primera medalla olímpica de Ecuador—, plata en Pekín 2008 y "
    "tres títulos mundiales seguidos (2003, 2005, 2007), algo que ningún otro marchista ha logrado.",
    "story_0929_pilgrimage": "Después de los Juegos de Pekín cumplió una promesa: una peregrinación a pie de "
    "459 km por Ecuador, desde la catedral de Quito, por montañas de hasta 4800 m, hasta su natal Cuenca.",
    "years_ago": "Hace {years} años",
    "one_year_ago": "Hace 1 año",
    "fact_n_of": "Dato {n} de {total}",
    "related": "Datos relacionados",
    "related_title": "Relacionado con «{title}»",
    "no_related": "Ningún otro dato está relacionado con este.",
    "anniv_title": "Publicaciones de aniversario",
    "anniv_saved": "Guardado. La publicación «un día como hoy» irá a {channel} a las {time} ({tz}), en {language}.",
    "anniv_disabled": "Las publicaciones de aniversario están desactivadas en este servidor. "
    "Usa /anniversary setup para activarlas de nuevo.",
    "anniv_need_manage": "Necesitas el permiso Gestionar servidor para usar /anniversary.",
    "anniv_guild_only": "/anniversary solo funciona en un servidor.",
    "anniv_no_channel": "ninguno: usa /anniversary setup",
    "daily_title": "Publicaciones diarias",
    "daily_saved": "Guardado. Cada día irá un dato a {channel} a las {time} ({tz}), en {language}.",
    "daily_disabled": "Las publicaciones diarias están desactivadas en este servidor. Usa /daily setup para "
    "activarlas de nuevo: la rotación seguirá donde estaba.",
    "daily_need_manage": "Necesitas el permiso Gestionar servidor para usar /daily.",
    "daily_guild_only": "/daily solo funciona en un servidor.",
    "daily_no_channel": "ninguno: usa /daily setup",
    "daily_skipped": "Omitida: no se publicará nada el {date}.",
    "daily_skip_nothing": "No hay publicación que omitir: las publicaciones diarias no están configuradas aquí.",
    "daily_skip_taken": "La publicación del {date} ya está hecha o en curso; no hay nada que omitir.",
    "daily_next_dates": "Próximas fechas",
    "daily_rotation": "Rotación",
    "daily_progress": "{shown} de {total} datos mostrados",
    "daily_history_title": "Publicaciones diarias: historial",
    "daily_history_empty": "Todavía no hay publicaciones diarias.",
    "daily_missed": "{date}: perdida (estuve desconectado todo ese día)",
    "daily_skipped_row": "{date}: omitida",
    "daily_story": "la historia del 29 de septiembre",
    "daily_missed_days": "Días perdidos",
    "daily_missed_list": "{days} (estuve desconectado todo el día; no se publican más tarde)",
    "bad_time": "No entendí la hora {value!r}: usa HH:MM en formato de 24 horas, p. ej. 09:00.",
    "bad_tz": "{value!r} no es una zona horaria que conozca. Elige una de la lista al escribir, "
    "p. ej. America/Guayaquil.",
    "cannot_post": "No puedo publicar ahí: en {channel} me falta {missing}. No se guardó nada: "
    "concede esos permisos o elige otro canal.",
    "channel": "Canal",
    "time": "Hora de publicación",
    "tz": "Zona horaria",
    "language": "Idioma",
    "state": "Estado",
    "on": "activadas",
    "off": "desactivadas",
    "default": "predeterminado",
    "next_post": "Próxima publicación",
    "no_next": "ninguna programada",
    "last": "Última publicación",
    "none_yet": "ninguna todavía",
    "posted": "{date}: {link}",
    "interrupted": "{date}: se interrumpió al publicar y aún no se pudo revisar el canal; "
    "vuelvo a revisarlo más tarde hoy, no se reenvió",
    "sending": "{date}: publicándose",
    "permissions": "Permisos",
    "perm_ok": "Bien: puedo publicar e insertar enlaces en {channel}.",
    "perm_missing": "Falta en {channel}: {missing}.",
    "perm_recommended": "Recomendado: {missing} (me permite revisar mi publicación tras un fallo).",
    "problem": "Problema",
    "failure": "{date}, intento {attempts}: {error}",
    "gave_up": "{date}: abandonado tras {attempts} intentos; {error}",
    "lang_en": "inglés",
    "lang_es": "español",
    "perm_view_channel": "Ver canal",
    "perm_send_messages": "Enviar mensajes",
    "perm_send_messages_in_threads": "Enviar mensajes en hilos",
    "perm_embed_links": "Insertar enlaces",
    "perm_read_message_history": "Leer el historial de mensajes",
}

CATALOGS: dict[str, dict[str, str]] = {"en": EN, "es": ES}


def text(lang: str, key: str, **kwargs: object) -> str:
    """The catalog entry ``key`` in ``lang`` (English for an unknown language), formatted."""
    return CATALOGS.get(lang, EN)[key].format(**kwargs)
