"""The checks across files cover every field the schemas define, so a new field cannot slip past them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from sco_site.references import DATES
from sco_site.schema import SCHEMA_DIR

def _date_refs() -> set[str]:
    """Every shared definition that is a date: its pattern starts with a four-digit year."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    return {f"common.schema.json#/$defs/{name}" for name, rule in common.items() if str(rule.get("pattern", "")).startswith("^[0-9]{4}")}


_DATE_REFS = _date_refs()


def test_the_date_definitions_are_found() -> None:
    assert "common.schema.json#/$defs/date" in _DATE_REFS


def _date_fields(node: Any, path: tuple[str, ...]) -> Iterator[str]:
    if isinstance(node, dict):
        if node.get("$ref") in _DATE_REFS:
            yield ".".join(path)
        for key, value in node.get("properties", {}).items():
            yield from _date_fields(value, path + (key,))
        if "items" in node:
            yield from _date_fields(node["items"], path + ("*",))


@pytest.mark.parametrize("kind", sorted(file.name.split(".")[0] for file in SCHEMA_DIR.glob("*.schema.json") if file.name != "common.schema.json"))
def test_every_date_field_is_checked_as_a_real_and_plausible_date(kind: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    in_schema = set(_date_fields(schema, ()))
    checked = {pattern for pair in DATES.get(kind, ()) for pattern in pair if pattern}
    assert in_schema == checked, "add the new date field to DATES in sco_site/references.py"
