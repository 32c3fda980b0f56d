"""Pages rendered from a small synthetic data set, checked as Markdown and as HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench.synthetic import write_dataset
from sco_site.loader import load_data
from sco_site.model import Catalog, Plan
from sco_site.pages import generate_pages, navigation
from sco_site.render.renderer import PageRenderer
from tests.markdownsetup import page_html


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    data = tmp_path_factory.mktemp("synthetic") / "data"
    write_dataset(data, initiatives=12)
    return load_data(data)


def _html(text: str, lang: str = "en") -> str:
    return page_html(text, None, lang)


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def test_related_link_typed_once_shows_on_both_pages(synthetic: Catalog) -> None:
    # initiative-3 names initiative-4 as related; initiative-4 does not name initiative-3.
    assert "initiative-4" in synthetic.initiatives["initiative-3"].related_ids
    assert "initiative-3" not in synthetic.initiatives["initiative-4"].related_ids
    page = PageRenderer(synthetic, "en").render_initiative_page(synthetic.initiatives["initiative-4"])
    assert "(initiative-3.md)" in page


def test_initiative_page_links_priority_and_events(synthetic: Catalog) -> None:
    initiative = synthetic.initiatives["initiative-2"]
    page = PageRenderer(synthetic, "de").render_initiative_page(initiative)
    assert f"(../priorities/{initiative.priority_ids[0]}.md)" in page
    for event_id in synthetic.events_by_initiative["initiative-2"]:
        assert f"(../events/{event_id}.md)" in page
    event_page = PageRenderer(synthetic, "de").render_event_page(synthetic.events[synthetic.events_by_initiative["initiative-2"][0]])
    assert "(../initiatives/initiative-2.md)" in event_page


def test_quote_in_page_language_first_with_the_other_beside_it(synthetic: Catalog) -> None:
    initiative = synthetic.initiatives["initiative-5"]
    for lang, first, second in (("de", "Zitat Nummer 5.", "Quotation number 5."), ("en", "Quotation number 5.", "Zitat Nummer 5.")):
        html = _text(_html(PageRenderer(synthetic, lang).render_initiative_page(initiative), lang))
        assert html.index(first) < html.index(second)


def test_plan_and_outcome_both_shown_when_they_differ(synthetic: Catalog) -> None:
    initiative = synthetic.initiatives["initiative-1"]
    assert initiative.plan and initiative.outcome and initiative.plan.place_id != initiative.outcome.place_id
    page = _text(_html(PageRenderer(synthetic, "en").render_initiative_page(initiative)))
    assert "The plan and the outcome differ." in page
    assert synthetic.places[initiative.plan.place_id].name.en in page
    same = dataclasses.replace(initiative, plan=Plan(initiative.outcome.date, initiative.outcome.place_id))
    assert "The plan and the outcome differ." not in _text(_html(PageRenderer(synthetic, "en").render_initiative_page(same)))


def test_no_outcome_is_said_not_invented(synthetic: Catalog) -> None:
    initiative = synthetic.initiatives["initiative-1"]
    proposed_only = dataclasses.replace(initiative, status_history=initiative.status_history[:1])
    assert proposed_only.current_status == "no_outcome_recorded"
    for lang, text in (("de", "kein Ergebnis verzeichnet"), ("en", "Our sources record no outcome")):
        page = _text(_html(PageRenderer(synthetic, lang).render_initiative_page(proposed_only), lang))
        assert text in page


def test_dates_are_formatted_per_language(synthetic: Catalog) -> None:
    initiative = synthetic.initiatives["initiative-0"]
    assert "4. Juli 2023" in _text(_html(PageRenderer(synthetic, "de").render_initiative_page(initiative), "de"))
    assert "4 July 2023" in _text(_html(PageRenderer(synthetic, "en").render_initiative_page(initiative)))


def test_every_page_has_title_and_description(synthetic: Catalog) -> None:
    for lang in ("de", "en"):
        for page in generate_pages(synthetic, lang):
            meta = page.markdown.split("---\n", 2)[1]
            assert "title:" in meta and "description:" in meta, page.src_uri


def test_navigation_leaves_initiative_and_event_pages_out(synthetic: Catalog) -> None:
    flat = str(navigation(synthetic, "en"))
    assert "initiatives/initiative-" not in flat and "events/" not in flat
    assert "priorities/security.md" in flat


def test_rendered_pages_are_valid_markdown_html(synthetic: Catalog) -> None:
    for page in generate_pages(synthetic, "en"):
        html = _html(page.markdown)
        assert "{{" not in html and "{%" not in html, page.src_uri
        assert "<script" not in html, page.src_uri
