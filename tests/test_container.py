"""The container files (no docker engine here): entry point, user, volume, and what is left out."""

from __future__ import annotations

import json
import shlex
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]


def instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    return out


def final_stage(path: Path) -> list[tuple[str, str]]:
    steps = instructions(path)
    last_from = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    return steps[last_from:]


def exec_form(args: str) -> list[str]:
    value = json.loads(args)  # the exec (JSON) form: signals reach perezbot, not a shell
    assert isinstance(value, list) and all(isinstance(v, str) for v in value)
    return value


@pytest.fixture(scope="module")
def stage() -> list[tuple[str, str]]:
    return final_stage(ROOT / "Dockerfile")


def last(stage, word: str) -> str:
    values = [args for w, args in stage if w == word]
    assert values, f"no {word} in the final stage"
    return values[-1]


def test_runs_as_a_non_root_user(stage):
    user = last(stage, "USER").split(":")[0]
    assert user not in ("root", "0", "")
    created = " ".join(args for w, args in stage if w == "RUN")
    assert "useradd" in created and user in shlex.split(created)
    # USER comes after every RUN, so nothing of ours runs as root afterwards.
    words = [w for w, _ in stage]
    assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN")


def test_entry_is_perezbot_run(stage):
    entry = exec_form(last(stage, "ENTRYPOINT"))
    command = exec_form(last(stage, "CMD"))
    assert entry + command == ["perezbot", "run"]
    assert "run" in COMMANDS and "doctor" in COMMANDS  # `docker run IMAGE doctor` works too
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["perezbot"] == "bot.cli:entry_point"


def test_data_lives_in_a_volume_the_user_owns(stage):
    assert exec_form(last(stage, "VOLUME")) == ["/data"]
    env = " ".join(args for w, args in stage if w == "ENV")
    assert "DATA_DIR=/data" in env
    assert "chown perezbot:perezbot /data" in " ".join(args for w, args in stage if w == "RUN")


def test_facts_ship_inside_the_package_not_beside_it(stage):
    final = stage
    # The build stage installs the package with its fact base as package data: no FACTS_DIR needed.
    build = instructions(ROOT / "Dockerfile")[: len(instructions(ROOT / "Dockerfile")) - len(final)]
    assert ("COPY", "facts ./facts") in build
    assert build.index(("COPY", "facts ./facts")) < build.index(("RUN", "/opt/venv/bin/pip install ."))
    assert "FACTS_DIR" not in " ".join(args for w, args in final if w == "ENV")


def test_small_base_image(stage):
    assert stage[0][1].startswith("python:3.11-slim")


def test_secrets_and_local_state_stay_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for pattern in (".env", "data/", ".venv/", ".git/"):
        assert pattern in ignored


def test_compose_has_the_volume_the_env_file_and_the_facts():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    service = compose["services"]["perezbot"]
    assert service["build"] == "."
    assert service["env_file"] == ".env"
    assert "perezbot-data:/data" in service["volumes"]
    assert "perezbot-data" in compose["volumes"]
    assert "./facts:/app/facts:ro" in service["volumes"]
    assert service["environment"]["DATA_DIR"] == "/data"
    assert service["init"] is True and service["restart"] == "unless-stopped"
