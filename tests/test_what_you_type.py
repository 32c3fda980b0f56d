"""What you type is what readers see: any text in any text field, on every page and download.

Hypothesis writes arbitrary text (mixed with the syntax of every Markdown
extension in mkdocs.yml, raw HTML, entities, backslashes, Python-Markdown's
own placeholders and characters YAML writes as escapes) into one text field of
the small valid data set. Either the check refuses it with a located message,
or every page shows exactly that text (white space normalised) where the same
page with a plain marker word showed the marker, with the same elements; and
so do the page titles, descriptions, table-of-contents entries, drawings and
downloads. Pages are rendered with the site's own Markdown set-up
(tests/markdownsetup.py) rather than a full build per example; test_fidelity's
hostile build checks the same through MkDocs.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from mkdocs.utils.meta import get_data

from sco_site.constants import LANGUAGES
from sco_site.errors import DataError
from sco_site.exports import dataset_json, events_ics, initiatives_csv
from sco_site.loader import load_data
from sco_site.model import Catalog
from sco_site.pages import generate_pages
from sco_site.render.text import plain_text
from tests.data_cases import VALID_DATA
from tests.hostile import HOSTILE
from tests.markdownsetup import markdown_for

MARKER = "Qzxqvmarker"
TEXT_KEYS = {"title", "name", "summary", "note", "description", "quote", "official_name", "meaning", "abbreviation", "publisher"}

# Pieces of syntax, mixed with arbitrary characters.
SYNTAX = [
    *HOSTILE, "#", "##", "1.", "4. ", "-", "*", "+", ">", "|", "|---|", "```", "~~~", "`", "_", "__", "**", "~~", "^^", "==",
    "[", "]", "(", ")", "![a](b)", "<https://x.example>", "*[", "]:", "???", "???+", "!!!", "{", "}", "{: #id }", "{ .c }",
    ":", ":smile:", ":material-home:", "&", "&amp;", "&lt;", "&#60;", "&#x3C;", "&nbsp;", "&bogus;", "\\", "\\\\", "\\*", "\\\n",
    "<", ">", "<b>", "</b>", "<div markdown>", "</div>", "<!--", "-->", "<script>", "<![CDATA[", "\x02", "\x03", "\x02klzzwxh:0\x03",
    "\x02wzxhzdk:0\x03", "klzzwxh:1", "wzxhzdk:0", "\ue000", "\ue001", "\ue141", "\u2028", "\u0085", "\t", "\n", "\n\n", "    ", " ",
    "\r\n", "\x00", "\x1b[31m", "\u202e", "\ufeff", "SOZ", "SCO", "'", '"', "---", "...", "%", "@", "!", "=", "Σ", "ß", "😀",
]
texts = st.one_of(st.text(max_size=60), st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(max_size=3)), max_size=12).map("".join))


def _text_fields() -> list[tuple[str, tuple[Any, ...]]]:
    """(file, path) of every text leaf in the valid data set."""
    fields = []

    def walk(file: str, value: Any, path: tuple[Any, ...], inside: bool) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(file, item, (*path, key), inside or key in TEXT_KEYS)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(file, item, (*path, index), inside)
        elif isinstance(value, str) and inside:
            fields.append((file, path))

    for file in sorted(VALID_DATA.rglob("*.yml")):
        walk(file.relative_to(VALID_DATA).as_posix(), yaml.safe_load(file.read_text(encoding="utf-8")), (), False)
    return fields


FIELDS = _text_fields()


class DataFolder:
    """A copy of the valid data set in which one field at a time is rewritten."""

    def __init__(self, root: Path) -> None:
        self.root = Path(shutil.copytree(VALID_DATA, root / "data"))
        self.tick = 0

    def with_value(self, file: str, path: tuple[Any, ...], value: str) -> Catalog:
        original = (VALID_DATA / file).read_text(encoding="utf-8")
        modeline, _, body = original.partition("\n")
        data = yaml.safe_load(body)
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        # PyYAML writes what YAML cannot hold plainly as escapes ("\x1B", "\u2028").
        self._write(file, modeline + "\n" + yaml.safe_dump(data, allow_unicode=False, sort_keys=False, width=10**6))
        try:
            return load_data(self.root)
        finally:
            self._write(file, original)

    def _write(self, file: str, content: str) -> None:
        target = self.root / file
        target.write_text(content, encoding="utf-8")
        self.tick += 1
        stamp = 10**18 + self.tick * 10**9  # the loader caches by modification time
        os.utime(target, ns=(stamp, stamp))


@pytest.fixture(scope="module")
def folder() -> Iterator[DataFolder]:
    with tempfile.TemporaryDirectory() as root:
        yield DataFolder(Path(root))


def norm(value: str) -> str:
    return " ".join(value.split())


def reader_view(catalog: Catalog) -> dict[str, Any]:
    """Everything of a site a reader sees, by page and language, as plain text."""
    return {f"{lang}/{page.src_uri}": _page_view(page.markdown, catalog, lang) for lang in LANGUAGES for page in generate_pages(catalog, lang)}


_VIEWS: dict[tuple[str, str, tuple[tuple[str, str], ...]], dict[str, Any]] = {}


def _page_view(page_markdown: str, catalog: Catalog, lang: str) -> dict[str, Any]:
    # Most pages do not show the field being changed: render each distinct page once.
    glossary = tuple((t.abbreviation[lang], t.meaning[lang]) for t in catalog.glossary)
    key = (page_markdown, lang, glossary)
    if key not in _VIEWS:
        body, meta = get_data(page_markdown)
        md = markdown_for(catalog, lang)
        soup = BeautifulSoup(md.convert(body), "html.parser")
        # A drawing's visible label may be shortened; its <title> holds the whole text.
        for label in soup.select("svg text"):
            for string in label.find_all(string=True, recursive=False):
                string.extract()
        _VIEWS[key] = {
            "text": norm(soup.get_text()),
            "elements": [tag.name for tag in soup.find_all(True) if tag.name != "abbr"],
            "title": norm(html.unescape(meta.get("title", ""))),
            "description": norm(html.unescape(meta.get("description", ""))),
            "toc": [norm(html.unescape(token["name"])) for token in _flat(md.toc_tokens)],
            "headings": [_heading_text(h) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])],
        }
    return _VIEWS[key]


def _heading_text(heading: Any) -> str:
    """A heading's text without its permalink: the anchor is left out, not its '¶' (data may say '¶')."""
    parts = [s for s in heading.find_all(string=True) if "headerlink" not in (s.parent.get("class") or [])]
    return norm("".join(parts))


def _flat(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        yield token
        yield from _flat(token["children"])


@cache
def _baseline(folder_root: str, file: str, path: tuple[Any, ...]) -> dict[str, Any]:
    return reader_view(_FOLDER[folder_root].with_value(file, path, MARKER))


_FOLDER: dict[str, DataFolder] = {}


def _shown_like(value: str, baseline: str) -> str:
    return norm(baseline.replace(MARKER, value))


@settings(max_examples=int(os.environ.get('WHAT_YOU_TYPE_EXAMPLES', '80')), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=texts)
# Cases that broke pages once: a date after a bullet, an entity, a token look-alike,
# an abbreviation that is one of Python-Markdown's placeholder words.
@example(field=("initiatives/world-unity-initiative.yml", ("title", "de")), value="4. Juli 2023: ## x | a |")
@example(field=("events/astana-summit-2024.yml", ("title", "en")), value="&amp; &#60; \\*x\\*")
@example(field=("places/astana.yml", ("name", "de")), value="\ue000\ue141\ue001 \x02wzxhzdk:0\x03")
@example(field=("glossary.yml", ("terms", 0, "abbreviation", "de")), value="wzxhzdk")
@example(field=("sources/astana-declaration.yml", ("title",)), value="\x1b")
def test_any_text_is_refused_or_shown_exactly(folder: DataFolder, field: tuple[str, tuple[Any, ...]], value: str) -> None:
    file, path = field
    try:
        catalog = folder.with_value(file, path, value)
    except DataError as error:
        for problem in error.problems:
            assert problem.location.file == f"data/{file}" or problem.location.file.startswith("data/")
            assert problem.location.line >= 1 and problem.message
        return
    _FOLDER[str(folder.root)] = folder
    expected = _baseline(str(folder.root), file, path)
    shown = plain_text(value)
    actual = reader_view(catalog)
    assert actual.keys() == expected.keys()
    for page, seen in actual.items():
        want = expected[page]
        where = f"{page}, {file} {'.'.join(map(str, path))} = {value!r}"
        assert seen["text"] == _shown_like(shown, want["text"]), where
        if shown:  # text of control characters only shows as nothing (the check should refuse it)
            assert seen["elements"] == want["elements"], where
        assert seen["title"] == _shown_like(shown, want["title"]), where
        assert seen["description"] == _shown_like(shown, want["description"]), where
        assert seen["toc"] == [_shown_like(shown, t) for t in want["toc"]], where
        assert seen["toc"] == seen["headings"], where
    check_downloads(catalog, file, path, value)


def check_downloads(catalog: Catalog, file: str, path: tuple[Any, ...], value: str) -> None:
    """The value reaches every download exactly as typed."""
    assert _contains(json.loads(dataset_json(catalog)), value), "the JSON download"
    if file.startswith("initiatives/") and path[0] in ("title", "official_name"):
        cells = {norm(cell) for row in csv.reader(io.StringIO(initiatives_csv(catalog))) for cell in row}
        # A leading = + - @ is guarded with an apostrophe against formula injection.
        assert norm(value) in cells or norm("'" + value) in cells, "the CSV download"
    if file.startswith("events/") and path[0] in ("title", "summary"):
        lang = path[1]
        event_id = yaml.safe_load((VALID_DATA / file).read_text(encoding="utf-8"))["id"]
        calendar = Calendar.from_ical(events_ics(catalog, lang, "", catalog.events[event_id].date.start.first_day()))
        (entry,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith(event_id + "@")]
        shown = norm(str(entry["summary"] if path[0] == "title" else entry["description"]))
        assert shown == norm(value) or shown.startswith(norm(value) + " ("), "the calendar download"


def _contains(data: Any, value: str) -> bool:
    if isinstance(data, dict):
        return any(_contains(v, value) for v in data.values())
    if isinstance(data, list):
        return any(_contains(v, value) for v in data)
    return data == value
