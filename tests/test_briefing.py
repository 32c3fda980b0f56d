"""The printable briefing, built, in both languages: every initiative with its status, date and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_site.constants import LANGUAGES
from sco_site.model import Catalog
from sco_site.render.helpers import labels
from tests.htmlsite import BuiltPage


def _text(element) -> str:
    return " ".join(element.get_text().replace("¶", "").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_briefing_lists_every_initiative_with_status_date_and_its_sources(built_site: Path, catalog: Catalog, lang: str) -> None:
    page = BuiltPage(built_site, Path(lang) / "briefing" / "index.html")
    article = page.soup.select_one("article")
    references = {}
    for item in article.select(".sco-briefing__refs li"):
        anchor = item.find("span", id=True)
        references[anchor["id"]] = item
    rows = {}
    for row in article.select("table tbody tr"):
        link = row.find("a")
        initiative_id = page.resolve(link["href"])[0].split("/")[2]
        assert initiative_id not in rows, f"{initiative_id} listed twice"
        rows[initiative_id] = row
    assert set(rows) == set(catalog.initiatives)
    for initiative in catalog.initiatives.values():
        cells = rows[initiative.id].find_all("td")
        assert _text(cells[0]) == initiative.title[lang]
        assert cells[1].select_one(".sco-status")["class"][1] == f"sco-status--{initiative.current_status}"
        outcome = initiative.outcome
        date = cells[1].select_one(".sco-briefing__date")
        assert (_text(date) if date else None) == ((outcome.date.format(lang) if outcome.date else labels()["date_unrecorded"][lang]) if outcome else None), initiative.id
        cited = list(dict.fromkeys(c.source_id for c in initiative.citations + tuple(c for s in initiative.status_history for c in s.citations)))
        listed = []
        for ref in cells[2].find_all("a"):
            target = ref["href"].lstrip("#")
            assert target in references, (initiative.id, target)
            listed.append(references[target])
        assert len(listed) == len(cited), initiative.id
        for item, source_id in zip(listed, cited):
            source = catalog.sources[source_id]
            assert source.display_title(lang)[0] in _text(item), (initiative.id, source_id)
            if source.url:
                assert source.url in [a["href"] for a in item.find_all("a")], (initiative.id, source_id)
    # Priorities in their order, each a heading before its table; the sources last.
    headings = [_text(h) for h in article.find_all("h2")]
    titles = [p.title[lang] for p in catalog.ordered_priorities() if catalog.initiatives_by_priority.get(p.id)]
    assert [h for h in headings if h in titles] == titles
    assert article.find_all("h2")[-1]["id"] == "references"
