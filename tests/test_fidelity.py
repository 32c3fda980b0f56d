"""What a reader sees on the built pages is what the data says, in the page's language.

The rendered HTML of a full `mkdocs build --strict` (built once per session),
read like a reader reads it, against the model: of the real data and of a
synthetic data set. Every date, title, status and link the templates mean to
show must be visible text in the right element, and nothing else may appear.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from bench.synthetic import write_dataset
from sco_site.chronology import steps_without_event
from sco_site.constants import LANGUAGES
from sco_site.dates import DateSpan
from sco_site.listing import latest_step
from sco_site.loader import load_data
from sco_site.model import Catalog, Initiative
from sco_site.pages import generate_pages
from sco_site.render.helpers import labels, url_of
from tests.hostile import make_hostile
from tests.sitebuild import copy_project, run_mkdocs


@dataclass(frozen=True)
class Built:
    name: str
    catalog: Catalog
    site: Path

    def article(self, lang: str, uri: str) -> Tag:
        """The page's article without its permalinks (parsed once; tests only read it)."""
        return _article(self.site / lang / (url_of(uri) + "index.html"))


@cache
def _article(path: Path) -> Tag:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert article is not None, path
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    return article


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = copy_project(tmp_path_factory.mktemp("synthetic") / "project")
    write_dataset(project / "data", initiatives=24)
    site = project / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    return Built("synthetic", load_data(project / "data"), site)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Synthetic data whose every text starts with Markdown, HTML or placeholder syntax."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    write_dataset(project / "data", initiatives=24)
    make_hostile(project / "data")
    site = project / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    return Built("hostile", load_data(project / "data"), site)


@pytest.fixture(scope="session", params=["real", "synthetic", "hostile"])
def built(request: pytest.FixtureRequest, catalog: Catalog) -> Built:
    if request.param == "real":
        return Built("real", catalog, request.getfixturevalue("built_site"))
    return request.getfixturevalue(f"{request.param}_site")


def text(element: Tag | None) -> str:
    assert element is not None
    return norm(element.get_text())


def norm(value: str) -> str:
    """Text as a reader sees it: runs of white space are one space."""
    return " ".join(value.split())


def label(key: str, lang: str) -> str:
    return labels()[key][lang]


def date(span: DateSpan | None, lang: str) -> str:
    return span.format(lang) if span else label("date_unrecorded", lang)


def status(value: str, lang: str) -> str:
    return labels()["status_label"][lang][value]


def heading(article: Tag, level: str, title: str) -> Tag:
    found = [h for h in article.find_all(level) if text(h) == norm(title)]
    assert len(found) == 1, f"{level} {title!r} among {[text(h) for h in article.find_all(level)]}"
    return found[0]


def link_target(page_uri: str, href: str) -> str:
    """Where a link on a page goes, as a page URL relative to the language root."""
    base = url_of(page_uri)
    return posixpath.normpath(posixpath.join(base, href.split("#")[0])).strip(".") + "/"


def check_link(a: Tag | None, page_uri: str, title: str, target_uri: str) -> None:
    assert a is not None and a.name == "a", a
    assert text(a) == norm(title)
    assert link_target(page_uri, a["href"]) == "/" + url_of(target_uri) or link_target(page_uri, a["href"]) == url_of(target_uri)


def items_after(element: Tag) -> list[Tag]:
    """The items of the list right after a heading."""
    found = element.find_next_sibling(["ul", "ol", "p", "h2", "h3", "div"])
    if found is not None and "sco-key" in found.get("class", []):  # the status key comes first
        found = found.find_next_sibling(["ul", "ol", "p", "h2", "h3", "div"])
    assert found is not None and found.name == "ul", f"no list after {text(element)!r}: {found}"
    return found.find_all("li", recursive=False)


def test_all_initiatives_groups_are_headings_with_one_row_per_initiative(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        article = built.article(lang, "initiatives/index.md")
        groups = [(p.title[lang], [catalog.initiatives[i] for i in catalog.initiatives_by_priority.get(p.id, ())]) for p in catalog.ordered_priorities()]
        groups.append((catalog.site.cross_cutting_title[lang], catalog.cross_cutting()))
        groups = [(title, items) for title, items in groups if items]
        assert [text(h) for h in article.find_all("h2")] == [norm(title) for title, _ in groups]
        for title, items in groups:
            after = heading(article, "h2", title).find_next_sibling()
            # The table sits in a wrapper that lets it become cards on a phone.
            table = after.find("table") if after is not None and "sco-rows" in after.get("class", []) else after
            assert table is not None and table.name == "table", f"no table right after {title!r}"
            rows = table.find("tbody").find_all("tr")
            assert len(rows) == len(items), title
            for row, initiative in zip(rows, items):
                check_initiative_row(row, initiative, lang, "initiatives/index.md")


def check_initiative_row(row: Tag, initiative: Initiative, lang: str, page_uri: str) -> None:
    cells = row.find_all("td")
    assert len(cells) == 4
    check_link(cells[0].find("a"), page_uri, initiative.title[lang], f"initiatives/{initiative.id}.md")
    assert text(cells[1]) == labels()["kind_singular"][lang][initiative.kind]
    assert text(cells[2]) == status(initiative.current_status, lang)
    # The date of the latest step, with that step's status where it is not the one shown.
    step = latest_step(initiative)
    expected = date(step.date, lang) if step else labels()["date_unrecorded"][lang]
    if step and step.status != initiative.current_status:
        expected += f" ({status(step.status, lang)})"
    assert text(cells[3]) == expected


def test_documents_table_has_one_row_per_document(built: Built) -> None:
    for lang in LANGUAGES:
        rows = built.article(lang, "documents.md").find("tbody").find_all("tr")
        documents = [i for i in built.catalog.initiatives.values() if i.is_document]
        assert len(rows) == len(documents)
        for row, initiative in zip(rows, documents):
            check_initiative_row(row, initiative, lang, "documents.md")


def test_priority_pages_list_every_event_with_its_full_date(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for priority in catalog.ordered_priorities():
            uri = f"priorities/{priority.id}.md"
            article = built.article(lang, uri)
            assert text(article.find("h1")) == norm(priority.title[lang])
            ids = catalog.initiatives_by_priority.get(priority.id, ())
            event_ids = {e for i in ids for e in catalog.events_by_initiative.get(i, ())}
            events = [e for e in catalog.ordered_events() if e.id in event_ids]
            section = heading(article, "h2", label("events", lang))
            if not events:
                continue
            items = items_after(section)
            assert len(items) == len(events), uri
            for item, event in zip(items, events):
                place = f" ({catalog.places[event.place_id].name[lang]})" if event.place_id else ""
                assert text(item) == norm(f"{date(event.date, lang)}: {event.title[lang]}{place}"), uri
                check_link(item.find("a"), uri, event.title[lang], f"events/{event.id}.md")


def test_priority_pages_group_initiatives_under_kind_headings(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for priority in catalog.ordered_priorities():
            uri = f"priorities/{priority.id}.md"
            article = built.article(lang, uri)
            initiatives = [catalog.initiatives[i] for i in catalog.initiatives_by_priority.get(priority.id, ())]
            kinds = sorted({i.kind for i in initiatives}, key=lambda k: labels()["kind_plural"][lang][k])
            assert [text(h) for h in article.find_all("h3")] == [labels()["kind_plural"][lang][k] for k in kinds], uri
            for kind in kinds:
                items = items_after(heading(article, "h3", labels()["kind_plural"][lang][kind]))
                members = [i for i in initiatives if i.kind == kind]
                assert [text(li.find("a")) for li in items] == [norm(i.title[lang]) for i in members], uri


def test_initiative_pages_show_title_history_and_events(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for initiative in catalog.initiatives.values():
            uri = f"initiatives/{initiative.id}.md"
            article = built.article(lang, uri)
            assert text(article.find("h1")) == norm(initiative.title[lang])
            expected = []
            for step in initiative.status_history:
                place = f", {catalog.places[step.place_id].name[lang]}" if step.place_id else ""
                expected.append(f"{status(step.status, lang)}: {date(step.date, lang)}{place}")
            assert [text(h) for h in article.find_all("h3")] == [norm(e) for e in expected], uri
            events = [catalog.events[e] for e in catalog.events_by_initiative.get(initiative.id, ())]
            if events:
                items = items_after(heading(article, "h2", label("events", lang)))
                assert [text(li) for li in items] == [norm(f"{date(e.date, lang)}: {e.title[lang]}") for e in events], uri
                for item, event in zip(items, events):
                    check_link(item.find("a"), uri, event.title[lang], f"events/{event.id}.md")


def test_event_pages_show_title_and_full_date(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for event in catalog.events.values():
            uri = f"events/{event.id}.md"
            article = built.article(lang, uri)
            assert text(article.find("h1")) == norm(event.title[lang])
            first = text(article.find("h1").find_next_sibling("p"))
            assert first.startswith(f"{label('date', lang)}: {date(event.date, lang)}"), uri


def test_timeline_lists_every_event_with_its_date_in_order(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        article = built.article(lang, "timeline.md")
        # Events, and dated steps without an event (titled by their initiative), a day's events first.
        steps = steps_without_event(catalog)
        items = sorted([*catalog.ordered_events(), *steps], key=lambda item: (item.date.start.first_day(), item in steps))
        assert [text(span) for span in article.select(".sco-timeline__date")] == [date(item.date, lang) for item in items]
        assert [text(h) for h in article.find_all("h2")] == sorted({str(item.date.year) for item in items})
        titles = [text(li.find("strong")) for li in article.select(".sco-timeline > ul > li")]
        assert titles == [norm(item.initiative.title[lang]) if item in steps else norm(item.title[lang]) for item in items]


# --- Nothing appears that the templates did not ask for -------------------------------------

VISIBLE_MARKDOWN = re.compile(r"(^|\s)#{1,6}\s|\|\s*-{3}|\*\[|\]\(|\{:|\?\?\?|!!!")


def generated(built: Built, lang: str) -> Iterator[tuple[str, str, Tag]]:
    for page in generate_pages(built.catalog, lang):
        yield page.src_uri, page.markdown, built.article(lang, page.src_uri)


def test_no_markdown_syntax_is_visible(built: Built) -> None:
    if built.name == "hostile":
        pytest.skip("the hostile data shows such syntax on purpose, as its text")
    for lang in LANGUAGES:
        for uri, _markdown, article in generated(built, lang):
            for string in article.find_all(string=True):
                if string.parent.name in ("script", "style", "code", "pre"):
                    continue
                assert not VISIBLE_MARKDOWN.search(string), f"{lang}/{uri}: {string!r}"


def _source_headings(markdown: str) -> list[int]:
    body = markdown.split("\n---\n", 1)[1]
    return [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", body, re.MULTILINE)]


def test_every_heading_line_is_a_heading_and_no_other_appears(built: Built) -> None:
    for lang in LANGUAGES:
        for uri, markdown, article in generated(built, lang):
            levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
            assert levels == _source_headings(markdown), f"{lang}/{uri}"


def test_every_table_row_is_a_row(built: Built) -> None:
    for lang in LANGUAGES:
        for uri, markdown, article in generated(built, lang):
            rows = [line for line in markdown.splitlines() if line.startswith("|") and not re.match(r"^\|[-:| ]+\|$", line)]
            html_rows = sum(line.count("<tr") for line in markdown.splitlines() if not line.startswith("|"))
            assert len(article.find_all("tr")) == len(rows) + html_rows, f"{lang}/{uri}"


def test_no_unexpected_elements(built: Built) -> None:
    for lang in LANGUAGES:
        glossary = {" ".join(t.abbreviation[lang].split()): " ".join(t.meaning[lang].split()) for t in built.catalog.glossary}
        for uri, _markdown, article in generated(built, lang):
            where = f"{lang}/{uri}"
            # The briefing's list of sources is the one numbered list a template asks for.
            numbered = [ol for ol in article.select("ol") if not (uri == "briefing.md" and ol.parent.get("class") == ["sco-briefing__refs"])]
            assert not numbered, f"{where}: a numbered list"
            assert not article.find("details"), f"{where}: a collapsible block"
            assert not article.select(".admonition"), f"{where}: an admonition"
            assert not article.find(["script", "iframe", "img", "pre", "code", "strike", "del", "sup"]), where
            assert all(em.find_parent(class_="sco-cite") for em in article.find_all("em")), f"{where}: emphasis"
            assert not article.find("hr") or uri == "index.md", f"{where}: a rule"
            for abbr in article.find_all("abbr"):
                assert glossary.get(text(abbr)) == abbr.get("title"), f"{where}: {abbr}"


# --- Titles outside the article: escaped once, in the page's language -----------------------


def _soup(built: Built, lang: str, uri: str) -> BeautifulSoup:
    return BeautifulSoup((built.site / lang / (url_of(uri) + "index.html")).read_text(encoding="utf-8"), "html.parser")


def test_titles_in_head_navigation_and_footer_show_the_data_once_escaped(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        site_name = label("site_name", lang)
        home = _soup(built, lang, "index.md")
        assert text(home.find("title")) == norm(catalog.site.title[lang]), "the home page's title stands alone"
        priorities = catalog.ordered_priorities()
        for n, priority in enumerate(priorities):
            uri = f"priorities/{priority.id}.md"
            soup = _soup(built, lang, uri)
            title = norm(priority.title[lang])
            assert text(soup.find("title")) == f"{title} – {site_name}"
            assert title in [text(a) for a in soup.select("nav.md-nav--primary a.md-nav__link")]
            if n + 1 < len(priorities):
                following = norm(priorities[n + 1].title[lang])
                link = soup.select_one("a.md-footer__link--next")
                assert text(link.select_one(".md-ellipsis")) == following
                assert link["aria-label"] == f"{text(link.select_one('.md-footer__direction'))}: {following}"
            if n > 0:
                link = soup.select_one("a.md-footer__link--prev")
                assert text(link.select_one(".md-ellipsis")) == norm(priorities[n - 1].title[lang])


# --- Beside an event, the status reached at that event ----------------------------------------


def _at(initiative: Initiative, event_id: str, catalog: Catalog, lang: str) -> str:
    reached = initiative.status_at(catalog.events[event_id])
    return f" {status(reached, lang)}" if reached else ""


def test_event_pages_show_the_status_each_initiative_reached_there(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for event_id, initiative_ids in catalog.initiatives_by_event.items():
            uri = f"events/{event_id}.md"
            items = items_after(heading(built.article(lang, uri), "h2", label("event_initiatives", lang)))
            initiatives = [catalog.initiatives[i] for i in initiative_ids]
            assert [text(li) for li in items] == [norm(i.title[lang]) + _at(i, event_id, catalog, lang) for i in initiatives], uri


def test_timeline_shows_the_status_each_initiative_reached_at_each_event(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        article = built.article(lang, "timeline.md")
        # The timeline's event items; the other items are dated steps without an event.
        event_items = [li for li in article.select(".sco-timeline > ul > li") if "events/" in li.find("strong").find("a")["href"]]
        assert len(event_items) == len(catalog.events)
        for item, event in zip(event_items, catalog.ordered_events()):
            initiatives = [catalog.initiatives[i] for i in catalog.initiatives_by_event.get(event.id, ())]
            shown = [text(li) for li in item.select("ul > li")]
            assert shown == [norm(i.title[lang]) + _at(i, event.id, catalog, lang) for i in initiatives], event.id


def test_astana_and_bishkek_show_what_was_reached_there_not_what_came_later(built_site: Path, catalog: Catalog) -> None:
    real = Built("real", catalog, built_site)
    for lang, uri, initiative_id, expected in (
        ("de", "events/astana-summit-2024.md", "development-strategy-2035", "Entwurf gebilligt"),
        ("en", "events/astana-summit-2024.md", "development-strategy-2035", "Draft endorsed"),
        ("de", "events/heads-of-government-bishkek-2023.md", "sco-investment-fund", "In Beratung"),
    ):
        assert initiative_id in catalog.initiatives_by_event[uri[len("events/") : -len(".md")]]
        items = items_after(heading(real.article(lang, uri), "h2", label("event_initiatives", lang)))
        (item,) = [li for li in items if text(li.find("a")) == catalog.initiatives[initiative_id].title[lang]]
        assert text(item.select_one(".sco-status")) == expected
        current = status(catalog.initiatives[initiative_id].current_status, lang)
        assert current != expected
        initiative_page = real.article(lang, f"initiatives/{initiative_id}.md")
        assert text(initiative_page.find("h1").find_next_sibling("p").select_one(".sco-status")) == current


# --- Language of parts (WCAG 2.1 SC 3.1.2) ----------------------------------------------------


def test_source_titles_and_publishers_in_another_language_carry_their_lang(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        article = built.article(lang, "sources.md")
        for source in catalog.sources.values():
            title, title_lang = source.display_title(lang)
            h2 = article.find("h2", id=source.id)
            assert h2 is not None and text(h2) == norm(title)
            assert h2.get("lang") == (title_lang if title_lang != lang else None), source.id
            if source.publisher and source.language != lang:
                marked = [text(span) for span in h2.find_next_sibling("p").find_all("span", lang=source.language)]
                assert norm(source.publisher) in marked, source.id
        for uri in (f"initiatives/{i}.md" for i in catalog.initiatives):
            for a in built.article(lang, uri).select('a[href*="sources/#"]'):
                title, title_lang = catalog.sources[a["href"].rsplit("#", 1)[1]].display_title(lang)
                spans = a.find_all("span", lang=True)
                if title_lang == lang:
                    assert spans == [], uri
                else:
                    assert [(s["lang"], text(s)) for s in spans] == [(title_lang, norm(title))], uri


def test_quotes_in_the_other_language_carry_their_lang(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        other = "en" if lang == "de" else "de"
        quotes = {norm(c.quote[other]) for i in catalog.initiatives.values() for c in i.citations + tuple(c for s in i.status_history for c in s.citations) if c.quote}
        seen = 0
        for initiative in catalog.initiatives.values():
            for passage in built.article(lang, f"initiatives/{initiative.id}.md").select(".sco-quote__other"):
                (span,) = passage.find_all(lang=True)
                assert span["lang"] == other and text(span) in quotes
                seen += 1
        assert seen or not quotes


def test_the_root_language_chooser_marks_each_language(built: Built) -> None:
    soup = BeautifulSoup((built.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "mul"
    for lang in LANGUAGES:
        (link,) = soup.select(f'a[hreflang="{lang}"]')
        assert link["lang"] == lang and text(link).startswith(norm(built.catalog.site.title[lang]))
        assert [text(span) for span in soup.h1.find_all("span", lang=lang)] == [norm(built.catalog.site.title[lang])]


# --- Outside the pages' text: search index and drawings ----------------------------------------


def _plain(markup: str) -> str:
    return norm(BeautifulSoup(markup, "html.parser").get_text())


def test_search_index_shows_titles_and_summaries_as_written(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        index = json.loads((built.site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        docs = {doc["location"]: doc for doc in index["docs"]}
        entries = [(f"priorities/{p.id}/", p.title, p.summary) for p in catalog.priorities.values()]
        entries += [(f"initiatives/{i.id}/", i.title, i.summary) for i in catalog.initiatives.values()]
        entries += [(f"events/{e.id}/", e.title, e.summary) for e in catalog.events.values()]
        for location, title, summary in entries:
            assert _plain(docs[location]["title"]) == norm(title[lang]), location
            assert norm(summary[lang]) in _plain(docs[location]["text"]), location


def test_drawings_name_every_initiative_and_priority_as_written(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        svg = built.article(lang, "relations.md").find("svg")
        titles = [text(title) for title in svg.find_all("title")]
        for initiative in catalog.initiatives.values():
            assert f"{norm(initiative.title[lang])} – {status(initiative.current_status, lang)}" in titles
        for priority in catalog.ordered_priorities():
            if catalog.initiatives_by_priority.get(priority.id):
                assert norm(priority.title[lang]) in titles


def test_no_data_token_leaks_into_any_file(built: Built) -> None:
    leaks = []
    for path in built.site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".ics", ".csv", ".txt", ".js") and path.is_file():
            content = path.read_text(encoding="utf-8", errors="replace")
            if any("\ue000" <= ch <= "\ue1ff" for ch in content):
                leaks.append(str(path.relative_to(built.site)))
    assert leaks == []
