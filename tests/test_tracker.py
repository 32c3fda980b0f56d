"""The tracker's pages in the built site: overview, drawings with text equivalents, data, sharing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sco_site.chronology import steps_without_event
from sco_site.constants import LANGUAGES, LOCALES
from sco_site.model import Catalog
from tests.htmlsite import BuiltPage


def _page(site: Path, path: str) -> BuiltPage:
    return BuiltPage(site, Path(path))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_progress_page_draws_bars_and_gives_the_same_figures_as_a_table(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/progress/index.html")
    bars = page.soup.select(".sco-progress__row")
    assert len(bars) == len(catalog.priorities) + (1 if catalog.cross_cutting() else 0)
    assert page.soup.select_one(".sco-progress")["aria-hidden"] == "true"  # the table speaks for it
    rows = page.soup.select("table tbody tr")
    assert len(rows) == len(bars)
    total = sum(int(row.select("td")[-1].get_text()) for row in rows)
    assert total == sum(len(catalog.initiatives_by_priority.get(p, ())) for p in catalog.priorities) + len(catalog.cross_cutting())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_relationship_graph_links_every_initiative_and_has_a_list(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/relations/index.html")
    svg_links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.soup.select("svg .sco-graph__initiative a")}
    assert svg_links == set(catalog.initiatives)
    list_links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.soup.select("article li a[href*='initiatives/']")}
    assert set(catalog.initiatives) <= list_links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_groups_events_by_year_and_marks_partial_dates(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/timeline/index.html")
    years = [h2.get_text(strip=True).rstrip("¶") for h2 in page.soup.select("article h2")]
    dated = [e.date for e in catalog.events.values()] + [s.date for s in steps_without_event(catalog)]
    assert years == sorted({str(date.year) for date in dated})
    partial = [date for date in dated if date.start.precision != "day"]
    assert len(page.soup.select(".sco-timeline__precision")) == len(partial)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_page_links_every_download(built_site: Path, lang: str) -> None:
    page = _page(built_site, f"{lang}/open-data/index.html")
    targets = [page.resolve(a["href"])[0] for a in page.soup.select("article a[href*='downloads/']")]
    assert sorted(Path(t).name for t in targets) == ["events.ics", "initiatives.csv", "sco-chairmanship-data.json", "sco-chairmanship-data.schema.json"]
    assert all((built_site / t).stat().st_size > 0 for t in targets)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_initiative_and_event_pages_carry_json_ld(built_site: Path, catalog: Catalog, lang: str) -> None:
    for kind, ids, schema_type in (("initiatives", catalog.initiatives, "CreativeWork"), ("events", catalog.events, "Event")):
        for entity_id in ids:
            page = _page(built_site, f"{lang}/{kind}/{entity_id}/index.html")
            data = json.loads(page.soup.select_one('script[type="application/ld+json"]').string)
            assert data["@type"] == schema_type and data["inLanguage"] == lang
            assert data["url"].endswith(f"/{lang}/{kind}/{entity_id}/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_description_open_graph_and_canonical(built_site: Path, lang: str) -> None:
    for path in (built_site / lang).rglob("index.html"):
        page = BuiltPage(built_site, path.relative_to(built_site))
        soup = page.soup
        assert soup.select_one('meta[name="description"]')["content"].strip(), path
        assert soup.select_one('meta[property="og:title"]')["content"].strip(), path
        assert soup.select_one('meta[property="og:locale"]')["content"] == LOCALES[lang]
        alternates = {m["content"] for m in soup.select('meta[property="og:locale:alternate"]')}
        assert alternates == {LOCALES[other] for other in LANGUAGES if other != lang}
        assert soup.select_one('meta[property="og:url"]')["content"] == soup.select_one('link[rel="canonical"]')["href"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_initiative_pages_end_with_a_citation_line(built_site: Path, catalog: Catalog, lang: str) -> None:
    for initiative_id in catalog.initiatives:
        cite = _page(built_site, f"{lang}/initiatives/{initiative_id}/index.html").soup.select_one(".sco-cite")
        assert cite is not None and f"/{lang}/initiatives/{initiative_id}/" in cite.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_abbreviations_are_explained_in_the_page_language(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/index.html")
    titles = {abbr.get_text(): abbr["title"] for abbr in page.soup.select("abbr")}
    expected = {t.abbreviation[lang]: t.meaning[lang] for t in catalog.glossary}
    assert titles and all(expected[short] == meaning for short, meaning in titles.items())
