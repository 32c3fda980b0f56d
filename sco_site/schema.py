"""JSON Schema checks of each data file, turned into messages an editor can act on."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .errors import Location, Problem
from .yamlsource import JsonPath, YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"
_TYPE_WORDS = {
    "object": "a block of 'key: value' lines",
    "array": "a list (lines starting with '- ')",
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


@cache
def _registry() -> Registry:
    resources = []
    for file in SCHEMA_DIR.glob("*.schema.json"):
        contents = json.loads(file.read_text(encoding="utf-8"))
        resources.append((file.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator_for(kind: str) -> Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry())


def schema_problems(doc: YamlDocument, kind: str) -> list[Problem]:
    """Every schema violation in one document, located and worded for editors."""
    if not isinstance(doc.data, dict):
        where = doc.location(())
        return [Problem(where, f"the file should be {_TYPE_WORDS['object']}, but is {_describe(doc.data)}")]
    problems: list[Problem] = []
    for error in validator_for(kind).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return sorted(set(problems))


def field_name(path: JsonPath) -> str:
    """'status → #3 → date' for ('status', 2, 'date'): how editors count."""
    return " → ".join(f"#{part + 1}" if isinstance(part, int) else str(part) for part in path) or "the file"


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    for python_type, words in ((bool, "true/false"), (int, "a number"), (float, "a number"), (str, "a text"), (list, "a list"), (dict, "a block")):
        if isinstance(value, python_type):
            return words
    return type(value).__name__


def _explain(doc: YamlDocument, error: ValidationError) -> list[Problem]:
    path: JsonPath = tuple(error.absolute_path)
    where = doc.location(path)
    name = field_name(path)
    kind = error.validator
    if kind == "additionalProperties":
        return [_unknown_key(doc, path, key, error) for key in _extra_keys(error)]
    if kind == "required":
        return [_missing(where, path, error)]
    if kind == "type":
        expected = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        if set(error.schema.get("properties", {})) == {"de", "en"}:
            expected = "a block with a German ('de') and an English ('en') text"
        return [Problem(where, f"'{name}' should be {expected}, but is {_describe(error.instance)}")]
    if kind == "enum":
        return [_not_allowed(where, name, error)]
    if "errorMessage" in error.schema and kind in {"pattern", "minLength", "maxLength"}:
        return [Problem(where, f"'{name}': {error.schema['errorMessage']}")]
    if kind == "minItems":
        return [Problem(where, f"'{name}' needs at least {error.validator_value} entry", "add one, e.g. '- source: seed-article'")]
    if kind == "uniqueItems":
        return [Problem(where, f"'{name}' lists the same entry twice", "remove the repeated line")]
    if kind == "minProperties":
        return [Problem(where, f"'{name}' is empty", "fill it in or remove it")]
    if kind in {"minimum", "maximum"}:
        return [Problem(where, f"'{name}' is {error.instance}, which is out of range ({kind} {error.validator_value})")]
    return [Problem(where, f"'{name}': {error.message}")]


def _extra_keys(error: ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return [key for key in error.instance if key not in allowed]


def _unknown_key(doc: YamlDocument, path: JsonPath, key: str, error: ValidationError) -> Problem:
    allowed = sorted(error.schema.get("properties", {}))
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "allowed here: " + ", ".join(allowed)
    where = doc.location(path + (key,), key=True)
    return Problem(where, f"unknown key '{key}'", hint)


def _missing(where: Location, path: JsonPath, error: ValidationError) -> Problem:
    missing = [key for key in error.validator_value if key not in error.instance]
    key = missing[0] if missing else "?"
    inside = f" in '{field_name(path)}'" if path else ""
    if key in {"de", "en"}:
        language = "German" if key == "de" else "English"
        return Problem(where, f"the {language} text ('{key}') is missing{inside}", "every text needs both 'de' and 'en'")
    return Problem(where, f"'{key}' is missing{inside}", "add it; see CONTRIBUTING.md for an example")


def _not_allowed(where: Location, name: str, error: ValidationError) -> Problem:
    allowed = [str(option) for option in error.validator_value]
    close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "choose one of: " + ", ".join(allowed)
    return Problem(where, f"'{error.instance}' is not allowed as '{name}'", hint)
