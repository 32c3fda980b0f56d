"""Everything the article names is on the built site, in both languages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from sco_site.model import Catalog
from tests.htmlsite import html_pages

# What the article names (German needle, English needle); matched without regard to case.
ARTICLE_ITEMS = [
    ("Erbulat Seilekhanov", "Erbulat Seilekhanov"),
    ("Kazakhstan Institute for Strategic Studies", "Kazakhstan Institute for Strategic Studies"),
    ("Tokayev", "Tokayev"),
    ("Astana", "Astana"),
    ("Almaty", "Almaty"),
    ("Bischkek", "Bishkek"),
    ("Kirgisische Republik", "Kyrgyz Republic"),
    ("Turkistan", "Turkistan"),
    ("Afghanistan", "Afghanistan"),
    ("Zentralasien", "Central Asia"),
    ("Eurasien", "Eurasia"),
    ("26. Oktober 2023", "26 October 2023"),
    ("Vereinte", "United Nations"),
    ("UN-Umweltprogramm", "UN Environment Programme"),
    ("Internationalen Finanzzentrums Astana", "Astana International Financial Centre"),
    ("Über globale Einheit", "On World Unity for a Just Peace, Harmony and Development"),
    ("drei Mächte des Bösen", "three evils"),
    ("2025–2027", "2025–2027"),
    ("Anti-Drogen-Strategie", "Anti-Drug Strategy"),
    ("2024–2029", "2024–2029"),
    ("Aktionsprogramm", "action programme"),
    ("Regionalzentrum", "Regional Centre"),
    ("wirtschaftliche Präferenzen", "economic preferences"),
    ("Investitionsfonds", "Investment Fund"),
    ("Rat der Regierungschefs", "Council of Heads of Government"),
    ("Häfen", "ports"),
    ("Logistikzentren", "logistics centres"),
    ("Energiestrategie", "energy strategy"),
    ("digitaler Hub", "digital hub"),
    ("Digital Forum", "Digital Forum"),
    ("Technoparks", "Technoparks"),
    ("Innovationsclustern", "Innovation Clusters"),
    ("UN-Umweltprogramm", "UN Environment Programme"),
    ("Ökotourismus", "eco-tourism"),
    ("Naturschutzgebiete", "protected natural areas"),
    ("Kultur- und Tourismushauptstadt", "cultural and tourism capital"),
    ("Spiritual Sanctuaries", "Spiritual Sanctuaries"),
    ("Goldene Horde", "Golden Horde"),
    ("Entwicklungsstrategie", "Development Strategy"),
    ("Potenzials", "potential"),
    ("ständiger Vertreter", "Permanent Representatives"),
    ("Terrorismus", "terrorism"),
    ("grenzüberschreitende Kriminalität", "transnational crime"),
]


@cache
def _text(site: Path, lang: str) -> str:
    return " ".join(page.soup.get_text(" ") for page in html_pages(site) if page.lang_tree == lang).casefold()


@pytest.mark.parametrize(("german", "english"), ARTICLE_ITEMS)
def test_article_item_is_on_the_site(built_site: Path, german: str, english: str) -> None:
    assert german.casefold() in _text(built_site, "de"), german
    assert english.casefold() in _text(built_site, "en"), english


def test_every_initiative_event_and_place_is_on_the_site_in_both_languages(built_site: Path, catalog: Catalog) -> None:
    for lang in ("de", "en"):
        for initiative_id in catalog.initiatives:
            assert (built_site / lang / "initiatives" / initiative_id / "index.html").exists()
        for event_id in catalog.events:
            assert (built_site / lang / "events" / event_id / "index.html").exists()
        text = _text(built_site, lang)
        for place in catalog.places.values():
            assert place.name[lang].casefold() in text, place.id


def test_every_initiative_shows_a_sourced_status(built_site: Path, catalog: Catalog) -> None:
    for lang in ("de", "en"):
        for initiative in catalog.initiatives.values():
            page = next(p for p in html_pages(built_site) if p.path.as_posix() == f"{lang}/initiatives/{initiative.id}/index.html")
            badges = page.soup.select(f".sco-status--{initiative.current_status}")
            assert badges, (lang, initiative.id)
            assert all(step.citations for step in initiative.status_history)
            assert page.soup.find(id="sources") or page.soup.find(id="quellen"), (lang, initiative.id)


def test_article_quotes_are_verbatim(catalog: Catalog) -> None:
    article = (Path(__file__).resolve().parents[2] / "shared/reference/seed-article.de.txt")
    if not article.exists():
        pytest.skip("the reference article is not beside the repository")
    text = " ".join(article.read_text(encoding="utf-8").split())
    quotes = [c.quote.de for i in catalog.initiatives.values() for c in i.citations if c.source_id == "seed-article" and c.quote]
    assert quotes
    for quote in quotes:
        assert " ".join(quote.strip('"').split()) in text, quote
