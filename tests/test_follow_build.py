"""Edit, correction, feed and citation on every built page, with and without configured addresses."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import feedparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware

from sco_site.chronology import dated_steps, steps_without_event
from sco_site.constants import LANGUAGES
from sco_site.history import last_changed
from sco_site.model import Catalog
from sco_site.render.helpers import labels
from tests.htmlsite import BuiltPage, html_pages
from tests.sitebuild import ROOT, TEST_REPO_URL, TEST_SITE_URL, copy_project, run_mkdocs

TEMPLATES = {"de": "korrektur.md", "en": "correction.md"}


def _tree_pages(site: Path, lang: str) -> list[BuiltPage]:
    return [page for page in html_pages(site) if page.lang_tree == lang and page.path.name != "404.html"]


def _meta(page: BuiltPage) -> dict[str, str]:
    return {tag["name"]: tag["content"] for tag in page.soup.select("meta[name]")}


def _repository_path(href: str) -> str:
    prefix = TEST_REPO_URL + "/"
    assert href.startswith(prefix), href
    action, branch, path = href[len(prefix):].split("/", 2)
    assert (action, branch) in {("edit", "main"), ("tree", "main")}, href
    return path + ("/" if action == "tree" else "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_to_its_files_a_correction_and_the_feed(built_site: Path, lang: str) -> None:
    pages = _tree_pages(built_site, lang)
    assert len(pages) > 40
    for page in pages:
        assert page.soup.select_one("article .sco-page-tools") is None, "the page tools are not part of the article"
        edits = [_repository_path(a["href"]) for a in page.soup.select(".sco-page-tools__edit a")]
        assert edits and all((ROOT / path).exists() for path in edits), (page.path, edits)
        correction = page.soup.select_one(".sco-page-tools__correction a")["href"]
        assert correction.startswith(TEST_REPO_URL + "/issues/new?"), page.path
        query = parse_qs(urlsplit(correction).query)
        title = _meta(page)["citation_title"]
        assert query["template"] == [TEMPLATES[lang]] and query["labels"] == ["correction"]
        assert query["title"] == [labels()["correction_title"][lang].format(title=title)]
        canonical = page.soup.select_one('link[rel="canonical"]')["href"]
        assert query["body"] == [labels()["correction_body"][lang].format(title=title, address=canonical)]
        feed_links = [page.soup.select_one('.sco-page-tools__feed a[rel~="alternate"][type="application/atom+xml"]')["href"], page.soup.select_one('link[rel~="alternate"][type="application/atom+xml"]')["href"]]
        assert {page.resolve(href)[0] for href in feed_links} == {f"{lang}/feed.xml"}, page.path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entity_and_hand_written_pages_link_to_their_own_file(built_site: Path, catalog: Catalog, lang: str) -> None:
    def edits(path: str) -> list[str]:
        return [_repository_path(a["href"]) for a in BuiltPage(built_site, Path(path)).soup.select(".sco-page-tools__edit a")]

    for initiative_id in catalog.initiatives:
        assert edits(f"{lang}/initiatives/{initiative_id}/index.html") == [f"data/initiatives/{initiative_id}.yml"]
    for event_id in catalog.events:
        assert edits(f"{lang}/events/{event_id}/index.html") == [f"data/events/{event_id}.yml"]
    assert edits(f"{lang}/about/index.html") == [f"docs/{lang}/about.md"]
    assert edits(f"{lang}/index.html") == ["data/site.yml", "data/priorities/"]
    about = BuiltPage(built_site, Path(f"{lang}/about/index.html")).soup.select_one(".sco-page-tools__edit").get_text()
    assert about.startswith(labels()["edit_page"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_carries_citation_metadata_and_the_same_in_bibtex_and_csl(built_site: Path, lang: str) -> None:
    site_name = labels()["site_name"][lang]
    for page in _tree_pages(built_site, lang):
        meta = _meta(page)
        canonical = page.soup.select_one('link[rel="canonical"]')["href"]
        assert meta["citation_title"] == meta["DC.title"] and meta["citation_title"].strip(), page.path
        assert meta["citation_publisher"] == meta["DC.publisher"] == site_name
        assert meta["citation_language"] == meta["DC.language"] == lang
        assert meta["citation_public_url"] == meta["DC.identifier"] == canonical
        assert meta["citation_date"] == meta["citation_publication_date"] == meta["DC.date"].replace("-", "/")
        library = bibtexparser.parse_string(page.soup.select_one(".sco-cite__bibtex").get_text(), append_middleware=[LatexDecodingMiddleware()])
        assert not library.failed_blocks, page.path
        fields = {field.key: field.value for field in library.entries[0].fields}
        assert fields["title"].strip("{}").replace("\u02c6", "^") == meta["citation_title"]
        assert (fields["url"], fields["date"]) == (canonical, meta["DC.date"])
        [item] = json.loads(page.soup.select_one(".sco-cite__csl").get_text())
        assert (item["title"], item["URL"], item["publisher"]) == (meta["citation_title"], canonical, site_name)
        assert "-".join(f"{part:02d}" for part in item["issued"]["date-parts"][0]) == meta["DC.date"]
        assert canonical in page.soup.select_one(".sco-cite").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_is_dated_by_the_last_change_of_its_data(built_site: Path, catalog: Catalog, lang: str) -> None:
    changed = last_changed(ROOT / "data")
    for initiative_id in list(catalog.initiatives)[:5]:
        meta = _meta(BuiltPage(built_site, Path(f"{lang}/initiatives/{initiative_id}/index.html")))
        assert meta["DC.date"] == changed[f"initiatives/{initiative_id}.yml"].isoformat()
        title = catalog.initiatives[initiative_id].title[lang]
        assert meta["citation_title"] == title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_feed_is_valid_and_the_home_page_links_it(built_site: Path, catalog: Catalog, lang: str) -> None:
    feed = feedparser.parse((built_site / lang / "feed.xml").read_bytes(), response_headers={"content-type": "application/atom+xml"})
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(catalog.events) + len(dated_steps(catalog))
    assert {link.rel: link.href for link in feed.feed.links}["self"] == f"{TEST_SITE_URL}{lang}/feed.xml"
    home = BuiltPage(built_site, Path(f"{lang}/index.html"))
    in_content = [a["href"] for a in home.soup.select("article a")]
    assert "feed.xml" in in_content


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_shows_dated_steps_without_an_event(built_site: Path, catalog: Catalog, lang: str) -> None:
    timeline = BuiltPage(built_site, Path(f"{lang}/timeline/index.html")).soup
    items = timeline.select(".sco-timeline > ul > li")
    undated_by_event = steps_without_event(catalog)
    assert undated_by_event, "the data has no dated step without an event: this test checks nothing"
    assert len(items) == len(catalog.events) + len(undated_by_event)
    for dated in undated_by_event:
        found = [
            li for li in items
            if li.select_one(f'a[href$="initiatives/{dated.initiative.id}/"]')
            and li.select_one(".sco-timeline__date").get_text() == dated.date.format(lang)
            and li.select_one(".sco-status").get_text() == labels()["status_label"][lang][dated.step.status]
        ]
        assert len(found) == 1, dated.initiative.id


# --- a build with no address configured --------------------------------------


@pytest.fixture(scope="module")
def unaddressed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the project without git (so no origin either), built with no site or repository address."""
    project = copy_project(tmp_path_factory.mktemp("unaddressed") / "project")
    shutil.copytree(ROOT / "data", project / "data")
    site = project.parent / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    yield site


def test_without_an_address_nothing_prints_a_made_up_one(unaddressed_site: Path) -> None:
    for path in unaddressed_site.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".ics", ".csv", ".txt"}:
            text = path.read_text(encoding="utf-8")
            assert "example.org" not in text and "sco.test" not in text, path
    assert not list(unaddressed_site.rglob("sitemap.xml*"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_an_address_pages_link_relatively_and_cite_without_one(unaddressed_site: Path, lang: str) -> None:
    for page in _tree_pages(unaddressed_site, lang):
        soup = page.soup
        assert soup.select_one('link[rel="canonical"]') is None and soup.select_one('meta[property="og:url"]') is None
        assert all(not urlsplit(link["href"]).scheme for link in soup.select("link[hreflang]")), page.path
        meta = _meta(page)
        assert "citation_public_url" not in meta and "DC.identifier" not in meta and meta["citation_title"]
        assert soup.select_one(".sco-page-tools__edit") is None and soup.select_one(".sco-page-tools__correction") is None
        assert page.resolve(soup.select_one(".sco-page-tools__feed a")["href"])[0] == f"{lang}/feed.xml"
        for script in soup.select('script[type="application/ld+json"]'):
            assert "url" not in json.loads(script.string), page.path
    feed_text = (unaddressed_site / lang / "feed.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(feed_text, response_headers={"content-type": "application/atom+xml"})
    assert not feed.bozo and 'rel="self"' not in feed_text
    assert all(entry.id.startswith("tag:") for entry in feed.entries)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_citations_use_the_page_title_not_the_navigation_label(built_site: Path, catalog: Catalog, lang: str) -> None:
    home = BuiltPage(built_site, Path(f"{lang}/index.html"))
    assert _meta(home)["citation_title"] == catalog.site.title[lang] != labels()["nav_home"][lang]
    assert home.soup.select_one(".sco-cite cite").get_text() == catalog.site.title[lang]
    about = _meta(BuiltPage(built_site, Path(f"{lang}/about/index.html")))
    assert about["citation_title"] == labels()["nav_about"][lang]
