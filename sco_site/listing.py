"""What the filterable list of initiatives knows about each one.

The page prints these facts into ``data-*`` attributes of each row, and a small
script filters and sorts by them; the methodology page states the same rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import DateSpan
from .model import Catalog, Initiative, StatusStep

# Without an outcome, an initiative counts as stalled when no step of it is
# dated within this many days before the latest date the data records.
STALLED_AFTER_DAYS = 365
# The value that stands for "no priority" in the filter: not a valid id, so
# it can never be mistaken for a priority's.
CROSS_CUTTING = "cross_cutting"


def latest_step(initiative: Initiative) -> StatusStep | None:
    """The step with the latest date; of steps on the same date, the one recorded last."""
    dated = [(step.date.start.first_day(), index, step) for index, step in enumerate(initiative.status_history) if step.date]
    return max(dated, key=lambda entry: entry[:2])[2] if dated else None


def data_as_of(catalog: Catalog) -> dt.date | None:
    """The latest date anywhere in the steps and events: how far the data reaches."""
    spans: list[DateSpan] = [step.date for i in catalog.initiatives.values() for step in i.status_history if step.date]
    spans += [event.date for event in catalog.events.values()]
    return max(((span.end or span.start).last_day() for span in spans), default=None)


def is_stalled(initiative: Initiative, as_of: dt.date | None) -> bool:
    """No outcome, and no step dated in the twelve months up to ``as_of``."""
    if initiative.outcome or as_of is None:
        return False
    step = latest_step(initiative)
    if step is None or step.date is None:
        return True
    return (step.date.end or step.date.start).last_day() < as_of - dt.timedelta(days=STALLED_AFTER_DAYS)


@dataclass(frozen=True)
class RowFacts:
    """One initiative as the list's script sees it."""

    id: str
    status: str
    kind: str
    priorities: str  # space-separated priority ids, or CROSS_CUTTING
    date: str  # ISO start of the latest step's date, as precise as recorded; "" without one
    stalled: bool
    latest: StatusStep | None


def row_facts(initiative: Initiative, as_of: dt.date | None) -> RowFacts:
    step = latest_step(initiative)
    return RowFacts(
        id=initiative.id,
        status=initiative.current_status,
        kind=initiative.kind,
        priorities=" ".join(initiative.priority_ids) or CROSS_CUTTING,
        date=step.date.start.iso() if step and step.date else "",
        stalled=is_stalled(initiative, as_of),
        latest=step,
    )
