"""The compiled first pass of the schema check (jsonschema-rs) agrees with jsonschema.

A file the first pass accepts is not looked at again, so it must never
accept what jsonschema refuses; and it should refuse only what jsonschema
refuses, or valid files would be checked twice. Both are compared on every
file of the real data, a synthetic set, the broken-data corpus, and many
copies of one file of each kind, each broken at one place in one way.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.synthetic import write_dataset
from sco_site.discovery import discover
from sco_site.errors import ProblemList
from sco_site.schema import _passes_quick_check, validator_for
from sco_site.yamlsource import parse_yaml
from tests.data_cases import broken_case_names, build_broken_case

REPOSITORY_DATA = Path(__file__).resolve().parent.parent / "data"
# One way each to break a value: wrong types, empty or blank texts, texts that
# differ only where Python's and Rust's regular expressions differ.
REPLACEMENTS: list[Any] = [None, 1, 1.5, True, "", " ", [], {}, "x\n", "a\x1cb", "https://example.org/a\x1f", "https://a b", "Bad Id", "2024-13-01\n", "ä" * 400]


def _documents(data_dir: Path) -> Iterator[tuple[str, str, Any]]:
    for path, kind in discover(data_dir).files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):  # cases the loader refuses before any schema check
            continue
        doc = parse_yaml(text, path.name, ProblemList())
        if doc is not None:
            yield kind, str(path.relative_to(data_dir)), doc.data


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, path + (index,))


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    if not path:
        return value
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _without(data: Any, path: tuple[Any, ...]) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return changed


def _mutations(data: Any) -> Iterator[Any]:
    for path in _leaves(data):
        for value in REPLACEMENTS:
            yield _set(data, path, value)
        if path:
            yield _without(data, path)
        parent = _get(data, path)
        if isinstance(parent, dict):
            yield _set(data, path + ("unknwon",), "x")


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _assert_agree(kind: str, name: str, data: Any) -> bool:
    valid = next(iter(validator_for(kind).iter_errors(data)), None) is None
    assert _passes_quick_check(kind, data) == valid, f"{name}: jsonschema says {'valid' if valid else 'invalid'}, the first pass does not"
    return valid


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Any]]:
    documents = list(_documents(REPOSITORY_DATA))
    synthetic = tmp_path_factory.mktemp("synthetic") / "data"
    write_dataset(synthetic, initiatives=12)
    documents += _documents(synthetic)
    for case in broken_case_names():
        data_dir = build_broken_case(case, tmp_path_factory.mktemp(case))
        documents += [(kind, f"{case}: {name}", data) for kind, name, data in _documents(data_dir)]
    return documents


def test_first_pass_agrees_on_real_synthetic_and_broken_files(corpus: list[tuple[str, str, Any]]) -> None:
    verdicts = [_assert_agree(kind, name, data) for kind, name, data in corpus]
    assert verdicts.count(True) > 100 and verdicts.count(False) >= 5, "the corpus needs valid and broken files"


def test_first_pass_agrees_on_files_broken_at_every_place(corpus: list[tuple[str, str, Any]]) -> None:
    first_of_kind: dict[str, tuple[str, Any]] = {}
    for kind, name, data in corpus:
        if isinstance(data, dict):
            first_of_kind.setdefault(kind, (name, data))
    assert len(first_of_kind) >= 8, sorted(first_of_kind)
    verdicts = []
    for kind, (name, data) in first_of_kind.items():
        for number, changed in enumerate(_mutations(data)):
            verdicts.append(_assert_agree(kind, f"{name} (change {number})", changed))
    assert verdicts.count(False) > 1000 and verdicts.count(True) > 50
