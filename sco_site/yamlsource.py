"""Safe YAML reading that keeps the line and column of every key and value.

The data is edited by hand, so every later check must be able to point at the
line to change. PyYAML's node tree carries positions; this module turns it into
plain Python values plus a map from each value's path to its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .constants import MAX_FILE_BYTES
from .errors import Location, ProblemList

JsonPath = tuple[str | int, ...]
MAX_NODES = 20_000

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader (libyaml's when present) with stricter implicit types.

    Dates stay text (``2024-07`` and ``2024-07-04`` are both valid here and are
    checked later), and only ``true``/``false`` are booleans, so that ``no``
    or ``on`` in a text stays text.
    """

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@dataclass
class YamlDocument:
    """A parsed data file: its values and where each one stands."""

    path: str
    data: Any
    value_locations: dict[JsonPath, Location] = field(default_factory=dict)
    key_locations: dict[JsonPath, Location] = field(default_factory=dict)
    first_line: str = ""

    def location(self, path: JsonPath, key: bool = False) -> Location:
        """The place of a value (or of its key), falling back to its nearest parent."""
        table = self.key_locations if key else self.value_locations
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            probe = probe[:-1]
        return self.value_locations.get((), Location(self.path, 1, 1))


def _location(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


class _Refused(Exception):
    def __init__(self, location: Location, message: str) -> None:
        super().__init__(message)
        self.location = location
        self.message = message


class _Builder:
    """Walks a node tree into Python values, recording positions and mistakes."""

    def __init__(self, doc: YamlDocument, loader: _Loader, problems: ProblemList) -> None:
        self.doc = doc
        self.loader = loader
        self.problems = problems
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: JsonPath) -> Any:
        # An alias shares its anchor's node: meeting a node twice means an
        # alias, refused so that no small file can expand into a huge one.
        if id(node) in self.seen or len(self.seen) > MAX_NODES:
            raise _Refused(self.doc.location(path, key=True), self._refusal())
        self.seen.add(id(node))
        self.doc.value_locations[path] = _location(self.doc.path, node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _refusal(self) -> str:
        if len(self.seen) > MAX_NODES:
            return f"the file has more than {MAX_NODES} values; split it up"
        return "aliases (*name) are not allowed in data files; write the value out"

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.problems.add(
                _location(self.doc.path, node),
                f"the tag '{node.tag}' is not allowed in data files",
                "remove the tag (the word starting with '!')",
            )

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._check_tag(node, _STR)
            return node.value
        return self.loader.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, Any]:
        self._check_tag(node, _MAP)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            if key in result:
                first = self.doc.key_locations[path + (key,)]
                self.problems.add(
                    _location(self.doc.path, key_node),
                    f"the key '{key}' appears twice in the same block",
                    f"it was first given on line {first.line}; keep one of them",
                )
                continue
            self.doc.key_locations[path + (key,)] = _location(self.doc.path, key_node)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _key(self, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            value = self.loader.construct_object(node)
            if isinstance(value, str):
                return value
        self.problems.add(
            _location(self.doc.path, node),
            "a key must be a plain word, such as 'title'",
        )
        return None


def parse_yaml(text: str, path: str, problems: ProblemList) -> YamlDocument | None:
    """Parse one YAML document; on failure add a located problem and return None."""
    doc = YamlDocument(path=path, data=None, first_line=text.split("\n", 1)[0].strip())
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            problems.add(Location(path, 1, 1), "the file is empty", "copy an existing file of the same kind as a start")
            return None
        doc.data = _Builder(doc, loader, problems).build(node, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        problems.add(where, f"YAML syntax error: {_describe(error)}", _syntax_hint(text, mark))
        return None
    except _Refused as refusal:
        problems.add(refusal.location, refusal.message)
        return None
    except yaml.YAMLError as error:  # reader errors: bad bytes, control characters
        problems.add(Location(path, 1, 1), f"YAML error: {error}")
        return None
    finally:
        loader.dispose()
    return doc


def _describe(error: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    return ", ".join(parts) if parts else "the file cannot be read as YAML"


def _syntax_hint(text: str, mark: Any) -> str:
    lines = text.splitlines()
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in line:
        return "indent with spaces, not tabs"
    return "check the indentation and that each 'key: value' has a space after the colon"


def read_yaml_file(file: Path, display_path: str, problems: ProblemList) -> YamlDocument | None:
    """Read and parse a data file, refusing oversized or undecodable files."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(
            Location(display_path),
            f"the file is {size} bytes, more than the {MAX_FILE_BYTES} allowed",
            "data files hold one entity each and stay small; split it up",
        )
        return None
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        problems.add(Location(display_path, 1, 1), f"the file is not UTF-8 text ({error.reason} at byte {error.start})", "save it as UTF-8")
        return None
    return parse_yaml(text, display_path, problems)
