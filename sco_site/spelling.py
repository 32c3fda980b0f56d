"""Why an id, key or file name that looks right is not: the one character that is off.

A Cyrillic 'а' looks like a Latin 'a', and macOS writes 'ü' as 'u' plus a
combining mark (NFD), which looks the same as the single letter (NFC). A
message that only repeats the value would show two equal-looking words.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import visible

_ID_CHARACTER = re.compile(r"[a-z0-9-]")


def odd_character(text: str, allowed: re.Pattern[str] = _ID_CHARACTER) -> str:
    """A phrase naming the first character not allowed, e.g. "'а' (U+0430 CYRILLIC SMALL LETTER A) looks like a Latin letter but is not one"."""
    for index, character in enumerate(text):
        if allowed.fullmatch(character):
            continue
        name = unicodedata.name(character, "")
        code = f"U+{ord(character):04X}{' ' + name if name else ''}"
        if unicodedata.combining(character):
            base = text[index - 1 : index] or "?"
            composed = unicodedata.normalize("NFC", base + character)
            return f"the accent {code} is written apart from its letter '{base}' (decomposed form, NFD): '{composed}' here is two characters"
        label = f"'{visible(character)}' ({code})"
        if _looks_latin(character):
            return f"{label} looks like a Latin letter but is not one"
        if character.isupper() and character.lower().isascii():
            return f"{label} is a capital letter"
        return f"{label} is not allowed"
    return ""


def _looks_latin(character: str) -> bool:
    """A letter from another script that is drawn like a Latin one (Cyrillic а, Greek ο, fullwidth ａ)."""
    if character.isascii() or not character.isalpha():
        return False
    folded = unicodedata.normalize("NFKD", character)
    if folded.isascii():
        return True
    return unicodedata.name(character, "").split(" ")[-1].lower() in _LATIN_SHAPES


# Last words of the Unicode names of letters, in other scripts, that are
# drawn like a Latin letter: Cyrillic а, е, о, р, с, і, ј, ѕ, Greek ο, ρ, ν …
_LATIN_SHAPES = set("aceijopsxyhkmtb") | {"byelorussian-ukrainian", "je", "dze", "omicron", "rho", "iota", "kappa", "nu", "upsilon", "alpha", "tau", "chi"}
