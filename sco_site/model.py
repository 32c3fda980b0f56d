"""The typed model the pages are rendered from. Built only from valid data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .constants import DOCUMENT_KINDS, NO_OUTCOME, OUTCOME_STATUSES, SOURCE_TYPES
from .dates import DateSpan


@dataclass(frozen=True)
class Text:
    """A reader-facing text in both languages."""

    de: str
    en: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Citation:
    source_id: str
    quote: Text | None = None


@dataclass(frozen=True)
class Source:
    id: str
    type: str
    language: str
    # As published, in the source's language; None where it is not known.
    title: str | None = None
    # Written by this site, in both languages.
    site_title: Text | None = None
    publisher: str | None = None
    author_id: str | None = None
    published: DateSpan | None = None
    url: str | None = None
    note: Text | None = None

    def display_title(self, lang: str) -> tuple[str, str]:
        """The title to show on a page in ``lang``, and the language it is written in."""
        if self.title is not None:
            return self.title, self.language
        assert self.site_title is not None  # the schema requires one of the two
        return self.site_title[lang], lang


def count_by_type(sources: list[Source]) -> list[tuple[str, int]]:
    """How many of the sources are of each type, strongest evidence first, types with none left out."""
    counts = {source_type: 0 for source_type in SOURCE_TYPES}
    for source in sources:
        counts[source.type] += 1
    return [(source_type, n) for source_type, n in counts.items() if n]


@dataclass(frozen=True)
class Place:
    id: str
    name: Text
    description: Text
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str
    name: Text
    description: Text
    abbreviation: Text | None = None
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Priority:
    id: str
    order: int
    icon: str
    title: Text
    summary: Text
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class StatusStep:
    status: str
    note: Text
    citations: tuple[Citation, ...]
    date: DateSpan | None = None
    place_id: str | None = None
    event_id: str | None = None

    @property
    def is_outcome(self) -> bool:
        return self.status in OUTCOME_STATUSES


@dataclass(frozen=True)
class Plan:
    date: DateSpan | None = None
    place_id: str | None = None


@dataclass(frozen=True)
class Initiative:
    id: str
    kind: str
    title: Text
    summary: Text
    priority_ids: tuple[str, ...]
    status_history: tuple[StatusStep, ...]
    citations: tuple[Citation, ...]
    official_name: Text | None = None
    proposer_ids: tuple[str, ...] = ()
    related_ids: tuple[str, ...] = ()
    plan: Plan | None = None
    # The day the outcome was last checked against the news.
    checked: DateSpan | None = None

    @property
    def is_document(self) -> bool:
        return self.kind in DOCUMENT_KINDS

    @property
    def outcome(self) -> StatusStep | None:
        """The latest step that is an outcome, if any is recorded."""
        outcomes = [step for step in self.status_history if step.is_outcome]
        return outcomes[-1] if outcomes else None

    @property
    def current_status(self) -> str:
        """The latest outcome's status, or 'no outcome recorded' — never a guess."""
        outcome = self.outcome
        return outcome.status if outcome else NO_OUTCOME

    def status_at(self, event: Event) -> str | None:
        """The status this initiative had reached at an event, for listing it beside that event.

        The last step tied to the event; failing that, the last step recorded
        by the event's end (undated steps count where they stand in the
        history). None if nothing was recorded by then.
        """
        tied = [step for step in self.status_history if step.event_id == event.id]
        if tied:
            return tied[-1].status
        end = (event.date.end or event.date.start).last_day()
        reached = None
        for step in self.status_history:
            if step.date and step.date.start.first_day() > end:
                break
            reached = step.status
        return reached


@dataclass(frozen=True)
class Event:
    id: str
    title: Text
    date: DateSpan
    summary: Text
    citations: tuple[Citation, ...]
    place_id: str | None = None
    initiative_ids: tuple[str, ...] = ()
    actor_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class GlossaryTerm:
    abbreviation: Text
    meaning: Text


@dataclass(frozen=True)
class SiteInfo:
    title: Text
    description: Text
    chairmanship: DateSpan
    chairmanship_summary: Text
    chairmanship_citations: tuple[Citation, ...]
    article_id: str
    cross_cutting_title: Text
    cross_cutting_summary: Text
    cross_cutting_citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Catalog:
    """Every entity, by id, plus the links computed from the ones typed once."""

    site: SiteInfo
    priorities: dict[str, Priority]
    initiatives: dict[str, Initiative]
    events: dict[str, Event]
    actors: dict[str, Actor]
    places: dict[str, Place]
    sources: dict[str, Source]
    glossary: tuple[GlossaryTerm, ...]
    # Computed: who links here.
    initiatives_by_priority: dict[str, tuple[str, ...]] = field(default_factory=dict)
    events_by_initiative: dict[str, tuple[str, ...]] = field(default_factory=dict)
    related_by_initiative: dict[str, tuple[str, ...]] = field(default_factory=dict)
    initiatives_by_event: dict[str, tuple[str, ...]] = field(default_factory=dict)
    citing_by_source: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Computed: what each actor proposed, took part in and wrote.
    initiatives_by_proposer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    events_by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources_by_author: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The validated data as written in data/, for the open-data export.
    documents: dict[str, Any] = field(default_factory=dict)

    def ordered_priorities(self) -> list[Priority]:
        return sorted(self.priorities.values(), key=lambda p: p.order)

    def ordered_events(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: (e.date.start.first_day(), e.id))

    def cross_cutting(self) -> list[Initiative]:
        return [i for i in self.initiatives.values() if not i.priority_ids]
