"""Safe YAML parsing that keeps where every key and value was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_site.constants import MAX_FILE_BYTES
from sco_site.errors import Location, ProblemList
from sco_site.yamlsource import MAX_DEPTH, MAX_NODES, YamlDocument, parse_yaml, read_yaml_file

SAMPLE = """\
# a comment
id: astana
name:
  de: Astana
  en: Astana
sources:
  - source: seed-article
  - source: astana-declaration
"""


def parse(text: str) -> tuple[YamlDocument | None, list[str]]:
    problems = ProblemList()
    doc = parse_yaml(text, "data/x.yml", problems)
    return doc, [str(problem) for problem in problems.problems]


def test_values_and_their_places() -> None:
    doc, problems = parse(SAMPLE)
    assert problems == []
    assert doc is not None
    assert doc.data == {"id": "astana", "name": {"de": "Astana", "en": "Astana"}, "sources": [{"source": "seed-article"}, {"source": "astana-declaration"}]}
    assert doc.location(("id",)) == Location("data/x.yml", 2, 5)
    assert doc.location(("name",), key=True) == Location("data/x.yml", 3, 1)
    assert doc.location(("name", "en")) == Location("data/x.yml", 5, 7)
    assert doc.location(("sources", 1, "source")) == Location("data/x.yml", 8, 13)
    assert doc.first_line == "# a comment"


def test_a_missing_place_falls_back_to_the_nearest_parent() -> None:
    doc, _ = parse(SAMPLE)
    assert doc is not None
    assert doc.location(("name", "fr")) == Location("data/x.yml", 4, 3)
    assert doc.location(("nothing", "here")) == Location("data/x.yml", 2, 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("v: 2024-07-04", "2024-07-04"),
        ("v: 2024-07", "2024-07"),
        ("v: no", "no"),
        ("v: on", "on"),
        ("v: yes", "yes"),
        ("v: true", True),
        ("v: false", False),
        ("v: 3", 3),
        ("v: 2.5", 2.5),
        ("v:", None),
        ('v: "2024"', "2024"),
    ],
)
def test_only_plain_json_values_come_out(text: str, value: object) -> None:
    doc, problems = parse(text)
    assert problems == []
    assert doc is not None and doc.data == {"v": value}


def test_a_repeated_key_is_reported_where_it_repeats() -> None:
    doc, problems = parse("id: a\nkind: state\nid: b\n")
    assert problems == ["data/x.yml:3:1: the key 'id' appears twice in the same block (it was first given on line 1; keep one of them)"]
    assert doc is not None and doc.data == {"id": "a", "kind": "state"}


def test_a_key_must_be_a_word() -> None:
    _, problems = parse("? [a, b]\n: 1\n")
    assert problems == ["data/x.yml:1:3: a key must be a plain word, such as 'title' (a key is the word before the ':')"]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_one_problem(text: str) -> None:
    doc, problems = parse(text)
    assert doc is None
    assert problems == ["data/x.yml:1:1: the file is empty (copy an existing file of the same kind as a start)"]


def test_an_alias_is_refused_where_it_is_written() -> None:
    doc, problems = parse("a: &first\n  de: x\n  en: y\nb: *first\n")
    assert doc is None
    assert problems == ["data/x.yml:4:4: the alias '*first' is not allowed in data files (write the value out in full instead of repeating it with '&' and '*')"]


def test_an_anchor_without_alias_is_harmless() -> None:
    doc, problems = parse("a: &first x\n")
    assert problems == [] and doc is not None and doc.data == {"a": "x"}


def test_an_alias_bomb_is_refused_at_the_first_alias() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefghi", "bcdefghij"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    doc, problems = parse("\n".join(lines))
    assert doc is None
    assert problems == ["data/x.yml:2:8: the alias '*a' is not allowed in data files (write the value out in full instead of repeating it with '&' and '*')"]


def test_too_many_values_are_refused() -> None:
    doc, problems = parse("v: [" + ", ".join(["1"] * (MAX_NODES + 1)) + "]")
    assert doc is None
    assert len(problems) == 1 and f"more than {MAX_NODES} values" in problems[0]


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    depth = MAX_DEPTH * 20
    doc, problems = parse("v: " + "[" * depth + "]" * depth)
    assert doc is None
    assert len(problems) == 1 and "nested" in problems[0]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("v: !!python/object/apply:os.system ['true']", "!!python/object/apply:os.system"),
        ("v: !!python/name:os.system", "!!python/name:os.system"),
        ("v: !!binary aGk=", "!!binary"),
        ("v: !!timestamp 2024-07-04", "!!timestamp"),
        ("v: !custom x", "!custom"),
        ("v: !!set {a: null}", "!!set"),
    ],
)
def test_tags_are_refused(text: str, tag: str) -> None:
    doc, problems = parse(text)
    assert doc is None
    assert problems == [f"data/x.yml:1:4: the tag '{tag}' is not allowed in data files (remove the word starting with '!' and write the plain value)"]


@pytest.mark.parametrize("text", ["v: 1" + "0" * 5000, "v: !!int abc", "v: !!bool maybe"])
def test_values_that_cannot_be_made_are_problems_not_crashes(text: str) -> None:
    doc, problems = parse(text)
    assert doc is None
    assert len(problems) == 1 and problems[0].startswith("data/x.yml:1:4: the value ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: a\nname:\n\tde: x\n", "data/x.yml:3:1: this line is indented with a tab (YAML needs spaces for indenting; replace the tab by spaces)"),
        ('title: Astana: the summit\n', 'data/x.yml:1:14: a \':\' followed by a space cannot stand here (put the whole text in double quotes, e.g. title: "Astana: the summit")'),
        ("a:\n  b: 1\n c: 2\n", "data/x.yml:3:2: this line is not indented like the lines above it (lines of the same block start in the same column; indent with spaces)"),
        ("a: 1\n---\nb: 2\n", "data/x.yml:2:1: the file holds more than one document (a data file holds one entity; remove the '---' line)"),
        ("a: @home\n", "data/x.yml:1:4: a value cannot start with the character '@' (put the whole text in double quotes)"),
        ('a:\n  de: "offen\n  en: "open"\n', "data/x.yml:2:7: the quotation mark that starts this text is not closed on the same line (end the text with the same mark; inside a text, write „…“ or “…” instead of straight quotes)"),
        ('a: "C:\\x"\n', "data/x.yml:1:9: a backslash '\\' in a double-quoted text starts an escape code that is not valid (write '\\\\' for a backslash, or use single quotes)"),
    ],
)
def test_syntax_errors_are_explained_plainly(text: str, expected: str) -> None:
    doc, problems = parse(text)
    assert doc is None
    assert problems == [expected]


def test_a_control_character_is_located() -> None:
    _, problems = parse("id: a\nname: Ast\x07ana\n")
    assert problems == ["data/x.yml:2:10: the file contains an invisible control character (U+0007) (delete it; such characters often come in with copied text)"]


def test_a_lone_surrogate_is_a_problem() -> None:
    doc, problems = parse("v: \ud800")
    assert doc is None and len(problems) == 1


def write(tmp_path: Path, content: bytes) -> Path:
    file = tmp_path / "x.yml"
    file.write_bytes(content)
    return file


def read(file: Path) -> tuple[YamlDocument | None, list[str]]:
    problems = ProblemList()
    doc = read_yaml_file(file, "data/x.yml", problems)
    return doc, [str(problem) for problem in problems.problems]


def test_a_file_that_is_not_utf8_is_located_at_the_bad_character(tmp_path: Path) -> None:
    doc, problems = read(write(tmp_path, "id: a\nname: Köln\n".encode("latin-1")))
    assert doc is None
    assert problems == ["data/x.yml:2:8: the file is not saved as UTF-8: the character here cannot be read (save the file with the encoding UTF-8)"]


def test_a_byte_order_mark_is_accepted_and_not_part_of_the_first_line(tmp_path: Path) -> None:
    doc, problems = read(write(tmp_path, "\ufeff# first\nid: a\n".encode("utf-8")))
    assert problems == []
    assert doc is not None and doc.first_line == "# first" and doc.data == {"id": "a"}


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    doc, problems = read(write(tmp_path, b"v: [" + b"&a x, " * (MAX_FILE_BYTES // 6) + b"]"))
    assert doc is None
    assert problems == [f"data/x.yml:1:1: the file is too large ({(MAX_FILE_BYTES // 6 * 6 + 5) // 1024} KB; at most {MAX_FILE_BYTES // 1024} KB) (a data file describes one thing and stays small; split it up or remove pasted material)"]


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    body = b"v: x\n"
    doc, problems = read(write(tmp_path, body + b"#" * (MAX_FILE_BYTES - len(body))))
    assert problems == [] and doc is not None


def test_a_file_that_vanished_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    doc, problems = read(tmp_path / "gone.yml")
    assert doc is None
    assert problems == ["data/x.yml:1:1: the file cannot be opened (No such file or directory) (check that it is a plain file inside data/ and that you may read it)"]
