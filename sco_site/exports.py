"""The data set as open data: JSON (with its schema), CSV of initiatives, iCalendar of events."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import cache
from typing import Any

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .licence import LICENSE_NAME, LICENSE_TITLE, LICENSE_URL
from .model import Catalog
from .render.helpers import labels
from .schema import SCHEMA_DIR

# Plural keys of the JSON export, per kind of entity.
EXPORT_KEYS = {"priority": "priorities", "initiative": "initiatives", "event": "events", "actor": "actors", "place": "places", "source": "sources"}
DOWNLOADS = {
    "json": "downloads/sco-chairmanship-data.json",
    "schema": "downloads/sco-chairmanship-data.schema.json",
    "csv": "downloads/initiatives.csv",
    "ics": "downloads/events.ics",
}


def dataset_json(catalog: Catalog) -> str:
    """Every data file's content in one document, in the shape editors write."""
    documents = catalog.documents
    data: dict[str, Any] = {"license": LICENSE_URL, "site": documents["site"], "glossary": documents["glossary"]}
    data.update({plural: documents[kind] for kind, plural in EXPORT_KEYS.items()})
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


@cache
def dataset_schema() -> dict[str, Any]:
    """One self-contained JSON Schema for ``dataset_json``, made from the per-kind schemas."""
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))
    defs: dict[str, Any] = dict(common["$defs"])
    for kind in [*EXPORT_KEYS, "site", "glossary"]:
        schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        schema.pop("$schema", None)
        defs[kind] = schema
    properties: dict[str, Any] = {
        "license": {"const": LICENSE_URL, "description": f"The data set's licence: {LICENSE_TITLE} ({LICENSE_NAME})."},
        "site": {"$ref": "#/$defs/site"},
        "glossary": {"$ref": "#/$defs/glossary"},
    }
    properties.update({plural: {"type": "array", "items": {"$ref": f"#/$defs/{kind}"}} for kind, plural in EXPORT_KEYS.items()})
    bundled = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Kazakhstan's SCO chairmanship 2023–2024: the whole data set",
        "description": f"The data set is licensed under {LICENSE_TITLE} ({LICENSE_NAME}, {LICENSE_URL}); so is this schema.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": defs,
    }
    return json.loads(json.dumps(bundled).replace('"common.schema.json#/$defs/', '"#/$defs/'))


def dataset_schema_json() -> str:
    return json.dumps(dataset_schema(), ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = (
    "id", "kind", "title_de", "title_en", "official_name_de", "official_name_en", "priorities",
    "status", "status_de", "status_en", "outcome_date", "outcome_place", "checked", "proposed_by", "source_urls",
    # Every row carries the licence, so that a row copied on its own still names it.
    "license",
)


# A spreadsheet takes a cell that starts with one of these for a formula
# (CSV injection); OWASP's advice is to make it text with a leading quote.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """The value as a spreadsheet will show it, never run it."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def initiatives_csv(catalog: Catalog) -> str:
    """One row per initiative, both languages side by side."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    status_labels = labels()["status_label"]
    for i in catalog.initiatives.values():
        outcome = i.outcome
        citations = i.citations + tuple(c for step in i.status_history for c in step.citations)
        urls = sorted({catalog.sources[c.source_id].url or "" for c in citations} - {""})
        writer.writerow([spreadsheet_cell(cell) for cell in [
            i.id, i.kind, i.title.de, i.title.en,
            i.official_name.de if i.official_name else "", i.official_name.en if i.official_name else "",
            " ".join(i.priority_ids), i.current_status,
            status_labels["de"][i.current_status], status_labels["en"][i.current_status],
            outcome.date.iso() if outcome and outcome.date else "",
            catalog.places[outcome.place_id].name.en if outcome and outcome.place_id else "",
            i.checked.iso() if i.checked else "",
            " ".join(i.proposer_ids), " ".join(urls), LICENSE_URL,
        ]])
    return buffer.getvalue()


def events_ics(catalog: Catalog, lang: str, site_url: str, stamp: dt.date) -> bytes:
    """All dated events as all-day entries; a month or a year spans that whole period."""
    calendar = Calendar()
    calendar.add("prodid", "-//sco-chairmanship-site//events//" + lang.upper())
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", labels()["site_name"][lang])
    # The licence in the calendar's description (RFC 7986) and in the name most calendar programs show.
    licence = labels()["licence_calendar"][lang].format(name=LICENSE_NAME, url=LICENSE_URL)
    calendar.add("description", licence)
    calendar.add("x-wr-caldesc", licence)
    for event in catalog.ordered_events():
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@sco-chairmanship-site")
        entry.add("dtstamp", dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.timezone.utc))
        entry.add("summary", event.title[lang])
        entry.add("dtstart", event.date.start.first_day())
        last = (event.date.end or event.date.start).last_day()
        entry.add("dtend", last + dt.timedelta(days=1))
        precision = "" if event.date.start.precision == "day" else f" ({labels()['date_precision_' + event.date.start.precision][lang]})"
        entry.add("description", event.summary[lang] + precision)
        if event.place_id:
            entry.add("location", catalog.places[event.place_id].name[lang])
        if site_url:
            entry.add("url", f"{site_url}{lang}/events/{event.id}/")
        calendar.add_component(entry)
    return calendar.to_ical()
