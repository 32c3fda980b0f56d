"""What a reader does: switch language, search, move by keyboard, turn on dark mode."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from sco_site.render.helpers import labels

from .built_site import BuiltSite

OTHER = {"de": "en", "en": "de"}
# Pages of every kind; "*" stands for the first page in that folder of the build.
SWITCHER_PATHS = ["", "priorities/*/", "initiatives/*/", "events/*/", "timeline/", "about/"]


def _first_page(live_site: BuiltSite, lang: str, pattern: str) -> str:
    folder, star, _ = pattern.partition("*")
    if not star:
        return pattern
    names = sorted(entry.name for entry in (live_site.root / lang / folder).iterdir() if (entry / "index.html").is_file())
    assert names, f"no page under /{lang}/{folder}"
    return f"{folder}{names[0]}/"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("pattern", SWITCHER_PATHS)
def test_language_switcher_lands_on_the_counterpart_page(page: Page, live_site: BuiltSite, lang: str, pattern: str) -> None:
    path = _first_page(live_site, lang, pattern)
    other = OTHER[lang]
    page.goto(live_site.url(f"/{lang}/{path}"))
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{other}']")
    page.wait_for_url(live_site.url(f"/{other}/{path}"))
    assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize("lang", ["de", "en"])
def test_search_lists_pages_of_the_page_language_only(page: Page, live_site: BuiltSite, lang: str) -> None:
    word = labels()["nav_timeline"][lang]
    assert word.lower() != labels()["nav_timeline"][OTHER[lang]].lower(), "the word must exist in one language only"
    page.goto(live_site.url(f"/{lang}/"))
    page.click(".md-search__input")
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    targets = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(link => link.href)")
    assert targets, f"no result links for {word!r}"
    wrong = [target for target in targets if not target.startswith(live_site.url(f"/{lang}/"))]
    assert not wrong, f"searching {word!r} on a {lang} page lists pages of another language: {wrong}"
    assert any(target.startswith(live_site.url(f"/{lang}/timeline/")) for target in targets)


FOCUS_KIND = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {kind: "none"};
  if (el.matches(".md-select__link")) return {kind: "language " + el.hreflang};
  if (el.matches(".md-search__input")) return {kind: "search"};
  if (el.closest(".sco-cards") && el.matches("a")) return {kind: "card", href: el.href};
  return {kind: "other"};
}"""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_keyboard_reaches_switcher_search_and_every_priority_card(page: Page, live_site: BuiltSite, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/"))
    cards = set(page.eval_on_selector_all(".sco-cards a", "links => links.map(link => link.href)"))
    assert cards, "the home page shows no priority cards"
    wanted = {f"language {OTHER[lang]}", "search"} | {f"card {href}" for href in cards}
    reached: set[str] = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_KIND)
        reached.add(f"card {focus['href']}" if focus["kind"] == "card" else focus["kind"])
        if wanted <= reached:
            break
    assert not wanted - reached, f"Tab never reached: {sorted(wanted - reached)}"


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.parametrize("lang", ["de", "en"])
def test_palette_toggle_switches_to_dark_mode(page: Page, live_site: BuiltSite, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/"))
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    background = "getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(scheme) == "default"
    assert _luminance(page.evaluate(background)) > 0.8
    page.locator("[data-md-component=palette] label.md-header__button:visible").click()
    page.wait_for_function(f"{scheme} === 'slate'")
    assert _luminance(page.evaluate(background)) < 0.2
