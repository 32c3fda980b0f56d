"""The benchmark's inputs: synthetic data sets are valid, and pages match entities.

Timings belong to ``make bench``; these tests only check what it builds on.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from bench.plain import read_config, write_plain_projects
from bench.project import make_project
from bench.synthetic import write_dataset
from sco_site import schema
from sco_site.constants import LANGUAGES
from sco_site.errors import ProblemList
from sco_site.loader import load_data
from sco_site.model import Catalog
from sco_site.pages import generate_pages
from sco_site.schema import _registry, schema_path, schema_problems
from sco_site.yamlsource import parse_yaml

INITIATIVES = 20


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    data = tmp_path_factory.mktemp("bench") / "data"
    write_dataset(data, initiatives=INITIATIVES)
    return load_data(data)


def test_small_synthetic_data_set_is_valid_and_complete(small: Catalog) -> None:
    assert len(small.initiatives) == INITIATIVES
    assert len(small.events) == INITIATIVES // 2
    assert small.site.article_id in small.sources
    assert any(step.date and step.date.end for i in small.initiatives.values() for step in i.status_history)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_page_per_entity(small: Catalog, lang: str) -> None:
    uris = [page.src_uri for page in generate_pages(small, lang)]
    assert len(uris) == len(set(uris))
    folders = Counter(uri.split("/")[0] for uri in uris if "/" in uri and not uri.endswith("/index.md"))
    assert folders == {"initiatives": len(small.initiatives), "events": len(small.events), "priorities": len(small.priorities), "actors": len(small.actors)}


def test_plain_reference_has_the_same_pages_without_hooks(tmp_path: Path, small: Catalog) -> None:
    project = make_project(tmp_path / "project", INITIATIVES)
    configs = write_plain_projects(project, tmp_path / "plain")
    for lang, config_file in zip(LANGUAGES, configs):
        config = read_config(config_file)
        assert "hooks" not in config and config["theme"]["language"] == lang
        written = {p.relative_to(config_file.parent / "docs").as_posix() for p in (config_file.parent / "docs").rglob("*.md")}
        assert {page.src_uri for page in generate_pages(small, lang)} <= written


@pytest.mark.parametrize(
    "text",
    [
        "id: Bad Id\nkind: document\npriorities: [security, security]\ntitle: {de: ''}\nsummary: x\nstatus: []\nsources: [{source: 1, quote: {de: a}}]\nextra: 1\n",
        "id: x\nkind: dokument\npriorities: []\ntitle: {de: a, en: b, fr: c}\nsummary: {de: a, en: ' '}\nstatus: [{status: adopted, date: 2024-13-01, note: 3}]\nsourcs: []\n",
    ],
)
def test_written_out_schema_reports_what_the_referencing_one_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Validation runs on schemas with their references resolved once; the messages must not change."""
    doc = parse_yaml(text, "initiatives/x.yml", ProblemList())
    assert doc is not None
    fast = schema_problems(doc, "initiative")
    referencing = Draft202012Validator(json.loads(schema_path("initiative").read_text(encoding="utf-8")), registry=_registry())
    monkeypatch.setattr(schema, "validator_for", lambda kind: referencing)
    assert len(fast) >= 5
    assert fast == schema_problems(doc, "initiative")
