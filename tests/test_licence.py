"""The licence (CC BY 4.0) in every download, in the structured data and on the site, in both languages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator

from sco_site.constants import LANGUAGES
from sco_site.exports import CSV_COLUMNS, DOWNLOADS, dataset_json, dataset_schema, events_ics, initiatives_csv
from sco_site.licence import LICENSE_URL
from sco_site.model import Catalog
from tests.htmlsite import BuiltPage

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def test_the_licence_is_cc_by_4() -> None:
    assert LICENSE_URL == CC_BY


def test_json_names_the_licence_and_its_schema_requires_it(catalog: Catalog) -> None:
    data = json.loads(dataset_json(catalog))
    assert data["license"] == CC_BY
    validator = Draft202012Validator(dataset_schema())
    assert validator.is_valid(data)
    assert "license" in dataset_schema()["required"]
    assert CC_BY in dataset_schema()["description"]
    for wrong in ("https://creativecommons.org/licenses/by-nc/4.0/", None):
        changed = dict(data, license=wrong)
        assert not validator.is_valid(changed)
    del data["license"]
    assert not validator.is_valid(data)


def test_csv_has_a_licence_column_and_stays_parseable(catalog: Catalog) -> None:
    text = initiatives_csv(catalog)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(CSV_COLUMNS) and rows[0][-1] == "license"
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    records = list(csv.DictReader(io.StringIO(text)))
    assert len(records) == len(catalog.initiatives)
    assert {row["license"] for row in records} == {CC_BY}
    assert [row["id"] for row in records] == list(catalog.initiatives)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_names_the_licence_in_its_description(catalog: Catalog, lang: str) -> None:
    calendar = Calendar.from_ical(events_ics(catalog, lang, "https://example.org/", dt.date(2025, 1, 1)))
    for key in ("DESCRIPTION", "X-WR-CALDESC"):
        assert CC_BY in str(calendar[key]) and "CC BY 4.0" in str(calendar[key])
    assert ("Lizenz" in str(calendar["DESCRIPTION"])) == (lang == "de")
    assert len(calendar.walk("VEVENT")) == len(catalog.events)


def _jsonld(page: BuiltPage) -> dict:
    script = page.soup.find("script", type="application/ld+json")
    assert script is not None, page.path
    return json.loads(script.string)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_site_states_the_licence_everywhere(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = lambda url: BuiltPage(built_site, Path(lang) / url / "index.html")  # noqa: E731
    initiative = next(iter(catalog.initiatives))
    event = next(iter(catalog.events))
    for url in (f"initiatives/{initiative}", f"events/{event}", "briefing", "open-data"):
        assert _jsonld(page(url))["license"] == CC_BY, url
    dataset = _jsonld(page("open-data"))
    assert dataset["@type"] == "Dataset" and dataset["inLanguage"] == lang
    assert sorted(d["contentUrl"].rsplit("/", 1)[-1] for d in dataset["distribution"]) == sorted(u.rsplit("/", 1)[-1] for u in DOWNLOADS.values())
    for url in ("open-data", "about", "briefing"):
        links = [a["href"] for a in page(url).soup.select("article a[href]")]
        assert any(href.startswith(CC_BY) for href in links), url
    licence = page("open-data").soup.select_one("article h2#licence")
    assert licence is not None and ("Lizenz" if lang == "de" else "Licence") in licence.get_text()
    downloads = built_site / lang
    assert json.loads((downloads / DOWNLOADS["json"]).read_text(encoding="utf-8"))["license"] == CC_BY
    assert {row["license"] for row in csv.DictReader(io.StringIO((downloads / DOWNLOADS["csv"]).read_text(encoding="utf-8")))} == {CC_BY}
    assert CC_BY in str(Calendar.from_ical((downloads / DOWNLOADS["ics"]).read_bytes())["DESCRIPTION"])
