"""Load and validate the YAML fact base into an immutable model.

Every problem is reported as ``file:line: message`` so a curator can jump straight to it.
The fact base is a directory: ``source.yaml`` describes the article, every other ``*.yaml``
file holds a list of facts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import shipped_facts_dir
from bot.core.lazyimport import LazyModule
from bot.core.lazyre import lazy
from bot.core.record import Frozen
from bot.core.text import Lexicon

if TYPE_CHECKING:
    import yaml
else:
    yaml = LazyModule("yaml")  # only a build reads YAML: a cached start never imports the parser

__all__ = [
    "LANGS",
    "Citation",
    "Fact",
    "FactBase",
    "FactBaseError",
    "Problem",
    "Source",
    "check_facts",
    "default_facts_dir",
    "load_facts",
]

LANGS: tuple[str, ...] = ("en", "es")
_LOADER: type[yaml.SafeLoader] | None = None  # the parser, when not the default (tests try both)


def _loader() -> type[yaml.SafeLoader]:
    """libyaml's C parser when PyYAML has it (it keeps line marks), else the pure-Python one."""
    if _LOADER is not None:
        return _LOADER
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader

ID_RE = lazy(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Text that could ping someone or advertise: mentions, role/channel syntax, invite links.
UNSAFE_RE = lazy(
    r"@everyone|@here|<@[!&]?\d*>|<#\d*>|discord(?:app)?\.(?:gg|com/invite)/|discord\.gg",
    re.IGNORECASE,
)
FACT_FIELDS = {
    "id": True,
    "title": True,
    "answer": True,
    "questions": True,
    "keywords": False,
    "citation": True,
    "tags": False,
    "date": False,
    "year": False,
    "as_of": False,
    "derived": False,
}
SOURCE_FIELDS = {"title": True, "publisher": False, "url": False, "paragraphs": True}


def default_facts_dir() -> Path:
    """The fact base shipped with the package (see :func:`bot.config.shipped_facts_dir`)."""
    return shipped_facts_dir()


class Problem(Frozen):
    """One validation problem, located in a file."""

    _fields = ("path", "line", "message")
    __slots__ = _fields
    path: Path
    line: int
    message: str

    def __init__(self, path: Path, line: int, message: str) -> None:
        _set = object.__setattr__
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "message", message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class FactBaseError(Exception):
    """Raised by :func:`load_facts` when the fact base has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Source(Frozen):
    """The article every fact is drawn from."""

    _fields = ("title", "publisher", "url", "paragraphs")
    __slots__ = _fields
    title: str
    publisher: str | None
    url: str | None
    paragraphs: int

    def __init__(self, title: str, publisher: str | None, url: str | None, paragraphs: int) -> None:
        _set = object.__setattr__
        _set(self, "title", title)
        _set(self, "publisher", publisher)
        _set(self, "url", url)
        _set(self, "paragraphs", paragraphs)


class Citation(Frozen):
    """Where in the article a fact comes from: a paragraph number (and any other paragraph a
    detail of it comes from), or the photo caption."""

    _fields = ("paragraph", "caption", "also")
    __slots__ = _fields
    paragraph: int | None
    caption: bool
    also: tuple[int, ...]

    def __init__(self, paragraph: int | None, caption: bool = False, also: tuple[int, ...] = ()) -> None:
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "caption", caption)
        object.__setattr__(self, "also", also)

    def label(self, lang: str = "en") -> str:
        if self.caption:
            return "pie de foto" if lang == "es" else "photo caption"
        return ", ".join(f"¶{p}" for p in (self.paragraph, *self.also))


class Fact(Frozen):
    """One curated fact, in English and Spanish."""

    _fields = (
        "id", "title", "answer", "questions", "keywords", "citation", "tags", "date", "year", "as_of",
        "derived", "path", "line",
    )  # fmt: skip
    __slots__ = _fields
    _compare = _fields[:-2]  # where it was read from is no part of the fact
    id: str
    title: Mapping[str, str]
    answer: Mapping[str, str]
    questions: Mapping[str, tuple[str, ...]]
    keywords: tuple[str, ...]
    citation: Citation
    tags: tuple[str, ...]
    date: dt.date | None
    year: int | None
    as_of: str | None
    # How a value the article does not state outright was worked out (e.g. a date counted back from
    # "nine days earlier"); the answer says so in its own wording.
    derived: str | None
    path: Path | None
    line: int

    def __init__(
        self,
        id: str,
        title: Mapping[str, str],
        answer: Mapping[str, str],
        questions: Mapping[str, tuple[str, ...]],
        keywords: tuple[str, ...],
        citation: Citation,
        tags: tuple[str, ...] = (),
        date: dt.date | None = None,
        year: int | None = None,
        as_of: str | None = None,
        derived: str | None = None,
        path: Path | None = None,
        line: int = 0,
    ) -> None:
        _set = object.__setattr__
        _set(self, "id", id)
        _set(self, "title", title)
        _set(self, "answer", answer)
        _set(self, "questions", questions)
        _set(self, "keywords", keywords)
        _set(self, "citation", citation)
        _set(self, "tags", tags)
        _set(self, "date", date)
        _set(self, "year", year)
        _set(self, "as_of", as_of)
        _set(self, "derived", derived)
        _set(self, "path", path)
        _set(self, "line", line)

    def text(self, lang: str) -> str:
        """The answer in ``lang`` (English when that language is missing)."""
        return self.answer.get(lang) or self.answer["en"]

    def name(self, lang: str) -> str:
        """The short title in ``lang``."""
        return self.title.get(lang) or self.title["en"]


class FactBase(Frozen):
    """The validated, immutable fact base."""

    _fields = ("source", "facts", "directory", "lexicon")
    __slots__ = _fields
    source: Source
    facts: tuple[Fact, ...]
    directory: Path
    lexicon: Lexicon

    def __init__(
        self, source: Source, facts: tuple[Fact, ...], directory: Path, lexicon: Lexicon | None = None
    ) -> None:
        _set = object.__setattr__
        _set(self, "source", source)
        _set(self, "facts", facts)
        _set(self, "directory", directory)
        _set(self, "lexicon", Lexicon() if lexicon is None else lexicon)

    def get(self, fact_id: str) -> Fact | None:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        return None

    def __len__(self) -> int:
        return len(self.facts)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)


def _yaml_error(text: str, exc: yaml.YAMLError) -> tuple[int, str]:
    """The line a YAML error points at and a one-line reason, for every error kind.

    An unterminated quote or bracket is noticed only further down (often at the end of the file):
    point at where it opened (the context mark) instead. A bad character has a position but no mark.
    """
    problem, context = getattr(exc, "problem", None), getattr(exc, "context", None)
    mark, opened = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        code = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
        return line, f"unacceptable character #x{code:04x}: {exc.reason}"
    reason = str(problem or str(exc).splitlines()[0])
    if mark is None:
        return (opened.line + 1 if opened is not None else 1), reason
    line = mark.line + 1
    if opened is not None and context and opened.line != mark.line:
        if any(opener in context for opener in ("quoted scalar", "flow sequence", "flow mapping")):
            return opened.line + 1, f"{reason} ({context} opened on this line and never closed)"
        reason += f" ({context} at line {opened.line + 1})"
    return line, reason


def _duplicate_keys(node: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node]]:
    """Every (repeated key, first key) pair in the tree: YAML silently keeps the last one."""
    out: list[tuple[yaml.Node, yaml.Node]] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[object, yaml.Node] = {}
            for key_node, value_node in current.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                if key in seen:
                    out.append((key_node, seen[key]))
                else:
                    seen[key] = key_node
                stack.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(out, key=lambda pair: pair[0].start_mark.line)


class _Reader:
    """Collects problems while turning YAML nodes into values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # (file, line of the fact) → {phrasing: its own line}, so a clash is reported where it is.
        self.phrasing_lines: dict[tuple[Path, int], dict[str, int]] = {}

    def add(self, path: Path, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(path, line, message))

    def compose(self, path: Path) -> yaml.Node | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.problems.append(Problem(path, 1, f"cannot read file: {exc.strerror or exc}"))
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            byte = data[exc.start]
            self.problems.append(Problem(path, line, f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"))
            return None
        if not text.strip():
            self.problems.append(Problem(path, 1, "the file is empty"))
            return None
        try:
            root = yaml.compose(text, Loader=_loader())
        except yaml.YAMLError as exc:
            line, reason = _yaml_error(text, exc)
            self.problems.append(Problem(path, line, f"bad YAML: {reason}"))
            return None
        for key_node, first in _duplicate_keys(root):
            self.add(path, key_node, f"duplicate field {key_node.value!r} (first at line {first.start_mark.line + 1})")
        return root

    @staticmethod
    def value(node: yaml.Node) -> Any:
        constructor = yaml.SafeLoader("")  # the constructor only; nodes carry their own marks
        return constructor.construct_object(node, deep=True)

    def mapping(
        self, path: Path, node: yaml.Node, fields: Mapping[str, bool], what: str
    ) -> dict[str, tuple[yaml.Node, Any]] | None:
        if not isinstance(node, yaml.MappingNode):
            self.add(path, node, f"{what} must be a mapping")
            return None
        out: dict[str, tuple[yaml.Node, Any]] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in fields:
                allowed = ", ".join(fields)
                self.add(path, key_node, f"unknown field {key!r} in {what} (allowed: {allowed})")
                continue
            if key in out:  # already reported by compose(), with both lines
                continue
            try:
                out[key] = (value_node, self.value(value_node))
            except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for 2008-02-30
                self.add(path, value_node, f"bad value for {key!r}: {exc}")
        for key, required in fields.items():
            if required and key not in out:
                self.add(path, node, f"{what} is missing required field {key!r}")
        return out


def _check_text(reader: _Reader, path: Path, node: yaml.Node, text: Any, what: str) -> str | None:
    if not isinstance(text, str) or not text.strip():
        reader.add(path, node, f"{what} must be non-empty text")
        return None
    if UNSAFE_RE.search(text):
        reader.add(path, node, f"{what} contains mention or invite syntax: {text!r}")
        return None
    return text.strip()


def _bilingual(reader: _Reader, path: Path, node: yaml.Node, value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        reader.add(path, node, f"{what} must map each language (en, es) to text")
        return {}
    out: dict[str, str] = {}
    for lang in LANGS:
        if lang not in value:
            reader.add(path, node, f"{what} is missing {'Spanish' if lang == 'es' else 'English'} ({lang})")
    for lang, text in value.items():
        if lang not in LANGS:
            reader.add(path, node, f"{what} has unknown language {lang!r}")
            continue
        checked = _check_text(reader, path, node, text, f"{what}.{lang}")
        if checked:
            out[lang] = checked
    return out


def _string_list(reader: _Reader, path: Path, node: yaml.Node, value: Any, what: str) -> tuple:
    if value is None:
        return ()
    if not isinstance(value, list):
        reader.add(path, node, f"{what} must be a list of text")
        return ()
    out = []
    for item in value:
        if isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)  # a bare year or number is fine as a keyword
        checked = _check_text(reader, path, node, item, f"{what} entry")
        if checked:
            out.append(checked)
    return tuple(out)


def _read_source(reader: _Reader, directory: Path) -> Source | None:
    path = directory / "source.yaml"
    if not path.is_file():
        reader.problems.append(Problem(path, 1, "missing source.yaml (the article the facts cite)"))
        return None
    node = reader.compose(path)
    if node is None:
        return None
    fields = reader.mapping(path, node, SOURCE_FIELDS, "source")
    if fields is None:
        return None
    title = _check_text(reader, path, *fields.get("title", (node, None)), "source title")
    paragraphs_node, paragraphs = fields.get("paragraphs", (node, None))
    if not isinstance(paragraphs, int) or isinstance(paragraphs, bool) or paragraphs < 1:
        reader.add(path, paragraphs_node, "paragraphs must be a positive whole number")
        paragraphs = None
    optional = {}
    for key in ("publisher", "url"):
        if key in fields:
            optional[key] = _check_text(reader, path, *fields[key], f"source {key}")
    if title is None or paragraphs is None:
        return None
    return Source(title, optional.get("publisher"), optional.get("url"), paragraphs)


def _read_citation(reader: _Reader, path: Path, node: yaml.Node, value: Any, source: Source | None) -> Citation | None:
    if not isinstance(value, dict) or set(value) - {"paragraph", "caption", "also"} or not value:
        reader.add(path, node, "citation must be {paragraph: N} or {caption: true}")
        return None
    if "paragraph" in value and "caption" in value:
        reader.add(path, node, "citation must be {paragraph: N} or {caption: true}, not both")
        return None
    if value.get("caption") is True:
        return Citation(paragraph=None, caption=True)
    paragraph = value.get("paragraph")
    if not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1:
        reader.add(path, node, "citation paragraph must be a positive whole number")
        return None
    also = value.get("also", [])
    if not isinstance(also, list) or not all(isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in also):
        reader.add(path, node, "citation also must list positive whole numbers")
        return None
    for number in (paragraph, *also):
        if source is not None and number > source.paragraphs:
            reader.add(path, node, f"citation paragraph {number} is past the article's {source.paragraphs}")
            return None
    return Citation(paragraph=paragraph, also=tuple(also))


MONTHS = {
    "en": ("January February March April May June July August September October November December").split(),
    "es": ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split(),
}


def _says_date(text: str, day: dt.date, lang: str) -> bool:
    """Does ``text`` state ``day`` (29 September 2008, September 29, 2008, 29 de septiembre de 2008)?"""
    d, y, month = day.day, day.year, MONTHS[lang][day.month - 1]
    if lang == "es":
        pattern = rf"\b{d} de {month} de {y}\b"
    else:
        pattern = rf"\b{d}(?:st|nd|rd|th)? {month},? {y}\b|\b{month} {d}(?:st|nd|rd|th)?,? {y}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None or day.isoformat() in text


def _check_date(
    reader: _Reader, path: Path, node: yaml.Node, day: dt.date, answer: Mapping[str, str], today: dt.date | None
) -> None:
    """A dated fact drives the anniversary posts: the date must be past and be the one the answer gives.

    Run by ``perezbot check``, ``doctor`` and the reloads (which pass ``today``), so test fixtures may date
    facts freely.
    """
    if today is None:
        return
    if day > today:
        reader.add(path, node, f"date {day} is in the future (today is {today}): it would never be posted")
    silent = [lang for lang in LANGS if lang in answer and not _says_date(answer[lang], day, lang)]
    if silent:
        reader.add(path, node, f"date {day} disagrees with the answer ({', '.join(silent)}), which does not give it")


def _read_fact(
    reader: _Reader, path: Path, node: yaml.Node, source: Source | None, today: dt.date | None = None
) -> Fact | None:
    fields = reader.mapping(path, node, FACT_FIELDS, "fact")
    if fields is None:
        return None
    before = len(reader.problems)
    id_node, fact_id = fields.get("id", (node, None))
    if not isinstance(fact_id, str) or not ID_RE.match(fact_id):
        reader.add(path, id_node, f"id must be lowercase words joined by '-', got {fact_id!r}")
    # A missing required field was reported once by mapping(); nothing more is said about it.
    title = _bilingual(reader, path, *fields["title"], "title") if "title" in fields else {}
    answer = _bilingual(reader, path, *fields["answer"], "answer") if "answer" in fields else {}
    q_node, q_value = fields.get("questions", (node, None))
    questions: dict[str, tuple[str, ...]] = {}
    if "questions" not in fields:
        pass
    elif not isinstance(q_value, dict):
        reader.add(path, q_node, "questions must map each language (en, es) to a list")
    else:
        for lang in LANGS:
            phrasings = _string_list(reader, path, q_node, q_value.get(lang), f"questions.{lang}")
            if not phrasings:
                language = "Spanish" if lang == "es" else "English"
                reader.add(path, q_node, f"questions is missing {language} ({lang}) phrasings")
            questions[lang] = phrasings
        for lang in set(q_value) - set(LANGS):
            reader.add(path, q_node, f"questions has unknown language {lang!r}")
        lines = reader.phrasing_lines.setdefault((path, node.start_mark.line + 1), {})
        for _, items in q_node.value if isinstance(q_node, yaml.MappingNode) else ():
            for item in items.value if isinstance(items, yaml.SequenceNode) else ():
                if isinstance(item, yaml.ScalarNode):
                    lines.setdefault(str(item.value).strip(), item.start_mark.line + 1)
    keywords = _string_list(reader, path, *fields.get("keywords", (node, None)), "keywords")
    tags = _string_list(reader, path, *fields.get("tags", (node, None)), "tags")
    citation = None
    if "citation" in fields:
        citation = _read_citation(reader, path, *fields["citation"], source)
    date = None
    if "date" in fields:
        date_node, date = fields["date"]
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            reader.add(path, date_node, f"date must be YYYY-MM-DD, got {date!r}")
            date = None
        else:
            _check_date(reader, path, date_node, date, answer, today)
    year = date.year if date else None
    if "year" in fields:
        year_node, year = fields["year"]
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
            reader.add(path, year_node, f"year must be a year like 1996, got {year!r}")
            year = None
        elif date is not None and date.year != year:
            reader.add(path, year_node, f"year {year} disagrees with date {date}")
        elif date is None and today is not None and year > today.year:
            reader.add(path, year_node, f"year {year} is in the future (today is {today})")
    as_of = None
    if "as_of" in fields:
        as_of = _check_text(reader, path, *fields["as_of"], "as_of")
    derived = None
    if "derived" in fields:
        derived = _check_text(reader, path, *fields["derived"], "derived")
    if len(reader.problems) > before or citation is None:
        return None
    return Fact(
        id=fact_id,
        title=title,
        answer=answer,
        questions=questions,
        keywords=keywords,
        citation=citation,
        tags=tags,
        date=date,
        year=year,
        as_of=as_of,
        derived=derived,
        path=path,
        line=node.start_mark.line + 1,
    )


def _fact_files(reader: _Reader, directory: Path) -> Iterable[Path]:
    """The ``*.yaml`` fact files; a ``*.yml`` file would be silently skipped, so it is a problem."""
    for path in sorted(directory.glob("*.yml")):
        reader.problems.append(Problem(path, 1, f"not read: fact files end in .yaml (rename it to {path.stem}.yaml)"))
    return sorted(p for p in directory.glob("*.yaml") if p.name not in ("source.yaml", "lexicon.yaml"))


def _cross_checks(reader: _Reader, facts: list[Fact]) -> None:
    """Checks across facts: unique ids, and no phrasing claimed by two facts (reported at both)."""
    seen_ids: dict[str, Fact] = {}
    first_claim: dict[str, tuple[Fact, str, Path, int]] = {}  # key → (fact, its wording, file, line)
    for fact in facts:
        assert fact.path is not None
        if fact.id in seen_ids:
            first = seen_ids[fact.id]
            reader.problems.append(
                Problem(fact.path, fact.line, f"duplicate id {fact.id!r} (first at {first.path}:{first.line})")
            )
        seen_ids.setdefault(fact.id, fact)
        lines = reader.phrasing_lines.get((fact.path, fact.line), {})
        for phrasings in fact.questions.values():
            for phrasing in phrasings:
                key = " ".join(re.sub(r"[^\w]+", " ", phrasing.casefold()).split())
                line = lines.get(phrasing, fact.line)
                claim = first_claim.setdefault(key, (fact, phrasing, fact.path, line))
                other, wording, other_path, other_line = claim
                if other.id == fact.id:
                    continue
                clash = "phrasing {!r} is also claimed by fact {!r} (at {}:{})".format
                reader.problems += [
                    Problem(fact.path, line, clash(phrasing, other.id, other_path, other_line)),
                    Problem(other_path, other_line, clash(wording, fact.id, fact.path, line)),
                ]


LEXICON_FIELDS = {
    "concepts": False,
    "stopwords": False,
    "entities": False,
    "intents": False,
    "people": False,
    "topic": False,
    "values": False,
    "decline": False,
    "markers": False,
}
CONCEPT_RE = lazy(r"^[a-z0-9_]+$")


def _raw_list(node: yaml.Node) -> list[str] | None:
    """A YAML list's items as written: ``on``, ``no`` and ``yes`` are words here, not booleans."""
    if not isinstance(node, yaml.SequenceNode) or not all(isinstance(i, yaml.ScalarNode) for i in node.value):
        return None
    return [str(item.value).strip().lower() for item in node.value]


def _words(reader: _Reader, path: Path, node: yaml.Node, value: Any, what: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    words = _raw_list(node)
    if words is None:
        reader.add(path, node, f"{what} must be a list of words")
        return frozenset()
    return frozenset(words)


def _by_lang(reader: _Reader, path: Path, node: yaml.Node, value: Any, what: str) -> dict[str, frozenset[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - set(LANGS):
        reader.add(path, node, f"{what} must map en/es to lists of words")
        return {}
    nodes = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
    return {lang: _words(reader, path, nodes.get(lang, node), words, f"{what}.{lang}") for lang, words in value.items()}


def _read_lexicon(reader: _Reader, directory: Path) -> Lexicon:
    """The optional ``lexicon.yaml``: synonyms (concepts), stop words, entities, language markers."""
    path = directory / "lexicon.yaml"
    if not path.is_file():
        return Lexicon()
    node = reader.compose(path)
    if node is None:
        return Lexicon()
    fields = reader.mapping(path, node, LEXICON_FIELDS, "lexicon")
    if fields is None:
        return Lexicon()
    concepts: dict[str, tuple[str, ...]] = {}
    if "concepts" in fields:
        c_node, c_value = fields["concepts"]
        if not isinstance(c_value, dict):
            reader.add(path, c_node, "concepts must map a concept name to a list of forms")
        else:
            lines = {k.value: (k, v) for k, v in c_node.value}
            for name, forms in c_value.items():
                key_node, forms_node = lines.get(name, (c_node, c_node))
                forms = _raw_list(forms_node) if isinstance(forms, list) else forms
                if not isinstance(name, str) or not CONCEPT_RE.match(name):
                    reader.add(path, key_node, f"concept name must be lowercase letters, digits or _: {name!r}")
                    continue
                if not isinstance(forms, list) or not forms:
                    reader.add(path, key_node, f"concept {name!r} needs a non-empty list of forms")
                    continue
                concepts[str(name)] = tuple(forms)
    stopwords = _by_lang(reader, path, *fields.get("stopwords", (node, None)), "stopwords")
    markers = _by_lang(reader, path, *fields.get("markers", (node, None)), "markers")
    named = {
        key: _words(reader, path, *fields.get(key, (node, None)), key)
        for key in ("entities", "intents", "people", "topic", "decline")
    }
    for key in ("entities", "intents", "topic", "decline"):
        for name in sorted(named[key] - set(concepts)):
            reader.add(path, fields[key][0], f"{key} names {name!r}, which is not a concept")
    values: dict[str, str] = {}
    if "values" in fields:
        v_node, v_value = fields["values"]
        if not isinstance(v_value, dict) or not all(isinstance(v, list) for v in v_value.values()):
            reader.add(path, v_node, "values must map a kind (medal, nation…) to a list of concepts")
        else:
            for kind, names in v_value.items():
                for name in names:
                    if str(name) not in concepts:
                        reader.add(path, v_node, f"values names {name!r}, which is not a concept")
                    values[str(name)] = str(kind)
    return Lexicon(
        values=values,
        concepts=concepts,
        stopwords=frozenset().union(*stopwords.values()) if stopwords else frozenset(),
        entities=named["entities"],
        intents=named["intents"],
        people=named["people"],
        topic=named["topic"],
        decline=named["decline"],
        spanish_markers=markers.get("es", frozenset()),
        english_markers=markers.get("en", frozenset()),
    )


def check_facts(directory: Path, *, today: dt.date | None = None) -> tuple[FactBase | None, list[Problem]]:
    """Validate a fact base directory; return the model (if valid) and every problem found.

    ``today`` (the caller's clock) turns on the lint of dated facts: no date or year in the future,
    and each date given in the answer text.
    """
    reader = _Reader()
    directory = Path(directory)
    if not directory.is_dir():
        reason = "not a directory: give the directory that holds the fact files"
        return None, [Problem(directory, 1, reason if directory.exists() else "fact directory does not exist")]
    source = _read_source(reader, directory)
    lexicon = _read_lexicon(reader, directory)
    facts: list[Fact] = []
    files = list(_fact_files(reader, directory))
    if not files:
        reader.problems.append(Problem(directory, 1, "no fact files (*.yaml) found"))
    for path in files:
        root = reader.compose(path)
        if root is None:
            continue
        if not isinstance(root, yaml.SequenceNode):
            reader.add(path, root, "a fact file must be a list of facts")
            continue
        for item in root.value:
            fact = _read_fact(reader, path, item, source, today)
            if fact is not None:
                facts.append(fact)
    _cross_checks(reader, facts)
    if reader.problems or source is None:
        return None, reader.problems
    return FactBase(source=source, facts=tuple(facts), directory=directory, lexicon=lexicon), []


def load_facts(directory: Path | None = None, *, today: dt.date | None = None) -> FactBase:
    """Load the fact base, raising :class:`FactBaseError` listing every problem."""
    base, problems = check_facts(directory or default_facts_dir(), today=today)
    if base is None:
        raise FactBaseError(problems)
    return base
