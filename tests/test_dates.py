"""Partial dates and spans: parsing, checking and formatting in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from sco_site.dates import DateProblem, DateSpan, PartialDate


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [("2024", PartialDate(2024), "year"), ("2024-07", PartialDate(2024, 7), "month"), ("2024-07-04", PartialDate(2024, 7, 4), "day")],
)
def test_parse_keeps_the_precision_written(text: str, expected: PartialDate, precision: str) -> None:
    date = PartialDate.parse(text)
    assert date == expected
    assert date.precision == precision
    assert date.iso() == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2024-04-31", "April 2024 has 30 days"),
        ("2024-13", "there is no month 13"),
        ("2024-00", "months and days count from 01"),
        ("2024-07-00", "months and days count from 01"),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateProblem) as raised:
        PartialDate.parse(text)
    assert str(raised.value) == f"{text} is not a date: {reason}"


def test_leap_day_of_a_leap_year_is_a_date() -> None:
    assert PartialDate.parse("2024-02-29").last_day() == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-07-04", dt.date(2024, 7, 4), dt.date(2024, 7, 4)),
    ],
)
def test_first_and_last_day_cover_the_whole_period(text: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert (date.first_day(), date.last_day()) == (first, last)


def test_partial_dates_sort_by_year_then_month_then_day() -> None:
    dates = [PartialDate.parse(t) for t in ("2024-07-04", "2023", "2024-07", "2023-12-31")]
    assert [d.iso() for d in sorted(dates)] == ["2023", "2023-12-31", "2024-07", "2024-07-04"]


@pytest.mark.parametrize(
    ("start", "end", "de", "en"),
    [
        ("2024-07-04", None, "4. Juli 2024", "4 July 2024"),
        ("2024-07", None, "Juli 2024", "July 2024"),
        ("2024", None, "2024", "2024"),
        ("2024-07-03", "2024-07-04", "3.–4. Juli 2024", "3–4 July 2024"),
        ("2023-11-28", "2023-12-01", "28. November – 1. Dezember 2023", "28 November – 1 December 2023"),
        ("2023-12-30", "2024-01-02", "30. Dezember 2023 – 2. Januar 2024", "30 December 2023 – 2 January 2024"),
        ("2023", "2024", "2023 – 2024", "2023 – 2024"),
    ],
)
def test_spans_are_written_as_each_language_writes_them(start: str, end: str | None, de: str, en: str) -> None:
    span = DateSpan.parse(start, end)
    assert span.format("de") == de
    assert span.format("en") == en


def test_span_iso_and_year() -> None:
    span = DateSpan.parse("2023-12-30", "2024-01-02")
    assert span.iso() == "2023-12-30/2024-01-02"
    assert span.year == 2023
    assert DateSpan.parse("2024-07").iso() == "2024-07"


def test_a_span_may_not_end_before_it_starts() -> None:
    with pytest.raises(DateProblem, match=r"ends \(2024-07-01\) before it starts \(2024-07-03\)"):
        DateSpan.parse("2024-07-03", "2024-07-01")


def test_a_span_of_a_month_and_a_day_inside_it_is_allowed() -> None:
    span = DateSpan.parse("2024-07", "2024-07-04")
    assert span.end == PartialDate(2024, 7, 4)


def test_an_end_in_a_later_month_than_a_day_start_is_allowed() -> None:
    assert DateSpan.parse("2024-06-30", "2024-07").end == PartialDate(2024, 7)
