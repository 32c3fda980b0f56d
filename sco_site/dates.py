"""Dates that may be a day, a month or only a year, and spans of them."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache

from babel.dates import format_date, format_skeleton

from .constants import LOCALES

# British English writes "4 July 2024", as the site should.
_LOCALES = LOCALES
# Babel's interval patterns abbreviate the English month; a span inside one
# month is written by hand instead: "3.–4. Juli 2024", "3–4 July 2024".
_DAYS_IN_ONE_MONTH = {"de": "{first}.–{last}", "en": "{first}–{last}"}


class DateProblem(ValueError):
    """A date written in the right shape that still cannot be (2024-02-30)."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month of a year, or a day; ``month``/``day`` are 0 when unknown."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    @lru_cache(maxsize=4096)  # the same few hundred dates are read thousands of times; a date is immutable
    def parse(cls, text: str) -> "PartialDate":
        parts = [int(part) for part in text.split("-")]
        if 0 in parts[1:]:
            raise DateProblem(f"{text} is not a date: months and days count from 01")
        date = cls(*parts)
        date.check()
        return date

    def check(self) -> None:
        if self.month and not 1 <= self.month <= 12:
            raise DateProblem(f"{self.iso()} is not a date: there is no month {self.month}")
        if self.day:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                month = dt.date(self.year, self.month, 1).strftime("%B")
                raise DateProblem(f"{self.iso()} is not a date: {month} {self.year} has {last} days")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def format(self, lang: str) -> str:
        return _formatted(self, lang)


@cache  # a site has few distinct dates, printed on many pages; Babel is slow
def _formatted(date: PartialDate, lang: str) -> str:
    locale = _LOCALES[lang]
    if date.precision == "day":
        return format_date(date.first_day(), "long", locale=locale)
    if date.precision == "month":
        return format_skeleton("yMMMM", date.first_day(), locale=locale)
    return str(date.year)


@dataclass(frozen=True, order=True)
class DateSpan:
    """A date, or a span from ``start`` to ``end`` (both inclusive)."""

    start: PartialDate
    end: PartialDate | None = None

    @classmethod
    def parse(cls, start: str, end: str | None = None) -> "DateSpan":
        span = cls(PartialDate.parse(start), PartialDate.parse(end) if end else None)
        if span.end and span.end.last_day() < span.start.first_day():
            raise DateProblem(f"the span ends ({span.end.iso()}) before it starts ({span.start.iso()})")
        return span

    def iso(self) -> str:
        return f"{self.start.iso()}/{self.end.iso()}" if self.end else self.start.iso()

    def format(self, lang: str) -> str:
        if not self.end:
            return self.start.format(lang)
        start, end = self.start, self.end
        if start.precision == end.precision == "day" and start.year == end.year:
            if start.month == end.month:
                return _DAYS_IN_ONE_MONTH[lang].format(first=start.day, last=end.format(lang))
            first = format_skeleton("MMMMd", start.first_day(), locale=_LOCALES[lang])
            return f"{first} – {end.format(lang)}"
        return f"{start.format(lang)} – {end.format(lang)}"

    @property
    def year(self) -> int:
        return self.start.year
