"""The list of pages of one language tree, and its navigation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .exports import DOWNLOADS, dataset_json, dataset_schema_json, events_ics, initiatives_csv
from .feed import FEED_FILE, atom_feed
from .model import Catalog
from .render.helpers import labels, page_uri
from .render.renderer import BuildContext, PageRenderer
from .render.text import html_attribute


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str
    content: str | bytes


def generate_downloads(catalog: Catalog, lang: str, context: BuildContext | None = None) -> list[GeneratedFile]:
    """The open-data files, in each language tree so every page links within its tree."""
    context = context or BuildContext()
    stamp = max(context.changed.values(), default=dt.date(2024, 7, 4))
    return [
        *_same_in_every_language(catalog),
        GeneratedFile(DOWNLOADS["ics"], events_ics(catalog, lang, context.site_url, stamp)),
        GeneratedFile(FEED_FILE, atom_feed(catalog, lang, context.site_url, max(context.changed.values(), default=None))),
    ]


_shared_downloads: list[tuple[Catalog, list[GeneratedFile]]] = []


def _same_in_every_language(catalog: Catalog) -> list[GeneratedFile]:
    """Made once per catalog, not once per language tree: the JSON is the slow part."""
    if not _shared_downloads or _shared_downloads[0][0] is not catalog:
        files = [
            GeneratedFile(DOWNLOADS["json"], dataset_json(catalog)),
            GeneratedFile(DOWNLOADS["schema"], dataset_schema_json()),
            GeneratedFile(DOWNLOADS["csv"], initiatives_csv(catalog)),
        ]
        _shared_downloads[:] = [(catalog, files)]
    return _shared_downloads[0][1]


def generate_pages(catalog: Catalog, lang: str, context: BuildContext | None = None) -> list[GeneratedPage]:
    """Every generated page of one language, as Markdown with front matter."""
    renderer = PageRenderer(catalog, lang, context)
    pages = [
        GeneratedPage(page_uri("home"), renderer.render_home()),
        GeneratedPage(page_uri("initiatives"), renderer.render_initiatives_page()),
        GeneratedPage(page_uri("documents"), renderer.render_documents_page()),
        GeneratedPage(page_uri("timeline"), renderer.render_timeline_page()),
        GeneratedPage(page_uri("sources"), renderer.render_sources_page()),
        GeneratedPage(page_uri("progress"), renderer.render_progress_page()),
        GeneratedPage(page_uri("relations"), renderer.render_relations_page()),
        GeneratedPage(page_uri("open_data"), renderer.render_open_data_page()),
        GeneratedPage(page_uri("actors"), renderer.render_actors_page()),
        GeneratedPage(page_uri("briefing"), renderer.render_briefing_page()),
        GeneratedPage(page_uri("methodology"), renderer.render_methodology_page()),
    ]
    pages += [GeneratedPage(page_uri("priority", p.id), renderer.render_priority_page(p)) for p in catalog.ordered_priorities()]
    pages += [GeneratedPage(page_uri("initiative", i.id), renderer.render_initiative_page(i)) for i in catalog.initiatives.values()]
    pages += [GeneratedPage(page_uri("event", e.id), renderer.render_event_page(e)) for e in catalog.ordered_events()]
    pages += [GeneratedPage(page_uri("actor", a.id), renderer.render_actor_page(a)) for a in catalog.actors.values()]
    return pages


def navigation(catalog: Catalog, lang: str) -> list[Any]:
    """The site navigation in MkDocs' ``nav`` shape.

    Initiative and event pages stay out of it on purpose: a navigation that
    lists every page is copied into every page, which makes a build quadratic
    in the number of initiatives. They are reached through links instead.
    """
    # The theme prints navigation titles as HTML, sometimes through its escape
    # filter: escaped once, and marked as escaped so the filter leaves them.
    def title(text: str) -> Markup:
        return Markup(html_attribute(text))

    def label(key: str) -> Markup:
        return title(labels()[key][lang])

    priorities = [{title(p.title[lang]): page_uri("priority", p.id)} for p in catalog.ordered_priorities()]
    return [
        {label("nav_home"): page_uri("home")},
        {label("nav_priorities"): priorities},
        {label("nav_initiatives"): page_uri("initiatives")},
        {label("nav_documents"): page_uri("documents")},
        {label("nav_timeline"): page_uri("timeline")},
        {label("nav_progress"): page_uri("progress")},
        {label("nav_relations"): page_uri("relations")},
        {label("nav_actors"): page_uri("actors")},
        {label("sources"): page_uri("sources")},
        {label("nav_open_data"): page_uri("open_data")},
        {label("nav_briefing"): page_uri("briefing")},
        {label("nav_methodology"): page_uri("methodology")},
        {label("nav_about"): page_uri("about")},
        {label("nav_accessibility"): page_uri("accessibility")},
    ]
