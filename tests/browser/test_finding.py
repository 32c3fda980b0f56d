"""Finding initiatives in a real browser: filter by keyboard, links that keep the choice,
what a screen reader is told, status colours, and pages at phone width."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from sco_site.listing import CROSS_CUTTING, data_as_of, is_stalled
from sco_site.loader import load_data
from sco_site.model import Catalog
from sco_site.render.helpers import labels

from .built_site import AXE_URL_PATH, BuiltSite
from .chromium import PHONE
from .survey import AXE_RUN, AXE_TAGS, describe_violation

LANGS = ["de", "en"]

# Unique initiatives among the rows a reader can see, in the order shown.
VISIBLE_IDS = """() => {
  const seen = [];
  for (const row of document.querySelectorAll("article tr[data-id]")) {
    if (row.offsetParent !== null && !seen.includes(row.dataset.id)) seen.push(row.dataset.id);
  }
  return seen;
}"""


@pytest.fixture(scope="module")
def site_catalog(live_site: BuiltSite) -> Catalog:
    """The data the served site was built from (the repository's, or a synthetic set)."""
    return load_data(live_site.root.parent / "project" / "data")


def _count_text(lang: str, shown: int, total: int) -> str:
    if not shown:
        return labels()["filter_none"][lang]
    return labels()["filter_count"][lang].format(shown=shown, total=total)


def _matching(catalog: Catalog, status: str = "", priority: str = "", kind: str = "") -> set[str]:
    as_of = data_as_of(catalog)
    found = set()
    for i in catalog.initiatives.values():
        if status == "stalled" and not is_stalled(i, as_of) or status not in ("", "stalled") and i.current_status != status:
            continue
        if priority and priority not in (i.priority_ids or (CROSS_CUTTING,)):
            continue
        if kind and i.kind != kind:
            continue
        found.add(i.id)
    return found


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("lang", LANGS)
def test_filtering_by_keyboard_narrows_the_list_and_announces_the_count(page: Page, live_site: BuiltSite, site_catalog: Catalog, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/initiatives/"))
    expect(page.locator("#sco-filter")).to_be_visible()
    total = len(site_catalog.initiatives)
    expect(page.locator("#sco-filter-count")).to_have_text(_count_text(lang, total, total))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "sco-filter-status":
            break
    assert page.evaluate("document.activeElement.id") == "sco-filter-status", "Tab never reached the status filter"
    page.keyboard.press("ArrowDown")
    status = page.evaluate("document.activeElement.value")
    assert status, "the arrow key did not choose a status"
    expected = _matching(site_catalog, status=status)
    expect(page.locator("#sco-filter-count")).to_have_text(_count_text(lang, len(expected), total))
    assert set(page.evaluate(VISIBLE_IDS)) == expected
    assert _query(page) == {"status": [status]}
    # On to the order, by keyboard too: newest latest step first.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sco-filter-sort"
    page.keyboard.press("ArrowDown")
    assert _query(page) == {"status": [status], "sort": ["date"]}
    assert set(page.evaluate(VISIBLE_IDS)) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_with_a_choice_opens_that_choice_and_clearing_it_restores_the_list(page: Page, live_site: BuiltSite, site_catalog: Catalog, lang: str) -> None:
    status = "no_outcome_recorded"
    priority = max(site_catalog.priorities, key=lambda p: len(_matching(site_catalog, status, p)))
    expected = _matching(site_catalog, status, priority)
    assert expected, "the data has no open initiative under any priority"
    address = live_site.url(f"/{lang}/initiatives/?status={status}&priority={priority}&sort=date-asc")
    for _ in range(2):  # opened from a link, then reloaded: the same choice
        page.goto(address)
        assert page.locator("#sco-filter-status").input_value() == status
        assert page.locator("#sco-filter-priority").input_value() == priority
        assert page.locator("#sco-filter-sort").input_value() == "date-asc"
        shown = page.evaluate(VISIBLE_IDS)
        assert set(shown) == expected
        dates = page.eval_on_selector_all(".sco-filter__flat tr[data-id]", "rows => rows.map(r => r.dataset.date)")
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates == dated + [""] * (len(dates) - len(dated)), dates
        expect(page.locator("#sco-filter-count")).to_have_text(_count_text(lang, len(expected), len(site_catalog.initiatives)))
    page.get_by_role("button", name=labels()["filter_reset"][lang]).click()
    assert urlsplit(page.url).query == ""
    assert set(page.evaluate(VISIBLE_IDS)) == set(site_catalog.initiatives)
    assert page.locator(".sco-group:visible").count() == page.locator(".sco-group").count()


def test_unknown_choices_in_the_address_are_ignored(page: Page, live_site: BuiltSite, site_catalog: Catalog) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_site.url("/en/initiatives/?status=%3Cscript%3E&priority=__proto__&sort=bogus&kind="))
    assert [page.locator(f"#sco-filter-{n}").input_value() for n in ("status", "priority", "kind", "sort")] == ["", "", "", ""]
    assert set(page.evaluate(VISIBLE_IDS)) == set(site_catalog.initiatives)
    assert errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_announced_count_matches_the_data_for_every_choice(page: Page, live_site: BuiltSite, site_catalog: Catalog, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/initiatives/"))
    total = len(site_catalog.initiatives)
    for name in ("status", "priority", "kind"):
        values = page.eval_on_selector_all(f"#sco-filter-{name} option", "options => options.map(o => o.value)")
        for value in values:
            page.select_option(f"#sco-filter-{name}", value)
            expected = _matching(site_catalog, **{name: value})
            assert page.text_content("#sco-filter-count") == _count_text(lang, len(expected), total), (name, value)
            assert set(page.evaluate(VISIBLE_IDS)) == expected, (name, value)
        page.select_option(f"#sco-filter-{name}", "")


@pytest.mark.parametrize("lang", LANGS)
def test_a_screen_reader_finds_labelled_controls_and_the_live_count(page: Page, live_site: BuiltSite, site_catalog: Catalog, lang: str) -> None:
    page.goto(live_site.url(f"/{lang}/initiatives/?kind=document"))
    tree = page.locator("article").aria_snapshot()
    label = labels()
    assert f'- group "{label["filter_legend"][lang]}"' in tree
    for key in ("filter_status", "filter_priority", "filter_kind", "filter_sort"):
        assert f'- combobox "{label[key][lang]}"' in tree, key
    assert f'- option "{label["kind_singular"][lang]["document"]}" [selected]' in tree
    assert f'- button "{label["filter_reset"][lang]}"' in tree
    count = _count_text(lang, len(_matching(site_catalog, kind="document")), len(site_catalog.initiatives))
    assert f"- status: {count}" in tree
    live = page.locator("#sco-filter-count")
    assert live.get_attribute("role") == "status"  # implies aria-live="polite"


def _axe(page: Page, live_site: BuiltSite) -> list[str]:
    page.add_script_tag(url=live_site.url(AXE_URL_PATH))
    return [describe_violation(v) for v in page.evaluate(AXE_RUN, AXE_TAGS)["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_filtered_list_passes_axe_on_desktop_and_phone(browser: Browser, live_site: BuiltSite, lang: str, scheme: str) -> None:
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        page.goto(live_site.url(f"/{lang}/initiatives/?status=no_outcome_recorded&sort=title"))
        expect(page.locator("#sco-filter")).to_be_visible()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        assert _axe(page, live_site) == [], (viewport, scheme)
        context.close()


CONTRAST = """() => {
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = css => { const [r, g, b] = css.match(/\\d+(\\.\\d+)?/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = getComputedStyle(document.querySelector(".md-main")).backgroundColor === "rgba(0, 0, 0, 0)"
    ? getComputedStyle(document.body).backgroundColor : getComputedStyle(document.querySelector(".md-main")).backgroundColor;
  return [...document.querySelectorAll("tr[id^=status-] .sco-status")].map(badge => {
    const style = getComputedStyle(badge);
    return {status: badge.className, background: style.backgroundColor, text: ratio(style.color, style.backgroundColor),
            edge: ratio(style.borderLeftColor, page), visible: badge.offsetWidth > 0 && badge.textContent.trim().length > 0};
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_status_has_its_own_colour_with_enough_contrast(browser: Browser, live_site: BuiltSite, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(live_site.url("/en/methodology/"))
    badges = page.evaluate(CONTRAST)
    context.close()
    assert len(badges) == len(labels()["status_label"]["en"])
    assert len({b["background"] for b in badges}) == len(badges), f"statuses share a colour: {badges}"
    weak = [b for b in badges if b["text"] < 4.5 or b["edge"] < 3 or not b["visible"]]
    assert not weak, f"below WCAG AA in the {scheme} scheme: {weak}"


# A word of a link split over two lines shows as two boxes. A word is a run of
# letters and digits: a line may end after a hyphen or dash, as in print, and
# an address shown as a link may wrap where it must.
BROKEN_LINK_WORDS = """() => {
  const broken = [];
  for (const link of document.querySelectorAll("article a")) {
    if (!link.offsetParent || /[/@]/.test(link.textContent)) continue;
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

# Status and date cells that a reader at this width cannot see without scrolling sideways.
HIDDEN_CELLS = """() => [...document.querySelectorAll("article .sco-rows td")].filter(cell => {
  const box = cell.getBoundingClientRect();
  return cell.offsetParent !== null && (box.width === 0 || box.left < 0 || box.right > document.documentElement.clientWidth + 0.5);
}).map(cell => cell.dataset.label + ": " + cell.textContent.trim())"""

PHONE_PAGES = ["initiatives/", "initiatives/?sort=date", "documents/", "progress/", "methodology/", "timeline/", "sources/", "relations/", ""]


@pytest.mark.parametrize("lang", LANGS)
def test_at_phone_width_no_column_is_hidden_and_no_link_breaks_inside_a_word(browser: Browser, live_site: BuiltSite, lang: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    paths = PHONE_PAGES + [f"priorities/{p}/" for p in sorted(p.name for p in (live_site.root / lang / "priorities").iterdir())]
    problems = {}
    for path in paths:
        page.goto(live_site.url(f"/{lang}/{path}"))
        width = page.evaluate("document.documentElement.scrollWidth")
        hidden = page.evaluate(HIDDEN_CELLS)
        broken = page.evaluate(BROKEN_LINK_WORDS)
        if width > PHONE["width"] or hidden or broken:
            problems[path] = {"width": width, "hidden cells": hidden[:5], "broken link words": broken[:5]}
    cells = {}
    page.goto(live_site.url(f"/{lang}/initiatives/"))
    for label in (labels()["status"][lang], labels()["latest_step"][lang]):
        cells[label] = page.locator(f"article .sco-rows td[data-label='{label}']")
        assert cells[label].count() >= len(labels()["status_label"]) // 4
        expect(cells[label].first).to_be_visible()
        assert page.evaluate(f"getComputedStyle(document.querySelector(\"td[data-label='{label}']\"), '::before').content") == f'"{label}: "'
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("lang", LANGS)
def test_progress_chart_labels_stay_readable_on_a_phone(browser: Browser, live_site: BuiltSite, site_catalog: Catalog, lang: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(live_site.url(f"/{lang}/progress/"))
    segments = page.eval_on_selector_all(
        ".sco-progress__segment",
        "all => all.map(s => ({text: s.textContent.trim(), fits: s.scrollWidth <= s.clientWidth, size: parseFloat(getComputedStyle(s).fontSize), width: s.getBoundingClientRect().width}))",
    )
    assert segments and all(s["fits"] and s["size"] >= 11 and s["width"] >= 16 for s in segments), segments
    # Each bar names its statuses in words beside the colours.
    captions = page.eval_on_selector_all(".sco-progress__counts", "rows => rows.map(r => r.innerText.replace(/\\s+/g, ' ').trim())")
    bars = page.eval_on_selector_all(".sco-progress__row", "rows => rows.map(r => [...r.querySelectorAll('.sco-progress__segment')].map(s => s.className.match(/sco-status--(\\S+)/)[1] + ' ' + s.textContent.trim()))")
    assert len(captions) == len(bars)
    for caption, bar in zip(captions, bars):
        words = " ".join(f"{labels()['status_label'][lang][entry.split()[0]]} {entry.split()[1]}" for entry in bar)
        assert caption == words
    labels_fit = page.eval_on_selector_all(".sco-progress__label", "all => all.every(l => l.scrollWidth <= l.clientWidth + 1)")
    context.close()
    assert labels_fit


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_show_the_status(page: Page, live_site: BuiltSite, site_catalog: Catalog, lang: str) -> None:
    initiative = next(i for i in site_catalog.initiatives.values() if i.outcome) if any(i.outcome for i in site_catalog.initiatives.values()) else next(iter(site_catalog.initiatives.values()))
    word = max(re.findall(r"\w{5,}", initiative.title[lang]), key=len)
    page.goto(live_site.url(f"/{lang}/"))
    page.click(".md-search__input")
    page.keyboard.type(word)
    item = page.locator(".md-search-result__item", has=page.locator(f"a[href*='initiatives/{initiative.id}/']")).first
    expect(item).to_be_visible()
    status = f"{labels()['current_status'][lang]}: {labels()['status_label'][lang][initiative.current_status]}"
    expect(item).to_contain_text(status)


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_desktop_no_table_scrolls_sideways(page: Page, live_site: BuiltSite, lang: str) -> None:
    wide = {}
    for path in ("initiatives/", "documents/", "progress/", "methodology/"):
        page.goto(live_site.url(f"/{lang}/{path}"))
        overflow = page.evaluate("() => [...document.querySelectorAll('article .sco-rows table')].map(t => t.getBoundingClientRect().width - t.closest('article').clientWidth)")
        if any(excess > 1 for excess in overflow):
            wide[path] = overflow
    assert not wide, f"tables wider than the page: {wide}"
