"""The words of every reply, in English and Spanish, shared by the console and Discord.

Everything here returns a :class:`Reply`: a small structure (title, body, footer, suggestions)
that the console prints with :meth:`Reply.as_text` and the Discord layer turns into an embed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from bot.core.calendar import entries_on, ordinal, years_since
from bot.core.facts import Fact, FactBase, Source
from bot.core.results import MatchResult, Status

__all__ = [
    "EXAMPLES",
    "Reply",
    "Suggestion",
    "render_about",
    "render_fact",
    "render_facts_page",
    "render_help",
    "render_match",
    "render_next_entry",
    "render_notice",
    "render_onthisday",
    "render_reload",
    "render_timeline",
    "source_footer",
    "word",
]

EXAMPLES = {
    "en": (
        "When did Jefferson Pérez retire?",
        "What was his time in Atlanta?",
        "Who beat him in Beijing?",
    ),
    "es": (
        "¿Cuándo se retiró Jefferson Pérez?",
        "¿Cuál fue su tiempo en Atlanta?",
        "¿Quién le ganó en Pekín?",
    ),
}

SMALLTALK = {
    "greeting": {
        "en": "Hi! I answer questions about Ecuadorian race walker Jefferson Pérez — "
        "his Olympic gold in Atlanta, his world titles, his retirement. Ask away!",
        "es": "¡Hola! Respondo preguntas sobre el marchista ecuatoriano Jefferson Pérez: "
        "su oro olímpico en Atlanta, sus títulos mundiales, su retiro. ¡Pregunta!",
    },
    "thanks": {
        "en": "You're welcome! Ask me anything else about Jefferson Pérez.",
        "es": "¡De nada! Pregúntame lo que quieras sobre Jefferson Pérez.",
    },
    "identity": {
        "en": "I'm perezbot: I answer questions about Ecuadorian race walker Jefferson Pérez "
        "from one curated article, and I say so when I don't know.",
        "es": "Soy perezbot: respondo preguntas sobre el marchista ecuatoriano Jefferson Pérez "
        "a partir de un artículo curado, y te digo cuando no lo sé.",
    },
    "help": {
        "en": "Ask me a question about Jefferson Pérez in English or Spanish.",
        "es": "Hazme una pregunta sobre Jefferson Pérez, en español o en inglés.",
    },
}

WORDS = {
    "en": {
        "unknown": "Sorry, I don't know that one. I only know what one article says about "
        "Jefferson Pérez, and it doesn't cover this.",
        "ambiguous": "I'm not sure which you mean. Did you mean one of these?",
        "try": "You could ask, for example:",
        "source": "Source",
        "confidence": "confidence",
        "as_of": "as of",
        "verdict_yes": "Yes —",
        "verdict_no": "No —",
        "too_long": "That message is too long — please keep questions under {limit} characters.",
        "cooldown": "Easy there! You can ask again in {seconds} s.",
        "error": "Something went wrong on my side. Please try again in a moment.",
        "onthisday": "On this day",
        "years_ago_today": "{years} years ago today",
        "one_year_ago_today": "1 year ago today",
        "today": "Today",
        "anniversary": "the {nth} anniversary",
        "next": "Nothing on {day}. The next entry is on {next}.",
        "nothing": "There are no dated entries.",
        "timeline": "Jefferson Pérez: a timeline",
        "about": "About perezbot",
        "help": "How to use perezbot",
        "repeat": "I answered that here a moment ago: {link}",
        "not_yours": "Only the person who asked can pick an answer here — ask your own with /ask.",
        "bad_date": "I couldn't read the date {value!r}. Try 2026-09-29, 09-29 or 29/09.",
        "no_fact": "I have no fact matching {value!r}. Pick one from the list as you type, or try /facts.",
        "facts_title": "What I know about Jefferson Pérez",
        "page": "Page {page} of {pages} · {count} facts",
        "about_facts": "Facts",
        "about_servers": "Servers",
        "about_source": "Source article",
        "about_commands": "Commands",
        "random": "A random fact",
        "help_mention": "Mention me with a question, reply to one of my answers, or send me a DM.",
    },
    "es": {
        "unknown": "Lo siento, eso no lo sé. Solo sé lo que cuenta un artículo sobre "
        "Jefferson Pérez, y no trata ese tema.",
        "ambiguous": "No estoy seguro de a qué te refieres. ¿Quisiste decir alguna de estas?",
        "try": "Puedes preguntar, por ejemplo:",
        "source": "Fuente",
        "confidence": "confianza",
        "as_of": "según datos de",
        "verdict_yes": "Sí —",
        "verdict_no": "No —",
        "too_long": "Ese mensaje es demasiado largo: escribe preguntas de menos de {limit} caracteres.",
        "cooldown": "¡Con calma! Podrás preguntar de nuevo en {seconds} s.",
        "error": "Algo falló de mi lado. Inténtalo de nuevo en un momento.",
        "onthisday": "Un día como hoy",
        "years_ago_today": "Hoy hace {years} años",
        "one_year_ago_today": "Hoy hace 1 año",
        "today": "Hoy",
        "anniversary": "el {nth} aniversario",
        "next": "No hay nada el {day}. La próxima efeméride es el {next}.",
        "nothing": "No hay efemérides con fecha.",
        "timeline": "Jefferson Pérez: cronología",
        "about": "Acerca de perezbot",
        "help": "Cómo usar perezbot",
        "repeat": "Respondí eso aquí hace un momento: {link}",
        "not_yours": "Solo quien preguntó puede elegir una respuesta aquí; haz tu propia pregunta con /ask.",
        "bad_date": "No entendí la fecha {value!r}. Prueba 2026-09-29, 09-29 o 29/09.",
        "no_fact": "No tengo ningún dato que coincida con {value!r}. "
        "Elige uno de la lista al escribir, o prueba /facts.",
        "facts_title": "Lo que sé sobre Jefferson Pérez",
        "page": "Página {page} de {pages} · {count} datos",
        "about_facts": "Datos",
        "about_servers": "Servidores",
        "about_source": "Artículo fuente",
        "about_commands": "Comandos",
        "random": "Un dato al azar",
        "help_mention": "Mencióname con una pregunta, responde a una de mis respuestas "
        "o escríbeme por mensaje directo.",
    },
}

MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]

# Operations (issue 5): feedback buttons, hot reload replies, /about figures. Kept apart from the
# table above so the features' word lists grow without stepping on each other.
WORDS["en"].update(
    {
        "vote_thanks": "Thanks! Your vote helps us improve the answers.",
        "vote_changed": "Vote changed. Thanks!",
        "owner_only": "Only the bot's owner can do that.",
        "reload_title": "Fact base reload",
        "reload_ok": "Reloaded {count} facts. Changes:",
        "reload_same": "Reloaded {count} facts: nothing changed.",
        "reload_failed": "Nothing changed: the fact base has {count} problem(s). Fix them and reload again.",
        "more": "… and {count} more",
        "about_version": "Version",
        "about_uptime": "Uptime",
        "about_latency": "Latency",
    }
)
WORDS["es"].update(
    {
        "vote_thanks": "¡Gracias! Tu voto nos ayuda a mejorar las respuestas.",
        "vote_changed": "Voto cambiado. ¡Gracias!",
        "owner_only": "Solo quien administra el bot puede hacer eso.",
        "reload_title": "Recarga de los datos",
        "reload_ok": "Recargados {count} datos. Cambios:",
        "reload_same": "Recargados {count} datos: nada cambió.",
        "reload_failed": "No cambió nada: los datos tienen {count} problema(s). Corrígelos y recarga de nuevo.",
        "more": "… y {count} más",
        "about_version": "Versión",
        "about_uptime": "Tiempo activo",
        "about_latency": "Latencia",
    }
)


# /anniversary (admin commands for the 29 September post); merged into WORDS below.
ANNIVERSARY_WORDS = {
    "en": {
        "anniv_title": "Anniversary posts",
        "anniv_saved": "Saved. The “on this day” post will go to {channel} at {time} ({tz}), in {language}.",
        "anniv_disabled": "Anniversary posts are off for this server. Run /anniversary setup to turn them on again.",
        "anniv_need_manage": "You need the Manage Server permission to use /anniversary.",
        "anniv_guild_only": "/anniversary works only in a server.",
        "anniv_bad_time": "I couldn't read the time {value!r}: use 24-hour HH:MM, e.g. 09:00.",
        "anniv_bad_tz": "{value!r} is not a time zone I know. Pick one from the list as you type, "
        "e.g. America/Guayaquil.",
        "anniv_cannot_post": "I can't post there: in {channel} I'm missing {missing}. Nothing was saved — "
        "grant those permissions or pick another channel.",
        "anniv_channel": "Channel",
        "anniv_time": "Post time",
        "anniv_tz": "Time zone",
        "anniv_language": "Language",
        "anniv_state": "State",
        "anniv_on": "on",
        "anniv_off": "off",
        "anniv_default": "default",
        "anniv_no_channel": "none — run /anniversary setup",
        "anniv_next": "Next post",
        "anniv_no_next": "none scheduled",
        "anniv_last": "Last post",
        "anniv_none_yet": "none yet",
        "anniv_posted": "{date}: {link}",
        "anniv_interrupted": "{date}: interrupted while posting and the channel could not be checked — "
        "look there; it was not re-sent",
        "anniv_sending": "{date}: being posted",
        "anniv_permissions": "Permissions",
        "anniv_perm_ok": "OK: I can post and embed in {channel}.",
        "anniv_perm_missing": "Missing in {channel}: {missing}.",
        "anniv_perm_recommended": "Recommended: {missing} (lets me check my post after a crash).",
        "anniv_problem": "Problem",
        "anniv_failure": "{date}, attempt {attempts}: {error}",
        "anniv_gave_up": "{date}: gave up after {attempts} attempts — {error}",
        "lang_en": "English",
        "lang_es": "Spanish",
        "perm_view_channel": "View Channel",
        "perm_send_messages": "Send Messages",
        "perm_send_messages_in_threads": "Send Messages in Threads",
        "perm_embed_links": "Embed Links",
        "perm_read_message_history": "Read Message History",
    },
    "es": {
        "anniv_title": "Publicaciones de aniversario",
        "anniv_saved": "Guardado. La publicación «un día como hoy» irá a {channel} a las {time} ({tz}), en {language}.",
        "anniv_disabled": "Las publicaciones de aniversario están desactivadas en este servidor. "
        "Usa /anniversary setup para activarlas de nuevo.",
        "anniv_need_manage": "Necesitas el permiso Gestionar servidor para usar /anniversary.",
        "anniv_guild_only": "/anniversary solo funciona en un servidor.",
        "anniv_bad_time": "No entendí la hora {value!r}: usa HH:MM en formato de 24 horas, p. ej. 09:00.",
        "anniv_bad_tz": "{value!r} no es una zona horaria que conozca. Elige una de la lista al escribir, "
        "p. ej. America/Guayaquil.",
        "anniv_cannot_post": "No puedo publicar ahí: en {channel} me falta {missing}. No se guardó nada: "
        "concede esos permisos o elige otro canal.",
        "anniv_channel": "Canal",
        "anniv_time": "Hora de publicación",
        "anniv_tz": "Zona horaria",
        "anniv_language": "Idioma",
        "anniv_state": "Estado",
        "anniv_on": "activadas",
        "anniv_off": "desactivadas",
        "anniv_default": "predeterminado",
        "anniv_no_channel": "ninguno: usa /anniversary setup",
        "anniv_next": "Próxima publicación",
        "anniv_no_next": "ninguna programada",
        "anniv_last": "Última publicación",
        "anniv_none_yet": "ninguna todavía",
        "anniv_posted": "{date}: {link}",
        "anniv_interrupted": "{date}: se interrumpió al publicar y no se pudo revisar el canal; "
        "míralo allí, no se reenvió",
        "anniv_sending": "{date}: publicándose",
        "anniv_permissions": "Permisos",
        "anniv_perm_ok": "Bien: puedo publicar e insertar enlaces en {channel}.",
        "anniv_perm_missing": "Falta en {channel}: {missing}.",
        "anniv_perm_recommended": "Recomendado: {missing} (me permite revisar mi publicación tras un fallo).",
        "anniv_problem": "Problema",
        "anniv_failure": "{date}, intento {attempts}: {error}",
        "anniv_gave_up": "{date}: abandonado tras {attempts} intentos; {error}",
        "lang_en": "inglés",
        "lang_es": "español",
        "perm_view_channel": "Ver canal",
        "perm_send_messages": "Enviar mensajes",
        "perm_send_messages_in_threads": "Enviar mensajes en hilos",
        "perm_embed_links": "Insertar enlaces",
        "perm_read_message_history": "Leer el historial de mensajes",
    },
}
for _lang, _words in ANNIVERSARY_WORDS.items():
    WORDS[_lang].update(_words)


def _w(lang: str, key: str, **kwargs: object) -> str:
    table = WORDS.get(lang, WORDS["en"])
    return table[key].format(**kwargs)


def format_date(day: dt.date, lang: str) -> str:
    """``29 September 2008`` / ``29 de septiembre de 2008``."""
    if lang == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def format_day(day: dt.date, lang: str) -> str:
    """``29 September`` / ``29 de septiembre`` (no year)."""
    if lang == "es":
        return f"{day.day} de {MONTHS_ES[day.month - 1]}"
    return f"{day.day} {day.strftime('%B')}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A fact offered as a choice (a button on Discord)."""

    fact_id: str
    label: str
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Reply:
    """A rendered reply: the console prints it, Discord makes it an embed."""

    status: str
    lang: str
    body: str
    title: str | None = None
    footer: str | None = None
    fact_ids: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    fields: tuple[tuple[str, str], ...] = field(default=())

    def as_text(self) -> str:
        """Plain text, for the console and for channels where embeds are not allowed."""
        parts = []
        if self.title:
            parts.append(f"**{self.title}**")
        parts.append(self.body)
        for name, value in self.fields:
            parts.append(f"{name}: {value}")
        for i, suggestion in enumerate(self.suggestions, 1):
            parts.append(f"  {i}. {suggestion.label}")
        if self.footer:
            parts.append(f"— {self.footer}")
        return "\n".join(parts)


def source_footer(source: Source, facts: Iterable[Fact], lang: str) -> str:
    """``Source: "On this day…", ¶4`` (several paragraphs joined)."""
    labels: list[str] = []
    for fact in facts:
        label = fact.citation.label(lang)
        if label not in labels:
            labels.append(label)
    return f"{_w(lang, 'source')}: “{source.title}”, {', '.join(labels)}"


def _fact_body(fact: Fact, lang: str) -> str:
    text = fact.text(lang)
    if fact.as_of:
        text += f" ({_w(lang, 'as_of')} {fact.as_of})"
    return text


def render_fact(fact: Fact, lang: str, source: Source, confidence: float | None = None) -> Reply:
    """One fact as an answer."""
    footer = source_footer(source, [fact], lang)
    if confidence is not None:
        footer += f" · {_w(lang, 'confidence')} {confidence:.0%}"
    return Reply(
        status=Status.ANSWERED,
        lang=lang,
        title=fact.name(lang),
        body=_fact_body(fact, lang),
        footer=footer,
        fact_ids=(fact.id,),
    )


def _examples(lang: str) -> str:
    return "\n".join(f"• {q}" for q in EXAMPLES.get(lang, EXAMPLES["en"]))


def render_match(result: MatchResult, source: Source) -> Reply:
    """Whatever the matcher decided, in words."""
    lang = result.lang
    if result.status is Status.ANSWERED and result.answers:
        if len(result.answers) == 1:
            only = result.answers[0]
            reply = render_fact(only.fact, lang, source, only.confidence)
            if result.verdict in ("yes", "no"):  # a claim or yes/no check: confirm or correct first
                reply = replace(reply, body=f"{_w(lang, 'verdict_' + result.verdict)} {reply.body}")
            return reply
        facts = [c.fact for c in result.answers]
        footer = source_footer(source, facts, lang)
        footer += f" · {_w(lang, 'confidence')} {result.confidence:.0%}"
        return Reply(
            status=Status.ANSWERED,
            lang=lang,
            title=" · ".join(f.name(lang) for f in facts),
            body="\n\n".join(_fact_body(f, lang) for f in facts),
            footer=footer,
            fact_ids=tuple(f.id for f in facts),
        )
    if result.status is Status.AMBIGUOUS:
        return Reply(
            status=Status.AMBIGUOUS,
            lang=lang,
            body=_w(lang, "ambiguous"),
            suggestions=tuple(Suggestion(c.fact.id, c.fact.name(lang), c.confidence) for c in result.suggestions[:3]),
        )
    if result.status is Status.SMALLTALK:
        kind = result.smalltalk or "greeting"
        body = SMALLTALK.get(kind, SMALLTALK["greeting"])[lang if lang in ("en", "es") else "en"]
        return Reply(
            status=Status.SMALLTALK,
            lang=lang,
            body=f"{body}\n{_w(lang, 'try')}\n{_examples(lang)}",
        )
    return Reply(
        status=Status.UNKNOWN,
        lang=lang,
        body=f"{_w(lang, 'unknown')}\n{_w(lang, 'try')}\n{_examples(lang)}",
    )


def render_notice(key: str, lang: str, **kwargs: object) -> Reply:
    """A short notice: ``too_long``, ``cooldown``, ``error``, ``repeat``."""
    return Reply(status="notice", lang=lang, body=_w(lang, key, **kwargs))


def render_onthisday(facts: FactBase, day: dt.date, lang: str) -> Reply | None:
    """The anniversary post for ``day`` ("18 years ago today…"), or None if nothing falls on it."""
    entries = entries_on(facts, day)
    if not entries:
        return None
    lines = []
    for fact in entries:
        assert fact.date is not None
        years = years_since(fact.date, day)
        if years == 0:
            when = _w(lang, "today")
        elif years == 1:
            when = _w(lang, "one_year_ago_today")
        else:
            when = _w(lang, "years_ago_today", years=years)
        nth = _w(lang, "anniversary", nth=ordinal(years, lang)) if years else ""
        head = f"**{when}** ({format_date(fact.date, lang)}{', ' + nth if nth else ''})"
        lines.append(f"{head}\n{_fact_body(fact, lang)}")
    return Reply(
        status="onthisday",
        lang=lang,
        title=f"{_w(lang, 'onthisday')}: {format_day(day, lang)}",
        body="\n\n".join(lines),
        footer=source_footer(facts.source, entries, lang),
        fact_ids=tuple(f.id for f in entries),
    )


def _timeline_key(fact: Fact) -> tuple:
    """Year first; within a year the undated facts come first (later paragraphs earlier: the
    article tells the Beijing silver after the retirement it preceded), then by date."""
    paragraph = fact.citation.paragraph or 0
    return (fact.year, fact.date or dt.date.min, -paragraph, fact.id)


def render_timeline(facts: FactBase, lang: str) -> Reply:
    """His career in order: the dated facts and those tagged ``timeline`` (1990 → 2015)."""
    chosen = sorted(
        (f for f in facts if f.year is not None and (f.date is not None or "timeline" in f.tags)),
        key=_timeline_key,
    )
    fields = tuple((format_date(f.date, lang) if f.date else str(f.year), f.name(lang)) for f in chosen)
    return Reply(
        status="timeline",
        lang=lang,
        title=_w(lang, "timeline"),
        body="",
        fields=fields,
        footer=source_footer(facts.source, chosen, lang),
    )


def render_about(facts: FactBase, lang: str, extra: Iterable[tuple[str, str]] = ()) -> Reply:
    """What the bot is, where its knowledge comes from, how it matches."""
    source = facts.source
    if lang == "es":
        body = (
            f"Respondo preguntas sobre Jefferson Pérez con {len(facts)} datos curados, escritos "
            f"con nuestras palabras a partir de «{source.title}». Normalizo tu pregunta "
            "(acentos, sinónimos, errores de tipeo, español o inglés), la comparo con muchas "
            "formulaciones de cada dato y solo respondo si la coincidencia es clara; si no, lo digo."
        )
    else:
        body = (
            f"I answer questions about Jefferson Pérez from {len(facts)} curated facts, written "
            f"in our own words from “{source.title}”. I normalise your question (accents, "
            "synonyms, typos, English or Spanish), compare it with many phrasings of each fact, "
            "and answer only when the match is clear; otherwise I say I don't know."
        )
    return Reply(status="about", lang=lang, title=_w(lang, "about"), body=body, fields=tuple(extra))


def render_help(lang: str, commands: Iterable[tuple[str, str]] = ()) -> Reply:
    """How to use the bot: ask in words, or use the commands listed."""
    body = SMALLTALK["help"][lang if lang in ("en", "es") else "en"]
    body += f"\n{_w(lang, 'try')}\n{_examples(lang)}"
    return Reply(status="help", lang=lang, title=_w(lang, "help"), body=body, fields=tuple(commands))


def word(lang: str, key: str, **kwargs: object) -> str:
    """One entry of the word table (for labels that are not a whole reply)."""
    return _w(lang, key, **kwargs)


def render_facts_page(facts: FactBase, page: int, per_page: int, lang: str) -> Reply:
    """One page of the fact list: each fact's title and its answer (``page`` counts from 0)."""
    items = list(facts)
    pages = max(1, -(-len(items) // per_page))
    page = min(max(page, 0), pages - 1)
    shown = items[page * per_page : (page + 1) * per_page]
    return Reply(
        status="facts",
        lang=lang,
        title=_w(lang, "facts_title"),
        body="",
        fields=tuple((f.name(lang), _fact_body(f, lang)) for f in shown),
        footer=_w(lang, "page", page=page + 1, pages=pages, count=len(items)),
        fact_ids=tuple(f.id for f in shown),
    )


def render_next_entry(facts: FactBase, day: dt.date, upcoming: dt.date | None, lang: str) -> Reply:
    """Nothing falls on ``day``: name the next date that has an entry, and what it remembers."""
    if upcoming is None:
        return Reply(status="onthisday", lang=lang, body=_w(lang, "nothing"))
    entries = entries_on(facts, upcoming)
    lines = [_w(lang, "next", day=format_day(day, lang), next=format_date(upcoming, lang))]
    lines += [f"**{f.name(lang)}**\n{_fact_body(f, lang)}" for f in entries]
    return Reply(
        status="onthisday",
        lang=lang,
        title=f"{_w(lang, 'onthisday')}: {format_day(day, lang)}",
        body="\n\n".join(lines),
        footer=source_footer(facts.source, entries, lang) if entries else None,
        fact_ids=tuple(f.id for f in entries),
    )


def _block(lines: Sequence[str], lang: str, budget: int = 3600) -> str:
    """``lines`` in a code block (so paths and ids show as written), cut to fit an embed."""
    shown: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > budget:
            break
        shown.append(line.replace("```", "'''"))
        used += len(line) + 1
    rest = len(lines) - len(shown)
    text = "```\n" + "\n".join(shown) + "\n```"
    return text + (f"\n{_w(lang, 'more', count=rest)}" if rest else "")


def render_reload(lang: str, *, ok: bool, count: int, changes: Sequence[str], problems: Sequence[str]) -> Reply:
    """The outcome of a hot reload: the +added/~changed/−removed ids, or every ``file:line`` problem."""
    title = _w(lang, "reload_title")
    if not ok:
        body = f"{_w(lang, 'reload_failed', count=len(problems))}\n{_block(problems, lang)}"
        return Reply(status="notice", lang=lang, title=title, body=body)
    if not changes:
        return Reply(status="about", lang=lang, title=title, body=_w(lang, "reload_same", count=count))
    body = f"{_w(lang, 'reload_ok', count=count)}\n{_block(changes, lang)}"
    return Reply(status="about", lang=lang, title=title, body=body)
