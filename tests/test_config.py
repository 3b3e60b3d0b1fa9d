"""Settings: every bad key reported by name, several at once; .env parsing; the environment wins."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings, read_dotenv

GOOD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz012345"


def settings(env: dict[str, str], dotenv: Path | None = None, **kwargs) -> Settings:
    return load_settings(env, dotenv=dotenv, **kwargs)


def problems(env: dict[str, str], dotenv: Path | None = None, **kwargs) -> dict[str, str]:
    with pytest.raises(ConfigError) as caught:
        settings(env, dotenv, **kwargs)
    for key, message in caught.value.problems.items():
        assert f"{key}: {message}" in str(caught.value)
    return caught.value.problems


def test_defaults(tmp_path: Path) -> None:
    got = settings({}, base_dir=tmp_path)
    assert got.discord_token is None and got.dev_guild_id is None
    assert got.log_level == "INFO" and got.log_format == "text"
    assert got.post_time == dt.time(9, 0) and got.timezone == "UTC" and got.record_misses is True
    assert got.data_dir == (tmp_path / "data").resolve()
    assert got.database_path == got.data_dir / "perezbot.sqlite3"
    assert (got.facts_dir / "source.yaml").is_file()


def test_good_values(tmp_path: Path) -> None:
    got = settings(
        {
            "DISCORD_TOKEN": GOOD_TOKEN,
            "DEV_GUILD_ID": "123456789012345678",
            "ANNOUNCE_CHANNEL_ID": "223456789012345678",
            "LOG_LEVEL": "debug",
            "LOG_FORMAT": "JSON",
            "SHARD_COUNT": "2",
            "POST_TIME": "7:30",
            "TIMEZONE": "America/Guayaquil",
            "RECORD_MISSES": "off",
            "FACTS_DIR": str(tmp_path),
            "DATA_DIR": "state",
        },
        base_dir=tmp_path,
    )
    assert got.discord_token == GOOD_TOKEN and got.dev_guild_id == 123456789012345678
    assert got.announce_channel_id == 223456789012345678
    assert got.log_level == "DEBUG" and got.log_format == "json" and got.shard_count == 2
    assert got.post_time == dt.time(7, 30) and got.tz.key == "America/Guayaquil"
    assert got.record_misses is False and got.facts_dir == tmp_path
    assert got.data_dir == (tmp_path / "state").resolve()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("DISCORD_TOKEN", "short"),
        ("DISCORD_TOKEN", "has spaces in it, not a token at all"),
        ("DEV_GUILD_ID", "my-server"),
        ("DEV_GUILD_ID", "12345"),
        ("ANNOUNCE_CHANNEL_ID", "#general"),
        ("LOG_LEVEL", "LOUD"),
        ("LOG_FORMAT", "xml"),
        ("SHARD_COUNT", "0"),
        ("SHARD_COUNT", "many"),
        ("SHARD_COUNT", "-1"),
        ("POST_TIME", "25:00"),
        ("POST_TIME", "9am"),
        ("TIMEZONE", "Mars/Olympus_Mons"),
        ("TIMEZONE", "../../etc/passwd"),
        ("RECORD_MISSES", "maybe"),
        ("FACTS_DIR", "/nonexistent/facts"),
    ],
)
def test_each_bad_key_is_reported_by_name(key: str, value: str) -> None:
    found = problems({key: value})
    assert list(found) == [key]
    assert found[key]


def test_several_bad_keys_at_once() -> None:
    env = {"DISCORD_TOKEN": "x", "LOG_LEVEL": "LOUD", "POST_TIME": "noon", "TIMEZONE": "Nowhere/City"}
    assert set(problems(env)) == {"DISCORD_TOKEN", "LOG_LEVEL", "POST_TIME", "TIMEZONE"}


def test_blank_values_mean_unset() -> None:
    assert settings({"LOG_LEVEL": "  ", "DISCORD_TOKEN": ""}).log_level == "INFO"


def test_superscript_shard_count_is_a_config_error() -> None:
    assert "SHARD_COUNT" in problems({"SHARD_COUNT": "²"})


# ---------------------------------------------------------------------------------------------- .env


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".env"
    path.write_text(text, encoding="utf-8")
    return path


def test_dotenv_parsing(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "# a comment\n"
        "\n"
        "LOG_LEVEL=debug\n"
        'export TIMEZONE="America/Guayaquil"\n'
        "POST_TIME='07:15'\n"
        "LOG_FORMAT=json # inline comment\n"
        'DATA_DIR="a dir # not a comment"\n'
        "NOT A SETTING\n"
        "  RECORD_MISSES = false  \n",
    )
    assert read_dotenv(path) == {
        "LOG_LEVEL": "debug",
        "TIMEZONE": "America/Guayaquil",
        "POST_TIME": "07:15",
        "LOG_FORMAT": "json",
        "DATA_DIR": "a dir # not a comment",
        "RECORD_MISSES": "false",
    }
    got = settings({}, path, base_dir=tmp_path)
    assert got.log_level == "DEBUG" and got.timezone == "America/Guayaquil" and got.post_time == dt.time(7, 15)
    assert got.log_format == "json" and got.record_misses is False


def test_missing_dotenv_is_fine(tmp_path: Path) -> None:
    assert read_dotenv(tmp_path / "absent.env") == {}
    assert settings({}, tmp_path / "absent.env").log_level == "INFO"


def test_environment_overrides_dotenv(tmp_path: Path) -> None:
    path = write(tmp_path, "LOG_LEVEL=debug\nTIMEZONE=Europe/Madrid\n")
    got = settings({"LOG_LEVEL": "ERROR"}, path)
    assert got.log_level == "ERROR" and got.timezone == "Europe/Madrid"


def test_bad_key_from_dotenv_is_reported_by_name(tmp_path: Path) -> None:
    assert list(problems({}, write(tmp_path, "SHARD_COUNT=lots\n"))) == ["SHARD_COUNT"]


def test_good_environment_value_hides_a_bad_dotenv_one(tmp_path: Path) -> None:
    assert settings({"POST_TIME": "08:00"}, write(tmp_path, "POST_TIME=whenever\n")).post_time == dt.time(8, 0)


def test_quoted_value_with_a_trailing_comment(tmp_path: Path) -> None:
    path = write(tmp_path, f'DISCORD_TOKEN="{GOOD_TOKEN}" # the bot\n')
    assert read_dotenv(path)["DISCORD_TOKEN"] == GOOD_TOKEN


@pytest.mark.parametrize(
    ("timezone", "day"),
    [("UTC", dt.date(2026, 1, 1)), ("America/Guayaquil", dt.date(2025, 12, 31)), ("Asia/Tokyo", dt.date(2026, 1, 1))],
)
def test_today_is_the_calendar_day_in_the_configured_timezone(timezone: str, day: dt.date) -> None:
    moment = dt.datetime(2026, 1, 1, 3, 0, tzinfo=dt.UTC)
    assert Settings(timezone=timezone).today(moment) == day


def test_today_refuses_a_naive_instant_which_would_mean_the_machines_zone() -> None:
    with pytest.raises(ValueError, match="aware"):
        Settings().today(dt.datetime(2026, 1, 1, 3, 0))


def test_the_shipped_facts_are_found_beside_the_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.config
    from bot.config import shipped_facts_dir

    installed = tmp_path / "site-packages" / "bot"
    (installed / "facts").mkdir(parents=True)
    monkeypatch.setattr(bot.config, "__file__", str(installed / "config.py"))
    assert shipped_facts_dir() == installed / "facts"  # the wheel's layout, wherever it is installed
    (installed / "facts").rmdir()
    assert shipped_facts_dir() == tmp_path / "site-packages" / "facts"  # a checkout: beside the package
    assert Settings().facts_dir == tmp_path / "site-packages" / "facts"  # the default, unless FACTS_DIR says


def test_the_shipped_facts_of_this_checkout_are_its_top_level_facts(tmp_path: Path) -> None:
    from bot.config import shipped_facts_dir

    assert shipped_facts_dir() == Path(__file__).resolve().parents[1] / "facts"
    assert settings({"FACTS_DIR": str(tmp_path)}).facts_dir == tmp_path  # FACTS_DIR still overrides
