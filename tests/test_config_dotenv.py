"""The one settings loader: .env encodings, typo warnings, DATA_DIR checked before anything connects."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings, read_dotenv
from tests.cli.clirun import run
from tests.coredata import REPO

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz012345"


def dotenv(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / ".env"
    path.write_bytes(data)
    return path


def test_a_byte_order_mark_does_not_hide_the_first_key(tmp_path: Path) -> None:
    path = dotenv(tmp_path, "\ufeffTIMEZONE=America/Guayaquil\nLOG_LEVEL=debug\n".encode())
    assert read_dotenv(path) == {"TIMEZONE": "America/Guayaquil", "LOG_LEVEL": "debug"}
    assert load_settings({}, dotenv=path, base_dir=tmp_path).timezone == "America/Guayaquil"


def test_an_undecodable_dotenv_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = dotenv(tmp_path, f"# perezbot\nDISCORD_TOKEN={TOKEN}\nTIMEZONE=Am\xe9rica/Quito\n".encode("latin-1"))
    with pytest.raises(ConfigError) as caught:
        load_settings({}, dotenv=path, base_dir=tmp_path)
    assert list(caught.value.problems) == [str(path)]
    assert "line 3 is not UTF-8" in str(caught.value) and "0xe9" in str(caught.value)


def test_an_undecodable_dotenv_stops_run_with_exit_2_instead_of_starting_the_console(tmp_path: Path) -> None:
    path = dotenv(tmp_path, f"DISCORD_TOKEN={TOKEN}\nNAME=P\xe9rez\n".encode("latin-1"))
    for command in ("start", "run", "ask"):
        got = (
            run(command, "hi", env={"PEREZBOT_DOTENV": str(path)})
            if command == "ask"
            else run(command, env={"PEREZBOT_DOTENV": str(path)})
        )
        assert got.status == 2, command
        assert (
            got.err.strip() == f"perezbot: invalid configuration: {path}: line 2 is not UTF-8 text (byte 0xe9); "
            "save the file as UTF-8"
        )
        assert got.out == ""


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("TIMEZON", "TIMEZONE"), ("timezone", "TIMEZONE"), ("DISCORD_TOKN", "DISCORD_TOKEN"), ("DATADIR", "DATA_DIR")],
)
def test_a_key_that_looks_like_ours_gets_a_warning_naming_the_closest(tmp_path: Path, typo: str, meant: str) -> None:
    path = dotenv(tmp_path, f"{typo}=x\nCOMPOSE_PROJECT_NAME=bot\n".encode())
    got = load_settings({}, dotenv=path, base_dir=tmp_path)
    assert got.warnings == (f"{path}: unknown key {typo!r} is ignored; did you mean {meant}?",)


def test_the_warning_reaches_stderr_and_the_command_goes_on(tmp_path: Path) -> None:
    path = dotenv(tmp_path, b"TIMEZON=America/Guayaquil\n")
    got = run("ask", "when did he retire", env={"PEREZBOT_DOTENV": str(path)})
    assert got.status == 0 and "2008" in got.out
    assert "did you mean TIMEZONE?" in got.err and len(got.err.splitlines()) == 1


def test_doctor_agrees_with_run_on_the_dotenv(tmp_path: Path) -> None:
    bad = dotenv(tmp_path, b"DISCORD_TOKEN=\xff\n")
    got = run("doctor", env={"PEREZBOT_DOTENV": str(bad)})
    assert got.status == 1 and "FAIL  settings" in got.out and "line 1 is not UTF-8" in got.out
    typo = dotenv(tmp_path, b"TIMEZON=UTC\n")
    got = run("doctor", env={"PEREZBOT_DOTENV": str(typo), "DATA_DIR": str(tmp_path / "data")})
    assert "warn  settings" in got.out and "did you mean TIMEZONE?" in got.out


def test_doctor_reports_a_bad_time_zone_once_and_never_as_ok(tmp_path: Path) -> None:
    got = run("doctor", env={"TIMEZONE": "Mars/Olympus", "DATA_DIR": str(tmp_path)})
    assert "FAIL  time zone  TIMEZONE: unknown IANA time zone 'Mars/Olympus'" in got.out
    assert "ok    time zone" not in got.out


# ---------------------------------------------------------------------------------------------- DATA_DIR


def test_data_dir_that_is_a_file_is_a_setting_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings({"DATA_DIR": str(blocker)}, dotenv=None)
    assert caught.value.problems == {"DATA_DIR": f"{blocker} is not a directory"}
    assert str(caught.value) == f"invalid configuration: DATA_DIR: {blocker} is not a directory"


def test_data_dir_under_a_file_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings({"DATA_DIR": str(blocker / "data")}, dotenv=None)
    assert "cannot create" in caught.value.problems["DATA_DIR"]


def test_read_only_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root every directory is writable, so the permission answer is what is simulated here.
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setattr("bot.config.os.access", lambda path, mode: Path(path) != locked)
    with pytest.raises(ConfigError) as caught:
        load_settings({"DATA_DIR": str(locked / "sub")}, dotenv=None)
    assert caught.value.problems == {"DATA_DIR": f"{locked} is not writable by this user"}


def test_a_data_dir_that_does_not_exist_yet_is_fine_and_is_not_created(tmp_path: Path) -> None:
    got = load_settings({"DATA_DIR": str(tmp_path / "a" / "b")}, dotenv=None)
    assert got.data_dir == tmp_path / "a" / "b" and not (tmp_path / "a").exists()


@pytest.mark.parametrize("command", ["run", "sync", "misses", "stats", "ask"])
def test_every_command_refuses_a_data_dir_that_is_a_file_in_one_line(tmp_path: Path, command: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    argv = [command, "hi"] if command == "ask" else [command]
    got = run(*argv, env={"DATA_DIR": str(blocker), "DISCORD_TOKEN": TOKEN})
    assert got.status == 2
    assert got.err == f"perezbot: invalid configuration: DATA_DIR: {blocker} is not a directory\n"


def test_misses_tells_no_database_yet_from_one_that_cannot_be_there(tmp_path: Path) -> None:
    got = run("misses", env={"DATA_DIR": str(tmp_path)})
    assert got.status == 0 and "Nothing recorded yet" in got.out
    (tmp_path / "perezbot.sqlite3").mkdir()
    got = run("stats", env={"DATA_DIR": str(tmp_path)})
    assert got.status == 2 and "is not a file" in got.err and "DATA_DIR" in got.err and got.out == ""
    (tmp_path / "perezbot.sqlite3").rmdir()
    (tmp_path / "perezbot.sqlite3").write_bytes(b"not sqlite at all" * 100)
    got = run("misses", env={"DATA_DIR": str(tmp_path)})
    assert got.status == 1 and "cannot open the database" in got.err


# ---------------------------------------------------------------------------------------------- hygiene


def test_defaults_resolve_inside_the_working_directory_not_the_checkout(tmp_path: Path) -> None:
    got = load_settings({}, dotenv=None)
    assert got.data_dir == Path.cwd().resolve() / "data"
    assert REPO not in got.data_dir.parents
    assert Settings().database_path.resolve().is_relative_to(tmp_path)


def test_commands_with_default_settings_write_nothing_into_the_checkout() -> None:
    before = (REPO / "data").exists()
    assert run("ask", "when did he retire").status == 0
    assert run("misses").status == 0
    assert (REPO / "data").exists() == before
    assert not (Path.cwd() / "data").exists()  # misses reads; it never creates a database


def test_the_dev_set_copy_matches_the_shared_one_when_that_is_beside_the_clone() -> None:
    from tests.coredata import DEV_SET, SHARED_DEV_SET

    assert DEV_SET.is_file()
    if SHARED_DEV_SET.is_file():  # a checkout with shared/ beside it: the copy must not drift
        assert DEV_SET.read_bytes() == SHARED_DEV_SET.read_bytes()


def test_start_warns_once_even_though_it_reads_the_settings_twice(tmp_path: Path) -> None:
    path = dotenv(tmp_path, b"TIMEZON=UTC\n")
    got = run("start", stdin="quit\n", env={"PEREZBOT_DOTENV": str(path)})
    assert got.status == 0 and got.err.count("did you mean TIMEZONE?") == 1


def _perezbot_imports(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names
    }
    return {m for m in imported if m and (m == "bot" or m.startswith("bot."))}


def test_config_is_a_leaf_module() -> None:
    """Settings load without the rest of perezbot: only the value base, itself a leaf."""
    assert _perezbot_imports(REPO / "bot" / "config.py") <= {"bot.core.record"}
    assert _perezbot_imports(REPO / "bot" / "core" / "record.py") == set()


def test_license_is_an_spdx_expression() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"


@pytest.mark.parametrize(
    ("env_text", "dotenv_bytes"),
    [
        ({}, b""),
        ({"TIMEZONE": "Nowhere/City"}, b""),
        ({}, b"\xef\xbb\xbfTIMEZONE=America/Guayaquil\n"),
        ({}, b"TIMEZONE=Am\xe9rica/Quito\n"),
        ({}, b"TIMEZON=UTC\n"),
        ({"DATA_DIR": "afile"}, b""),
        ({"SHARD_IDS": "0"}, b""),
    ],
)
def test_doctor_fails_the_settings_exactly_when_the_commands_refuse_them(
    tmp_path: Path, env_text: dict[str, str], dotenv_bytes: bytes
) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    env = {"PEREZBOT_DOTENV": str(dotenv(tmp_path, dotenv_bytes)), "DATA_DIR": str(tmp_path / "data")}
    env |= {k: str(tmp_path / v) if k == "DATA_DIR" else v for k, v in env_text.items()}
    refused = run("facts", env=env).status == 2
    doctor = run("doctor", env=env).out
    assert ("FAIL  settings" in doctor) == refused, doctor
