"""Printing: pages and the briefing as PDF on A4, with their sources' addresses and without interface."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from sco_site.loader import load_data
from sco_site.model import Catalog, Initiative
from sco_site.render.helpers import labels

from .built_site import BuiltSite

A4_POINTS = (595.3, 841.9)  # 210 × 297 mm
# The width left on A4 by print.css's page margins (210 mm - 2 × 14 mm) at 96 px per inch.
A4_CONTENT_PX = round((210 - 28) / 25.4 * 96)
INTERFACE = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer", ".md-top"]


@cache
def _catalog(data_dir: Path) -> Catalog:
    return load_data(data_dir)


def catalog_of(live_site: BuiltSite) -> Catalog:
    """The data the served site was built from (the repository's, or a synthetic set)."""
    return _catalog(live_site.root.parent / "project" / "data")


def _urls_of(catalog: Catalog, initiative: Initiative) -> set[str]:
    citations = initiative.citations + tuple(c for step in initiative.status_history for c in step.citations)
    return {url for url in (catalog.sources[c.source_id].url for c in citations) if url}


def _pdf_text(page: Page) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    # Long addresses wrap across lines in print: compare without line breaks and spaces.
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    return reader, text


def _print_view(page: Page, url: str) -> None:
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1100})
    page.goto(url)
    page.emulate_media(media="print")


def _assert_no_interface_and_nothing_cut(page: Page) -> None:
    for selector in INTERFACE:
        assert page.locator(selector).count() == 0 or not page.locator(selector).first.is_visible(), f"{selector} is printed"
    too_wide = page.evaluate(
        """() => {
          const article = document.querySelector("article").getBoundingClientRect();
          return [...document.querySelectorAll("article table, article pre, article figure")]
            .filter(el => el.getBoundingClientRect().right > article.right + 1)
            .map(el => el.tagName + ": " + el.textContent.slice(0, 60));
        }"""
    )
    assert too_wide == [], f"cut off at the paper's edge: {too_wide}"
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT_PX


@pytest.mark.parametrize("lang", ["de", "en"])
def test_printed_initiative_page_keeps_its_sources_addresses(page: Page, live_site: BuiltSite, lang: str) -> None:
    catalog = catalog_of(live_site)
    initiative = max(catalog.initiatives.values(), key=lambda i: (len(_urls_of(catalog, i)), i.id))
    expected = _urls_of(catalog, initiative)
    assert expected, "no initiative cites a source with an address"
    _print_view(page, live_site.url(f"/{lang}/initiatives/{initiative.id}/"))
    _assert_no_interface_and_nothing_cut(page)
    reader, text = _pdf_text(page)
    assert len(reader.pages) > 0
    size = [float(v) for v in reader.pages[0].mediabox.upper_right]
    assert all(abs(got - want) < 2 for got, want in zip(size, A4_POINTS)), size
    missing = [url for url in sorted(expected) if "".join(url.split()) not in text]
    assert missing == [], f"printed without these addresses: {missing}"
    assert initiative.title[lang].split()[0] in text
    # On screen the addresses stay in the sources list, not after every citation.
    page.emulate_media(media="screen")
    assert not page.locator(".sco-print-url").first.is_visible()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_printed_overview_fits_a4_without_interface(page: Page, live_site: BuiltSite, lang: str) -> None:
    catalog = catalog_of(live_site)
    _print_view(page, live_site.url(f"/{lang}/initiatives/"))
    _assert_no_interface_and_nothing_cut(page)
    reader, text = _pdf_text(page)
    assert len(reader.pages) > 0
    for initiative in catalog.initiatives.values():
        assert "".join(initiative.title[lang].split()) in text, initiative.id


@pytest.mark.parametrize("lang", ["de", "en"])
def test_briefing_prints_every_initiative_status_and_source_address(page: Page, live_site: BuiltSite, lang: str) -> None:
    catalog = catalog_of(live_site)
    _print_view(page, live_site.url(f"/{lang}/briefing/"))
    _assert_no_interface_and_nothing_cut(page)
    reader, text = _pdf_text(page)
    assert len(reader.pages) > 1
    for priority in catalog.priorities.values():
        if catalog.initiatives_by_priority.get(priority.id):
            assert "".join(priority.title[lang].split()) in text, priority.id
    status_names = labels()["status_label"][lang]
    for initiative in catalog.initiatives.values():
        assert "".join(initiative.title[lang].split()) in text, initiative.id
        assert "".join(status_names[initiative.current_status].split()) in text, initiative.id
    every_url = set().union(*(_urls_of(catalog, i) for i in catalog.initiatives.values()))
    missing = [url for url in sorted(every_url) if url not in text]
    assert missing == [], f"briefing printed without: {missing}"
    # An address written out as the link's text is not printed a second time after it.
    doubled = [url for url in every_url if f"{url}<{url}>" in text]
    assert doubled == []
