"""One term, one form: the site's own texts use the forms the terminology list names."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sco_site.model import Catalog, Citation, Source, Text
from sco_site.render.helpers import LABELS_FILE
from sco_site.terminology import GROUPS, guide_table, terms
from tests.sitebuild import ROOT

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "de": ROOT / "CONTRIBUTING.de.md"}
START, END = "<!-- terminology: start -->", "<!-- terminology: end -->"


def _texts(value: object, where: str) -> Iterator[tuple[str, Text]]:
    """Every text the site writes itself, with where it is: quotations and published titles left out."""
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, Citation):
        return  # a quotation stays as it was said
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if isinstance(value, Source) and field.name == "title":
                continue  # as published
            yield from _texts(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, (tuple, list)):
        for n, item in enumerate(value):
            yield from _texts(item, f"{where}[{n}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{where}.{key}")


def _site_texts(catalog: Catalog, lang: str) -> Iterator[tuple[str, str]]:
    for kind in ("priorities", "initiatives", "events", "actors", "places", "sources"):
        for entity_id, entity in getattr(catalog, kind).items():
            for where, text in _texts(entity, f"data/{kind}/{entity_id}.yml"):
                yield where, text[lang]
    for where, text in _texts(catalog.site, "data/site.yml"):
        yield where, text[lang]
    for where, text in _texts(catalog.glossary, "data/glossary.yml"):
        yield where, text[lang]
    labels = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    for key, value in labels.items():
        if isinstance(value.get(lang), str):
            yield f"labels.yml {key}", value[lang]
        elif isinstance(value.get(lang), dict):
            for sub, label in value[lang].items():
                yield f"labels.yml {key}.{sub}", str(label)
    page = (ROOT / "docs" / lang / "about.md").read_text(encoding="utf-8")
    yield f"docs/{lang}/about.md", page


QUOTED = re.compile(r"„[^“]*“|“[^”]*”")


def _violations(catalog: Catalog, lang: str) -> list[str]:
    found = []
    for where, written in _site_texts(catalog, lang):
        text = QUOTED.sub("", written)  # a passage in quotation marks is quoted as it was written
        for term in terms():
            pattern = term.variant_pattern(lang)
            if pattern and (match := pattern.search(text)):
                found.append(f"{where}: '{match.group(0)}' – write '{term.forms[lang]}'")
    return found


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_site_uses_one_form_per_term(catalog: Catalog, lang: str) -> None:
    assert _violations(catalog, lang) == []


def test_a_ruled_out_variant_is_found(catalog: Catalog) -> None:
    bad = dataclasses.replace(catalog.initiatives["energy-strategy"], summary=Text(de="Tokayev in Bishkek.", en="The SCO energy strategy."))
    broken = dataclasses.replace(catalog, initiatives={**catalog.initiatives, "energy-strategy": bad})
    assert any("'Tokayev'" in v for v in _violations(broken, "de"))
    assert any("'Bishkek'" in v for v in _violations(broken, "de"))
    assert any("'SCO energy strategy'" in v for v in _violations(broken, "en"))
    # Quotations stay as said: the seed article's „Tokayev“ is no violation.
    assert not any("seed-article" in v and "quote" in v for v in _violations(catalog, "de"))


def test_the_list_is_well_formed() -> None:
    for term in terms():
        assert term.group in GROUPS
        for lang in ("de", "en"):
            pattern = term.variant_pattern(lang)
            # The form to use is never itself ruled out.
            assert not (pattern and pattern.search(term.forms[lang])), term.forms[lang]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_guide_shows_the_list(lang: str) -> None:
    guide = GUIDES[lang].read_text(encoding="utf-8")
    assert START in guide and END in guide, f"{GUIDES[lang].name} lacks the terminology markers"
    shown = guide.split(START, 1)[1].split(END, 1)[0].strip()
    assert shown == guide_table(lang).strip(), f"update the table in {GUIDES[lang].name}: python -m sco_site.terminology {lang}"
