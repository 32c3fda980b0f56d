"""The Atom feed of one language: every event and every dated status step, newest first.

Entry ids are tag URIs (RFC 4151) that do not depend on where the site is
published, so moving the site does not turn every entry into a new one, and a
build without a configured address still has valid ids. Links are absolute
when the site's address is configured; otherwise they are relative to the
feed, which sits at the root of its language tree, and the feed names no
address of its own (no ``rel="self"`` link).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass


from .chronology import dated_steps
from .model import Catalog, Citation
from .render.helpers import labels, page_uri, url_of
from .templating import markup_environment

FEED_FILE = "feed.xml"
TAG_AUTHORITY = "sco-chairmanship-site,2023"  # tagging entity and date of the tag URIs

_XML = markup_environment()


@dataclass(frozen=True)
class FeedLink:
    title: str
    href: str
    lang: str = ""  # the title's language where it differs from the feed's


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    date: dt.date  # first day of the (possibly partial) date
    date_text: str  # as the site writes it, e.g. "Juli 2024" when only the month is known
    link: str
    text: str
    initiatives: tuple[tuple[str, FeedLink], ...]  # (id, link)
    sources: tuple[FeedLink, ...]
    kind: str  # 'event' or 'step'

    @property
    def sort_key(self) -> tuple[dt.date, str, str]:
        return (self.date, self.kind, self.id)


def feed_entries(catalog: Catalog, lang: str, base: str) -> list[FeedEntry]:
    """Every event and dated step as an entry, newest first; links start with ``base``."""
    entries = [_event_entry(catalog, lang, base, event_id) for event_id in catalog.events]
    taken: Counter[str] = Counter()
    for dated in dated_steps(catalog):
        tag = f"{lang}/initiatives/{dated.initiative.id}/{dated.anchor}"
        taken[tag] += 1
        entry_id = _tag(tag if taken[tag] == 1 else f"{tag}/{taken[tag]}")
        initiative = dated.initiative
        label = labels()["feed_step_title"][lang].format(status=labels()["status_label"][lang][dated.step.status], initiative=initiative.title[lang])
        entries.append(
            FeedEntry(
                id=entry_id,
                title=label,
                date=dated.date.start.first_day(),
                date_text=dated.date.format(lang),
                link=_page(base, "initiative", initiative.id),
                text=dated.step.note[lang],
                initiatives=((initiative.id, FeedLink(initiative.title[lang], _page(base, "initiative", initiative.id))),),
                sources=_sources(catalog, lang, base, dated.step.citations),
                kind="step",
            )
        )
    return sorted(entries, key=lambda e: e.sort_key, reverse=True)


def atom_feed(catalog: Catalog, lang: str, site_url: str, updated: dt.date | None = None) -> str:
    """The feed as Atom XML. ``site_url`` is the site's root address, or '' when none is configured."""
    base = f"{site_url}{lang}/" if site_url else ""
    entries = feed_entries(catalog, lang, base)
    newest = max((e.date for e in entries), default=catalog.site.chairmanship.start.first_day())
    return _XML.get_template("feed.xml.j2").render(
        lang=lang,
        feed_id=_tag(f"{lang}/feed"),
        title=labels()["feed_title"][lang],
        subtitle=labels()["feed_subtitle"][lang],
        author=labels()["site_name"][lang],
        initiative_label=labels()["feed_initiative"][lang],
        sources_label=labels()["sources"][lang],
        home=base or "./",
        self_url=f"{base}{FEED_FILE}" if base else "",
        updated=max(updated or newest, newest),
        entries=entries,
    )


def _event_entry(catalog: Catalog, lang: str, base: str, event_id: str) -> FeedEntry:
    event = catalog.events[event_id]
    concerned = catalog.initiatives_by_event.get(event_id, ())
    return FeedEntry(
        id=_tag(f"{lang}/events/{event_id}"),
        title=event.title[lang],
        date=event.date.start.first_day(),
        date_text=event.date.format(lang),
        link=_page(base, "event", event_id),
        text=event.summary[lang],
        initiatives=tuple((i, FeedLink(catalog.initiatives[i].title[lang], _page(base, "initiative", i))) for i in concerned),
        sources=_sources(catalog, lang, base, event.citations),
        kind="event",
    )


def _sources(catalog: Catalog, lang: str, base: str, citations: tuple[Citation, ...]) -> tuple[FeedLink, ...]:
    """Each cited source once: its own address, or its entry on the Sources page."""
    links: dict[str, FeedLink] = {}
    for citation in citations:
        source = catalog.sources[citation.source_id]
        title, title_lang = source.display_title(lang)
        href = source.url or f"{_page(base, 'sources')}#{source.id}"
        links.setdefault(source.id, FeedLink(title, href, title_lang if title_lang != lang else ""))
    return tuple(links.values())


def _page(base: str, kind: str, entity_id: str = "") -> str:
    return base + url_of(page_uri(kind, entity_id))


def _tag(specific: str) -> str:
    return f"tag:{TAG_AUTHORITY}:{specific}"
