"""Characters that no reader should get from a data text.

YAML refuses control characters typed into a file, but a double-quoted text
can still write them as escapes (``"\\x1b"``, ``"\\u202e"``). Such a character
is invisible on the page and dangerous elsewhere: a terminal escape in a
message, a bidirectional override that shows a text in a different order from
the one it has, a line separator that breaks a calendar entry. They are
refused in every text, so that they reach no page and no download. A text made
only of invisible characters (zero-width spaces, joiners) counts as empty.
"""

from __future__ import annotations

import unicodedata

from .errors import Location, Problem
from .schema import field_name
from .yamlsource import YamlDocument

# Bidirectional controls: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SEPARATORS = frozenset("\u2028\u2029")
# Line breaks and tabs are layout that the pages fold into spaces.
_LAYOUT = frozenset("\n\t")
# Letters and symbols that look like nothing at all.
_BLANKS = frozenset("\u034f\u115f\u1160\u180e\u2800\u3164\uffa0")


def refused_character(text: str) -> str | None:
    """The first character of the text that must not be published, if any."""
    if text.isascii() and text.isprintable():  # nearly every text
        return None
    for character in text:
        if character in _LAYOUT:
            continue
        if character in BIDI_CONTROLS or character in _SEPARATORS or _is_control(character) or _is_noncharacter(character):
            return character
    return None


def only_invisible(text: str) -> bool:
    """True for a text that is not blank to Python but shows nothing: zero-width spaces and the like."""
    if text[:1].isalnum() and text[:1] not in _BLANKS:  # a letter or digit shows (except the blank letters)
        return False
    return bool(text.strip()) and all(_invisible(character) for character in text)


def describe(character: str) -> str:
    """'the bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    label = f"{code} ({name})" if name else code
    if character in BIDI_CONTROLS:
        return f"the bidirectional control character {label}"
    if character in _SEPARATORS:
        return f"the invisible line break {label}"
    if _is_noncharacter(character):
        return f"the code point {label}, which is not a character"
    return f"the invisible control character {label}"


def character_problems(doc: YamlDocument, already: set[Location]) -> list[Problem]:
    """A problem for each text holding a refused character or only invisible ones.

    Texts whose place already has a problem (from the schema) are left out:
    one mistake, one message.
    """
    problems = []
    for path, text in doc.texts:
        if text.isascii() and text.isprintable():  # nearly every text: nothing to refuse, and visible unless blank
            continue
        refused = refused_character(text)
        if refused is None and not only_invisible(text):
            continue
        where = doc.location(path)
        if where in already:
            continue
        if refused is not None:
            problems.append(Problem(where, f"'{field_name(path)}' contains {describe(refused)}", _hint(refused)))
        else:
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in text if not c.isspace()}))
            problems.append(Problem(where, f"'{field_name(path)}' is empty: it holds only invisible characters ({codes})", "write the text, or remove the line if the field is optional"))
    return problems


def _hint(character: str) -> str:
    escape = f"\\x{ord(character):02x}" if ord(character) <= 0xFF else f"\\u{ord(character):04x}"
    return f"delete it: readers cannot see it, and it can change how text is shown; in double quotes it may be written as \"{escape}\""


def _is_control(character: str) -> bool:
    return unicodedata.category(character) in {"Cc", "Cs"}


def _is_noncharacter(character: str) -> bool:
    code = ord(character)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _invisible(character: str) -> bool:
    return character.isspace() or character in _BLANKS or unicodedata.category(character) in {"Cf", "Zs", "Zl", "Zp", "Cc", "Mn", "Me"}
