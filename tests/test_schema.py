"""Schema checks of single files, worded for the people who edit them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_site.constants import ENTITY_FOLDERS, SINGLE_FILES
from sco_site.errors import ProblemList
from sco_site.schema import field_name, schema_problems
from sco_site.yamlsource import parse_yaml, read_yaml_file
from tests.data_cases import VALID_DATA

SOURCE = """\
id: astana-declaration
type: official
title: Astana Declaration
language: en
publisher: SCO
url: https://sco.example/declaration
"""


def check(text: str, kind: str) -> list[str]:
    problems = ProblemList()
    doc = parse_yaml(text, "data/x.yml", problems)
    assert doc is not None and not problems
    return [str(problem) for problem in schema_problems(doc, kind)]


def _kind_of(file: Path) -> str:
    return SINGLE_FILES.get(file.name) or ENTITY_FOLDERS[file.parent.name]


@pytest.mark.parametrize("file", sorted(VALID_DATA.rglob("*.yml")), ids=lambda f: f.name)
def test_every_valid_fixture_file_passes(file: Path) -> None:
    problems = ProblemList()
    doc = read_yaml_file(file, file.name, problems)
    assert doc is not None
    assert schema_problems(doc, _kind_of(file)) == []


def test_field_names_count_list_entries_from_one() -> None:
    assert field_name(("status", 2, "date")) == "status → #3 → date"
    assert field_name(()) == "the file"


def test_a_wrong_type_is_one_problem_not_several() -> None:
    assert check(SOURCE.replace("type: official", "type: [official]"), "source") == ["data/x.yml:2:7: 'type' should be a text, but is a list"]


def test_a_misspelt_key_is_not_also_reported_missing() -> None:
    assert check(SOURCE.replace("publisher:", "publsher:"), "source") == ["data/x.yml:5:1: unknown key 'publsher' (did you mean 'publisher'?)"]


def test_an_unrelated_extra_key_and_a_missing_key_are_both_reported() -> None:
    problems = check(SOURCE.replace("language: en", "colour: blue"), "source")
    assert problems == [
        "data/x.yml:1:1: 'language' is missing (add it; CONTRIBUTING.md shows a complete example)",
        "data/x.yml:4:1: unknown key 'colour' (allowed here: author, id, language, note, published, publisher, site_title, title, type, url)",
    ]


def test_several_missing_keys_are_named_together() -> None:
    assert check("id: astana\n", "place") == ["data/x.yml:1:1: 'name', 'description', 'sources' are missing (add them; CONTRIBUTING.md shows a complete example)"]


def test_a_text_without_both_languages() -> None:
    text = "id: astana\nname: {}\ndescription: {de: x, en: y}\nsources: [{source: a}]\n"
    assert check(text, "place") == ["data/x.yml:2:1: the German ('de') and English ('en') texts are missing in 'name' (every text needs both 'de' and 'en')"]


def test_a_file_that_is_not_a_block() -> None:
    assert check("- id: astana\n", "place") == ["data/x.yml:1:1: the file should be a block of 'key: value' lines, but is a list (copy an existing file of the same kind as a start)"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "'url' must be a web address starting with https://, not 'javascript:' (copy the address from the browser's address bar)"),
        ("JavaScript:alert(1)", "'url' must be a web address starting with https://, not 'JavaScript:' (copy the address from the browser's address bar)"),
        ("data:text/html,<b>x</b>", "'url' must be a web address starting with https://, not 'data:' (copy the address from the browser's address bar)"),
        ("ftp://sco.example/x", "'url' must be a web address starting with https://, not 'ftp:' (copy the address from the browser's address bar)"),
        ("www.sco.example", "'url' must be a web address starting with https://, not 'www.sco.example' (copy the address from the browser's address bar)"),
        ("https://sco.example/a b", "'url' contains a space (web addresses have no spaces; copy the address from the browser's address bar)"),
        ('"https://sco.example/a\\"onmouseover=x"', "'url' contains the character \", which a web address cannot contain (copy the address from the browser's address bar)"),
        ("HTTPS://sco.example/", "'url' must start with a lower-case https:// (write https:// in small letters)"),
    ],
)
def test_links_other_than_plain_web_addresses_are_refused(url: str, expected: str) -> None:
    assert check(SOURCE.replace("https://sco.example/declaration", url), "source") == [f"data/x.yml:6:6: {expected}"]


@pytest.mark.parametrize("url", ["http://sco.example/", "https://sco.example/a?b=c&d=e#f", "https://sco.example/%20x"])
def test_plain_web_addresses_pass(url: str) -> None:
    assert check(SOURCE.replace("https://sco.example/declaration", url), "source") == []


def test_an_id_of_the_wrong_shape() -> None:
    assert check(SOURCE.replace("id: astana-declaration", "id: Astana_Declaration"), "source") == [
        "data/x.yml:1:5: 'id' is 'Astana_Declaration', which is not a valid id (ids use lower-case letters a-z, digits and single hyphens, e.g. 'world-unity-initiative')"
    ]


def test_a_choice_close_to_an_allowed_one_is_suggested() -> None:
    assert check(SOURCE.replace("type: official", "type: oficial"), "source") == ["data/x.yml:2:7: 'oficial' is not allowed as 'type' (did you mean 'official'?)"]


def test_a_choice_far_from_all_lists_them() -> None:
    assert check(SOURCE.replace("language: en", "language: french"), "source") == ["data/x.yml:4:11: 'french' is not allowed as 'language' (choose one of: de, en, ru, kk, zh)"]


def test_a_too_long_text() -> None:
    assert check(SOURCE.replace("title: Astana Declaration", "title: " + "x" * 4001), "source") == [
        "data/x.yml:3:8: 'title' is too long (4001 characters) (at most 4000 characters are allowed)"
    ]


def test_numbers_out_of_range() -> None:
    priority = "id: a\norder: 0\nicon: shield\ntitle: {de: x, en: y}\nsummary: {de: x, en: y}\nsources: [{source: a}]\n"
    assert check(priority, "priority") == ["data/x.yml:2:8: 'order' is 0, which is too small (the minimum is 1)"]


def test_an_empty_status_list() -> None:
    text = "id: a\nkind: fund\npriorities: []\ntitle: {de: x, en: y}\nsummary: {de: x, en: y}\nstatus: []\nsources: [{source: a}]\n"
    assert check(text, "initiative") == ["data/x.yml:6:9: 'status' is an empty list (add at least one entry)"]
