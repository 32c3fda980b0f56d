"""Safe YAML reading that keeps the line and column of every key and value.

The data is edited by hand, so every later check must be able to point at the
line to change. PyYAML's node tree carries positions; this module turns it into
plain Python values plus a map from each value's path to its place.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .constants import MAX_FILE_BYTES
from .discovery import read_regular_file
from .errors import Location, Problem, ProblemList, quoted
from .yamlerrors import explain_reader_error, explain_syntax_error

JsonPath = tuple[str | int, ...]
# Far more than any real data file holds; an alias bomb or a generated file
# exceeds them long before it can cost time or memory.
MAX_NODES = 20_000
MAX_DEPTH = 40

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_MAP = "tag:yaml.org,2002:map"
_ScalarNode, _MappingNode = yaml.ScalarNode, yaml.MappingNode
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


    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # PyYAML's own, less what this loader never has (path resolvers, a
        # wildcard resolver): libyaml calls it for every value of every file.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # only path resolvers need the path

    def ascend_resolver(self) -> None:
        pass


_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
assert not _Loader.yaml_path_resolvers and None not in _Loader.yaml_implicit_resolvers  # what resolve() leaves out


@dataclass
class YamlDocument:
    """A parsed data file: its values and where each one stands."""

    path: str
    data: Any
    # (line, column) of each value and key; a Location is made only when one is asked for
    value_locations: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_locations: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    first_line: str = ""
    # Every text value with its path, in the order of the file, as the reader met them.
    texts: list[tuple[JsonPath, str]] = field(default_factory=list)

    def location(self, path: JsonPath, key: bool = False) -> Location:
        """The place of a value (or of its key), falling back to its nearest parent."""
        table = self.key_locations if key else self.value_locations
        probe = tuple(path)
        while probe:
            if probe in table:
                return Location(self.path, *table[probe])
            probe = probe[:-1]
        return Location(self.path, *self.value_locations.get((), (1, 1)))


def _location(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _tag_name(tag: str) -> str:
    """'!!python/object' as the editor typed it, not PyYAML's long form."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


class _Refused(Exception):
    """Something no data file may contain; reading the file stops at the first one."""

    def __init__(self, location: Location, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.problem = Problem(location, message, hint)


class _Builder:
    """Walks a node tree into Python values, recording positions and mistakes."""

    def __init__(self, doc: YamlDocument, loader: _Loader, text: str, problems: ProblemList) -> None:
        self.doc = doc
        self.loader = loader
        self.loader_text = text
        self.problems = problems
        self.seen: set[int] = set()
        self.texts = doc.texts
        self.value_locations = doc.value_locations
        self.key_locations = doc.key_locations

    def build(self, node: yaml.Node, path: JsonPath) -> Any:
        # Called for every value of every file: the common cases come first and inline.
        seen = self.seen
        if id(node) in seen or len(seen) >= MAX_NODES or len(path) > MAX_DEPTH:
            raise self._refusal(node, path)
        seen.add(id(node))
        mark = node.start_mark
        self.value_locations[path] = (mark.line + 1, mark.column + 1)
        kind = type(node)
        if kind is _ScalarNode:
            if node.tag != _STR:
                return self._scalar(node)
            self.texts.append((path, node.value))
            return node.value
        if kind is _MappingNode:
            return self._mapping(node, path)
        self._check_tag(node, _SEQ)
        return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]

    def _refusal(self, node: yaml.Node, path: JsonPath) -> _Refused:
        # An alias shares its anchor's node: meeting a node twice means an
        # alias, refused so that no small file can expand into a huge one.
        if id(node) in self.seen:
            return self._alias_refusal(path)
        if len(self.seen) >= MAX_NODES:
            return _Refused(_location(self.doc.path, node), f"the file holds more than {MAX_NODES} values", "a data file describes one thing; split it up")
        return _Refused(_location(self.doc.path, node), f"the file is nested more than {MAX_DEPTH} levels deep", "data files need only a few levels of indentation")

    def _alias_refusal(self, path: JsonPath) -> _Refused:
        # The node tree no longer knows where the alias was written; the
        # event stream does, and reading it again costs little (aliases are
        # not expanded there).
        for event in yaml.parse(self.loader_text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                where = Location(self.doc.path, event.start_mark.line + 1, event.start_mark.column + 1)
                return _Refused(where, f"the alias {quoted('*' + str(event.anchor))} is not allowed in data files", "write the value out in full instead of repeating it with '&' and '*'")
        return _Refused(self.doc.location(path, key=True), "aliases are not allowed in data files", "write the value out in full")

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise _Refused(
                _location(self.doc.path, node),
                f"the tag {quoted(_tag_name(node.tag))} is not allowed in data files",
                "remove the word starting with '!' and write the plain value",
            )

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR:  # most values: the constructor would return the same text, slower
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self._check_tag(node, _STR)
        try:
            return self.loader.construct_object(node)
        except (ValueError, KeyError, OverflowError):  # '!!int abc', a 5000-digit number
            raise _Refused(
                _location(self.doc.path, node),
                f"the value {quoted(node.value, 40)} cannot be read as {_TAG_WORDS.get(node.tag, 'a value')}",
                "put it in double quotes to keep it as text",
            ) from None

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, Any]:
        self._check_tag(node, _MAP)
        result: dict[str, Any] = {}
        key_locations = self.key_locations
        for key_node, value_node in node.value:
            key = key_node.value if type(key_node) is _ScalarNode and key_node.tag == _STR else self._key(key_node)
            if key is None:
                continue
            key_path = path + (key,)
            if key in result:
                first_line, _ = key_locations[key_path]
                self.problems.add(
                    _location(self.doc.path, key_node),
                    f"the key {quoted(key)} appears twice in the same block",
                    f"it was first given on line {first_line}; keep one of them",
                )
                continue
            mark = key_node.start_mark
            key_locations[key_path] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, key_path)
        return result

    def _key(self, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            return str(node.value)
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            value = self._scalar(node)
            if isinstance(value, str):
                return value
        self.problems.add(
            _location(self.doc.path, node),
            "a key must be a plain word, such as 'title'",
            "a key is the word before the ':'",
        )
        return None


_TAG_WORDS = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
}


def parse_yaml(text: str, path: str, problems: ProblemList) -> YamlDocument | None:
    """Parse one YAML document; on failure add a located problem and return None.

    Only plain values, lists and blocks are built: tags (which in unsafe
    loaders run Python code) and aliases are refused before anything is made.
    """
    # Windows (CR LF) and old Mac (CR) line endings read the same as LF, and
    # counting lines by LF then gives the line numbers editors show.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    odd_break = _ODD_LINE_BREAK.search(text)
    if odd_break:
        problems.add(_text_location(text, odd_break.start(), path), f"the file contains the line separator U+{ord(odd_break.group()):04X}, which YAML reads as a line break but editors do not show", "delete it, or replace it by an ordinary line break or a space")
        return None
    doc = YamlDocument(path=path, data=None, first_line=text.split("\n", 1)[0].strip())
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as error:  # lone surrogates cannot reach libyaml
        problems.add(Location(path, 1, 1), "the text contains a character that cannot be saved as UTF-8", f"remove the character at position {error.start}")
        return None
    try:
        node = loader.get_single_node()
        if node is None:
            problems.add(Location(path, 1, 1), "the file is empty", "copy an existing file of the same kind as a start")
            return None
        doc.data = _Builder(doc, loader, text, problems).build(node, ())
    except yaml.MarkedYAMLError as error:
        problems.problems.append(explain_syntax_error(error, text, path))
        return None
    except yaml.reader.ReaderError as error:
        problems.problems.append(explain_reader_error(error, text, path))
        return None
    except _Refused as refusal:
        problems.problems.append(refusal.problem)
        return None
    except RecursionError:  # only without libyaml, whose parser limits nesting itself
        problems.add(Location(path, 1, 1), "the file is nested too deeply", "data files need only a few levels of indentation")
        return None
    finally:
        loader.dispose()
    return doc


# Next line, line separator and paragraph separator: line breaks to YAML 1.1,
# invisible to editors, so every line number after them would be off.
_ODD_LINE_BREAK = re.compile("[\u0085\u2028\u2029]")


def _text_location(text: str, offset: int, path: str) -> Location:
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(path, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def read_yaml_file(file: Path, display_path: str, problems: ProblemList) -> YamlDocument | None:
    """Read and parse a data file, refusing links, oversized or undecodable files."""
    try:
        raw = read_regular_file(file, MAX_FILE_BYTES)
    except OSError as error:  # no permission, a link, a pipe, or removed while being read
        reason = "it is a symbolic link" if error.errno == errno.ELOOP else error.strerror or type(error).__name__
        problems.add(Location(display_path, 1, 1), f"the file cannot be opened ({reason})", "check that it is a plain file inside data/ and that you may read it")
        return None
    if len(raw) > MAX_FILE_BYTES:
        size = file.lstat().st_size
        problems.add(
            Location(display_path, 1, 1),
            f"the file is too large ({size // 1024} KB; at most {MAX_FILE_BYTES // 1024} KB)",
            "a data file describes one thing and stays small; split it up or remove pasted material",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add(_byte_location(raw, error.start, display_path), "the file is not saved as UTF-8: the character here cannot be read", "save the file with the encoding UTF-8")
        return None
    return parse_yaml(text, display_path, problems)


def _byte_location(raw: bytes, offset: int, path: str) -> Location:
    """Line and column (in characters, as editors count) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location(path, raw.count(b"\n", 0, offset) + 1, column)
