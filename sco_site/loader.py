"""Reads ``data/``, checks everything, and returns the model or every problem.

Parsed and checked files are kept while they are unchanged, so a preview
rebuild, or the second language of one build, does not read them again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .builder import build_catalog
from .characters import character_problems
from .discovery import Discovery, discover, display
from .errors import DataError, Location, Problem, ProblemList
from .model import Catalog
from .references import check_dates, check_references, index_ids
from .schema import schema_path, schema_problems
from .yamlsource import YamlDocument, read_yaml_file

Stamp = tuple[int, int]


@dataclass(frozen=True)
class _CheckedFile:
    stamp: Stamp
    doc: YamlDocument | None
    problems: tuple[Problem, ...]


_FILES: dict[Path, _CheckedFile] = {}
_CATALOGS: dict[tuple[Any, ...], Catalog | DataError] = {}


def modeline(kind: str, nested: bool) -> str:
    """The first line that tells yaml-language-server which schema a file follows."""
    up = "../../" if nested else "../"
    return f"# yaml-language-server: $schema={up}sco_site/schemas/{schema_path(kind).name}"


def load_data(data_dir: Path) -> Catalog:
    """Load and check every data file; raise DataError listing all problems."""
    # Only the parent is resolved: a data folder that is itself a link is refused.
    data_dir = data_dir.parent.resolve() / data_dir.name
    discovery = discover(data_dir)
    stamps = {path: _stamp(path) for path, _ in discovery.files}
    key = (tuple(stamps.items()), tuple(discovery.problems.problems))
    if key not in _CATALOGS:
        _CATALOGS.clear()
        with _no_cycle_collection():
            _CATALOGS[key] = _check_all(discovery, data_dir, stamps)
    return _result(_CATALOGS[key])


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Loading creates many small objects and no reference cycles; Python's
    cycle collector, run again and again as they pile up, took a tenth of
    the load time while finding nothing to free.

    On leaving, the objects made meanwhile go straight to the collector's
    oldest generation (``freeze`` then ``unfreeze`` moves them there without
    looking at them); otherwise its next run would look at every one of them
    at once, which was another tenth."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _check_all(discovery: Discovery, data_dir: Path, stamps: dict[Path, Stamp]) -> Catalog | DataError:
    problems = ProblemList(list(discovery.problems.problems))
    docs: dict[str, list[YamlDocument]] = {}
    unreadable: dict[str, list[str]] = {}
    for path, kind in discovery.refused_files:
        unreadable.setdefault(kind, []).append(display(path, data_dir))
    for path, kind in discovery.files:
        checked = _check_file(path, kind, data_dir, stamps[path])
        problems.problems.extend(checked.problems)
        if checked.doc is not None:
            docs.setdefault(kind, []).append(checked.doc)
        else:
            unreadable.setdefault(kind, []).append(display(path, data_dir))
    index = index_ids(docs, problems, unreadable)
    for kind, kind_docs in docs.items():
        for doc in kind_docs:
            check_references(doc, kind, index, problems, discovery.refused_kinds)
    return DataError(problems.problems) if problems else _build(docs)


def _result(outcome: Catalog | DataError) -> Catalog:
    if isinstance(outcome, DataError):
        raise outcome
    return outcome


def _build(docs: dict[str, list[YamlDocument]]) -> Catalog:
    entities = {kind: [doc.data for doc in kind_docs] for kind, kind_docs in docs.items()}
    site = entities.pop("site", [{}])[0]
    glossary = entities.pop("glossary", [{"terms": []}])[0]
    return build_catalog(entities, site, glossary)


def _stamp(path: Path) -> Stamp:
    """When the file last changed; a file gone since it was found is read again, and reported then."""
    try:
        info = path.lstat()
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def _check_file(path: Path, kind: str, data_dir: Path, stamp: Stamp) -> _CheckedFile:
    cached = _FILES.get(path)
    if cached and cached.stamp == stamp:
        return cached
    problems = ProblemList()
    shown_path = display(path, data_dir)
    doc = read_yaml_file(path, shown_path, problems)
    if doc is not None:
        found = schema_problems(doc, kind)
        found += character_problems(doc, {problem.location for problem in found})
        problems.problems.extend(found)
        check_dates(doc, kind, problems)
        _check_modeline(doc, modeline(kind, nested=path.parent != data_dir), problems)
        if problems:
            doc = doc if isinstance(doc.data, dict) else None
    checked = _CheckedFile(stamp, doc, tuple(problems.problems))
    _FILES[path] = checked
    return checked


def _check_modeline(doc: YamlDocument, expected: str, problems: ProblemList) -> None:
    if doc.first_line == expected:
        return
    where = Location(doc.path, 1, 1)
    hint = "copy it from another file in the same folder; it lets your editor check the file while you type"
    if doc.first_line.startswith("# yaml-language-server:"):
        problems.add(where, f"the first line names the wrong schema; it must be '{expected}'", hint)
    else:
        problems.add(where, f"the first line must be '{expected}'", hint)
