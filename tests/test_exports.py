"""The open-data files: JSON valid against its schema, CSV row per initiative, ICS parses."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from pathlib import Path

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator

from sco_site.errors import DataError
from sco_site.exports import dataset_json, dataset_schema, events_ics, initiatives_csv, spreadsheet_cell
from sco_site.loader import load_data
from sco_site.model import Catalog
from tests.data_cases import copy_valid_data


def test_json_export_validates_against_its_schema(catalog: Catalog) -> None:
    data = json.loads(dataset_json(catalog))
    Draft202012Validator.check_schema(dataset_schema())
    errors = list(Draft202012Validator(dataset_schema()).iter_errors(data))
    assert errors == []
    assert {i["id"] for i in data["initiatives"]} == set(catalog.initiatives)


def test_schema_rejects_a_broken_export(catalog: Catalog) -> None:
    data = json.loads(dataset_json(catalog))
    data["initiatives"][0]["status"][0]["status"] = "invented"
    assert not Draft202012Validator(dataset_schema()).is_valid(data)


def test_csv_has_one_row_per_initiative(catalog: Catalog) -> None:
    rows = list(csv.DictReader(io.StringIO(initiatives_csv(catalog))))
    assert [row["id"] for row in rows] == list(catalog.initiatives)
    for row in rows:
        initiative = catalog.initiatives[row["id"]]
        assert row["title_de"] == initiative.title.de and row["title_en"] == initiative.title.en
        assert row["status"] == initiative.current_status


def test_ics_parses_with_every_event(catalog: Catalog) -> None:
    for lang in ("de", "en"):
        calendar = Calendar.from_ical(events_ics(catalog, lang, "https://example.org/", dt.date(2025, 1, 1)))
        entries = calendar.walk("VEVENT")
        assert {str(e["UID"]).split("@")[0] for e in entries} == set(catalog.events)
        for entry in entries:
            event = catalog.events[str(entry["UID"]).split("@")[0]]
            assert str(entry["SUMMARY"]) == event.title[lang]
            assert entry.decoded("DTSTART") == event.date.start.first_day()
            assert entry.decoded("DTEND") > entry.decoded("DTSTART")


@pytest.mark.parametrize("title", ["=HYPERLINK(\"https://evil.example\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_text(title: str, tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    file = data_dir / "initiatives" / "world-unity-initiative.yml"
    escaped = json.dumps(title)  # a double-quoted YAML text with the same escapes
    file.write_text(file.read_text(encoding="utf-8").replace("  en: World Unity Initiative\n", f"  en: {escaped}\n"), encoding="utf-8")
    if title.startswith("\r"):
        # A carriage return never reaches an export: the check refuses it.
        with pytest.raises(DataError):
            load_data(data_dir)
        assert spreadsheet_cell(title) == "'" + title
        return
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(initiatives_csv(load_data(data_dir))))}
    # The model trims surrounding whitespace; what remains still starts a formula.
    assert rows["world-unity-initiative"]["title_en"] == "'" + title.strip()
    assert rows["world-unity-initiative"]["title_de"] == "Initiative für globale Einheit"


@pytest.mark.parametrize("value", ["Astana", "", "'quoted", "a=b", "1-2", " =x"])
def test_csv_cells_that_are_no_formula_stay_as_they_are(value: str) -> None:
    assert spreadsheet_cell(value) == value
