"""Everything with a date: events and the dated steps of initiatives, for the timeline and the feeds."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import DateSpan
from .model import Catalog, Initiative, StatusStep


@dataclass(frozen=True)
class DatedStep:
    """A status step that has a date, with the initiative it belongs to."""

    initiative: Initiative
    step: StatusStep
    number: int  # position in the initiative's history, from 1

    @property
    def date(self) -> DateSpan:
        assert self.step.date is not None
        return self.step.date

    @property
    def anchor(self) -> str:
        """The step's stable part of an id: its status and date, not its position, which moves."""
        return f"{self.step.status}/{self.date.iso().replace('/', '--')}"


def dated_steps(catalog: Catalog) -> list[DatedStep]:
    """Every dated status step, oldest first."""
    steps = [
        DatedStep(initiative, step, number)
        for initiative in catalog.initiatives.values()
        for number, step in enumerate(initiative.status_history, start=1)
        if step.date is not None
    ]
    return sorted(steps, key=lambda s: (s.date.start.first_day(), s.initiative.id, s.number))


def steps_without_event(catalog: Catalog) -> list[DatedStep]:
    """Dated steps not tied to an event: the timeline shows them on their own."""
    return [s for s in dated_steps(catalog) if s.step.event_id is None]
