"""Data text that looks like the syntax of every Markdown extension the site enables.

Used to turn a valid data folder into one whose every text field starts with
such syntax, so that the rendered pages can be compared with the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# One of these is put in front of each text: list items, headings, tables,
# abbreviations, admonitions, collapsible blocks, attribute lists, emoji,
# entities, raw HTML, backslashes, Python-Markdown's placeholders.
HOSTILE = (
    "4. Juli 2023:",
    "## Überschrift",
    "| a | b |",
    "*[SOZ]: keine Erklärung",
    "<b>fett</b> & &amp; &#60;",
    "??? note",
    "!!! warning",
    "{: .evil #x }",
    ":smile: :material-home:",
    "1) eins",
    "- Punkt",
    "`code` \\*kein\\* _nichts_",
    "[x](https://evil.example)",
    "R&D klzzwxh:0 wzxhzdk:1",
    "> zitat",
    "    eingerückt",
    "Term\n: Definition",
    "SOZ SCO RATS",
)
TEXT_FIELDS = ("title", "name", "summary", "note", "description", "quote", "official_name", "meaning")


def make_hostile(data_dir: Path) -> None:
    """Prefix every bilingual text in ``data_dir`` with one of the HOSTILE snippets, in place."""
    counter = iter(range(10**9))
    for file in sorted(data_dir.rglob("*.yml")):
        lines = file.read_text(encoding="utf-8").split("\n", 1)
        modeline, body = (lines[0], lines[1]) if lines[0].startswith("#") else ("", "\n".join(lines))
        data = yaml.safe_load(body)
        _walk(data, counter)
        file.write_text(modeline + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _walk(value: Any, counter: Any) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, counter)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in TEXT_FIELDS and isinstance(item, dict) and set(item) == {"de", "en"}:
                snippet = HOSTILE[next(counter) % len(HOSTILE)]
                # Titles also end in characters HTML escapes, to show each is escaped once.
                end = " & <i>&amp;</i>" if key == "title" else ""
                value[key] = {lang: f"{snippet} {text}{end}" for lang, text in item.items()}
            elif key in TEXT_FIELDS and isinstance(item, str) and key in ("title", "name"):
                value[key] = f"{HOSTILE[next(counter) % len(HOSTILE)]} {item}"
            else:
                _walk(item, counter)
