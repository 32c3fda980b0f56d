"""Located problems in the data, collected rather than raised one at a time.

A message quotes values from the data, and the data is untrusted: a value
could hold a line break (forging a message line of its own), a terminal
escape (hiding one), or start a line with '::' (a GitHub Actions workflow
command). So every value is quoted through ``quoted``, and every printed
problem is made one visible line again by ``one_line``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# How much of a value a message repeats; enough to recognise it.
QUOTE_LIMIT = 60
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Unicode categories that print nothing or move the text: control, format
# (zero-width, bidirectional), line and paragraph separators, surrogates,
# private use and unassigned code points; and spaces other than the plain
# one, which look like it but are not (no-break, thin, ideographic).
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn", "Zs"}


def _escaped(character: str) -> str:
    if character in _NAMED:
        return _NAMED[character]
    if character == " " or unicodedata.category(character) not in _HIDDEN_CATEGORIES:
        return character
    code = ord(character)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def visible(text: str) -> str:
    """The text with every invisible or line-breaking character written as an escape."""
    if text.isprintable() and text.isascii():  # nearly every message: nothing to do
        return text
    return "".join(_escaped(character) for character in text)


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A data value as a message shows it: in single quotes, one visible line, shortened."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{visible(text)}'"


def one_line(text: str) -> str:
    """A printed line that nothing inside it can break, hide, or turn into a command."""
    text = visible(text)
    return "\\u003A" + text[1:] if text.startswith("::") else text


@dataclass(frozen=True, order=True)
class Location:
    """A place in a data file; line and column count from 1, as editors show them."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake an editor has to fix, with where it is and, if it helps, how."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return one_line(f"{text} ({self.hint})" if self.hint else text)


class DataError(Exception):
    """Raised once, after every file was checked, carrying every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        noun = "problem" if count == 1 else "problems"
        lines.append(f"{count} {noun} in the data; nothing was built.")
        return "\n".join(lines)


@dataclass
class ProblemList:
    """Collects problems while checking; ``raise_if_any`` ends the check."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location, message, hint))

    def extend(self, other: "ProblemList") -> None:
        self.problems.extend(other.problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)
