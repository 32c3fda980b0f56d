"""The allowed values named in constants.py are exactly those in the JSON schemas."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from sco_site import constants
from sco_site.schema import SCHEMA_DIR, schema_path


@cache
def schema(kind: str) -> dict[str, Any]:
    return json.loads(schema_path(kind).read_text(encoding="utf-8"))


def test_initiative_kinds_match_the_schema() -> None:
    assert set(schema("initiative")["properties"]["kind"]["enum"]) == set(constants.INITIATIVE_KINDS)


def test_statuses_match_the_schema_in_order() -> None:
    enum = schema("initiative")["properties"]["status"]["items"]["properties"]["status"]["enum"]
    assert tuple(enum) == constants.STATUSES


def test_actor_kinds_match_the_schema() -> None:
    assert set(schema("actor")["properties"]["kind"]["enum"]) == set(constants.ACTOR_KINDS)


def test_source_kinds_match_the_schema() -> None:
    assert schema("source")["properties"]["type"]["enum"] == list(constants.SOURCE_TYPES)


def test_priority_icons_match_the_schema() -> None:
    assert set(schema("priority")["properties"]["icon"]["enum"]) == set(constants.PRIORITY_ICONS)


def test_document_and_outcome_kinds_are_subsets() -> None:
    assert constants.DOCUMENT_KINDS <= constants.INITIATIVE_KINDS
    assert constants.OUTCOME_STATUSES <= set(constants.STATUSES)


@pytest.mark.parametrize(("name", "definition"), [("ID_PATTERN", "id"), ("DATE_PATTERN", "date"), ("URL_PATTERN", "url")])
def test_patterns_match_the_shared_definitions(name: str, definition: str) -> None:
    assert getattr(constants, name) == schema("common")["$defs"][definition]["pattern"]


def test_every_data_kind_has_a_schema() -> None:
    kinds = set(constants.ENTITY_FOLDERS.values()) | set(constants.SINGLE_FILES.values())
    assert {path.name for path in SCHEMA_DIR.glob("*.schema.json")} == {f"{kind}.schema.json" for kind in kinds} | {"common.schema.json"}
