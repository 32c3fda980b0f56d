"""The interface speaks the page's language: no English interface text on German pages, and back.

"Interface text" is every string the theme or the site's labels write in one
language and not the other, visible or in ``title``, ``aria-label``, ``alt``
or ``placeholder``. The test lists every such string it finds on every page.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sco_site.constants import LANGUAGES
from sco_site.render.helpers import labels
from tests.htmlsite import html_pages

MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# Written by the theme without a translation key.
UNTRANSLATED = {"en": ("Made with", "Material for MkDocs", "Permanent link")}


@cache
def material_strings(lang: str) -> dict[str, str]:
    text = (MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
    return {key: value for key, value in re.findall(r'"([\w.]+)": "((?:[^"\\]|\\.)*)"', text)}


def _label_values(lang: str) -> dict[str, str]:
    found = {}
    for key, value in labels().items():
        if isinstance(value, dict) and isinstance(value.get(lang), str):
            found[key] = value[lang]
        elif isinstance(value, dict) and isinstance(value.get(lang), dict):
            found.update({f"{key}.{k}": v for k, v in value[lang].items() if isinstance(v, str)})
    return found


@cache
def foreign_strings(page_lang: str) -> frozenset[str]:
    """Interface strings of the other language that differ from this language's."""
    (other,) = [lang for lang in LANGUAGES if lang != page_lang]
    strings, own_words = set(), set()
    for source in (material_strings, _label_values):
        own, foreign = source(page_lang), source(other)
        own_words |= set(own.values())
        strings |= {value for key, value in foreign.items() if own.get(key) != value and "{" not in value and "#" not in value and len(value) > 2 and not key.startswith(("search.config", "language", "direction"))}
    # A word both languages use ("Programme") is no foreign text.
    return frozenset(strings - own_words)


def foreign_interface_text(page_lang: str, soup) -> list[str]:  # noqa: ANN001 - a BeautifulSoup document
    foreign = foreign_strings(page_lang)
    (other,) = [lang for lang in LANGUAGES if lang != page_lang]
    fragments = UNTRANSLATED.get(other, ())
    found = []
    for string in soup.find_all(string=True):
        if string.parent.name in ("script", "style") or string.find_parent(lang=other):
            continue
        value = " ".join(string.split())
        if value in foreign or any(f in value for f in fragments):
            found.append(value)
    for element in soup.find_all(True):
        if element.find_parent(lang=other) or element.get("lang") == other:
            continue
        for attribute in ATTRIBUTES:
            value = " ".join(str(element.get(attribute) or "").split())
            if value and (value in foreign or any(f in value for f in fragments)):
                found.append(f"{attribute}={value!r}")
    return found


def test_no_interface_text_in_the_other_language(built_site: Path) -> None:
    found = []
    for page in html_pages(built_site):
        if page.lang_tree in LANGUAGES:
            found += [f"{page.path}: {string}" for string in foreign_interface_text(page.lang_tree, page.soup)]
    assert found == []


def test_the_check_finds_english_interface_text_on_a_german_page() -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup('<p>Made with Material</p><a title="Permanent link">x</a><nav aria-label="Footer"></nav><span lang="en">Search</span>', "html.parser")
    assert foreign_interface_text("de", soup) == ["Made with Material", "title='Permanent link'", "aria-label='Footer'"]
