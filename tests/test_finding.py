"""Finding initiatives: the list's row facts, the status keys, the methodology page, search text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from sco_site.constants import LANGUAGES, NO_OUTCOME, OUTCOME_STATUSES, STATUSES
from sco_site.dates import DateSpan
from sco_site.listing import CROSS_CUTTING, data_as_of, is_stalled, latest_step
from sco_site.model import Catalog, Citation, Initiative, StatusStep, Text
from sco_site.render.helpers import labels
from sco_site.render.text import decode_tokens
from tests.htmlsite import BuiltPage, html_pages

ALL_STATUSES = [*STATUSES, NO_OUTCOME]


def _page(site: Path, path: str) -> BuiltPage:
    return BuiltPage(site, Path(path))


def _step(status: str, date: str | None = None) -> StatusStep:
    return StatusStep(status, Text("x", "x"), (Citation("s"),), DateSpan.parse(date) if date else None)


def _initiative(*steps: StatusStep) -> Initiative:
    return Initiative("i", "document", Text("t", "t"), Text("s", "s"), (), steps, (Citation("s"),))


# -- the rules, on hand-made initiatives ---------------------------------------------


def test_latest_step_is_the_latest_date_not_the_last_entry() -> None:
    first, second, undated = _step("adopted", "2024-07-04"), _step("proposed", "2023-07"), _step("announced")
    assert latest_step(_initiative(first, second, undated)) is first
    assert latest_step(_initiative(undated)) is None


def test_of_two_steps_on_one_day_the_one_recorded_last_is_latest() -> None:
    a, b = _step("proposed", "2024-07-04"), _step("adopted", "2024-07-04")
    assert latest_step(_initiative(a, b)) is b


def test_stalled_means_no_outcome_and_nothing_dated_in_the_last_twelve_months() -> None:
    as_of = dt.date(2025, 9, 1)
    assert is_stalled(_initiative(_step("proposed", "2024-08-31")), as_of)
    assert not is_stalled(_initiative(_step("proposed", "2024-09-01")), as_of)
    assert is_stalled(_initiative(_step("proposed")), as_of)  # nothing dated at all
    assert not is_stalled(_initiative(_step("proposed", "2020"), _step("adopted", "2020")), as_of)  # has an outcome
    # A month-precise step counts until the month's last day.
    assert not is_stalled(_initiative(_step("proposed", "2024-09")), dt.date(2025, 9, 30))
    assert not is_stalled(_initiative(_step("proposed")), None)


def test_data_as_of_is_the_latest_date_of_any_step_or_event(catalog: Catalog) -> None:
    dates = [(s.date.end or s.date.start).last_day() for i in catalog.initiatives.values() for s in i.status_history if s.date]
    dates += [(e.date.end or e.date.start).last_day() for e in catalog.events.values()]
    assert data_as_of(catalog) == max(dates)


# -- the list of all initiatives, as built ----------------------------------------------


def _expected_date(initiative: Initiative) -> str:
    dated = [s for s in initiative.status_history if s.date]
    if not dated:
        return ""
    best = dated[0]
    for step in dated[1:]:
        if step.date.start.first_day() >= best.date.start.first_day():
            best = step
    return best.date.start.iso()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_row_carries_the_facts_of_the_model(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/initiatives/index.html")
    rows = page.soup.select(".sco-group tr[data-id]")
    as_of = data_as_of(catalog)
    seen: dict[str, int] = {}
    for row in rows:
        initiative = catalog.initiatives[row["data-id"]]
        seen[initiative.id] = seen.get(initiative.id, 0) + 1
        assert row["data-status"] == initiative.current_status
        assert row["data-kind"] == initiative.kind
        assert row["data-priorities"].split() == (list(initiative.priority_ids) or [CROSS_CUTTING])
        assert row["data-date"] == _expected_date(initiative)
        assert row["data-stalled"] == ("yes" if is_stalled(initiative, as_of) else "no")
        link = row.select_one("td.sco-rows__title a")
        assert link.get_text() == initiative.title[lang]
        assert link["href"] == f"../{initiative.id}/" or link["href"] == f"{initiative.id}/"
        badge = row.select_one(".sco-status")
        assert badge.get_text() == labels()["status_label"][lang][initiative.current_status]
        assert f"sco-status--{initiative.current_status}" in badge["class"]
    # One row per priority of each initiative, one row for a cross-cutting one.
    assert seen == {i.id: max(1, len(i.priority_ids)) for i in catalog.initiatives.values()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_cell_is_labelled_with_its_column_for_narrow_screens(built_site: Path, lang: str) -> None:
    for path in (f"{lang}/initiatives/index.html", f"{lang}/documents/index.html", f"{lang}/progress/index.html", f"{lang}/methodology/index.html"):
        page = _page(built_site, path)
        tables = page.soup.select(".sco-rows table")
        assert tables, path
        for table in tables:
            headers = [th.get_text() for th in table.select("thead th")]
            for row in table.select("tbody tr"):
                assert [td.get("data-label") for td in row.select("td")] == headers, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_date_column_is_the_latest_step_in_the_page_language(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/initiatives/index.html")
    for row in page.soup.select(".sco-group tr[data-id]"):
        initiative = catalog.initiatives[row["data-id"]]
        step = latest_step(initiative)
        cell = row.select("td")[3].get_text(" ", strip=True)
        if step is None:
            assert cell == labels()["date_unrecorded"][lang]
            continue
        assert cell.startswith(step.date.format(lang))
        other = labels()["status_label"][lang][step.status]
        assert (f"({other})" in cell) == (step.status != initiative.current_status)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filter_form_offers_the_data_in_the_page_language(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = _page(built_site, f"{lang}/initiatives/index.html")
    form = page.soup.select_one("form#sco-filter")
    assert form.has_attr("hidden"), "without the script the form must not show"
    assert int(form["data-total"]) == len(catalog.initiatives)
    assert form["data-count"] == labels()["filter_count"][lang]

    def options(name: str) -> dict[str, str]:
        return {o["value"]: o.get_text() for o in form.select(f"select[name={name}] option")}

    statuses = options("status")
    present = {i.current_status for i in catalog.initiatives.values()}
    assert set(statuses) == {"", "stalled"} | present
    assert all(statuses[s] == labels()["status_label"][lang][s] for s in present)
    priorities = options("priority")
    assert {k: v for k, v in priorities.items() if k not in ("", CROSS_CUTTING)} == {p.id: p.title[lang] for p in catalog.priorities.values() if catalog.initiatives_by_priority.get(p.id)}
    assert (CROSS_CUTTING in priorities) == bool(catalog.cross_cutting())
    assert set(options("kind")) == {""} | {i.kind for i in catalog.initiatives.values()}
    assert set(options("sort")) == {"", "date", "date-asc", "title"}
    for select in form.select("select"):
        label = form.select_one(f"label[for={select['id']}]")
        assert label is not None and label.get_text().strip()
    live = form.select_one("#sco-filter-count")
    assert live["role"] == "status"


def test_the_script_is_local_and_on_every_page(built_site: Path) -> None:
    page = _page(built_site, "de/initiatives/index.html")
    sources = [s["src"] for s in page.soup.select("script[src]") if "initiatives-filter" in s["src"]]
    assert sources == ["../assets/javascripts/initiatives-filter.js"]
    assert (built_site / "de/assets/javascripts/initiatives-filter.js").is_file()
    assert (built_site / "en/assets/javascripts/initiatives-filter.js").is_file()


# -- status keys and definitions ----------------------------------------------------------


def _badge_status(tag) -> str:  # noqa: ANN001 - a BeautifulSoup tag
    return next(c.removeprefix("sco-status--") for c in tag["class"] if c.startswith("sco-status--"))


KEYED_PAGES = ["index.html", "initiatives/index.html", "documents/index.html", "timeline/index.html", "progress/index.html", "relations/index.html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_list_with_badges_has_a_key_linking_to_the_definitions(built_site: Path, lang: str) -> None:
    methodology = _page(built_site, f"{lang}/methodology/index.html")
    definitions = methodology.ids()
    checked = 0
    for page in html_pages(built_site / lang):
        article = page.soup.select_one("article")
        if article is None or page.path.as_posix().startswith("methodology"):
            continue
        listed = [b for b in article.select(".sco-status") if b.find_parent(["li", "td"]) and not b.find_parent(class_="sco-key")]
        if not listed:
            continue
        key = article.select_one(".sco-key")
        assert key is not None, f"{page.path}: badges in a list but no key"
        keyed = {}
        for link in key.select("a"):
            badge = link.select_one(".sco-status")
            if badge is None:
                assert link["href"].rstrip("/").endswith("methodology")
                continue
            path, _, fragment = link["href"].partition("#")
            assert path.rstrip("/").endswith("methodology") and fragment in definitions
            keyed[_badge_status(badge)] = fragment
        assert all(fragment == f"status-{status}" for status, fragment in keyed.items())
        shown = {_badge_status(b) for b in article.select(".sco-status") if not b.find_parent(class_="sco-key")}
        assert shown <= set(keyed), f"{page.path}: statuses without a key entry: {shown - set(keyed)}"
        checked += 1
    assert checked >= len(KEYED_PAGES)
    for path in KEYED_PAGES:
        assert _page(built_site, f"{lang}/{path}").soup.select_one("article .sco-key") is not None, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_methodology_page_defines_every_status(built_site: Path, lang: str) -> None:
    page = _page(built_site, f"{lang}/methodology/index.html")
    rows = page.soup.select("tr[id^=status-]")
    assert [row["id"].removeprefix("status-") for row in rows] == ALL_STATUSES
    yes, no = labels()["answer_yes"][lang], labels()["answer_no"][lang]
    for row in rows:
        status = row["id"].removeprefix("status-")
        cells = row.select("td")
        assert cells[0].get_text() == labels()["status_label"][lang][status]
        assert cells[1].get_text() == labels()["status_definition"][lang][status]
        assert cells[2].get_text() == (yes if status in OUTCOME_STATUSES else no)
    headings = [h.get_text().strip("¶ ") for h in page.soup.select("article h2")]
    assert len(headings) == 4
    stalled = page.soup.find("a", href=lambda href: href and href.endswith("initiatives/?status=stalled"))
    assert stalled is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_methodology_names_the_date_the_data_reaches(built_site: Path, catalog: Catalog, lang: str) -> None:
    as_of = data_as_of(catalog)
    text = _page(built_site, f"{lang}/methodology/index.html").soup.select_one("article").get_text(" ")
    assert DateSpan.parse(as_of.isoformat()).format(lang) in text


def test_every_definition_exists_in_both_languages() -> None:
    for lang in LANGUAGES:
        assert set(labels()["status_definition"][lang]) == set(ALL_STATUSES)
        assert set(labels()["status_label"][lang]) == set(ALL_STATUSES)


def test_the_guide_for_editors_lists_the_same_statuses_as_the_definitions() -> None:
    root = Path(__file__).resolve().parent.parent
    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.de.md"):
        text = (root / guide).read_text(encoding="utf-8")
        rows = {line.split("|")[1].strip().strip("`"): line.split("|")[3].strip() for line in text.splitlines() if line.startswith("| `") and line.count("|") == 4}
        listed = {status: outcome for status, outcome in rows.items() if status in STATUSES}
        assert set(listed) == set(STATUSES), guide
        assert {s for s, outcome in listed.items() if outcome in ("yes", "ja")} == set(OUTCOME_STATUSES), guide


# -- search and initiative pages -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_shows_each_initiatives_status_first(built_site: Path, catalog: Catalog, lang: str) -> None:
    index = json.loads((built_site / lang / "search/search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    for initiative in catalog.initiatives.values():
        text = texts[f"initiatives/{initiative.id}/"]
        expected = f"{labels()['current_status'][lang]}: {labels()['status_label'][lang][initiative.current_status]}"
        assert text.startswith(f"<p>{expected}"), (initiative.id, text[:120])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_initiative_badge_links_to_its_definition(built_site: Path, catalog: Catalog, lang: str) -> None:
    for initiative in catalog.initiatives.values():
        page = _page(built_site, f"{lang}/initiatives/{initiative.id}/index.html")
        first = page.soup.select_one("article h1").find_next("p")
        link = first.select_one("a .sco-status").parent
        assert link["href"] == f"../../methodology/#status-{initiative.current_status}"


def test_a_changed_status_changes_the_row(catalog: Catalog) -> None:
    """The renderer reads the row facts from the model, not from anything cached."""
    from sco_site.render.renderer import PageRenderer

    initiative = next(i for i in catalog.initiatives.values() if i.outcome is None)
    adopted = dataclasses.replace(initiative, status_history=(*initiative.status_history, _step("adopted", "2030-01-02")))
    changed = dataclasses.replace(catalog, initiatives={**catalog.initiatives, initiative.id: adopted})
    page = decode_tokens(PageRenderer(changed, "en").render_initiatives_page())
    row = next(line for line in page.splitlines() if f'data-id="{initiative.id}"' in line)
    assert 'data-status="adopted"' in row and 'data-date="2030-01-02"' in row and 'data-stalled="no"' in row
