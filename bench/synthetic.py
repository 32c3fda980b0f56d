"""Synthetic data sets of any size, valid against the schemas, for benchmarks and tests."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import yaml

from sco_site.loader import modeline

PRIORITIES = ("security", "economy", "energy", "digital", "ecology", "culture")
ICONS = ("shield", "trade", "energy", "digital", "ecology", "culture")
KINDS = ("document", "strategy", "programme", "institution", "forum", "project")
STATUSES = ("adopted", "held", "established", "designated")
SOURCE_TYPES = ("news", "official", "analysis", "article")
SOURCE_LANGUAGES = ("en", "de", "ru", "kk")
SOURCES = 50


def _text(de: str, en: str) -> dict[str, str]:
    return {"de": de, "en": en}


def _write(path: Path, kind: str, data: dict[str, Any], nested: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(modeline(kind, nested) + "\n" + body, encoding="utf-8")


def _citation(number: int) -> list[dict[str, Any]]:
    return [{"source": f"source-{number % SOURCES}", "quote": _text(f"Zitat Nummer {number}.", f"Quotation number {number}.")}]


def write_dataset(data_dir: Path, initiatives: int) -> None:
    """Write a complete data/ folder with the given number of initiatives."""
    if data_dir.exists():
        shutil.rmtree(data_dir)
    places, events = 20, max(1, initiatives // 2)
    _write(data_dir / "site.yml", "site", _site(), nested=False)
    _write(data_dir / "glossary.yml", "glossary", _glossary(), nested=False)
    _write(data_dir / "actors/kazakhstan.yml", "actor", {"id": "kazakhstan", "kind": "state", "name": _text("Kasachstan", "Kazakhstan"), "description": _text("Vorsitzland.", "Chairing state."), "sources": _citation(0)})
    _write(data_dir / "actors/author.yml", "actor", {"id": "author", "kind": "person", "name": _text("Eine Autorin", "An author"), "description": _text("Schreibt Berichte.", "Writes reports."), "sources": _citation(1)})
    for n in range(SOURCES):
        _write(data_dir / f"sources/source-{n}.yml", "source", _source(n))
    # The hand-written about pages link to the article by this id.
    _write(data_dir / "sources/seed-article.yml", "source", {"id": "seed-article", "type": "article", "title": "Der Artikel", "language": "de", "author": "author", "publisher": "Example Institute"})
    for n, (pid, icon) in enumerate(zip(PRIORITIES, ICONS), start=1):
        _write(data_dir / f"priorities/{pid}.yml", "priority", {"id": pid, "order": n, "icon": icon, "title": _text(f"Priorität {n}", f"Priority {n}"), "summary": _text(f"Zusammenfassung {n}.", f"Summary {n}."), "sources": _citation(n)})
    for n in range(places):
        _write(data_dir / f"places/place-{n}.yml", "place", {"id": f"place-{n}", "name": _text(f"Ort {n}", f"Place {n}"), "description": _text("Eine Stadt.", "A city."), "sources": _citation(n)})
    for n in range(initiatives):
        _write(data_dir / f"initiatives/initiative-{n}.yml", "initiative", _initiative(n, initiatives, events))
    for n in range(events):
        _write(data_dir / f"events/event-{n}.yml", "event", _event(n, initiatives))


def _glossary() -> dict[str, Any]:
    return {
        "terms": [
            {"abbreviation": _text("SOZ", "SCO"), "meaning": _text("Shanghaier Organisation für Zusammenarbeit", "Shanghai Cooperation Organisation")},
            {"abbreviation": _text("RATS", "RATS"), "meaning": _text("Regionale Anti-Terror-Struktur", "Regional Anti-Terrorist Structure")},
        ]
    }


def _source(n: int) -> dict[str, Any]:
    source: dict[str, Any] = {
        "id": f"source-{n}",
        "type": SOURCE_TYPES[n % len(SOURCE_TYPES)],
        "title": f"Report {n}",
        "language": SOURCE_LANGUAGES[n % len(SOURCE_LANGUAGES)],
        "publisher": "Example News",
        "published": f"2024-{1 + n % 12:02d}",
        "url": f"https://news.example/{n}",
    }
    if n % 5 == 0:
        source["author"] = "author"
    if n % 3 == 0:
        source["note"] = _text(f"Anmerkung zu Bericht {n}.", f"A note on report {n}.")
    return source


def _site() -> dict[str, Any]:
    return {
        "title": _text("Synthetischer Vorsitz", "Synthetic chairmanship"),
        "description": _text("Testdaten.", "Test data."),
        "chairmanship": {"start": "2023-07-05", "end": "2024-07-04", "summary": _text("Ein Jahr.", "One year."), "sources": _citation(0)},
        "article": "seed-article",
        "cross_cutting": {"title": _text("Übergreifend", "Cross-cutting"), "summary": _text("Alles.", "Everything."), "sources": _citation(0)},
    }


def _initiative(n: int, total: int, events: int) -> dict[str, Any]:
    day = 1 + n % 27
    initiative: dict[str, Any] = {
        "id": f"initiative-{n}",
        "kind": KINDS[n % len(KINDS)],
        "priorities": [] if n % 17 == 0 else [PRIORITIES[n % 6]],
        "title": _text(f"Initiative {n}", f"Initiative {n}"),
        "summary": _text(f"Eine Initiative mit der Nummer {n}.", f"An initiative numbered {n}."),
        "proposed_by": ["kazakhstan"],
        "planned": {"date": "2024", "place": f"place-{n % 20}"},
        "related": [f"initiative-{(n + 1) % total}"] if total > 1 else [],
        "checked": "2026-11-30",
        "status": [
            {"status": "proposed", "date": "2023-07-04", "note": _text("Vorgeschlagen.", "Proposed."), "sources": _citation(n)},
            {"status": STATUSES[n % 4], "date": f"2024-{1 + n % 12:02d}-{day:02d}", "place": f"place-{(n + 3) % 20}", "event": f"event-{n % events}", "note": _text("Ergebnis.", "Outcome."), "sources": _citation(n + 1)},
        ],
        "sources": _citation(n),
    }
    if n % 4 == 0:
        initiative["official_name"] = _text(f"Amtlicher Name der Initiative {n}", f"Official name of initiative {n}")
    if n % 3 == 0:  # a step over two days, so spans are formatted too
        initiative["status"][1]["end"] = f"2024-{1 + n % 12:02d}-{day + 1:02d}"
    return initiative


def _event(n: int, initiatives: int) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": f"event-{n}",
        "title": _text(f"Treffen {n}", f"Meeting {n}"),
        "date": f"{2023 + n % 3}-{1 + n % 12:02d}",
        "place": f"place-{n % 20}",
        "initiatives": [f"initiative-{(2 * n) % initiatives}"],
        "actors": ["kazakhstan"],
        "summary": _text("Ein Treffen.", "A meeting."),
        "sources": _citation(n),
    }
    if n % 3 == 0:
        event["date"] = f"{2023 + n % 2}-{1 + n % 12:02d}-10"
        event["end"] = f"{2023 + n % 2}-{1 + n % 12:02d}-12"
    return event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--initiatives", type=int, default=100)
    args = parser.parse_args()
    write_dataset(args.data_dir, args.initiatives)


if __name__ == "__main__":
    main()
