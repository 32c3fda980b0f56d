"""Search: nothing of it loads until the reader starts to search; then it finds inflected forms.

The override in ``overrides/main.html`` holds back Material's index request and
search worker until the search box is used; the worker it then starts
(``docs/assets/javascripts/workers/search-stems.js``) matches each typed word
also by its stem. Both depend on Material's internals (index address, worker
file name), so Material is pinned and these tests fail if an update breaks them.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, Request, expect

from .built_site import BuiltSite

SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/|/lunr/")
# A word, and a form of it the site's text uses where the word itself may not appear.
INFLECTED = {"de": ("Hafen", "Häfen"), "en": ("strategies", "strategy")}


def _first_initiative(live_site: BuiltSite, lang: str) -> str:
    names = sorted(entry.name for entry in (live_site.root / lang / "initiatives").iterdir() if (entry / "index.html").is_file())
    assert names, f"no initiative page in /{lang}/"
    return f"/{lang}/initiatives/{names[0]}/"


def _search_requests(page: Page) -> list[str]:
    seen: list[str] = []

    def note(request: Request) -> None:
        if SEARCH_FILES.search(request.url):
            seen.append(request.url)

    page.on("request", note)
    return seen


def _pages_with_word(live_site: BuiltSite, lang: str, word: str) -> set[str]:
    """Pages whose indexed text has ``word`` as a whole word (case-insensitive)."""
    index = json.loads((live_site.root / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return {live_site.url(f"/{lang}/{doc['location'].split('#')[0]}") for doc in index["docs"] if pattern.search(doc["title"] + " " + doc["text"])}


def _result_pages(page: Page) -> set[str]:
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(link => link.href)")
    return {link.split("#")[0].split("?")[0] for link in links}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("which", ["home", "initiative"])
def test_first_view_loads_nothing_of_search(page: Page, live_site: BuiltSite, lang: str, which: str) -> None:
    requests = _search_requests(page)
    path = f"/{lang}/" if which == "home" else _first_initiative(live_site, lang)
    page.goto(live_site.url(path), wait_until="networkidle")
    assert page.locator(".md-search__input").count() == 1, "the page has no search box"
    assert requests == [], f"{path} loads search files before anyone searches: {requests}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_search_box_loads_the_index_and_finds_inflected_forms(page: Page, live_site: BuiltSite, lang: str) -> None:
    typed, written = INFLECTED[lang]
    expected = _pages_with_word(live_site, lang, written) - _pages_with_word(live_site, lang, typed)
    if not expected:
        pytest.skip(f"the built {lang} site has no page with {written!r} but not {typed!r}")
    requests = _search_requests(page)
    page.goto(live_site.url(f"/{lang}/"), wait_until="networkidle")
    page.click(".md-search__input")
    page.keyboard.type(typed)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert any(request.endswith(f"/{lang}/search/search_index.json") for request in requests), requests
    found = _result_pages(page)
    assert found & expected, f"searching {typed!r} lists none of the pages that say {written!r}: found {sorted(found)}"
    assert page.locator(".md-search-result__item mark").count() > 0, "the results do not highlight what matched"
    missing = page.locator(".md-search-result__item del").all_inner_texts()
    assert not missing, f"results found by {typed!r} still list it as missing: {missing}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_prefix_and_whole_word_find_the_same_page(page: Page, live_site: BuiltSite, lang: str) -> None:
    word = {"de": "Zeitleiste", "en": "Timeline"}[lang]
    page.goto(live_site.url(f"/{lang}/"), wait_until="networkidle")
    timeline = live_site.url(f"/{lang}/timeline/")
    for typed in (word[:5], word):
        page.fill(".md-search__input", "")
        page.click(".md-search__input")
        page.keyboard.type(typed)
        expect(page.locator(f".md-search-result__item a[href^='{timeline}']").first).to_be_attached()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_keyboard_shortcut_opens_a_working_search(page: Page, live_site: BuiltSite, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/"), wait_until="networkidle")
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type({"de": "Zeitleiste", "en": "Timeline"}[lang])
    expect(page.locator(".md-search-result__item").first).to_be_visible()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_highlight_from_the_address_still_works(page: Page, live_site: BuiltSite, lang: str) -> None:
    word = {"de": "Zeitleiste", "en": "Timeline"}[lang]
    page.goto(live_site.url(f"/{lang}/timeline/?h={word}"))
    expect(page.locator("article mark").first).to_be_visible()
