"""Characters in data texts and in messages: refused, counted as empty, or made visible."""

from __future__ import annotations

import pytest

from sco_site.characters import only_invisible, refused_character
from sco_site.errors import Location, Problem, one_line, quoted
from sco_site.spelling import odd_character


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Astana", None), ("Zürich – „Gipfel“", None), ("a\nb\tc", None), ("👩\u200d💻", None), ("السلام", None),
        ("\x1b[2J", "\x1b"), ("a\x00", "\x00"), ("a\x7f", "\x7f"), ("a\x85", "\x85"), ("a\r", "\r"),
        ("a\u202eb", "\u202e"), ("\u2066x\u2069", "\u2066"), ("a\u200fb", "\u200f"), ("a\u061cb", "\u061c"),
        ("a\u2028b", "\u2028"), ("a\u2029b", "\u2029"), ("a\uffff", "\uffff"), ("a\ufdd0", "\ufdd0"),
    ],
)
def test_refused_characters(text: str, refused: str | None) -> None:
    assert refused_character(text) == refused


@pytest.mark.parametrize(("text", "empty"), [("\u200b", True), ("\u200b\u200d\u2060", True), (" \ufeff ", True), ("\u3164", True), ("", False), ("   ", False), ("\u200bx", False), ("👩\u200d💻", False)])
def test_texts_of_invisible_characters_count_as_empty(text: str, empty: bool) -> None:
    assert only_invisible(text) is empty


def test_quoted_values_are_one_visible_shortened_line() -> None:
    assert quoted("a\nb\r\tc\x1b[2K\u202e") == "'a\\nb\\r\\tc\\u001B[2K\\u202E'"
    assert quoted("x" * 100) == "'" + "x" * 59 + "…'"
    assert quoted("Zürich „x“") == "'Zürich „x“'"


def test_a_printed_problem_is_one_line_that_cannot_start_a_workflow_command() -> None:
    problem = Problem(Location("data/a\n::error::b.yml", 1, 1), "m\x1b[8m", "h\u2028")
    assert str(problem) == "data/a\\n::error::b.yml:1:1: m\\u001B[8m (h\\u2028)"
    assert one_line("::stop-commands::x") == "\\u003A:stop-commands::x"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("\u0430stana", "'а' (U+0430 CYRILLIC SMALL LETTER A) looks like a Latin letter but is not one"),
        ("astan\u03bf", "'ο' (U+03BF GREEK SMALL LETTER OMICRON) looks like a Latin letter but is not one"),
        ("\uff41", "'ａ' (U+FF41 FULLWIDTH LATIN SMALL LETTER A) looks like a Latin letter but is not one"),
        ("zu\u0308rich", "the accent U+0308 COMBINING DIAERESIS is written apart from its letter 'u' (decomposed form, NFD): 'ü' here is two characters"),
        ("z\u00fcrich", "'ü' (U+00FC LATIN SMALL LETTER U WITH DIAERESIS) is not allowed"),
        ("astana", ""),
    ],
)
def test_the_odd_character_in_a_name_is_named(text: str, says: str) -> None:
    assert odd_character(text) == says
