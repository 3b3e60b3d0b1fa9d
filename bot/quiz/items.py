"""Quiz items: read ``facts/quiz/*.yaml``, check them against the facts, order their options.

Items live beside the fact base, one file per fact file, as a mapping of fact id to a list of
items. Each item has a ``kind`` (year, place, person…) and, per language, a question, the right
answer (words taken from the fact's own text, so the article backs it) and three wrong options of
the same kind. Problems carry ``file:line`` like the fact base's own checks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.facts import LANGS, UNSAFE_RE, FactBase, Problem
from bot.core.text import fold

__all__ = [
    "MAX_OPTION",
    "QUIZ_DIR",
    "Question",
    "QuizItem",
    "check_quiz",
    "load_items",
    "read_items",
]

QUIZ_DIR = "quiz"  # under the fact directory; the fact loader reads only the top level
MAX_OPTION = 76  # a button label is at most 80 characters, and ours start with "1. "
ITEM_FIELDS = ("kind", *LANGS)
QUESTION_FIELDS = ("question", "answer", "wrong")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PUNCT = re.compile(r"(?<!\d):|:(?!\d)|[^\w:]+")  # a colon counts only inside a time (1:20:07)
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*")


def _key(text: str) -> str:
    """How two options compare: folded (case, accents, quotes), punctuation and spacing ignored."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(re.sub(r"[.,]", "", n)) for n in _NUMBER.findall(text))


def stable_order(item_id: str, lang: str, options: Sequence[str]) -> tuple[str, ...]:
    """The options in an order that never changes: by value when all hold numbers, else by a hash.

    Not sorted by the text (the right answer would drift to a letter) and not random per showing
    (a stable order lets a channel compare notes on "the third button").
    """
    if all(_numbers(o) for o in options):
        return tuple(sorted(options, key=_numbers))
    return tuple(sorted(options, key=lambda o: hashlib.sha256(f"{item_id}|{lang}|{o}".encode()).hexdigest()))


@dataclass(frozen=True, slots=True)
class Question:
    """One item in one language: the question and its four options in their stable order."""

    text: str
    answer: str
    wrong: tuple[str, ...]
    options: tuple[str, ...]

    @property
    def right(self) -> int:
        """The index (0–3) of the right answer among :attr:`options`."""
        return self.options.index(self.answer)


@dataclass(frozen=True, slots=True)
class QuizItem:
    """A multiple-choice question testing one fact, in English and Spanish."""

    id: str  # "<fact id>#<n>", n counting from 1 in the file
    fact_id: str
    kind: str
    questions: Mapping[str, Question]
    path: Path | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)

    def question(self, lang: str) -> Question:
        return self.questions.get(lang) or self.questions["en"]


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(path, node.start_mark.line + 1, message))


def _scalar_text(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    return None


def _fields(out: _Collector, path: Path, node: yaml.Node, allowed: Sequence[str], what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        out.add(path, node, f"{what} must be a mapping")
        return {}
    found: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if key.value not in allowed:
            out.add(path, key, f"unknown field {key.value!r} in {what} (allowed: {', '.join(allowed)})")
        elif key.value in found:
            out.add(path, key, f"duplicate field {key.value!r} in {what}")
        else:
            found[key.value] = value
    for name in allowed:
        if name not in found:
            out.add(path, node, f"{what} is missing {name!r}")
    return found


def _read_question(
    out: _Collector, path: Path, node: yaml.Node, item_id: str, lang: str, fact_text: str | None
) -> Question | None:
    what = f"quiz item {item_id} ({lang})"
    fields = _fields(out, path, node, QUESTION_FIELDS, what)
    if len(fields) < len(QUESTION_FIELDS):
        return None
    before = len(out.problems)
    text = _scalar_text(fields["question"])
    answer = _scalar_text(fields["answer"])
    if text is None:
        out.add(path, fields["question"], f"{what}: the question must be non-empty text")
    if answer is None:
        out.add(path, fields["answer"], f"{what}: the answer must be non-empty text")
    wrong_node = fields["wrong"]
    wrong: list[str] = []
    if not isinstance(wrong_node, yaml.SequenceNode) or len(wrong_node.value) != 3:
        out.add(path, wrong_node, f"{what}: 'wrong' must list exactly three wrong options")
    else:
        for option in wrong_node.value:
            value = _scalar_text(option)
            if value is None:
                out.add(path, option, f"{what}: a wrong option must be non-empty text")
            else:
                wrong.append(value)
    if len(out.problems) > before or text is None or answer is None:
        return None
    options = [answer, *wrong]
    for value, where in zip(options, [fields["answer"], *wrong_node.value], strict=True):
        if len(value) > MAX_OPTION:
            out.add(path, where, f"{what}: option {value!r} is longer than {MAX_OPTION} characters (a button)")
    for value, where in ((text, fields["question"]), *zip(options, [fields["answer"], *wrong_node.value], strict=True)):
        if UNSAFE_RE.search(value):
            out.add(path, where, f"{what}: {value!r} contains mention or invite syntax")
    for option, where in zip(wrong, wrong_node.value, strict=True):
        if _key(option) == _key(answer):
            out.add(path, where, f"{what}: wrong option {option!r} is the right answer {answer!r}")
    if len({_key(o) for o in options}) != 4:
        out.add(path, wrong_node, f"{what}: the four options must all be different: {options}")
    if fact_text is not None and f" {_key(answer)} " not in f" {_key(fact_text)} ":  # whole words only
        out.add(path, fields["answer"], f"{what}: the right answer {answer!r} is not in the fact's {lang} text")
    if len(out.problems) > before:
        return None
    return Question(text, answer, tuple(wrong), stable_order(item_id, lang, options))


def _read_file(out: _Collector, path: Path, facts: FactBase | None) -> list[QuizItem]:
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        out.problems.append(Problem(path, 1, f"cannot read file: {exc}"))
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        out.problems.append(Problem(path, mark.line + 1 if mark else 1, f"bad YAML: {getattr(exc, 'problem', exc)}"))
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        out.add(path, root, "a quiz file must map fact ids to lists of items")
        return []
    items: list[QuizItem] = []
    for key, value in root.value:
        fact_id = str(key.value)
        fact = facts.get(fact_id) if facts is not None else None
        if facts is not None and fact is None:
            out.add(path, key, f"quiz items for {fact_id!r}, which is not a fact")
            continue
        if not isinstance(value, yaml.SequenceNode) or not value.value:
            out.add(path, value, f"the quiz items for {fact_id!r} must be a non-empty list")
            continue
        for n, node in enumerate(value.value, 1):
            item_id = f"{fact_id}#{n}"
            fields = _fields(out, path, node, ITEM_FIELDS, f"quiz item {item_id}")
            kind = _scalar_text(fields["kind"]) if "kind" in fields else None
            if "kind" in fields and kind is None:
                out.add(path, fields["kind"], f"quiz item {item_id}: kind must be a word (year, place, person…)")
            questions = {}
            for lang in LANGS:
                if lang in fields:
                    text = fact.text(lang) if fact is not None else None
                    question = _read_question(out, path, fields[lang], item_id, lang, text)
                    if question is not None:
                        questions[lang] = question
            if kind is not None and len(questions) == len(LANGS):
                items.append(QuizItem(item_id, fact_id, kind, questions, path, node.start_mark.line + 1))
    return items


def read_items(directory: Path, facts: FactBase | None) -> tuple[tuple[QuizItem, ...], list[Problem]]:
    """Every valid item under ``directory/quiz`` and every problem found.

    Without ``facts`` (the fact base itself has problems) the items are checked on their own:
    shape, languages, options; not whether their fact exists or backs the answer.
    """
    out = _Collector()
    items: list[QuizItem] = []
    folder = Path(directory) / QUIZ_DIR
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        items.extend(_read_file(out, path, facts))
    seen: dict[str, QuizItem] = {}
    for item in items:  # one fact's items split over two files would reuse "<fact>#1"
        if item.id in seen:
            first = seen[item.id]
            out.problems.append(
                Problem(
                    item.path or folder,
                    item.line,
                    f"duplicate quiz item {item.id} (first at {first.path}:{first.line})",
                )
            )
        seen.setdefault(item.id, item)
    return tuple(seen.values()), out.problems


def check_quiz(directory: Path, facts: FactBase | None) -> list[Problem]:
    """The problems ``perezbot check`` reports for the quiz items of the fact base in ``directory``."""
    return read_items(directory, facts)[1]


def load_items(facts: FactBase) -> tuple[QuizItem, ...]:
    """The valid items for a loaded fact base (a broken item is left out, never fatal)."""
    return read_items(facts.directory, facts)[0]
