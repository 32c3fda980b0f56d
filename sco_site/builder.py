"""Valid data in, typed model out, with the links computed in both directions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .dates import DateSpan
from .model import (
    Actor,
    Catalog,
    Citation,
    Event,
    GlossaryTerm,
    Initiative,
    Place,
    Plan,
    Priority,
    SiteInfo,
    Source,
    StatusStep,
    Text,
)

Raw = dict[str, Any]


def _text(raw: Raw | None) -> Text | None:
    return Text(de=raw["de"].strip(), en=raw["en"].strip()) if raw else None


def _citations(raw: list[Raw] | None) -> tuple[Citation, ...]:
    return tuple(Citation(item["source"], _text(item.get("quote"))) for item in raw or ())


def _span(raw: Raw, start: str = "date", end: str = "end") -> DateSpan | None:
    return DateSpan.parse(raw[start], raw.get(end)) if raw.get(start) else None


def build_priority(raw: Raw) -> Priority:
    return Priority(raw["id"], raw["order"], raw["icon"], _text(raw["title"]), _text(raw["summary"]), _citations(raw["sources"]))


def build_initiative(raw: Raw) -> Initiative:
    steps = tuple(
        StatusStep(
            status=step["status"],
            note=_text(step["note"]),
            citations=_citations(step["sources"]),
            date=_span(step),
            place_id=step.get("place"),
            event_id=step.get("event"),
        )
        for step in raw["status"]
    )
    planned = raw.get("planned")
    return Initiative(
        id=raw["id"],
        kind=raw["kind"],
        title=_text(raw["title"]),
        summary=_text(raw["summary"]),
        priority_ids=tuple(raw["priorities"]),
        status_history=steps,
        citations=_citations(raw["sources"]),
        official_name=_text(raw.get("official_name")),
        proposer_ids=tuple(raw.get("proposed_by", ())),
        related_ids=tuple(raw.get("related", ())),
        plan=Plan(_span(planned), planned.get("place")) if planned else None,
        checked=_span(raw, "checked"),
    )


def build_event(raw: Raw) -> Event:
    return Event(
        id=raw["id"],
        title=_text(raw["title"]),
        date=_span(raw),
        summary=_text(raw["summary"]),
        citations=_citations(raw["sources"]),
        place_id=raw.get("place"),
        initiative_ids=tuple(raw.get("initiatives", ())),
        actor_ids=tuple(raw.get("actors", ())),
    )


def build_actor(raw: Raw) -> Actor:
    return Actor(raw["id"], raw["kind"], _text(raw["name"]), _text(raw["description"]), _text(raw.get("abbreviation")), _citations(raw["sources"]))


def build_place(raw: Raw) -> Place:
    return Place(raw["id"], _text(raw["name"]), _text(raw["description"]), _citations(raw["sources"]))


def build_source(raw: Raw) -> Source:
    return Source(
        id=raw["id"],
        type=raw["type"],
        language=raw["language"],
        title=raw["title"].strip() if raw.get("title") else None,
        site_title=_text(raw.get("site_title")),
        publisher=raw["publisher"].strip() if raw.get("publisher") else None,
        author_id=raw.get("author"),
        published=_span(raw, "published"),
        url=raw.get("url"),
        note=_text(raw.get("note")),
    )


def build_site(raw: Raw) -> SiteInfo:
    chair = raw["chairmanship"]
    cross = raw["cross_cutting"]
    return SiteInfo(
        title=_text(raw["title"]),
        description=_text(raw["description"]),
        chairmanship=DateSpan.parse(chair["start"], chair["end"]),
        chairmanship_summary=_text(chair["summary"]),
        chairmanship_citations=_citations(chair["sources"]),
        article_id=raw["article"],
        cross_cutting_title=_text(cross["title"]),
        cross_cutting_summary=_text(cross["summary"]),
        cross_cutting_citations=_citations(cross["sources"]),
    )


BUILDERS = {
    "priority": build_priority,
    "initiative": build_initiative,
    "event": build_event,
    "actor": build_actor,
    "place": build_place,
    "source": build_source,
}


def build_catalog(entities: dict[str, list[Raw]], site: Raw, glossary: Raw) -> Catalog:
    built = {kind: {raw["id"]: BUILDERS[kind](raw) for raw in entities.get(kind, [])} for kind in BUILDERS}
    initiatives: dict[str, Initiative] = dict(sorted(built["initiative"].items()))
    events: dict[str, Event] = built["event"]
    events_by_initiative = _events_by_initiative(initiatives, events)
    terms = tuple(GlossaryTerm(_text(t["abbreviation"]), _text(t["meaning"])) for t in glossary.get("terms", ()))
    return Catalog(
        site=build_site(site),
        priorities=built["priority"],
        initiatives=initiatives,
        events=events,
        actors=built["actor"],
        places=built["place"],
        sources=built["source"],
        glossary=terms,
        initiatives_by_priority=_by_priority(initiatives),
        events_by_initiative=events_by_initiative,
        initiatives_by_event=_invert(events_by_initiative),
        related_by_initiative=_related(initiatives),
        citing_by_source=_citing(built),
        initiatives_by_proposer=_invert({i.id: i.proposer_ids for i in initiatives.values()}),
        events_by_actor=_invert({e.id: e.actor_ids for e in sorted(events.values(), key=_event_order)}, keep_order=True),
        sources_by_author=_invert({s.id: (s.author_id,) for s in built["source"].values() if s.author_id}),
        documents={"site": site, "glossary": glossary, **{kind: sorted(entities.get(kind, []), key=lambda raw: raw["id"]) for kind in BUILDERS}},
    )


def _by_priority(initiatives: dict[str, Initiative]) -> dict[str, tuple[str, ...]]:
    result: dict[str, list[str]] = defaultdict(list)
    for initiative in initiatives.values():
        for priority_id in initiative.priority_ids:
            result[priority_id].append(initiative.id)
    return {key: tuple(value) for key, value in result.items()}


def _events_by_initiative(initiatives: dict[str, Initiative], events: dict[str, Event]) -> dict[str, tuple[str, ...]]:
    """An event is linked from an initiative if either names the other."""
    result: dict[str, set[str]] = defaultdict(set)
    for event in events.values():
        for initiative_id in event.initiative_ids:
            result[initiative_id].add(event.id)
    for initiative in initiatives.values():
        for step in initiative.status_history:
            if step.event_id:
                result[initiative.id].add(step.event_id)
    order = {event_id: (event.date.start.first_day(), event_id) for event_id, event in events.items()}
    return {key: tuple(sorted(value, key=order.__getitem__)) for key, value in result.items()}


def _event_order(event: Event) -> tuple[Any, str]:
    return (event.date.start.first_day(), event.id)


def _invert(links: dict[str, tuple[str, ...]], keep_order: bool = False) -> dict[str, tuple[str, ...]]:
    """Who names whom, turned round; keys in sorted order unless ``keep_order``."""
    result: dict[str, list[str]] = defaultdict(list)
    for key in (links if keep_order else sorted(links)):
        for value in links[key]:
            result[value].append(key)
    return {key: tuple(value) for key, value in result.items()}


def _related(initiatives: dict[str, Initiative]) -> dict[str, tuple[str, ...]]:
    """Related links typed once show on both pages."""
    result: dict[str, set[str]] = defaultdict(set)
    for initiative in initiatives.values():
        for other in initiative.related_ids:
            result[initiative.id].add(other)
            result[other].add(initiative.id)
    return {key: tuple(sorted(value)) for key, value in result.items()}


def _citing(built: dict[str, dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    """Which initiatives cite each source, for the bibliography."""
    result: dict[str, set[str]] = defaultdict(set)
    for initiative in built["initiative"].values():
        citations = list(initiative.citations) + [c for step in initiative.status_history for c in step.citations]
        for citation in citations:
            result[citation.source_id].add(initiative.id)
    return {key: tuple(sorted(value)) for key, value in result.items()}
