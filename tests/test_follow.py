"""Edit links, correction links, feeds and citations, checked in the core against the data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import feedparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware

from sco_site.chronology import dated_steps
from sco_site.citation import PageCitation, bibtex, csl_json, meta_tags
from sco_site.constants import LANGUAGES
from sco_site.feed import atom_feed
from sco_site.model import Catalog
from sco_site.origins import origins_changed, page_origins
from sco_site.page_tools import PageInfo, SiteLinks, page_tools
from sco_site.pages import generate_pages
from sco_site.render.helpers import labels, page_uri
from sco_site.repository import Repository, RepositoryProblem, configured_repository
from tests.sitebuild import ROOT

SITE = "https://sco.test/sco-chairmanship/"
HOSTILE = 'A {braced} & 50% $x$ #1 a_b ~ ^ back\\slash "q" <b>&amp;'


# --- the repository -------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "url"),
    [
        ("https://github.com/owner/site", "https://github.com/owner/site"),
        ("https://github.com/owner/site.git", "https://github.com/owner/site"),
        ("https://github.com/owner/site/", "https://github.com/owner/site"),
        ("git@github.com:owner/site.git", "https://github.com/owner/site"),
    ],
)
def test_repository_addresses_are_read_in_their_usual_forms(address: str, url: str) -> None:
    assert Repository.parse(address).url == url


@pytest.mark.parametrize("address", ["", "github.com/owner/site", "https://github.com/owner", "https://user:token@github.com/o/s", "javascript:alert(1)"])
def test_a_wrong_repository_address_is_refused(address: str) -> None:
    with pytest.raises(RepositoryProblem):
        Repository.parse(address)


def test_edit_folder_and_issue_urls_are_githubs() -> None:
    repository = Repository.parse("https://github.com/owner/site", "release/2024")
    assert repository.edit_url("data/initiatives/energy-strategy.yml") == "https://github.com/owner/site/edit/release/2024/data/initiatives/energy-strategy.yml"
    assert repository.folder_url("data/events/") == "https://github.com/owner/site/tree/release/2024/data/events"
    url = urlsplit(repository.new_issue_url("correction.md", "Correction: A & B", "Page: A & B\nAddress: x", ("correction",)))
    assert (url.netloc, url.path) == ("github.com", "/owner/site/issues/new")
    assert parse_qs(url.query) == {"template": ["correction.md"], "title": ["Correction: A & B"], "body": ["Page: A & B\nAddress: x"], "labels": ["correction"]}


def test_without_configuration_or_github_origin_there_is_no_repository(tmp_path: Path) -> None:
    assert configured_repository("", "main", tmp_path) is None
    assert configured_repository(None, None, tmp_path) is None
    assert configured_repository("https://github.com/o/s", None, tmp_path) == Repository("https://github.com/o/s", "main")


# --- which files a page is made from ---------------------------------------


def test_every_generated_page_names_files_that_exist(catalog: Catalog) -> None:
    for page in generate_pages(catalog, "de"):
        origins = page_origins(catalog, page.src_uri)
        assert origins and all((ROOT / path).exists() for path in origins), (page.src_uri, origins)


def test_entity_pages_are_made_from_their_own_file(catalog: Catalog) -> None:
    initiative_id = next(iter(catalog.initiatives))
    assert page_origins(catalog, page_uri("initiative", initiative_id)) == (f"data/initiatives/{initiative_id}.yml",)
    event_id = next(iter(catalog.events))
    assert page_origins(catalog, page_uri("event", event_id)) == (f"data/events/{event_id}.yml",)
    priority_id = next(iter(catalog.priorities))
    assert page_origins(catalog, page_uri("priority", priority_id)) == (f"data/priorities/{priority_id}.yml", "data/initiatives/")
    assert page_origins(catalog, page_uri("home")) == ("data/site.yml", "data/priorities/")
    assert page_origins(catalog, page_uri("timeline")) == ("data/events/", "data/initiatives/")
    assert page_origins(catalog, "initiatives/no-such-initiative.md") == ("data/",)
    assert page_origins(catalog, "about.md", "docs/en/about.md") == ("docs/en/about.md",)


def test_a_page_is_dated_by_the_newest_of_its_files() -> None:
    changed = {"initiatives/a.yml": dt.date(2024, 1, 2), "initiatives/b.yml": dt.date(2024, 3, 4), "events/c.yml": dt.date(2025, 1, 1)}
    assert origins_changed(("data/initiatives/a.yml",), changed) == dt.date(2024, 1, 2)
    assert origins_changed(("data/initiatives/",), changed) == dt.date(2024, 3, 4)
    assert origins_changed(("data/",), changed) == dt.date(2025, 1, 1)
    assert origins_changed(("docs/de/about.md",), changed) is None


# --- citations --------------------------------------------------------------


def _decoded_bibtex(text: str) -> dict[str, str]:
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    [entry] = library.entries
    return {"type": entry.entry_type, "key": entry.key, **{field.key: field.value for field in entry.fields}}


def test_bibtex_entry_reads_back_as_the_same_values() -> None:
    citation = PageCitation(HOSTILE, "Kasachstans SOZ-Vorsitz 2023–2024", "de", "de/initiatives/x/", dt.date(2024, 7, 4), SITE + "de/initiatives/x/")
    entry = _decoded_bibtex(bibtex(citation))
    assert entry["type"] == "online" and entry["key"] == "sco-chairmanship-de-initiatives-x"
    # pylatexenc decodes \textasciicircum, which LaTeX prints as "^", as the modifier letter U+02C6.
    assert entry["title"].strip("{}").replace("\u02c6", "^") == HOSTILE
    assert entry["author"].strip("{}") == "Kasachstans SOZ-Vorsitz 2023–2024"
    assert (entry["year"], entry["date"], entry["month"], entry["langid"]) == ("2024", "2024-07-04", "jul", "ngerman")
    assert entry["url"] == SITE + "de/initiatives/x/"


def test_bibtex_without_address_or_date_leaves_them_out() -> None:
    entry = _decoded_bibtex(bibtex(PageCitation("Timeline", "Kazakhstan's SCO Chairmanship 2023–2024", "en", "en/timeline/")))
    assert "url" not in entry and "year" not in entry and "month" not in entry
    assert entry["langid"] == "british"


def test_csl_json_is_one_webpage_item_with_the_values() -> None:
    citation = PageCitation(HOSTILE, "Site", "en", "en/", dt.date(2023, 11, 28), SITE + "en/")
    [item] = json.loads(csl_json(citation))
    assert item["type"] == "webpage" and item["title"] == HOSTILE and item["URL"] == SITE + "en/"
    assert item["issued"] == {"date-parts": [[2023, 11, 28]]} and item["language"] == "en-GB"
    assert item["author"] == [{"literal": "Site"}] and item["id"] == "sco-chairmanship-en"


def test_meta_tags_use_highwire_and_dublin_core_dates() -> None:
    tags = dict(meta_tags(PageCitation("T", "P", "de", "de/", dt.date(2024, 7, 4), SITE + "de/")))
    assert tags["citation_publication_date"] == tags["citation_date"] == "2024/07/04"
    assert tags["DC.date"] == "2024-07-04" and tags["DC.identifier"] == tags["citation_public_url"] == SITE + "de/"
    assert (tags["citation_title"], tags["DC.title"], tags["citation_language"], tags["DC.language"]) == ("T", "T", "de", "de")
    unaddressed = dict(meta_tags(PageCitation("T", "P", "de", "de/")))
    assert "citation_public_url" not in unaddressed and "DC.identifier" not in unaddressed and "DC.date" not in unaddressed


# --- the tools block of a page ----------------------------------------------


def test_a_hostile_title_is_escaped_once_in_the_page_tools(catalog: Catalog) -> None:
    site = SiteLinks("en", SITE, Repository.parse("https://github.com/o/s"))
    # The theme hands over titles as HTML, escaped once.
    tools = page_tools(catalog, site, PageInfo("about.md", "about/", "&lt;script&gt;x&lt;/script&gt; &amp; y", "..", None))
    assert "<script>" not in tools.head + tools.body
    assert '<meta name="citation_title" content="&lt;script&gt;x&lt;/script&gt; &amp; y">' in tools.head
    query = parse_qs(urlsplit(_href(tools.body, "sco-page-tools__correction")).query)
    assert query["title"] == ["Correction: <script>x</script> & y"]
    assert query["template"] == ["correction.md"]
    assert f"Address: {SITE}en/about/" in query["body"][0]


def test_without_repository_a_page_offers_no_edit_or_correction_link(catalog: Catalog) -> None:
    tools = page_tools(catalog, SiteLinks("de"), PageInfo("timeline.md", "timeline/", "Zeitleiste", "..", None))
    assert "sco-page-tools__edit" not in tools.body and "sco-page-tools__correction" not in tools.body
    assert 'href="../feed.xml"' in tools.body and 'href="../feed.xml"' in tools.head


def _href(html: str, css_class: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").select_one(f".{css_class} a")["href"]


# --- the feed -----------------------------------------------------------------


def _parsed(catalog: Catalog, lang: str, site_url: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse(atom_feed(catalog, lang, site_url), response_headers={"content-location": f"https://reader.test/{lang}/feed.xml", "content-type": "application/atom+xml; charset=utf-8"})
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_has_every_event_and_dated_step_newest_first(catalog: Catalog, lang: str) -> None:
    feed = _parsed(catalog, lang, SITE)
    steps = dated_steps(catalog)
    assert len(feed.entries) == len(catalog.events) + len(steps)
    dates = [dt.date(*entry.published_parsed[:3]) for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.title == labels()["feed_title"][lang] and feed.feed.language == lang
    by_id = {entry.id: entry for entry in feed.entries}
    assert len(by_id) == len(feed.entries)
    for event in catalog.events.values():
        entry = by_id[f"tag:sco-chairmanship-site,2023:{lang}/events/{event.id}"]
        assert entry.title == event.title[lang]
        assert dt.date(*entry.published_parsed[:3]) == event.date.start.first_day()
        assert entry.link == f"{SITE}{lang}/events/{event.id}/"
        assert {tag.term for tag in entry.get("tags", [])} == set(catalog.initiatives_by_event.get(event.id, ()))
        _assert_sources(catalog, lang, entry, [c.source_id for c in event.citations])
    for dated in steps:
        status = labels()["status_label"][lang][dated.step.status]
        [entry] = [e for e in feed.entries if e.title == f"{status}: {dated.initiative.title[lang]}" and dt.date(*e.published_parsed[:3]) == dated.date.start.first_day()]
        assert entry.link == f"{SITE}{lang}/initiatives/{dated.initiative.id}/"
        assert [tag.term for tag in entry.tags] == [dated.initiative.id]
        assert dated.step.note[lang].split()[0] in entry.content[0].value
        _assert_sources(catalog, lang, entry, [c.source_id for c in dated.step.citations])


def _assert_sources(catalog: Catalog, lang: str, entry: feedparser.FeedParserDict, source_ids: list[str]) -> None:
    related = {link.href for link in entry.links if link.rel == "related"}
    expected = {catalog.sources[s].url for s in source_ids if catalog.sources[s].url}
    assert expected <= related
    for source_id in source_ids:
        assert catalog.sources[source_id].display_title(lang)[0] in entry.content[0].value


def test_feed_ids_do_not_depend_on_the_address_and_languages_differ(catalog: Catalog) -> None:
    published = [entry.id for entry in _parsed(catalog, "de", SITE).entries]
    unaddressed = [entry.id for entry in _parsed(catalog, "de", "").entries]
    english = {entry.id for entry in _parsed(catalog, "en", SITE).entries}
    assert published == unaddressed
    assert not english & set(published)
    assert all(entry_id.startswith("tag:sco-chairmanship-site,2023:de/") for entry_id in published)


def test_a_feed_without_address_links_relative_to_itself(catalog: Catalog) -> None:
    text = atom_feed(catalog, "en", "")
    feed = _parsed(catalog, "en", "")
    assert 'rel="self"' not in text and "sco.test" not in text
    assert feed.feed.link == "https://reader.test/en/"  # "./", resolved against the feed's own address
    event_id = next(iter(catalog.events))
    assert any(entry.link == f"https://reader.test/en/events/{event_id}/" for entry in feed.entries)


def test_feed_text_from_the_data_is_escaped(catalog: Catalog) -> None:
    import dataclasses

    event_id = next(iter(catalog.events))
    event = catalog.events[event_id]
    hostile = dataclasses.replace(event, title=dataclasses.replace(event.title, en=HOSTILE + "</title><script>"))
    poisoned = dataclasses.replace(catalog, events={**catalog.events, event_id: hostile})
    feed = _parsed(poisoned, "en", SITE)
    assert any(entry.title == HOSTILE + "</title><script>" for entry in feed.entries)
