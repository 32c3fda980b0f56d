"""The site's terms, one form per name and language, as the guides list them.

``terminology.yml`` is the list; ``tests/test_terminology.py`` checks the
site's own texts against it and the guides' tables against ``guide_table``.
Print a guide's table with ``python -m sco_site.terminology de`` (or ``en``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

TERMINOLOGY_FILE = Path(__file__).parent / "terminology.yml"
GROUPS = ("bodies", "documents", "names", "places", "words")
GROUP_TITLES = {
    "de": {"bodies": "Gremien und Organisationen", "documents": "Dokumente und Vorhaben", "names": "Personen", "places": "Orte", "words": "Wörter der Website"},
    "en": {"bodies": "Bodies and organisations", "documents": "Documents and projects", "names": "People", "places": "Places", "words": "The site's own words"},
}
HEADERS = {
    "de": ("Deutsch (so schreiben)", "Englisch (so schreiben)", "Nicht so", "Anmerkung"),
    "en": ("English (write this)", "German (write this)", "Not this", "Note"),
}


@dataclass(frozen=True)
class Term:
    group: str
    forms: dict[str, str]
    ruled_out: dict[str, tuple[str, ...]]
    notes: dict[str, str]

    def variant_pattern(self, lang: str) -> re.Pattern[str] | None:
        """The ruled-out forms of one language as whole words or phrases."""
        variants = self.ruled_out[lang]
        if not variants:
            return None
        return re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in variants))


@cache
def terms() -> tuple[Term, ...]:
    raw = yaml.safe_load(TERMINOLOGY_FILE.read_text(encoding="utf-8"))["terms"]
    return tuple(
        Term(
            group=item["group"],
            forms={"de": item["de"], "en": item["en"]},
            ruled_out={lang: tuple(item.get(f"not_{lang}", ())) for lang in ("de", "en")},
            notes={lang: item.get(f"note_{lang}", "") for lang in ("de", "en")},
        )
        for item in raw
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def guide_table(lang: str) -> str:
    """The terminology tables of the guide in ``lang``, one per group, as Markdown."""
    other = "en" if lang == "de" else "de"
    first, second, avoid, note = HEADERS[lang]
    blocks = []
    for group in GROUPS:
        rows = [t for t in terms() if t.group == group]
        lines = [f"**{GROUP_TITLES[lang][group]}**", "", f"| {first} | {second} | {avoid} | {note} |", "| --- | --- | --- | --- |"]
        for t in rows:
            ruled_out = "; ".join(f"{v} ({lang_name})" for lang_name, vs in ((lang, t.ruled_out[lang]), (other, t.ruled_out[other])) for v in vs)
            lines.append(f"| {_cell(t.forms[lang])} | {_cell(t.forms[other])} | {_cell(ruled_out)} | {_cell(t.notes[lang])} |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":  # pragma: no cover - a convenience for editors of the guides
    sys.stdout.write(guide_table(sys.argv[1] if len(sys.argv) > 1 else "en"))
