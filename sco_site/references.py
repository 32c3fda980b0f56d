"""Checks across files: ids, references between entities, and real dates."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from .constants import DATE_PATTERN
from .dates import DateProblem, DateSpan
from .errors import ProblemList
from .schema import field_name
from .yamlsource import JsonPath, YamlDocument

# Where each kind of file refers to another entity: a path ('*' is any list
# entry) and the kind it must name.
_CITATIONS = ("sources.*.source", "source")
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "priority": ((_CITATIONS[0], "source"),),
    "initiative": (
        ("priorities.*", "priority"),
        ("proposed_by.*", "actor"),
        ("related.*", "initiative"),
        ("planned.place", "place"),
        ("status.*.place", "place"),
        ("status.*.event", "event"),
        ("status.*.sources.*.source", "source"),
        (_CITATIONS[0], "source"),
    ),
    "event": (
        ("place", "place"),
        ("initiatives.*", "initiative"),
        ("actors.*", "actor"),
        (_CITATIONS[0], "source"),
    ),
    "actor": ((_CITATIONS[0], "source"),),
    "place": ((_CITATIONS[0], "source"),),
    "source": (("author", "actor"),),
    "glossary": (),
    "site": (
        ("article", "source"),
        ("chairmanship.sources.*.source", "source"),
        ("cross_cutting.sources.*.source", "source"),
    ),
}
# Dates, as (start, end) paths; end may be absent.
DATES: dict[str, tuple[tuple[str, str], ...]] = {
    "initiative": (("status.*.date", "status.*.end"), ("planned.date", "")),
    "event": (("date", "end"),),
    "source": (("published", ""),),
    "site": (("chairmanship.start", "chairmanship.end"),),
}
_FOLDER_OF = {
    "priority": "priorities",
    "initiative": "initiatives",
    "event": "events",
    "actor": "actors",
    "place": "places",
    "source": "sources",
}
_NAMES = {"priority": "a priority", "initiative": "an initiative", "event": "an event", "actor": "an actor", "place": "a place", "source": "a source"}

Index = dict[str, dict[str, YamlDocument]]  # kind -> id -> document


def walk(data: Any, pattern: str) -> Iterator[tuple[JsonPath, Any]]:
    """Values found at a dotted pattern such as 'status.*.place', with their paths."""
    yield from _walk(data, pattern.split("."), ())


def _walk(data: Any, parts: list[str], path: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
    if not parts:
        yield path, data
        return
    head, rest = parts[0], parts[1:]
    if head == "*" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from _walk(item, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from _walk(data[head], rest, path + (head,))


def index_ids(documents: dict[str, list[YamlDocument]], problems: ProblemList) -> Index:
    """Map ids to documents per kind; report duplicates and ids that differ from file names."""
    index: Index = {kind: {} for kind in _FOLDER_OF}
    for kind, docs in documents.items():
        if kind not in _FOLDER_OF:
            continue
        for doc in docs:
            entity_id = doc.data.get("id") if isinstance(doc.data, dict) else None
            if not isinstance(entity_id, str):
                continue
            where = doc.location(("id",))
            if entity_id in index[kind]:
                other = index[kind][entity_id].path
                problems.add(where, f"the id '{entity_id}' is already used by {other}", "every id must be unique; choose another")
                continue
            index[kind][entity_id] = doc
            stem = PurePosixPath(doc.path).stem
            if stem != entity_id:
                problems.add(where, f"the id '{entity_id}' does not match the file name '{stem}.yml'", f"rename the file to {entity_id}.yml or change the id to '{stem}'")
    return index


def check_references(doc: YamlDocument, kind: str, index: Index, problems: ProblemList) -> None:
    for pattern, target in REFERENCES.get(kind, ()):
        for path, value in walk(doc.data, pattern):
            if isinstance(value, str) and value not in index[target]:
                _unknown_reference(doc, path, value, target, index, problems)
    if kind == "initiative":
        for path, value in walk(doc.data, "related.*"):
            if value == doc.data.get("id"):
                problems.add(doc.location(path), "an initiative cannot be related to itself", "remove this line")


def _unknown_reference(doc: YamlDocument, path: JsonPath, value: str, target: str, index: Index, problems: ProblemList) -> None:
    where = doc.location(path)
    for other_kind, ids in index.items():
        if value in ids:
            problems.add(
                where,
                f"'{value}' is {_NAMES[other_kind]}, but '{field_name(path)}' needs {_NAMES[target]}",
                f"use the id of a file in data/{_FOLDER_OF[target]}/",
            )
            return
    close = difflib.get_close_matches(value, list(index[target]), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"add data/{_FOLDER_OF[target]}/{value}.yml or use an existing id"
    problems.add(where, f"there is no {target} with the id '{value}'", hint)


def check_dates(doc: YamlDocument, kind: str, problems: ProblemList) -> None:
    for start_pattern, end_pattern in DATES.get(kind, ()):
        ends = dict(walk(doc.data, end_pattern)) if end_pattern else {}
        for path, start in walk(doc.data, start_pattern):
            end_path = path[:-1] + (end_pattern.rsplit(".", 1)[-1],) if end_pattern else None
            end = ends.get(end_path) if end_path else None
            _check_span(doc, path, start, end_path, end, problems)


def _is_date_text(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(DATE_PATTERN, value) is not None


def _check_span(doc: YamlDocument, path: JsonPath, start: Any, end_path: JsonPath | None, end: Any, problems: ProblemList) -> None:
    if not _is_date_text(start) or (end is not None and not _is_date_text(end)):
        return  # wrong types and shapes are reported by the schema
    try:
        DateSpan.parse(start)
    except (DateProblem, ValueError) as problem:
        problems.add(doc.location(path), str(problem))
        return
    if end is None or end_path is None:
        return
    try:
        DateSpan.parse(start, end)
    except (DateProblem, ValueError) as problem:
        problems.add(doc.location(end_path), str(problem), "the end date must not come before the start date")
