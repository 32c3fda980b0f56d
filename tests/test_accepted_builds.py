"""Whatever the check accepts builds: every page and every download, with values at the edges of every rule.

The generated data sets pass the check by construction (the test asserts it,
so a generator and a check that disagree fail too); then both languages'
pages and all downloads are made and read back. One data set with every
extreme at once is also built with MkDocs itself.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from jsonschema import Draft202012Validator

from sco_site.characters import BIDI_CONTROLS, only_invisible, refused_character
from sco_site.constants import EARLIEST_DATE, LATEST_DATE
from sco_site.exports import dataset_schema
from sco_site.loader import load_data, modeline
from sco_site.pages import generate_downloads, generate_pages
from sco_site.render.renderer import BuildContext
from tests.data_cases import VALID_DATA
from tests.sitebuild import copy_project, run_mkdocs

FILES = {
    "initiative": "initiatives/world-unity-initiative.yml",
    "other": "initiatives/energy-strategy.yml",
    "event": "events/astana-summit-2024.yml",
    "place": "places/astana.yml",
    "source": "sources/astana-declaration.yml",
    "priority": "priorities/security.yml",
    "glossary": "glossary.yml",
}
KINDS = {"initiative": "initiative", "other": "initiative", "event": "event", "place": "place", "source": "source", "priority": "priority", "glossary": "glossary"}

# The edges: the first and last day, month and year allowed, a leap day.
EDGE_DATES = [
    EARLIEST_DATE.isoformat(), EARLIEST_DATE.isoformat()[:7], str(EARLIEST_DATE.year),
    LATEST_DATE.isoformat(), LATEST_DATE.isoformat()[:7], str(LATEST_DATE.year), "2024-02-29",
]
_FIRST, _LAST = EARLIEST_DATE.toordinal(), LATEST_DATE.toordinal()
any_day = st.integers(_FIRST, _LAST).map(lambda n: dt.date.fromordinal(n).isoformat())
dates = st.one_of(st.sampled_from(EDGE_DATES), any_day, any_day.map(lambda d: d[:7]), any_day.map(lambda d: d[:4]))

EDGE_TEXTS = [
    "x", "x" * 4000, "<script>alert(1)</script>", "??? note \"Title\"", "=1+1", "-1", "+1", "@SUM(A1)", "\t=cmd|' /C calc'!A0",
    ":smile:", "&amp; &#60;", "*[SCO]: fake", "# heading", "1. list", "| a | b |", "{: onclick=alert(1) }", "\u200bx",
    "👩\u200d💻", "zu\u0308rich", "السلام عليكم", "a\nb", "\u0002not a placeholder",  # the last is refused: filtered out below
]
_REFUSED = "".join(BIDI_CONTROLS) + "\u2028\u2029"
_alphabet = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), blacklist_characters=_REFUSED)
texts = st.one_of(st.sampled_from(EDGE_TEXTS), st.text(_alphabet, min_size=1, max_size=60)).filter(
    lambda t: bool(t.strip()) and not only_invisible(t) and refused_character(t) is None
)
ids = st.one_of(st.sampled_from(["a", "9", "a" * 80, "x-1-y"]), st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True))
urls = st.one_of(st.sampled_from(["https://a.b", "http://x.example/" + "a" * 1980]), st.from_regex(r"https://[a-z]{1,10}\.example/[a-z0-9/?=&%-]{0,30}", fullmatch=True))

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _valid_documents() -> dict[str, Any]:
    return {name: yaml.safe_load((VALID_DATA / path).read_text(encoding="utf-8")) for name, path in FILES.items()}


@st.composite
def data_sets(draw: st.DrawFn) -> dict[str, Any]:
    docs = copy.deepcopy(_valid_documents())
    initiative, other, event, place, source = (docs[k] for k in ("initiative", "other", "event", "place", "source"))
    for text in (initiative["title"], initiative["summary"], other["title"], event["title"], event["summary"], place["name"], docs["priority"]["title"]):
        text["de"], text["en"] = draw(texts), draw(texts)
    initiative["sources"][0]["quote"] = {"de": draw(texts), "en": draw(texts)}
    term = docs["glossary"]["terms"][0]
    term["abbreviation"]["en"], term["meaning"]["de"] = draw(texts), draw(texts)
    # Status steps: any number of dated steps, oldest first.
    steps = sorted(draw(st.lists(dates, min_size=1, max_size=4)), key=lambda d: (d + "-00-00")[:10])
    template = initiative["status"][1]
    initiative["status"] = [initiative["status"][0]] + [dict(copy.deepcopy(template), date=day, note={"de": draw(texts), "en": draw(texts)}) for day in _ordered(steps)]
    initiative["planned"]["date"] = draw(dates)
    first, last = sorted([draw(dates), draw(dates)], key=lambda d: (d + "-00-00")[:10])
    event["date"] = first
    if _last_day(last) >= _first_day(first):
        event["end"] = last
    else:
        event.pop("end", None)
    source["title"], source["url"], source["published"] = draw(texts), draw(urls), draw(dates)
    docs["priority"]["order"] = draw(st.sampled_from([1, 99]))
    # Optional fields may be left out, each on its own.
    for block, key in [(initiative, "planned"), (initiative, "proposed_by"), (initiative, "priorities"), (event, "place"), (event, "initiatives"), (event, "actors"), (source, "url"), (source, "published"), (source, "publisher"), (initiative["status"][-1], "place"), (initiative["status"][-1], "event")]:
        if key in block and draw(st.booleans()):
            block[key] = [] if key == "priorities" else None
            if block[key] is None:
                del block[key]
    new_id = draw(ids.filter(lambda i: i not in {"world-unity-initiative", "energy-strategy"} and i not in _reserved()))
    other["id"] = new_id
    initiative["related"] = [new_id]
    docs["_other_id"] = new_id
    return docs


def _reserved() -> frozenset[str]:
    from sco_site.reserved import reserved_ids

    return reserved_ids()


def _first_day(text: str) -> dt.date:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _last_day(text: str) -> dt.date:
    import calendar

    parts = [int(p) for p in text.split("-")]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1]
    return dt.date(parts[0], month, day)


def _ordered(days: list[str]) -> list[str]:
    """Drop steps that partial dates would put before the step above (2024-07-04 after 2024-08 sorts fine, the reverse does not)."""
    kept: list[str] = []
    for day in days:
        if not kept or _last_day(day) >= _first_day(kept[-1]):
            kept.append(day)
    return kept


def _write(docs: dict[str, Any], data_dir: Path) -> None:
    if data_dir.exists():
        shutil.rmtree(data_dir)
    shutil.copytree(VALID_DATA, data_dir)
    (data_dir / FILES["other"]).unlink()
    for name, path in FILES.items():
        target = data_dir / (f"initiatives/{docs['_other_id']}.yml" if name == "other" else path)
        nested = "/" in path
        body = yaml.safe_dump(docs[name], allow_unicode=True, sort_keys=False, width=10_000)
        target.write_text(modeline(KINDS[name], nested) + "\n" + body, encoding="utf-8")


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as root:
        yield Path(root)


def _build_everything(data_dir: Path) -> None:
    catalog = load_data(data_dir)  # accepted: a refusal here fails the test
    context = BuildContext(site_url="https://example.org/")
    for lang in ("de", "en"):
        pages = generate_pages(catalog, lang, context)
        assert pages and all(page.markdown for page in pages)
        downloads = {file.src_uri: file.content for file in generate_downloads(catalog, lang, context)}
        # No control or bidirectional character reaches a page or a download (the calendar's own lines end in CR LF).
        outputs = [page.markdown for page in pages] + [c.decode("utf-8") if isinstance(c, bytes) else c for c in downloads.values()]
        assert [refused_character(text.replace("\r\n", "\n")) for text in outputs] == [None] * len(outputs)
        calendar = Calendar.from_ical(downloads["downloads/events.ics"])
        assert {str(entry["UID"]).split("@")[0] for entry in calendar.walk("VEVENT")} == set(catalog.events)
    data = json.loads(downloads["downloads/sco-chairmanship-data.json"])
    assert list(Draft202012Validator(dataset_schema()).iter_errors(data)) == []
    rows = list(csv.reader(io.StringIO(str(downloads["downloads/initiatives.csv"]))))
    assert len(rows) == len(catalog.initiatives) + 1
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


@SETTINGS
@given(data_sets())
def test_accepted_data_builds_every_page_and_download(workdir: Path, docs: dict[str, Any]) -> None:
    _write(docs, workdir / "data")
    _build_everything(workdir / "data")


def _extremes() -> dict[str, Any]:
    """One data set with every edge at once: latest dates, longest texts and ids, markup-like texts."""
    docs = copy.deepcopy(_valid_documents())
    initiative, event = docs["initiative"], docs["event"]
    initiative["title"] = {"de": "??? note \"Titel\"\n\n    versteckt", "en": "<script>alert(1)</script>"}
    initiative["summary"] = {"de": "x" * 4000, "en": "=HYPERLINK(\"https://evil.example\")"}
    initiative["status"][0]["date"] = EARLIEST_DATE.isoformat()
    initiative["status"][1]["date"] = LATEST_DATE.isoformat()
    initiative["planned"]["date"] = str(LATEST_DATE.year)
    event["date"], event["end"] = LATEST_DATE.isoformat()[:7], LATEST_DATE.isoformat()
    docs["source"]["published"] = EARLIEST_DATE.isoformat()
    docs["source"]["url"] = "https://sco.example/" + "a" * 1970
    # One glossary entry is explained on every page that uses the word: an
    # attack in it would reach every page.
    docs["glossary"]["terms"][0]["meaning"] = {"de": "\"><script>alert('SOZ')</script>", "en": "??? danger \"<img src=x onerror=alert(2)>\""}
    docs["glossary"]["terms"].append({"abbreviation": {"de": "<script>alert(3)</script>", "en": "??? x"}, "meaning": {"de": "Falle", "en": "trap"}})
    event["summary"] = {"de": "??? x\n\n    verschluckt <script>alert(4)</script> SOZ", "en": "??? x SCO ??? x"}
    docs["other"]["id"] = "a" * 80
    docs["_other_id"] = "a" * 80
    initiative["related"] = ["a" * 80]
    return docs


def test_the_extremes_are_accepted_and_build_with_mkdocs(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _write(_extremes(), project / "data")
    _build_everything(project / "data")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for lang in ("de", "en"):
        ics = Calendar.from_ical((tmp_path / "site" / lang / "downloads" / "events.ics").read_bytes())
        [entry] = ics.walk("VEVENT")
        assert entry.decoded("DTEND") == LATEST_DATE + dt.timedelta(days=1)
    # The markup-like texts reached readers as text: no script ran, no collapsible block hid a title.
    found = []
    for page in sorted((tmp_path / "site").rglob("*.html")):
        parsed = _Elements()
        parsed.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(tmp_path)}: {item}" for item in parsed.found]
    assert found == []
    heading = _Elements()
    heading.feed((tmp_path / "site" / "de" / "initiatives" / "world-unity-initiative" / "index.html").read_text(encoding="utf-8"))
    assert '??? note "Titel" versteckt' in heading.h1
    # The event page shows its summary as text, glossary word included.
    for lang, shown in (("de", "??? x verschluckt <script>alert(4)</script> SOZ"), ("en", "??? x SCO ??? x")):
        page = _Elements()
        page.feed((tmp_path / "site" / lang / "events" / "astana-summit-2024" / "index.html").read_text(encoding="utf-8"))
        assert shown in " ".join(page.text.split())


class _Elements(HTMLParser):
    """Scripts that carry the attack, collapsible blocks, and the page's main heading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.h1 = ""
        self.text = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        # The citation boxes at the end of every page are the theme's own collapsible blocks.
        if (tag == "details" and "sco-cite__format" not in classes) or "admonition" in classes:
            self.found.append(f"<{tag} class={' '.join(classes)}>")
        if tag in ("script", "h1"):
            self._in = tag

    def handle_data(self, data: str) -> None:
        # JSON-LD may hold the text, as JSON data; no other script may.
        if self._in == "script" and "alert(" in data and not data.lstrip().startswith(("{", "[")):
            self.found.append(f"script: {data.strip()[:60]}")
        elif self._in == "h1":
            self.h1 += " ".join(data.split())
        if self._in != "script":
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None
