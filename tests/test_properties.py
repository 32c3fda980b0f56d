"""Properties over generated input: nothing crashes the checks, nothing from data becomes markup."""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco_site.errors import DataError, ProblemList
from sco_site.model import GlossaryTerm, Text
from sco_site.loader import load_data, modeline
from sco_site.render.text import data_token
from tests.markdownsetup import markdown_for
from sco_site.yamlsource import parse_yaml
from tests.data_cases import VALID_DATA

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40)
structures = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)
# Text that looks like YAML more often than random characters do.
YAML_TOKENS = list("ab:- \n\t'\"[]{}#&*!|>%@`,?") + ["de", "en", "id", "\u00e4", "2024-02-30", "  ", "\n  "]
yaml_ish = st.lists(st.sampled_from(YAML_TOKENS), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=200), yaml_ish)


def _assert_located(problems: list[Any]) -> None:
    assert problems
    for problem in problems:
        assert problem.location.file.startswith("data/")
        assert problem.location.line >= 1 and problem.location.column >= 1
        assert problem.message


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isinf(a) and a == b)
    return type(a) is type(b) and a == b if not isinstance(a, (list, dict)) else _equal_containers(a, b)


def _equal_containers(a: Any, b: Any) -> bool:
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    return isinstance(b, dict) and a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)


@SETTINGS
@given(any_text)
def test_parsing_any_text_gives_data_or_located_problems(text: str) -> None:
    problems = ProblemList()
    doc = parse_yaml(text, "data/places/x.yml", problems)
    if doc is None or problems:
        _assert_located(problems.problems)


@SETTINGS
@given(structures)
def test_dumped_structures_read_back_unchanged(value: Any) -> None:
    # Escaped output: PyYAML writes some line separators (U+0085) raw inside
    # quotes, where YAML itself folds them into spaces.
    text = yaml.safe_dump(value, allow_unicode=False)
    problems = ProblemList()
    doc = parse_yaml(text, "data/places/x.yml", problems)
    assert not problems.problems, [str(p) for p in problems.problems]
    assert doc is not None and _equal(doc.data, value)


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as root:
        yield Path(shutil.copytree(VALID_DATA, Path(root) / "data"))


class _Writer:
    """Rewrites one data file, moving its time on so the loader's cache sees each change."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.tick = file.stat().st_mtime_ns

    def write(self, content: str) -> None:
        self.file.write_text(content, encoding="utf-8", errors="surrogatepass")
        self.tick += 10**9
        os.utime(self.file, ns=(self.tick, self.tick))


def _load_never_crashes(data_dir: Path, content: str) -> None:
    _Writer(data_dir / "places" / "astana.yml").write(content)
    try:
        load_data(data_dir)
    except DataError as error:
        _assert_located(error.problems)


@SETTINGS
@given(structures)
def test_loading_any_structure_gives_located_problems(data_dir: Path, value: Any) -> None:
    _load_never_crashes(data_dir, modeline("place", nested=True) + "\n" + yaml.safe_dump(value, allow_unicode=True))


@SETTINGS
@given(any_text)
def test_loading_any_text_gives_located_problems(data_dir: Path, text: str) -> None:
    _load_never_crashes(data_dir, modeline("place", nested=True) + "\n" + text)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["id", "name", "description", "sources", "nme"]), structures, max_size=5))
def test_loading_near_valid_places_gives_located_problems(data_dir: Path, value: dict[str, Any]) -> None:
    _load_never_crashes(data_dir, modeline("place", nested=True) + "\n" + yaml.safe_dump(value, allow_unicode=True))


# --- Nothing in a data text can become markup on a page -------------------------------------

_GLOSSARY = SimpleNamespace(
    glossary=(
        GlossaryTerm(Text("SOZ", "SOZ"), Text("Shanghaier Organisation", "Shanghaier Organisation")),
        GlossaryTerm(Text("SCO", "SCO"), Text("Shanghai Cooperation Organisation", "Shanghai Cooperation Organisation")),
    )
)


def render(text: str) -> str:
    """One data value, as a template prints it, through the site's Markdown set-up."""
    return markdown_for(_GLOSSARY, "de").convert(data_token(text))


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


ABBREVIATION_TITLES = {"Shanghaier Organisation", "Shanghai Cooperation Organisation"}
MARKUP_TOKENS = list("<>&\"'=/[]()!*_`#:|{}.-+~^$\\ \n") + ["script", "a href", "javascript", "img", "onerror", "SOZ", "SCO", "1.", "smile", "&amp;", "&#60;", "    "]
markup_like = st.lists(st.sampled_from(MARKUP_TOKENS), max_size=60).map("".join)


@SETTINGS
@given(st.one_of(st.text(max_size=200), markup_like))
def test_data_text_renders_as_plain_text_only(text: str) -> None:
    html = render(text)
    parsed = _Elements()
    parsed.feed(html)
    for tag, attrs in parsed.tags:
        assert tag in {"p", "abbr"}, html
        if tag == "p":
            assert attrs == [], html
        else:
            assert [name for name, _ in attrs] == ["title"] and attrs[0][1] in ABBREVIATION_TITLES, html
    assert "<script" not in html.lower()
    assert "href" not in html.lower() or "href" in text.lower()
    assert "".join(parsed.text).strip() == _shown(text)


def _shown(text: str) -> str:
    """What the reader should see: the text with its spacing tidied.

    Control characters are dropped (Python-Markdown uses STX and ETX as its
    own placeholder marks; YAML refuses most of them in data files anyway).
    """
    visible = "".join(ch for ch in " ".join(text.split()) if ord(ch) >= 32 and ord(ch) != 127)
    return " ".join(visible.split())


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "[x](javascript:alert(1))", '<img src=x onerror="alert(1)">', "<https://evil.example>", "![i](https://evil.example/i.png)", "{: onclick=alert(1) }", ":smile:", "# heading", "1. list", "| a | b |\n|---|---|"],
)
def test_known_markup_renders_as_plain_text(text: str) -> None:
    html = render(text)
    parsed = _Elements()
    parsed.feed(html)
    assert [tag for tag, _ in parsed.tags] == ["p"]
    assert "".join(parsed.text).strip() == " ".join(text.split())
