"""Builds a project as ``mkdocs serve`` does, optionally edits it and rebuilds in the same process.

Run by ``tests/test_serve_cache.py`` in a child process (MkDocs loads the
hooks once per process, and ``mkdocs serve`` rebuilds in that one process):

    python -m tests.serve_rebuild PROJECT SITE_DIR EDIT [--rebuild [--forget]]

Without ``--rebuild`` the edit is made first and the project built once, cold;
with it, the project is built, edited, and built again, reusing what the
first build made; with ``--forget`` too, the rebuild reuses nothing (for
broken data, whose preview shows the last valid data, which a cold build
does not have). Each must give the same site.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _summary(project: Path) -> None:
    _replace(project / "data/initiatives/aifc-investment.yml", "summary:\n  de: ", "summary:\n  de: Neu bearbeitet. ")


def _status_note(project: Path) -> None:  # text in the page body only, not in its title or description
    _replace(project / "data/initiatives/aifc-investment.yml", "note:\n      de: ", "note:\n      de: Ergänzt. ")


def _new_initiative(project: Path) -> None:  # a new page, and new links to it on the overview pages
    text = (project / "data/initiatives/aifc-investment.yml").read_text(encoding="utf-8")
    text = text.replace("id: aifc-investment", "id: aifc-investment-office").replace("en: Astana International", "en: Office at the Astana International")
    text = text.replace("de: Internationales Finanzzentrum Astana als", "de: Büro am Internationalen Finanzzentrum Astana als")
    (project / "data/initiatives/aifc-investment-office.yml").write_text(text, encoding="utf-8")


def _priority_title(project: Path) -> None:  # a title in the navigation of every page
    _replace(project / "data/priorities/culture.yml", "de: Kulturelle und humanitäre Beziehungen", "de: Kultur und Austausch")


def _initiative_title(project: Path) -> None:
    path = project / "data/initiatives/aifc-investment.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(title:\n  de: )", r"\1Neu bearbeitet ", text, count=1), encoding="utf-8")


def _handwritten(project: Path) -> None:
    with (project / "docs/de/about.md").open("a", encoding="utf-8") as page:
        page.write("\nEin neuer Absatz.\n")


def _template(project: Path) -> None:
    _replace(project / "overrides/main.html", "{% extends", "{#- edited -#}\n{% extends")


def _broken(project: Path) -> None:
    _replace(project / "data/initiatives/aifc-investment.yml", "summary:", "summary: [")


def _nothing(project: Path) -> None:
    pass


EDITS: dict[str, Callable[[Path], None]] = {
    "nothing": _nothing,
    "summary": _summary,
    "new-initiative": _new_initiative,
    "status-note": _status_note,
    "initiative-title": _initiative_title,
    "priority-title": _priority_title,
    "handwritten": _handwritten,
    "template": _template,
    "broken": _broken,
}


def main(project: Path, site_dir: Path, edit: str, rebuild: bool, forget: bool) -> None:
    os.chdir(project)

    def config():  # what `mkdocs serve` does before each build
        loaded = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        loaded.site_url = SERVE_URL
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        if rebuild:
            build(first, serve_url=SERVE_URL)
        EDITS[edit](project)
        kept = sys.modules["render_cache"]  # the hooks' module, loaded by MkDocs
        if forget:
            for cache in kept.CACHES:
                cache.kept.forget()
        build(config() if rebuild else first, serve_url=SERVE_URL)
        print(json.dumps({"markdown": kept.RENDERED.kept.reused, "search": kept.INDEXED.kept.reused, "theme": kept.THEMED.kept.reused}))
    finally:
        first.plugins.on_shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], "--rebuild" in sys.argv[4:], "--forget" in sys.argv[4:])
