"""A full `mkdocs build --strict` of the real site, checked page by page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sco_site.constants import LANGUAGES
from sco_site.model import Catalog
from sco_site.pages import generate_pages
from tests.htmlsite import BuiltPage, html_pages

from tests.sitebuild import TEST_SITE_URL as SITE_URL


def _tree(site: Path, lang: str) -> dict[str, BuiltPage]:
    return {page.path.relative_to(lang).as_posix(): page for page in html_pages(site) if page.lang_tree == lang}


def test_each_language_has_every_page(built_site: Path, catalog: Catalog) -> None:
    hand_written = {p.relative_to(Path("docs/de")).as_posix() for p in Path("docs/de").rglob("*.md")}
    for lang in LANGUAGES:
        pages = _tree(built_site, lang)
        expected = len(generate_pages(catalog, lang)) + len(hand_written) + 1  # + 404.html
        assert len(pages) == expected, lang
    assert set(_tree(built_site, "de")) == set(_tree(built_site, "en"))


def test_html_lang_and_interface_language(built_site: Path) -> None:
    for page in html_pages(built_site):
        if page.lang_tree not in LANGUAGES:
            continue
        assert page.soup.html["lang"] == page.lang_tree, page.path
    assert _tree(built_site, "de")["index.html"].soup.find("input", {"name": "query"})["placeholder"] == "Suche"
    assert _tree(built_site, "en")["index.html"].soup.find("input", {"name": "query"})["placeholder"] == "Search"


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = {page.path.as_posix(): page for page in html_pages(built_site)}
    broken = []
    for page in pages.values():
        for href in page.links() + page.resources():
            resolved = page.resolve(href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not (built_site / target).exists():
                broken.append(f"{page.path}: {href}")
            elif fragment and target in pages and fragment not in pages[target].ids():
                broken.append(f"{page.path}: {href} (no anchor)")
    assert broken == []


def test_switcher_and_hreflang_point_at_the_counterpart(built_site: Path) -> None:
    for lang in LANGUAGES:
        for rel, page in _tree(built_site, lang).items():
            if rel == "404.html":
                continue
            url = rel[: -len("index.html")]
            switcher = {a["hreflang"]: page.resolve(a["href"])[0] for a in page.soup.select("a.md-select__link")}
            hreflang = {link["hreflang"]: link["href"] for link in page.soup.select('link[rel="alternate"][hreflang]')}
            for other in LANGUAGES:
                assert switcher[other] == f"{other}/{rel}", (page.path, switcher)
                assert hreflang[other] == f"{SITE_URL}{other}/{url}", (page.path, hreflang)
                assert (built_site / other / rel).exists()
            canonical = page.soup.select_one('link[rel="canonical"]')["href"]
            assert canonical == f"{SITE_URL}{lang}/{url}"


def test_search_index_per_language(built_site: Path) -> None:
    for lang in LANGUAGES:
        index = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        # Stemmed, so that inflected forms find each other; the pages' search
        # worker adds each typed word's stem (tests/browser/test_search.py).
        assert "stemmer" in index["config"]["pipeline"]
        titles = " ".join(doc["title"] for doc in index["docs"])
        assert ("Zeitleiste" in titles) == (lang == "de")
        assert ("Timeline" in titles) == (lang == "en")
        assert all(not doc["location"].startswith(("de/", "en/", "../")) for doc in index["docs"])


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    offenders = [
        f"{page.path}: {value}"
        for page in html_pages(built_site)
        for value in page.resources()
        if page.resolve(value) is None
    ]
    assert offenders == []
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_dates_are_written_per_language(built_site: Path) -> None:
    de = (built_site / "de/timeline/index.html").read_text(encoding="utf-8")
    en = (built_site / "en/timeline/index.html").read_text(encoding="utf-8")
    assert "4. Juli 2024" in de and "4 July 2024" not in de
    assert "4 July 2024" in en and "4. Juli 2024" not in en


@pytest.mark.parametrize("lang", LANGUAGES)
def test_root_pages_lead_to_both_languages(built_site: Path, lang: str) -> None:
    for name in ("index.html", "404.html"):
        page = BuiltPage(built_site, Path(name))
        targets = [a["href"] for a in page.soup.find_all("a", href=True)]
        assert any(href.rstrip("/").endswith(lang) for href in targets), (name, targets)
