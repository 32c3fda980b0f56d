"""What a reader sees on the built pages is what the data says, in the page's language.

The rendered HTML of a full `mkdocs build --strict` (built once per session),
read like a reader reads it, against the model: of the real data and of a
synthetic data set. Every date, title, status and link the templates mean to
show must be visible text in the right element, and nothing else may appear.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from bench.synthetic import write_dataset
from sco_site.constants import LANGUAGES
from sco_site.dates import DateSpan
from sco_site.loader import load_data
from sco_site.model import Catalog, Initiative
from sco_site.pages import generate_pages
from sco_site.render.helpers import labels, url_of
from tests.sitebuild import copy_project, run_mkdocs


@dataclass(frozen=True)
class Built:
    name: str
    catalog: Catalog
    site: Path

    def article(self, lang: str, uri: str) -> Tag:
        path = self.site / lang / (url_of(uri) + "index.html")
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


@pytest.fixture(scope="session", params=["real", "synthetic"])
def built(request: pytest.FixtureRequest, catalog: Catalog) -> Built:
    if request.param == "real":
        return Built("real", catalog, request.getfixturevalue("built_site"))
    return request.getfixturevalue("synthetic_site")


def text(element: Tag | None) -> str:
    assert element is not None
    return " ".join(element.get_text().split())


def label(key: str, lang: str) -> str:
    return labels()[key][lang]


def date(span: DateSpan | None, lang: str) -> str:
    return span.format(lang) if span else label("date_unrecorded", lang)


def status(value: str, lang: str) -> str:
    return labels()["status_label"][lang][value]


def heading(article: Tag, level: str, title: str) -> Tag:
    found = [h for h in article.find_all(level) if text(h) == title]
    assert len(found) == 1, f"{level} {title!r} among {[text(h) for h in article.find_all(level)]}"
    return found[0]


def link_target(page_uri: str, href: str) -> str:
    """Where a link on a page goes, as a page URL relative to the language root."""
    base = url_of(page_uri)
    return posixpath.normpath(posixpath.join(base, href.split("#")[0])).strip(".") + "/"


def check_link(a: Tag | None, page_uri: str, title: str, target_uri: str) -> None:
    assert a is not None and a.name == "a", a
    assert text(a) == title
    assert link_target(page_uri, a["href"]) == "/" + url_of(target_uri) or link_target(page_uri, a["href"]) == url_of(target_uri)


def items_after(element: Tag) -> list[Tag]:
    """The items of the list right after a heading."""
    found = element.find_next_sibling(["ul", "ol", "p", "h2", "h3", "div"])
    assert found is not None and found.name == "ul", f"no list after {text(element)!r}: {found}"
    return found.find_all("li", recursive=False)


def test_all_initiatives_groups_are_headings_with_one_row_per_initiative(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        article = built.article(lang, "initiatives/index.md")
        groups = [(p.title[lang], [catalog.initiatives[i] for i in catalog.initiatives_by_priority.get(p.id, ())]) for p in catalog.ordered_priorities()]
        groups.append((catalog.site.cross_cutting_title[lang], catalog.cross_cutting()))
        groups = [(title, items) for title, items in groups if items]
        assert [text(h) for h in article.find_all("h2")] == [title for title, _ in groups]
        for title, items in groups:
            table = heading(article, "h2", title).find_next_sibling()
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
    assert text(cells[3]) == (date(initiative.outcome.date, lang) if initiative.outcome else "–")


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
            assert text(article.find("h1")) == priority.title[lang]
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
                assert text(item) == f"{date(event.date, lang)}: {event.title[lang]}{place}", uri
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
                assert [text(li.find("a")) for li in items] == [i.title[lang] for i in members], uri


def test_initiative_pages_show_title_history_and_events(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for initiative in catalog.initiatives.values():
            uri = f"initiatives/{initiative.id}.md"
            article = built.article(lang, uri)
            assert text(article.find("h1")) == initiative.title[lang]
            expected = []
            for step in initiative.status_history:
                place = f", {catalog.places[step.place_id].name[lang]}" if step.place_id else ""
                expected.append(f"{status(step.status, lang)}: {date(step.date, lang)}{place}")
            assert [text(h) for h in article.find_all("h3")] == expected, uri
            events = [catalog.events[e] for e in catalog.events_by_initiative.get(initiative.id, ())]
            if events:
                items = items_after(heading(article, "h2", label("events", lang)))
                assert [text(li) for li in items] == [f"{date(e.date, lang)}: {e.title[lang]}" for e in events], uri
                for item, event in zip(items, events):
                    check_link(item.find("a"), uri, event.title[lang], f"events/{event.id}.md")


def test_event_pages_show_title_and_full_date(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        for event in catalog.events.values():
            uri = f"events/{event.id}.md"
            article = built.article(lang, uri)
            assert text(article.find("h1")) == event.title[lang]
            first = text(article.find("h1").find_next_sibling("p"))
            assert first.startswith(f"{label('date', lang)}: {date(event.date, lang)}"), uri


def test_timeline_lists_every_event_with_its_date_in_order(built: Built) -> None:
    catalog = built.catalog
    for lang in LANGUAGES:
        article = built.article(lang, "timeline.md")
        events = catalog.ordered_events()
        assert [text(span) for span in article.select(".sco-timeline__date")] == [date(e.date, lang) for e in events]
        assert [text(h) for h in article.find_all("h2")] == sorted({str(e.date.year) for e in events})
        titles = [text(li.find("strong")) for li in article.select(".sco-timeline > ul > li")]
        assert titles == [e.title[lang] for e in events]


# --- Nothing appears that the templates did not ask for -------------------------------------

VISIBLE_MARKDOWN = re.compile(r"(^|\s)#{1,6}\s|\|\s*-{3}|\*\[|\]\(|\{:|\?\?\?|!!!")


def generated(built: Built, lang: str) -> Iterator[tuple[str, str, Tag]]:
    for page in generate_pages(built.catalog, lang):
        yield page.src_uri, page.markdown, built.article(lang, page.src_uri)


def test_no_markdown_syntax_is_visible(built: Built) -> None:
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
            assert len(article.find_all("tr")) == len(rows), f"{lang}/{uri}"


def test_no_unexpected_elements(built: Built) -> None:
    for lang in LANGUAGES:
        glossary = {" ".join(t.abbreviation[lang].split()): " ".join(t.meaning[lang].split()) for t in built.catalog.glossary}
        for uri, _markdown, article in generated(built, lang):
            where = f"{lang}/{uri}"
            assert not article.select("ul ol, ol"), f"{where}: a numbered list"
            assert not article.find("details"), f"{where}: a collapsible block"
            assert not article.select(".admonition"), f"{where}: an admonition"
            assert not article.find(["script", "iframe", "img", "pre", "code", "strike", "del", "sup"]), where
            assert all(em.find_parent(class_="sco-cite") for em in article.find_all("em")), f"{where}: emphasis"
            assert not article.find("hr") or uri == "index.md", f"{where}: a rule"
            for abbr in article.find_all("abbr"):
                assert glossary.get(text(abbr)) == abbr.get("title"), f"{where}: {abbr}"
