"""From any page to an edit, a correction, a feed and a citation, by clicking as a reader does.

GitHub is not contacted: requests to it are answered by the test, which keeps
the address the browser asked for.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import feedparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from playwright.sync_api import Page, Route, expect

from sco_site.render.helpers import labels
from tests.sitebuild import TEST_REPO_URL

from .built_site import BuiltSite
from .chromium import PHONE
from .test_behaviour import _first_page

PAGES = ["", "priorities/*/", "initiatives/*/", "events/*/", "timeline/", "sources/", "about/"]
TEMPLATES = {"de": "korrektur.md", "en": "correction.md"}


@pytest.fixture
def github(page: Page) -> list[str]:
    """Every address the browser asks GitHub for, answered with a stand-in page."""
    asked: list[str] = []

    def answer(route: Route) -> None:
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>GitHub stand-in</title>")

    page.route("https://github.com/**", answer)
    return asked


def _citation_title(page: Page) -> str:
    return page.get_attribute('meta[name="citation_title"]', "content") or ""


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("pattern", PAGES)
def test_edit_and_correction_links_open_github_for_this_page(page: Page, github: list[str], live_site: BuiltSite, lang: str, pattern: str) -> None:
    path = _first_page(live_site, lang, pattern)
    address = live_site.url(f"/{lang}/{path}")
    page.goto(address)
    title = _citation_title(page)
    assert title

    edit = page.locator(".sco-page-tools__edit a").first
    expect(edit).to_be_visible()
    edit.click()
    page.wait_for_url(f"{TEST_REPO_URL}/**")
    target = urlsplit(page.url).path.removeprefix(urlsplit(TEST_REPO_URL).path + "/")
    action, branch, file = target.split("/", 2)
    assert (action, branch) in {("edit", "main"), ("tree", "main")}
    if pattern == "about/":
        assert (action, file) == ("edit", f"docs/{lang}/about.md")
    elif "*" in pattern:
        folder = pattern.split("/")[0]
        assert (action, file) == ("edit", f"data/{folder}/{path.split('/')[1]}.yml")

    page.goto(address)
    page.locator(".sco-page-tools__correction a").click()
    page.wait_for_url(f"{TEST_REPO_URL}/issues/new?**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["template"] == [TEMPLATES[lang]]
    assert query["title"] == [labels()["correction_title"][lang].format(title=title)]
    assert f"{title}\n" in query["body"][0] and address in query["body"][0]
    assert len(github) == 2


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("pattern", ["", "initiatives/*/", "about/"])
def test_feed_link_opens_the_languages_atom_feed(page: Page, live_site: BuiltSite, lang: str, pattern: str) -> None:
    page.goto(live_site.url(f"/{lang}/{_first_page(live_site, lang, pattern)}"))
    announced = page.eval_on_selector('link[rel~="alternate"][type="application/atom+xml"]', "link => link.href")
    assert announced == live_site.url(f"/{lang}/feed.xml")
    with page.expect_navigation() as navigation:
        page.locator(".sco-page-tools__feed a").click()
    response = navigation.value
    assert response is not None and response.ok and page.url == announced
    feed = feedparser.parse(response.body(), response_headers={"content-type": "application/atom+xml", "content-location": page.url})
    assert not feed.bozo and feed.feed.title == labels()["feed_title"][lang] and feed.entries


@pytest.mark.parametrize("lang", ["de", "en"])
def test_home_page_links_the_feed_in_its_text(page: Page, live_site: BuiltSite, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/"))
    link = page.locator("article a[href='feed.xml']").filter(has_text=labels()["feed_link"][lang]).first
    expect(link).to_be_visible()
    link.click()
    page.wait_for_url(live_site.url(f"/{lang}/feed.xml"))


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("pattern", ["initiatives/*/", "timeline/", "about/"])
def test_cite_this_page_gives_bibtex_and_csl_json_for_this_page(page: Page, live_site: BuiltSite, lang: str, pattern: str) -> None:
    address = live_site.url(f"/{lang}/{_first_page(live_site, lang, pattern)}")
    page.goto(address)
    title = _citation_title(page)
    date = page.get_attribute('meta[name="DC.date"]', "content")
    bibtex = page.locator(".sco-cite__bibtex")
    expect(bibtex).to_be_hidden()
    page.locator("#sco-cite-bibtex summary").click()
    expect(bibtex).to_be_visible()
    library = bibtexparser.parse_string(bibtex.inner_text(), append_middleware=[LatexDecodingMiddleware()])
    fields = {field.key: field.value for field in library.entries[0].fields}
    assert fields["title"].strip("{}").replace("\u02c6", "^") == title
    assert (fields["url"], fields["date"]) == (address, date)
    page.locator("#sco-cite-csl summary").click()
    [item] = json.loads(page.locator(".sco-cite__csl").inner_text())
    assert (item["title"], item["URL"], item["language"][:2]) == (title, address, lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_page_tools_fit_a_phone_screen(page: Page, live_site: BuiltSite, lang: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(live_site.url(f"/{lang}/{_first_page(live_site, lang, 'initiatives/*/')}"))
    for selector in (".sco-page-tools__edit a", ".sco-page-tools__correction a", ".sco-page-tools__feed a", "#sco-cite-bibtex summary"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], selector
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
