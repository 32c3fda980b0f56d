"""schema.org JSON-LD for initiative and event pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..licence import LICENSE_URL
from ..model import Catalog, Citation, Event, Initiative
from .helpers import labels


def _source_urls(catalog: Catalog, citations: tuple[Citation, ...]) -> list[str]:
    urls = [catalog.sources[c.source_id].url for c in citations]
    return sorted({url for url in urls if url})


def initiative_jsonld(catalog: Catalog, initiative: Initiative, lang: str, url: str, changed: dt.date | None) -> dict[str, Any]:
    citations = initiative.citations + tuple(c for step in initiative.status_history for c in step.citations)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": initiative.title[lang],
        "description": initiative.summary[lang],
        "inLanguage": lang,
        "genre": labels()["kind_singular"][lang][initiative.kind],
        "creativeWorkStatus": labels()["status_label"][lang][initiative.current_status],
        "about": [catalog.priorities[p].title[lang] for p in initiative.priority_ids],
        "citation": _source_urls(catalog, citations),
        "license": LICENSE_URL,
    }
    if url:  # only a real, configured address
        data["url"] = url
    if initiative.official_name:
        data["alternateName"] = initiative.official_name[lang]
    if changed:
        data["dateModified"] = changed.isoformat()
    return data


def event_jsonld(catalog: Catalog, event: Event, lang: str, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title[lang],
        "description": event.summary[lang],
        "inLanguage": lang,
        "startDate": event.date.start.iso(),
        "license": LICENSE_URL,
    }
    if url:
        data["url"] = url
    if event.date.end:
        data["endDate"] = event.date.end.iso()
    if event.place_id:
        data["location"] = {"@type": "Place", "name": catalog.places[event.place_id].name[lang]}
    urls = _source_urls(catalog, event.citations)
    if urls:
        data["subjectOf"] = [{"@type": "CreativeWork", "url": u} for u in urls]
    return data


def briefing_jsonld(title: str, lang: str, url: str, changed: dt.date | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": title,
        "inLanguage": lang,
        "license": LICENSE_URL,
    }
    if url:
        data["url"] = url
    if changed:
        data["dateModified"] = changed.isoformat()
    return data


def dataset_jsonld(catalog: Catalog, lang: str, url: str, downloads: list[tuple[str, str]], description: str) -> dict[str, Any]:
    """The open data as a schema.org Dataset, with its licence and its files."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": catalog.site.title[lang],
        "description": description,
        "inLanguage": lang,
        "license": LICENSE_URL,
        "isAccessibleForFree": True,
        "temporalCoverage": f"{catalog.site.chairmanship.start.iso()}/{(catalog.site.chairmanship.end or catalog.site.chairmanship.start).iso()}",
    }
    if url:
        data["url"] = url
    if downloads:
        data["distribution"] = [{"@type": "DataDownload", "contentUrl": address, "encodingFormat": fmt} for address, fmt in downloads]
    return data
