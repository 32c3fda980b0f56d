"""One page per actor, built, in both languages: exactly what the data says, and every mention links there."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag

from sco_site.constants import ACTOR_KINDS, LANGUAGES
from sco_site.model import Catalog
from sco_site.render.helpers import labels
from sco_site.render.renderer import ACTOR_KIND_ORDER
from tests.htmlsite import BuiltPage


def _page(site: Path, lang: str, url: str) -> BuiltPage:
    return BuiltPage(site, Path(lang) / url / "index.html")


def _section(page: BuiltPage, section_id: str) -> list[Tag]:
    """The elements under a level-2 heading, up to the next one; [] when the page has no such heading."""
    heading = page.soup.select_one(f"article h2#{section_id}")
    if heading is None:
        return []
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        elements.append(sibling)
    return elements


def _targets(page: BuiltPage, elements: list[Tag], folder: str) -> list[str]:
    """Ids of the pages of one folder (e.g. 'initiatives') that the elements link to, in order."""
    found = []
    for element in elements:
        for anchor in element.find_all("a", href=True):
            resolved = page.resolve(anchor["href"])
            if resolved is None:
                continue
            parts = resolved[0].split("/")
            if len(parts) == 4 and parts[1] == folder and parts[3] == "index.html":
                found.append(parts[2])
    return found


def _text(element: Tag) -> str:
    """What a reader sees, without the heading's permalink sign."""
    return " ".join(element.get_text().replace("¶", "").split())


def _actor_links(page: BuiltPage, elements: list[Tag] | None = None) -> list[str]:
    article = page.soup.select_one("article")
    return _targets(page, elements if elements is not None else [article], "actors")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_actor_page_lists_exactly_what_the_data_says(built_site: Path, catalog: Catalog, lang: str) -> None:
    assert len(catalog.actors) >= 21
    for actor in catalog.actors.values():
        page = _page(built_site, lang, f"actors/{actor.id}")
        assert _text(page.soup.select_one("article h1")) == actor.name[lang]
        assert labels()["actor_kind"][lang][actor.kind] in page.soup.select_one("article p").get_text()

        proposed = [i.id for i in catalog.initiatives.values() if actor.id in i.proposer_ids]
        section = _section(page, "proposed")
        assert sorted(_targets(page, section, "initiatives")) == sorted(proposed), (lang, actor.id)
        badges = {row.find("a")["href"].split("/")[-2]: row.select_one(".sco-status")["class"][1] for row in (section[-1].select("tbody tr") if section else [])}
        assert badges == {i: f"sco-status--{catalog.initiatives[i].current_status}" for i in proposed}

        took_part = [e for e in catalog.ordered_events() if actor.id in e.actor_ids]
        section = _section(page, "events")
        top_level = [li.find("a", recursive=False) for element in section if element.name == "ul" for li in element.find_all("li", recursive=False)]
        assert [page.resolve(a["href"])[0].split("/")[2] for a in top_level] == [e.id for e in took_part], (lang, actor.id)
        for item, event in zip((li for element in section if element.name == "ul" for li in element.find_all("li", recursive=False)), took_part):
            listed = _targets(page, item.find_all("ul"), "initiatives")
            assert sorted(listed) == sorted(catalog.initiatives_by_event.get(event.id, ())), (actor.id, event.id)
            for initiative_id in listed:
                steps = [s.status for s in catalog.initiatives[initiative_id].status_history if s.event_id == event.id]
                row = next(li for li in item.select("ul li") if li.find("a")["href"].rstrip("/").endswith(initiative_id))
                badge = row.select_one(".sco-status")
                assert (badge["class"][1] if badge else None) == (f"sco-status--{steps[-1]}" if steps else None), (actor.id, event.id, initiative_id)

        written = sorted(s.id for s in catalog.sources.values() if s.author_id == actor.id)
        section = _section(page, "authored")
        anchors = [page.resolve(a["href"]) for element in section for a in element.find_all("a", href=True)]
        assert sorted(fragment for target, fragment in anchors if target == f"{lang}/sources/index.html") == written, (lang, actor.id)

        nothing = labels()["actor_nothing_recorded"][lang]
        assert (nothing in page.soup.get_text()) == (not proposed and not took_part and not written)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_mention_of_an_actor_links_to_its_page(built_site: Path, catalog: Catalog, lang: str) -> None:
    for initiative in catalog.initiatives.values():
        page = _page(built_site, lang, f"initiatives/{initiative.id}")
        label = labels()["proposed_by"][lang]
        paragraphs = [p for p in page.soup.select("article p") if p.strong and p.strong.get_text().startswith(label)]
        assert len(paragraphs) == (1 if initiative.proposer_ids else 0), initiative.id
        assert _actor_links(page, paragraphs) == list(initiative.proposer_ids), initiative.id
        # Every name printed there is the link text of one of those links: no name left as plain text.
        if paragraphs:
            names = [_text(a) for a in paragraphs[0].find_all("a")]
            assert names == [catalog.actors[a].name[lang] for a in initiative.proposer_ids]
    for event in catalog.events.values():
        page = _page(built_site, lang, f"events/{event.id}")
        assert _actor_links(page) == list(event.actor_ids), event.id
    sources = _page(built_site, lang, "sources")
    authors = [s.author_id for s in sorted(catalog.sources.values(), key=lambda s: (s.id != catalog.site.article_id, s.publisher or "", s.id)) if s.author_id]
    assert sorted(_actor_links(sources)) == sorted(authors)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_actors_overview_groups_every_actor_by_kind_with_counts(built_site: Path, catalog: Catalog, lang: str) -> None:
    assert set(ACTOR_KIND_ORDER) == ACTOR_KINDS
    page = _page(built_site, lang, "actors")
    seen: list[str] = []
    for kind in ACTOR_KIND_ORDER:
        members = sorted(a.id for a in catalog.actors.values() if a.kind == kind)
        section = _section(page, kind)
        if not members:
            assert section == []
            continue
        heading = _text(page.soup.select_one(f"article h2#{kind}"))
        assert heading == labels()["actor_kind_plural"][lang][kind]
        assert sorted(_targets(page, section, "actors")) == members
        for row in section[-1].select("tbody tr"):
            actor_id = page.resolve(row.find("a")["href"])[0].split("/")[2]
            cells = [td.get_text(strip=True) for td in row.find_all("td")]
            proposals = sum(1 for i in catalog.initiatives.values() if actor_id in i.proposer_ids)
            events = sum(1 for e in catalog.events.values() if actor_id in e.actor_ids)
            assert cells[1:] == [str(proposals), str(events)], (lang, actor_id)
        seen += members
    assert sorted(seen) == sorted(catalog.actors)
    nav = [a.get_text(strip=True) for a in page.soup.select("nav.md-nav--primary a.md-nav__link")]
    assert labels()["nav_actors"][lang] in nav
