"""The page renderer: Jinja templates over the model, one instance per language."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from babel.dates import format_date

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..constants import INITIATIVE_KINDS, LOCALES, NO_OUTCOME, OUTCOME_STATUSES, STATUSES
from ..chronology import DatedStep, steps_without_event
from ..dates import DateSpan, PartialDate
from ..exports import DOWNLOADS
from ..feed import FEED_FILE
from ..licence import LICENSE_NAME, LICENSE_URL
from ..listing import CROSS_CUTTING, data_as_of
from ..model import Actor, Catalog, Event, Initiative, Priority
from .helpers import PageHelpers, labels, page_uri
from .text import MarkdownSource, data_token, html_attribute
from .charts import STATUS_ORDER, progress_bars, progress_rows, relationship_graph
from .structured import briefing_jsonld, dataset_jsonld, event_jsonld, initiative_jsonld

TEMPLATE_DIR = Path(__file__).parent.parent / "templates"


def _environment() -> Environment:
    # Every printed value becomes a data token (plain text whatever it holds)
    # unless the renderer built it as MarkdownSource: safe by default, so a
    # template cannot forget to escape.
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=False,
        finalize=data_token,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


# libyaml's emitter where PyYAML has it: the pure-Python one took half the
# rendering time on pages with structured data.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False) + "---\n"


@dataclass(frozen=True)
class BuildContext:
    """What pages need from outside the data: the public address and file dates."""

    site_url: str = ""
    changed: Mapping[str, dt.date] = field(default_factory=dict)


class PageRenderer:
    """Renders every generated page of one language to Markdown."""

    _env = _environment()

    def __init__(self, catalog: Catalog, lang: str, context: BuildContext | None = None) -> None:
        self.catalog = catalog
        self.lang = lang
        self.context = context or BuildContext()

    def public_url(self, uri: str) -> str:
        """The absolute address of a page of this language; '' when the site has no address configured."""
        if not self.context.site_url:
            return ""
        path = uri[: -len("index.md")] if uri.endswith("index.md") else uri[:-3] + "/"
        return f"{self.context.site_url}{self.lang}/{path}"

    def render(self, template: str, uri: str, meta: dict[str, Any], **context: Any) -> str:
        helpers = PageHelpers(self.catalog, self.lang, uri)
        body = self._env.get_template(template).render(h=helpers, lang=self.lang, site=self.catalog.site, **context)
        return front_matter(meta) + _blocks_apart(body)

    def _meta(self, title: str, description: str = "", **extra: Any) -> dict[str, Any]:
        # The theme prints title and description into HTML as they are, so
        # they are HTML-escaped here, like every other text from the data.
        meta: dict[str, Any] = {"title": html_attribute(title)}
        if description:
            meta["description"] = html_attribute(description)
        meta.update(extra)
        return meta

    def label(self, key: str) -> str:
        return labels()[key][self.lang]

    def render_home(self) -> str:
        catalog = self.catalog
        counts = {p.id: len(catalog.initiatives_by_priority.get(p.id, ())) for p in catalog.priorities.values()}
        meta = self._meta(catalog.site.title[self.lang], catalog.site.description[self.lang], hide=["navigation", "toc"])
        return self.render(
            "home.md.j2",
            page_uri("home"),
            meta,
            priorities=catalog.ordered_priorities(),
            counts=counts,
            cross_cutting=catalog.cross_cutting(),
            outcomes=sum(1 for i in catalog.initiatives.values() if i.outcome),
            total=len(catalog.initiatives),
            feed_uri=FEED_FILE,
        )

    def render_priority_page(self, priority: Priority) -> str:
        initiatives = [self.catalog.initiatives[i] for i in self.catalog.initiatives_by_priority.get(priority.id, ())]
        meta = self._meta(priority.title[self.lang], priority.summary[self.lang])
        return self.render(
            "priority.md.j2",
            page_uri("priority", priority.id),
            meta,
            priority=priority,
            groups=self._by_kind(initiatives),
            initiatives=initiatives,
            events=self._events_of(initiatives),
        )

    def render_initiative_page(self, initiative: Initiative) -> str:
        uri = page_uri("initiative", initiative.id)
        changed = self.context.changed.get(f"initiatives/{initiative.id}.yml")
        jsonld = initiative_jsonld(self.catalog, initiative, self.lang, self.public_url(uri), changed)
        meta = self._meta(initiative.title[self.lang], initiative.summary[self.lang], jsonld=jsonld)
        events = [self.catalog.events[e] for e in self.catalog.events_by_initiative.get(initiative.id, ())]
        return self.render(
            "initiative.md.j2",
            uri,
            meta,
            initiative=initiative,
            related=self.catalog.related_by_initiative.get(initiative.id, ()),
            events=events,
            plan_differs=_plan_differs(initiative),
        )

    def render_event_page(self, event: Event) -> str:
        uri = page_uri("event", event.id)
        jsonld = event_jsonld(self.catalog, event, self.lang, self.public_url(uri))
        meta = self._meta(event.title[self.lang], event.summary[self.lang], jsonld=jsonld)
        concerned = [self.catalog.initiatives[i] for i in self.catalog.initiatives_by_event.get(event.id, ())]
        return self.render("event.md.j2", uri, meta, event=event, initiatives=concerned)

    def render_initiatives_page(self) -> str:
        groups = [
            {"title": p.title[self.lang], "initiatives": [self.catalog.initiatives[i] for i in self.catalog.initiatives_by_priority.get(p.id, ())]}
            for p in self.catalog.ordered_priorities()
        ]
        groups.append({"title": self.catalog.site.cross_cutting_title[self.lang], "initiatives": self.catalog.cross_cutting()})
        meta = self._meta(self.label("nav_initiatives"), self.label("all_initiatives_intro"))
        initiatives = list(self.catalog.initiatives.values())
        return self.render(
            "initiatives.md.j2",
            page_uri("initiatives"),
            meta,
            groups=[g for g in groups if g["initiatives"]],
            total=len(initiatives),
            statuses=PageHelpers(self.catalog, self.lang, page_uri("initiatives")).statuses_of(initiatives),
            priorities=[p for p in self.catalog.ordered_priorities() if self.catalog.initiatives_by_priority.get(p.id)],
            cross_cutting=CROSS_CUTTING if self.catalog.cross_cutting() else "",
            kinds=sorted({i.kind for i in initiatives}, key=lambda kind: self.label("kind_singular")[kind]),
        )

    def render_documents_page(self) -> str:
        documents = [i for i in self.catalog.initiatives.values() if i.is_document]
        meta = self._meta(self.label("nav_documents"), self.label("documents_intro"))
        return self.render("documents.md.j2", page_uri("documents"), meta, documents=documents)

    def render_timeline_page(self) -> str:
        # Events, and the dated steps that have no event page, in one chronology.
        years: dict[int, list[Event | DatedStep]] = defaultdict(list)
        items: list[Event | DatedStep] = [*self.catalog.ordered_events(), *steps_without_event(self.catalog)]
        for item in sorted(items, key=lambda item: (item.date.start.first_day(), isinstance(item, DatedStep))):
            years[item.date.year].append(item)
        meta = self._meta(self.label("nav_timeline"), self.label("timeline_intro"))
        return self.render(
            "timeline.md.j2",
            page_uri("timeline"),
            meta,
            years=sorted(years.items()),
            initiatives_of=self.catalog.initiatives_by_event,
            reached=[(self.catalog.initiatives[i], self.catalog.events[e]) for e, ids in self.catalog.initiatives_by_event.items() for i in ids],
            catalog=self.catalog,
            ics_uri=DOWNLOADS["ics"],
        )

    def render_sources_page(self) -> str:
        sources = sorted(self.catalog.sources.values(), key=lambda s: (s.id != self.catalog.site.article_id, s.publisher or "", s.id))
        meta = self._meta(self.label("sources"), self.label("sources_intro"))
        citing = {s.id: self.catalog.citing_by_source.get(s.id, ()) for s in sources}
        return self.render("sources.md.j2", page_uri("sources"), meta, sources=sources, citing=citing)

    def render_progress_page(self) -> str:
        uri = page_uri("progress")
        helpers = PageHelpers(self.catalog, self.lang, uri)
        rows = progress_rows(self.catalog, helpers)
        legend = [s for s in STATUS_ORDER if any(s == status for row in rows for status, _ in row.counts)]
        # The figures table has a column per status: it needs the width of the table of contents.
        meta = self._meta(self.label("nav_progress"), self.label("progress_intro"), hide=["toc"])
        return self.render("progress.md.j2", uri, meta, bars=progress_bars(rows, helpers), rows=rows, legend=legend)

    def render_relations_page(self) -> str:
        uri = page_uri("relations")
        graph = relationship_graph(self.catalog, PageHelpers(self.catalog, self.lang, uri))
        by_priority = {p: [self.catalog.initiatives[i] for i in ids] for p, ids in self.catalog.initiatives_by_priority.items()}
        statuses = {i.current_status for i in self.catalog.initiatives.values()}
        meta = self._meta(self.label("nav_relations"), self.label("relations_intro"), hide=["navigation", "toc"])
        return self.render(
            "relations.md.j2",
            uri,
            meta,
            graph=graph,
            legend=[s for s in STATUS_ORDER if s in statuses],
            priorities=[p for p in self.catalog.ordered_priorities() if p.id in by_priority],
            by_priority=by_priority,
            related=defaultdict(tuple, self.catalog.related_by_initiative),
            cross_cutting=self.catalog.cross_cutting(),
        )

    def render_methodology_page(self) -> str:
        as_of = data_as_of(self.catalog)
        meta = self._meta(self.label("nav_methodology"), self.label("methodology_intro"))
        return self.render(
            "methodology.md.j2",
            page_uri("methodology"),
            meta,
            statuses=[*STATUSES, NO_OUTCOME],
            outcomes=OUTCOME_STATUSES,
            as_of=DateSpan(PartialDate(as_of.year, as_of.month, as_of.day)) if as_of else None,
        )

    def render_open_data_page(self) -> str:
        files = [
            {"uri": DOWNLOADS[key], "name": DOWNLOADS[key].rsplit("/", 1)[-1], "format": fmt, "description": self.label(f"download_{key}")}
            for key, fmt in (("json", "JSON"), ("schema", "JSON Schema"), ("csv", "CSV (UTF-8)"), ("ics", "iCalendar"))
        ]
        uri = page_uri("open_data")
        # Absolute addresses only: without a configured site address there are none to give.
        site_url = self.context.site_url
        downloads = [(f"{site_url}{self.lang}/{f['uri']}", MEDIA_TYPES[f["format"]]) for f in files] if site_url else []
        jsonld = dataset_jsonld(self.catalog, self.lang, self.public_url(uri) if site_url else "", downloads, self.label("open_data_intro"))
        meta = self._meta(self.label("nav_open_data"), self.label("open_data_intro"), jsonld=jsonld)
        return self.render("open-data.md.j2", uri, meta, files=files, licence_url=LICENSE_URL)

    def render_briefing_page(self) -> str:
        """All priorities and initiatives with status and sources, numbered for print."""
        catalog = self.catalog
        groups = [(p.title[self.lang], p.summary[self.lang], [catalog.initiatives[i] for i in catalog.initiatives_by_priority.get(p.id, ())]) for p in catalog.ordered_priorities()]
        groups.append((catalog.site.cross_cutting_title[self.lang], catalog.site.cross_cutting_summary[self.lang], catalog.cross_cutting()))
        groups = [(title, summary, sorted(items, key=lambda i: i.title[self.lang].casefold())) for title, summary, items in groups if items]
        numbers: dict[str, int] = {}
        cited: dict[str, list[MarkdownSource]] = {}
        for _, _, items in groups:
            for initiative in items:
                ids = dict.fromkeys(c.source_id for c in initiative.citations + tuple(c for s in initiative.status_history for c in s.citations))
                cited[initiative.id] = [_number(numbers.setdefault(source_id, len(numbers) + 1)) for source_id in ids]
        uri = page_uri("briefing")
        changed = max(self.context.changed.values(), default=None)
        stand = format_date(changed, "long", locale=LOCALES[self.lang]) if changed else ""
        jsonld = briefing_jsonld(self.label("briefing_title"), self.lang, self.public_url(uri) if self.context.site_url else "", changed)
        meta = self._meta(self.label("briefing_title"), self.label("briefing_intro"), hide=["navigation", "toc"], jsonld=jsonld)
        return self.render(
            "briefing.md.j2",
            uri,
            meta,
            groups=groups,
            cited=cited,
            references=[(_number(number), catalog.sources[source_id]) for source_id, number in numbers.items()],
            stand=stand,
            page_url=self.public_url(uri) if self.context.site_url else "",
            outcomes=sum(1 for i in catalog.initiatives.values() if i.outcome),
            total=len(catalog.initiatives),
            licence_url=LICENSE_URL,
            licence_name=LICENSE_NAME,
        )

    def render_actor_page(self, actor: Actor) -> str:
        catalog = self.catalog
        proposed = sorted((catalog.initiatives[i] for i in catalog.initiatives_by_proposer.get(actor.id, ())), key=lambda i: i.title[self.lang].casefold())
        events = [
            {"event": catalog.events[e], "initiatives": [(i, _step_at(catalog.initiatives[i], e)) for i in catalog.initiatives_by_event.get(e, ())]}
            for e in catalog.events_by_actor.get(actor.id, ())
        ]
        authored = [catalog.sources[s] for s in catalog.sources_by_author.get(actor.id, ())]
        meta = self._meta(actor.name[self.lang], actor.description[self.lang])
        return self.render("actor.md.j2", page_uri("actor", actor.id), meta, actor=actor, proposed=proposed, events=events, authored=authored)

    def render_actors_page(self) -> str:
        catalog = self.catalog
        groups = [(kind, sorted((a for a in catalog.actors.values() if a.kind == kind), key=lambda a: a.name[self.lang].casefold())) for kind in ACTOR_KIND_ORDER]
        meta = self._meta(self.label("nav_actors"), self.label("actors_intro"))
        counts = {a: (len(catalog.initiatives_by_proposer.get(a, ())), len(catalog.events_by_actor.get(a, ()))) for a in catalog.actors}
        return self.render("actors.md.j2", page_uri("actors"), meta, groups=[g for g in groups if g[1]], counts=counts)

    def _by_kind(self, initiatives: list[Initiative]) -> list[tuple[str, list[Initiative]]]:
        order = sorted(INITIATIVE_KINDS, key=lambda kind: self.label("kind_plural")[kind])
        groups = [(kind, [i for i in initiatives if i.kind == kind]) for kind in order]
        return [(kind, items) for kind, items in groups if items]

    def _events_of(self, initiatives: list[Initiative]) -> list[Event]:
        ids = {e for i in initiatives for e in self.catalog.events_by_initiative.get(i.id, ())}
        return [e for e in self.catalog.ordered_events() if e.id in ids]


# A heading line (only templates write them: data text is tokens) after a
# table row or list item would be read as part of it: Jinja's whitespace
# control makes that easy to get wrong, so a heading always starts a block.
_HEADING_AFTER_TEXT = re.compile(r"(?<=[^\n])\n(?=#{1,6} )")


def _blocks_apart(markdown: str) -> str:
    return _HEADING_AFTER_TEXT.sub("\n\n", markdown)


# What the JSON-LD says each download is.
MEDIA_TYPES = {"JSON": "application/json", "JSON Schema": "application/schema+json", "CSV (UTF-8)": "text/csv", "iCalendar": "text/calendar"}

def _number(number: int) -> MarkdownSource:
    """A reference number, printed as it is: it also makes the anchor ids and links."""
    return MarkdownSource(str(number))


# States first, then the bodies they meet in, then organisations and people.
ACTOR_KIND_ORDER = ("state", "body", "organisation", "person")


def _step_at(initiative: Initiative, event_id: str) -> str | None:
    """The status of the latest step of an initiative recorded at an event, if any."""
    steps = [step.status for step in initiative.status_history if step.event_id == event_id]
    return steps[-1] if steps else None


def _plan_differs(initiative: Initiative) -> bool:
    plan, outcome = initiative.plan, initiative.outcome
    if not plan or not outcome:
        return False
    place_differs = bool(plan.place_id and outcome.place_id and plan.place_id != outcome.place_id)
    date_differs = bool(plan.date and outcome.date and not _within(outcome.date, plan.date))
    return place_differs or date_differs


def _within(inner: Any, outer: Any) -> bool:
    outer_end = (outer.end or outer.start).last_day()
    return outer.start.first_day() <= inner.start.first_day() <= outer_end
