"""JSON Schema checks of each data file, turned into messages an editor can act on."""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .constants import DATE_PATTERN, ID_PATTERN, URL_PATTERN
from .errors import Location, Problem, quoted
from .spelling import odd_character
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
    try:
        # Following each "$ref" through the registry, per value and per file,
        # was most of the time a check took; the same schema with every
        # reference written out in place checks the same in under half of it.
        return Draft202012Validator(_inline_refs(schema, schema, ()))
    except _NotInlinable:
        return Draft202012Validator(schema, registry=_registry())


@cache
def _quick_check(kind: str) -> Callable[[Any], bool] | None:
    """A compiled first pass that only tells whether a file is valid (jsonschema-rs).

    Most files are valid, and jsonschema-rs checks them about thirty times
    faster; a file it does not pass goes to ``jsonschema``, whose findings
    decide and are worded for editors. None for a schema with references
    left in it: only ``jsonschema`` follows them, through the local registry.
    """
    schema = validator_for(kind).schema
    if '"$ref"' in json.dumps(schema):
        return None
    return jsonschema_rs.validator_for(_with_python_patterns(schema)).is_valid


def _with_python_patterns(node: Any) -> Any:
    """The schema with each pattern meaning for jsonschema-rs what it means for Python's ``re``.

    Python's ``\\s`` also matches the separators U+001C to U+001F, Rust's does
    not: without this, a web address containing one would pass the first pass
    and never reach ``jsonschema``, which refuses it. Python's ``$`` also
    matches before a final line break.
    """
    if isinstance(node, list):
        return [_with_python_patterns(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: _python_regex(value) if key == "pattern" and isinstance(value, str) else _with_python_patterns(value) for key, value in node.items()}


def _python_regex(pattern: str) -> str:
    result, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
            if char == "s":
                result.append(r"\s\x1c-\x1f" if in_class else r"[\s\x1c-\x1f]")
                continue
            result.append("\\" + char)
            continue
        if char == "\\":
            escaped = True
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class:
            result.append(r"\n?$")
            continue
        result.append(char)
    return "".join(result)


def _passes_quick_check(kind: str, data: Any) -> bool:
    check = _quick_check(kind)
    if check is None:
        return False
    try:
        return check(data)
    except (ValueError, TypeError, OverflowError):  # a value it cannot take: let jsonschema judge
        return False


class _NotInlinable(Exception):
    """A reference that cannot be written out in place (a cycle, or rules beside it)."""


_ANNOTATIONS = {"description", "title", "$comment", "examples"}


def _inline_refs(node: Any, document: dict[str, Any], seen: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_inline_refs(item, document, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return {key: _inline_refs(value, document, seen) for key, value in node.items()}
    if ref in seen or set(node) - _ANNOTATIONS - {"$ref"}:
        raise _NotInlinable(ref)
    file, _, pointer = ref.partition("#")
    if (pointer and not pointer.startswith("/")) or (file and not (SCHEMA_DIR / file).is_file()):
        raise _NotInlinable(ref)
    target_document = json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8")) if file else document
    target: Any = target_document
    for part in filter(None, pointer.split("/")):
        target = target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
    if not isinstance(target, dict):
        raise _NotInlinable(ref)
    # Keys are not qualified by file: a name seen again is treated as a cycle.
    inlined = _inline_refs(target, target_document, seen + (ref,))
    return {**inlined, **{key: value for key, value in node.items() if key != "$ref"}}


def schema_problems(doc: YamlDocument, kind: str) -> list[Problem]:
    """Every schema violation in one document, located and worded for editors.

    One mistake should give one message: a value of the wrong type is not
    also reported for its content, and a misspelt key is not also reported
    as a missing one.
    """
    if not isinstance(doc.data, dict):
        where = doc.location(())
        return [Problem(where, f"the file should be {_TYPE_WORDS['object']}, but is {_describe(doc.data)}", "copy an existing file of the same kind as a start")]
    if _passes_quick_check(kind, doc.data):
        return []
    by_path: dict[JsonPath, list[ValidationError]] = defaultdict(list)
    for error in validator_for(kind).iter_errors(doc.data):
        by_path[tuple(error.absolute_path)].append(error)
    problems: list[Problem] = []
    for errors in by_path.values():
        if any(error.validator == "type" for error in errors):
            errors = [error for error in errors if error.validator == "type"]
        problems.extend(_explain_block(doc, errors))
    return sorted(set(problems))


def _explain_block(doc: YamlDocument, errors: list[ValidationError]) -> list[Problem]:
    """The errors found at one place, with misspelt keys matched to missing ones."""
    missing = {key for error in errors if error.validator == "required" for key in _missing_keys(error)}
    problems: list[Problem] = []
    for error in errors:
        if error.validator == "additionalProperties":
            for key in _extra_keys(error):
                problem, meant = _unknown_key(doc, tuple(error.absolute_path), key, error)
                missing.discard(meant)
                problems.append(problem)
    for error in errors:
        if error.validator == "required":
            keys = [key for key in _missing_keys(error) if key in missing]
            if keys:
                problems.append(_missing(doc, tuple(error.absolute_path), keys))
        elif error.validator != "additionalProperties":
            problems.append(_explain(doc, error))
    return problems


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


def _explain(doc: YamlDocument, error: ValidationError) -> Problem:
    path: JsonPath = tuple(error.absolute_path)
    where = doc.location(path)
    name = field_name(path)
    kind = error.validator
    if kind == "type":
        return _wrong_type(where, name, error)
    if kind == "enum":
        return _not_allowed(where, name, error)
    if kind in {"pattern", "minLength", "maxLength"} and isinstance(error.instance, str):
        return _badly_written(where, name, error)
    if kind == "minItems":
        example = "add one, e.g. '- source: seed-article'" if path[-1:] == ("sources",) else "add at least one entry"
        return Problem(where, f"'{name}' is an empty list", example)
    if kind == "uniqueItems":
        return Problem(where, f"'{name}' lists the same entry twice", "remove the repeated entry")
    if kind == "minProperties":
        return Problem(where, f"'{name}' is empty", "fill it in or remove it")
    if kind in {"minimum", "maximum"}:
        return Problem(where, f"'{name}' is {_short(str(error.instance), 20)}, which is {'too small' if kind == 'minimum' else 'too large'}", f"the {kind} is {error.validator_value}")
    return Problem(where, f"'{name}' is not right: {_short(error.message)}")


def _wrong_type(where: Location, name: str, error: ValidationError) -> Problem:
    expected = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
    hint = ""
    if set(error.schema.get("properties", {})) == {"de", "en"}:
        expected = "a block with a German ('de') and an English ('en') text"
        hint = "write 'de:' and 'en:' on the next two lines, indented by two spaces"
    elif error.validator_value == "string" and error.schema.get("pattern") == DATE_PATTERN:
        expected = "a date"
        if isinstance(error.instance, int) and not isinstance(error.instance, bool) and _fits(str(error.instance), error.schema):
            hint = f'a year alone needs double quotes: "{error.instance}"'
        else:
            hint = "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2024-07-04"
    elif error.validator_value == "string" and isinstance(error.instance, (int, float)) and not isinstance(error.instance, bool):
        # Only propose the quoted value where it would then be right.
        hint = f'put it in double quotes: "{error.instance}"' if len(str(error.instance)) <= 40 and _fits(str(error.instance), error.schema) else ""
    elif error.instance is None:
        hint = "write the value after the colon, or remove the line if the field is optional"
    elif error.validator_value == "array" and isinstance(error.instance, str):
        fits = _fits(error.instance, error.schema.get("items", {}))
        hint = f"write it as a list: [{error.instance}]" if fits and len(error.instance) <= 60 else "write it as a list, one entry per line starting with '- '"
    return Problem(where, f"'{name}' should be {expected}, but is {_describe(error.instance)}", hint)


def _badly_written(where: Location, name: str, error: ValidationError) -> Problem:
    """A text of the wrong shape: empty, too long, not an id, date or link."""
    value: str = error.instance
    pattern = error.schema.get("pattern")
    if not value.strip():
        return Problem(where, f"'{name}' is empty", "write the text, or remove the line if the field is optional")
    if error.validator == "maxLength":
        return Problem(where, f"'{name}' is too long ({len(value)} characters)", f"at most {error.validator_value} characters are allowed")
    if pattern == URL_PATTERN:
        return _bad_url(where, name, value)
    if pattern == DATE_PATTERN:
        return Problem(where, f"'{name}' is {quoted(value)}, which is not written as a date", "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2024-07-04")
    if pattern == ID_PATTERN:
        odd = odd_character(value) if not value.isascii() else ""
        why = f": {odd}" if odd else ""
        return Problem(where, f"'{name}' is {quoted(value)}, which is not a valid id{why}", "ids use lower-case letters a-z, digits and single hyphens, e.g. 'world-unity-initiative'")
    return Problem(where, f"'{name}' is not written as expected", _short(str(error.schema.get("errorMessage", error.message))))


def _bad_url(where: Location, name: str, value: str) -> Problem:
    if not re.match(r"^https?://", value, re.IGNORECASE):
        scheme = value.split(":", 1)[0] + ":" if ":" in value else value
        return Problem(where, f"'{name}' must be a web address starting with https://, not {quoted(scheme, 20)}", "copy the address from the browser's address bar")
    if re.search(r"\s", value):
        return Problem(where, f"'{name}' contains a space", "web addresses have no spaces; copy the address from the browser's address bar")
    odd = next((ch for ch in value if ch in "<>\"'`"), "?")
    if value.startswith(("HTTP", "Http")):
        return Problem(where, f"'{name}' must start with a lower-case https://", "write https:// in small letters")
    return Problem(where, f"'{name}' contains the character {odd}, which a web address cannot contain", "copy the address from the browser's address bar")


def _fits(value: str, schema: dict[str, Any]) -> bool:
    """Whether a text would satisfy the field's pattern: a hint proposes nothing invalid."""
    pattern = schema.get("pattern")
    return not isinstance(pattern, str) or re.search(pattern, value) is not None


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


_KEY_CHARACTER = re.compile(r"[a-z_]")


def _missing_keys(error: ValidationError) -> list[str]:
    return [key for key in error.validator_value if isinstance(error.instance, dict) and key not in error.instance]


def _extra_keys(error: ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return [key for key in error.instance if key not in allowed]


def _close(word: str, options: list[str]) -> str | None:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.75)
    return close[0] if close else None


def _unknown_key(doc: YamlDocument, path: JsonPath, key: str, error: ValidationError) -> tuple[Problem, str | None]:
    """The problem, and which allowed key was probably meant."""
    allowed = sorted(error.schema.get("properties", {}))
    free = [option for option in allowed if option not in error.instance]
    meant = _close(key, free) or _close(key, allowed)
    hint = f"did you mean '{meant}'?" if meant else "allowed here: " + ", ".join(allowed)
    where = doc.location(path + (key,), key=True)
    odd = odd_character(key, _KEY_CHARACTER) if meant and not key.isascii() else ""
    message = f"unknown key {quoted(key)}" + (f": {odd}" if odd else "")
    return Problem(where, message, hint), meant


def _missing(doc: YamlDocument, path: JsonPath, keys: list[str]) -> Problem:
    where = doc.location(path, key=True) if path else doc.location(())
    inside = f" in '{field_name(path)}'" if path else ""
    if set(keys) <= {"de", "en"}:
        words = " and ".join(("German ('de')" if key == "de" else "English ('en')") for key in keys)
        noun = "texts are" if len(keys) > 1 else "text is"
        return Problem(where, f"the {words} {noun} missing{inside}", "every text needs both 'de' and 'en'")
    names = ", ".join(f"'{key}'" for key in keys)
    verb = "are" if len(keys) > 1 else "is"
    pronoun = "them" if len(keys) > 1 else "it"
    return Problem(where, f"{names} {verb} missing{inside}", f"add {pronoun}; CONTRIBUTING.md shows a complete example")


def _not_allowed(where: Location, name: str, error: ValidationError) -> Problem:
    allowed = [str(option) for option in error.validator_value]
    meant = _close(str(error.instance), allowed)
    hint = f"did you mean '{meant}'?" if meant else "choose one of: " + ", ".join(allowed)
    return Problem(where, f"{quoted(error.instance)} is not allowed as '{name}'", hint)
