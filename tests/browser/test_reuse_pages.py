"""Actor pages, the briefing and the accessibility statement as a screen reader and a keyboard user get them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sco_site.render.helpers import labels
from sco_site.render.renderer import ACTOR_KIND_ORDER

from .built_site import BuiltSite
from .test_print import catalog_of


def _tree(page: Page) -> str:
    """The accessibility tree of the page's content, as Playwright writes it (YAML-like lines)."""
    return page.locator("article").aria_snapshot()


def _has_heading(page: Page, text: str, level: int) -> bool:
    """A heading of that level whose accessible name is the text (plus the permalink sign)."""
    names = page.locator("article").get_by_role("heading", level=level).all_inner_texts()
    return any(" ".join(name.replace("¶", "").split()) == text for name in names)


def _headings(page: Page, level: int) -> list[str]:
    return [" ".join(name.replace("¶", "").split()) for name in page.locator("article").get_by_role("heading", level=level).all_inner_texts()]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_actor_page_reads_as_headings_a_table_and_named_links(page: Page, live_site: BuiltSite, lang: str) -> None:
    catalog = catalog_of(live_site)
    actor = max(catalog.actors.values(), key=lambda a: (len(catalog.initiatives_by_proposer.get(a.id, ())), a.id))
    proposed = catalog.initiatives_by_proposer[actor.id]
    page.goto(live_site.url(f"/{lang}/actors/{actor.id}/"))
    tree = _tree(page)
    assert _has_heading(page, actor.name[lang], 1)
    assert _has_heading(page, labels()["actor_proposed"][lang], 2)
    for header in ("initiative", "status", "latest_step"):
        assert f'columnheader "{labels()[header][lang]}"' in tree
    rows = page.get_by_role("row").all()[1:]  # without the header row
    assert len(rows) == len(proposed)
    for row in rows:
        name = row.get_by_role("link").first.inner_text()
        initiative = next(catalog.initiatives[i] for i in proposed if catalog.initiatives[i].title[lang] == " ".join(name.split()))
        # The status is read out as its name, not only shown as a colour.
        assert labels()["status_label"][lang][initiative.current_status] in row.aria_snapshot()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_actors_overview_by_keyboard_and_screen_reader(page: Page, live_site: BuiltSite, lang: str) -> None:
    catalog = catalog_of(live_site)
    page.goto(live_site.url(f"/{lang}/actors/"))
    for kind in ACTOR_KIND_ORDER:
        if any(a.kind == kind for a in catalog.actors.values()):
            assert _has_heading(page, labels()["actor_kind_plural"][lang][kind], 2), kind
    expected = {live_site.url(f"/{lang}/actors/{a}/") for a in catalog.actors}
    reached: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement && document.activeElement.href || ''")
        reached.add(href)
        if expected <= reached:
            break
    assert expected <= reached, f"Tab never reached: {sorted(expected - reached)}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_briefing_and_accessibility_statement_read_in_order(page: Page, live_site: BuiltSite, lang: str) -> None:
    catalog = catalog_of(live_site)
    page.goto(live_site.url(f"/{lang}/briefing/"))
    tree = _tree(page)
    assert _has_heading(page, labels()["briefing_title"][lang], 1)
    titles = [p.title[lang] for p in catalog.ordered_priorities() if catalog.initiatives_by_priority.get(p.id)]
    assert [h for h in _headings(page, 2) if h in titles] == titles, "priorities missing or out of order"
    assert tree.count('columnheader "' + labels()["status"][lang] + '"') == len(titles) + (1 if catalog.cross_cutting() else 0)
    page.goto(live_site.url(f"/{lang}/accessibility/"))
    assert _has_heading(page, labels()["nav_accessibility"][lang], 1)
    assert len(_headings(page, 2)) >= 3
