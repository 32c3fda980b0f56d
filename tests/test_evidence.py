"""Source types beside citations, evidence counted per status step, the day an outcome was checked."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from sco_site.constants import SOURCE_TYPES
from sco_site.errors import ProblemList
from sco_site.exports import dataset_json, dataset_schema, initiatives_csv
from sco_site.model import Catalog
from sco_site.render.helpers import labels
from sco_site.schema import schema_problems
from sco_site.yamlsource import parse_yaml

LANGS = ("de", "en")


def _page(site: Path, lang: str, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / lang / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _content(soup: BeautifulSoup) -> Tag:
    return soup.select_one("article.md-content__inner")


def _steps(soup: BeautifulSoup) -> list[list[Tag]]:
    """The elements of each status step: from its h3 up to the next heading."""
    steps: list[list[Tag]] = []
    for heading in _content(soup).find_all("h3"):
        elements = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            elements.append(sibling)
        steps.append(elements)
    return steps


def test_every_initiative_says_when_its_outcome_was_checked(catalog: Catalog) -> None:
    unchecked = [i.id for i in catalog.initiatives.values() if i.checked is None]
    assert unchecked == []


def test_checked_day_is_on_each_initiative_page_in_both_languages(built_site: Path, catalog: Catalog) -> None:
    for initiative in catalog.initiatives.values():
        for lang in LANGS:
            shown = _content(_page(built_site, lang, f"initiatives/{initiative.id}")).select("p.sco-checked")
            assert [p.get_text(" ", strip=True) for p in shown] == [f"{labels()['checked'][lang]}: {initiative.checked.format(lang)}"]
    # Not the same as the day the file changed: that one stays in the citation line.
    text = _content(_page(built_site, "de", "initiatives/unep-partnership")).get_text(" ", strip=True)
    assert "Ergebnis zuletzt mit den Nachrichten abgeglichen: 30. November 2026" in text


def test_checked_day_is_in_every_export(catalog: Catalog) -> None:
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(initiatives_csv(catalog)))}
    data = {i["id"]: i for i in json.loads(dataset_json(catalog))["initiatives"]}
    for initiative in catalog.initiatives.values():
        assert rows[initiative.id]["checked"] == initiative.checked.iso() == data[initiative.id]["checked"]
    assert "checked" in dataset_schema()["$defs"]["initiative"]["properties"]
    assert rows["year-of-environment"]["checked"] == "2026-11-30"


def test_every_citation_shows_its_source_type(built_site: Path, catalog: Catalog) -> None:
    for lang in LANGS:
        names = labels()["source_type"][lang]
        for initiative in catalog.initiatives.values():
            content = _content(_page(built_site, lang, f"initiatives/{initiative.id}"))
            cited = [a for a in content.find_all("a", href=True) if re.search(r"sources/#[a-z0-9-]+$", a["href"])]
            assert cited, initiative.id
            for link in cited:
                source = catalog.sources[link["href"].rsplit("#", 1)[1]]
                badge = link.find_next_sibling("span")
                assert badge is not None and "sco-source-type" in badge["class"], (initiative.id, source.id)
                assert badge.get_text(strip=True) == names[source.type]


def test_each_status_step_counts_its_sources_by_type(built_site: Path, catalog: Catalog) -> None:
    pattern = re.compile(r"(\d+) ")
    for lang in LANGS:
        for initiative in catalog.initiatives.values():
            steps = _steps(_page(built_site, lang, f"initiatives/{initiative.id}"))[: len(initiative.status_history)]
            for step, elements in zip(initiative.status_history, steps, strict=True):
                evidence = [e for e in elements if "sco-evidence" in (e.get("class") or [])]
                assert len(evidence) == 1, (initiative.id, step.status)
                counted = sum(int(n) for n in pattern.findall(evidence[0].get_text()))
                assert counted == len({c.source_id for c in step.citations}), (initiative.id, step.status)
    # A step resting on one official text and two press reports says so, in each language.
    energy = {lang: _steps(_page(built_site, lang, "initiatives/energy-strategy")) for lang in LANGS}
    assert energy["en"][-1][1].get_text(strip=True) == "Evidence: 1 official source, 2 news reports"
    assert energy["de"][-1][1].get_text(strip=True) == "Belege: 1 amtliche Quelle, 2 Nachrichtenberichte"
    assert energy["en"][0][1].get_text(strip=True) == "Evidence: 1 news report, 1 base article"


def test_source_types_are_named_once() -> None:
    for lang in LANGS:
        assert set(labels()["source_type"][lang]) == set(SOURCE_TYPES)
        assert set(labels()["source_type_count"][lang]) == set(SOURCE_TYPES)


def test_titles_written_by_the_site_follow_the_page_language(built_site: Path, catalog: Catalog) -> None:
    written = catalog.sources["kremlin-astana-summit"]
    published = catalog.sources["astanatimes-2024-01-year-of-environment"]
    assert written.title is None and published.site_title is None
    for lang in LANGS:
        content = _content(_page(built_site, lang, "sources"))
        heading = content.find(id="kremlin-astana-summit")
        assert heading.get_text().strip().rstrip("¶") == written.site_title[lang]
        assert heading.find_next_sibling("p").find_next_sibling("p").get_text().strip() == labels()["site_title_marker"][lang]
        # A title as published stays as published, whatever the page's language.
        assert content.find(id=published.id).get_text().strip().rstrip("¶") == published.title


def _source_problems(text: str) -> list[str]:
    problems = ProblemList()
    doc = parse_yaml(text, "data/sources/x.yml", problems)
    assert doc is not None and not problems
    return [str(problem) for problem in schema_problems(doc, "source")]


def test_a_source_needs_a_title_as_published_or_one_written_by_the_site() -> None:
    text = "id: x\ntype: news\nlanguage: en\n"
    assert _source_problems(text) == ["data/sources/x.yml:1:1: 'title' is missing (add it; CONTRIBUTING.md shows a complete example)"]
    assert _source_problems(text + "site_title: {de: Ein Bericht, en: A report}\n") == []
    assert _source_problems(text + "title: A Report\n") == []


def test_each_quotation_appears_once_per_page(built_site: Path) -> None:
    for path in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        quotes = [" ".join(q.get_text(" ", strip=True).split()) for q in soup.find_all("blockquote")]
        for n, quote in enumerate(quotes):
            others = quotes[:n] + quotes[n + 1 :]
            assert not any(quote in other for other in others), f"{path.relative_to(built_site)} repeats: {quote[:80]}"


def test_one_priority_is_labelled_in_the_singular(built_site: Path, catalog: Catalog) -> None:
    for initiative in catalog.initiatives.values():
        for lang in LANGS:
            text = _content(_page(built_site, lang, f"initiatives/{initiative.id}")).get_text(" ")
            singular, plural = labels()["priority"][lang], labels()["priorities"][lang]
            expected = plural if len(initiative.priority_ids) > 1 else singular
            assert f"{expected}:" in text and (expected == plural or f"{plural}:" not in text), (initiative.id, lang)
