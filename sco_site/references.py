"""Checks across files: ids, references between entities, and real dates."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from pathlib import PurePosixPath
from typing import Any

from .constants import DATE_PATTERN, EARLIEST_DATE, ID_PATTERN, LATEST_DATE
from .dates import DateProblem, PartialDate
from .errors import ProblemList, quoted
from .reserved import reserved_ids
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
    "initiative": (("status.*.date", "status.*.end"), ("planned.date", ""), ("checked", "")),
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


def walk(data: Any, pattern: str) -> list[tuple[JsonPath, Any]]:
    """Values found at a dotted pattern such as 'status.*.place', with their paths, in the order of the file."""
    found: list[tuple[JsonPath, Any]] = [((), data)]
    for head in pattern.split("."):
        deeper: list[tuple[JsonPath, Any]] = []
        for path, value in found:
            if head == "*" and isinstance(value, list):
                deeper.extend((path + (index,), item) for index, item in enumerate(value))
            elif isinstance(value, dict) and head in value:
                deeper.append((path + (head,), value[head]))
        found = deeper
    return found


def index_ids(documents: dict[str, list[YamlDocument]], problems: ProblemList, unreadable: dict[str, list[str]] | None = None) -> Index:
    """Map ids to documents per kind; report duplicate ids and ids that differ from file names.

    A file that could not be read, or whose id cannot be used, still stands
    for the id its file name gives: one mistake is reported once, not again
    by every reference to that file.
    """
    index: Index = {kind: {} for kind in _FOLDER_OF}
    stand_ins: list[tuple[str, str]] = [(kind, path) for kind, paths in (unreadable or {}).items() for path in paths]
    for kind, docs in documents.items():
        if kind not in _FOLDER_OF:
            continue
        claims: dict[str, list[YamlDocument]] = defaultdict(list)
        for doc in docs:
            entity_id = doc.data.get("id") if isinstance(doc.data, dict) else None
            if isinstance(entity_id, str) and re.fullmatch(ID_PATTERN, entity_id):
                claims[entity_id].append(doc)
            else:
                stand_ins.append((kind, doc.path))  # the schema reports the id
        for entity_id, claimants in claims.items():
            owner = next((doc for doc in claimants if _stem(doc.path) == entity_id), claimants[0])
            index[kind][entity_id] = owner
            for doc in claimants:
                if doc is not owner:
                    problems.add(doc.location(("id",)), f"the id '{entity_id}' is already used by {owner.path}", "every file needs its own id: change it here, and name the file after it")
                    stand_ins.append((kind, doc.path))
            if entity_id in reserved_ids():
                problems.add(
                    owner.location(("id",)),
                    f"the id '{entity_id}' is the name of a page, folder or download the site generates",
                    "choose another id and name the file after it; CONTRIBUTING.md lists the reserved names",
                )
            if _stem(owner.path) != entity_id:
                stem = _stem(owner.path)
                problems.add(owner.location(("id",)), f"the id '{entity_id}' does not match the file name '{stem}.yml'", f"rename the file to {entity_id}.yml or change the id to '{stem}'")
                stand_ins.append((kind, owner.path))
    for kind, path in stand_ins:
        if kind in index:
            index[kind].setdefault(_stem(path), YamlDocument(path=path, data=None))
    return index


def _stem(path: str) -> str:
    return PurePosixPath(path).stem


def check_references(doc: YamlDocument, kind: str, index: Index, problems: ProblemList, unseen: set[str] | None = None) -> None:
    """Every reference names an entity of the right kind (kinds whose folder was refused are not looked up)."""
    for pattern, target in REFERENCES.get(kind, ()):
        if unseen and target in unseen:
            continue
        for path, value in walk(doc.data, pattern):
            # A value that is no id at all is the schema's to report, once.
            if isinstance(value, str) and value not in index[target] and re.fullmatch(ID_PATTERN, value):
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
                f"{quoted(value)} is {_NAMES[other_kind]}, but '{field_name(path)}' needs {_NAMES[target]}",
                f"use the id of a file in data/{_FOLDER_OF[target]}/",
            )
            return
    # Only real ids are proposed: an index entry may stand for a file whose name is no id.
    valid = [entity_id for entity_id in index[target] if re.fullmatch(ID_PATTERN, entity_id)]
    close = difflib.get_close_matches(value, valid, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"add data/{_FOLDER_OF[target]}/{value}.yml or use an existing id"
    problems.add(where, f"there is no {target} with the id {quoted(value)}", hint)


def check_dates(doc: YamlDocument, kind: str, problems: ProblemList) -> None:
    """Every date is a real day, month or year, and every span ends after it starts."""
    for start_pattern, end_pattern in DATES.get(kind, ()):
        starts = dict(walk(doc.data, start_pattern))
        ends = dict(walk(doc.data, end_pattern)) if end_pattern else {}
        for path, start in starts.items():
            end_path = path[:-1] + (end_pattern.rsplit(".", 1)[-1],) if end_pattern else path
            _check_span(doc, (path, start), (end_path, ends.get(end_path)), problems)
        start_key = start_pattern.rsplit(".", 1)[-1]
        for end_path in ends:
            if end_path[:-1] + (start_key,) not in starts:
                problems.add(doc.location(end_path, key=True), f"'{field_name(end_path)}' is given without a start '{start_key}'", f"add '{start_key}:' with the first day, or remove the end")
    if kind == "initiative":
        _check_step_order(doc, problems)


def _check_step_order(doc: YamlDocument, problems: ProblemList) -> None:
    """Status steps are oldest first: the page takes the last step as the current one."""
    above: PartialDate | None = None
    for path, value in walk(doc.data, "status.*.date"):
        date = _parsed(value)
        if date is None:
            continue
        if above and date.last_day() < above.first_day():
            problems.add(
                doc.location(path),
                f"'{field_name(path)}' ({date.iso()}) is before the date of the step above it ({above.iso()})",
                "list the steps oldest first: move this step up, or correct the date",
            )
        above = date


def _parsed(value: Any) -> PartialDate | None:
    """The date if it is a real one in range (the others are reported where they stand)."""
    if not _is_date_text(value):
        return None
    try:
        date = PartialDate.parse(value)
    except DateProblem:
        return None
    return date if date.year >= 1 and _in_range(date) else None


def _in_range(date: PartialDate) -> bool:
    return date.last_day() >= EARLIEST_DATE and date.first_day() <= LATEST_DATE


def _is_date_text(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(DATE_PATTERN, value) is not None


def _check_span(doc: YamlDocument, start: tuple[JsonPath, Any], end: tuple[JsonPath, Any], problems: ProblemList) -> None:
    first = _real_date(doc, *start, problems)
    last = _real_date(doc, *end, problems) if end[1] is not None else None
    if first and last and last.last_day() < first.first_day():
        problems.add(
            doc.location(end[0]),
            f"'{field_name(end[0])}' ({last.iso()}) is before the start ({first.iso()})",
            "the end must be on or after the start; are the two swapped?",
        )


def _real_date(doc: YamlDocument, path: JsonPath, value: Any, problems: ProblemList) -> PartialDate | None:
    """The date, or None after reporting why it cannot be (shapes are the schema's task)."""
    if not _is_date_text(value):
        return None
    try:
        date = PartialDate.parse(value)
        if date.year < 1:
            raise DateProblem("there is no year 0000")
    except DateProblem as problem:
        reason = str(problem).split("is not a date: ", 1)[-1]
        problems.add(doc.location(path), f"'{field_name(path)}' is {value}, which is not a real date", reason)
        return None
    if not _in_range(date):
        when = f"before the SCO was founded ({EARLIEST_DATE.isoformat()})" if date.last_day() < EARLIEST_DATE else f"after {LATEST_DATE.year}, later than any date the site expects"
        hint = f"is it a typo? Dates on this site lie between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}"
        problems.add(doc.location(path), f"'{field_name(path)}' is {value}, {when}", hint)
        return None
    return date
