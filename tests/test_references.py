"""Checks across files: ids, references and real dates."""

from __future__ import annotations

import pytest

from sco_site.errors import ProblemList
from sco_site.references import Index, check_dates, check_references, index_ids, walk
from sco_site.yamlsource import YamlDocument, parse_yaml


def doc(path: str, text: str) -> YamlDocument:
    problems = ProblemList()
    parsed = parse_yaml(text, path, problems)
    assert parsed is not None and not problems
    return parsed


def messages(problems: ProblemList) -> list[str]:
    return sorted(str(problem) for problem in problems.problems)


PLACE = doc("data/places/astana.yml", "id: astana\n")
ACTOR = doc("data/actors/kazakhstan.yml", "id: kazakhstan\n")
OTHER = doc("data/initiatives/energy-strategy.yml", "id: energy-strategy\n")


def index_of(*extra: tuple[str, YamlDocument]) -> Index:
    documents: dict[str, list[YamlDocument]] = {"place": [PLACE], "actor": [ACTOR], "initiative": [OTHER]}
    for kind, document in extra:
        documents.setdefault(kind, []).append(document)
    problems = ProblemList()
    index = index_ids(documents, problems)
    assert not problems
    return index


def test_walk_finds_values_under_lists() -> None:
    data = {"status": [{"place": "a"}, {"note": "x"}, {"place": "b"}]}
    assert list(walk(data, "status.*.place")) == [(("status", 0, "place"), "a"), (("status", 2, "place"), "b")]
    assert list(walk(data, "missing.*")) == []
    assert list(walk({"status": "text"}, "status.*.place")) == []


def test_index_maps_ids_to_documents() -> None:
    index = index_of()
    assert index["place"]["astana"] is PLACE
    assert index["event"] == {}


def test_a_duplicate_id_is_reported_on_the_file_not_named_after_it() -> None:
    copy = doc("data/places/almaty.yml", "id: astana\n")
    problems = ProblemList()
    index = index_ids({"place": [copy, PLACE]}, problems)
    assert messages(problems) == [
        "data/places/almaty.yml:1:5: the id 'astana' is already used by data/places/astana.yml (every file needs its own id: change it here, and name the file after it)"
    ]
    assert index["place"]["astana"] is PLACE
    assert "almaty" in index["place"]  # stands in, so references to almaty are not reported too


def test_an_id_that_differs_from_the_file_name() -> None:
    renamed = doc("data/places/almaty.yml", "id: almaty-city\n")
    problems = ProblemList()
    index_ids({"place": [renamed]}, problems)
    assert messages(problems) == ["data/places/almaty.yml:1:5: the id 'almaty-city' does not match the file name 'almaty.yml' (rename the file to almaty-city.yml or change the id to 'almaty')"]


def test_unreadable_files_stand_in_for_their_file_name() -> None:
    problems = ProblemList()
    index = index_ids({"place": [PLACE]}, problems, {"place": ["data/places/almaty.yml"]})
    assert not problems
    assert set(index["place"]) == {"astana", "almaty"}


def initiative(text: str) -> YamlDocument:
    return doc("data/initiatives/world-unity-initiative.yml", "id: world-unity-initiative\n" + text)


def references(document: YamlDocument) -> list[str]:
    problems = ProblemList()
    check_references(document, "initiative", index_of(("initiative", document)), problems)
    return messages(problems)


def test_known_references_pass() -> None:
    assert references(initiative("proposed_by: [kazakhstan]\nrelated: [energy-strategy]\nplanned: {place: astana}\n")) == []


def test_an_unknown_reference_suggests_a_close_id() -> None:
    assert references(initiative("planned:\n  place: astna\n")) == ["data/initiatives/world-unity-initiative.yml:3:10: there is no place with the id 'astna' (did you mean 'astana'?)"]


def test_an_unknown_reference_without_a_close_id() -> None:
    assert references(initiative("proposed_by: [china]\n")) == [
        "data/initiatives/world-unity-initiative.yml:2:15: there is no actor with the id 'china' (add data/actors/china.yml or use an existing id)"
    ]


def test_a_reference_to_the_wrong_kind_names_both_kinds() -> None:
    assert references(initiative("status:\n  - event: astana\n")) == [
        "data/initiatives/world-unity-initiative.yml:3:12: 'astana' is a place, but 'status → #1 → event' needs an event (use the id of a file in data/events/)"
    ]


def test_an_initiative_related_to_itself() -> None:
    assert references(initiative("related: [world-unity-initiative]\n")) == [
        "data/initiatives/world-unity-initiative.yml:2:11: an initiative cannot be related to itself (remove this line)"
    ]


def event(text: str) -> YamlDocument:
    return doc("data/events/x.yml", text)


def dates(document: YamlDocument, kind: str = "event") -> list[str]:
    problems = ProblemList()
    check_dates(document, kind, problems)
    return messages(problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2024-02-30", "data/events/x.yml:1:7: 'date' is 2024-02-30, which is not a real date (February 2024 has 29 days)"),
        ("date: 2023-02-29", "data/events/x.yml:1:7: 'date' is 2023-02-29, which is not a real date (February 2023 has 28 days)"),
        ("date: 2024-13", "data/events/x.yml:1:7: 'date' is 2024-13, which is not a real date (there is no month 13)"),
        ("date: 2024-00", "data/events/x.yml:1:7: 'date' is 2024-00, which is not a real date (months and days count from 01)"),
        ('date: "0000"', "data/events/x.yml:1:7: 'date' is 0000, which is not a real date (there is no year 0000)"),
    ],
)
def test_impossible_dates(text: str, expected: str) -> None:
    assert dates(event(text)) == [expected]


def test_both_ends_of_a_span_are_checked() -> None:
    assert dates(event("date: 2024-02-30\nend: 2024-02-31\n")) == [
        "data/events/x.yml:1:7: 'date' is 2024-02-30, which is not a real date (February 2024 has 29 days)",
        "data/events/x.yml:2:6: 'end' is 2024-02-31, which is not a real date (February 2024 has 29 days)",
    ]


def test_a_span_that_ends_before_it_starts() -> None:
    assert dates(event("date: 2024-07-03\nend: 2024-07-01\n")) == [
        "data/events/x.yml:2:6: 'end' (2024-07-01) is before the start (2024-07-03) (the end must be on or after the start; are the two swapped?)"
    ]


@pytest.mark.parametrize("text", ["date: 2024-07-03\nend: 2024-07-03", "date: 2024-07\nend: 2024-07-04", "date: \"2024\"\nend: 2024-01", "date: 2023-12-31\nend: \"2024\""])
def test_spans_that_end_on_or_after_their_start_pass(text: str) -> None:
    assert dates(event(text)) == []


def test_an_end_without_a_start() -> None:
    steps = initiative("status:\n  - status: held\n    end: 2024-07-04\n")
    assert dates(steps, "initiative") == ["data/initiatives/world-unity-initiative.yml:4:5: 'status → #1 → end' is given without a start 'date' (add 'date:' with the first day, or remove the end)"]


def test_dates_of_the_wrong_shape_are_left_to_the_schema() -> None:
    assert dates(event("date: 4 July 2024\nend: 2024\n")) == []


def test_dates_in_every_kind_of_file_are_checked() -> None:
    assert dates(initiative("planned:\n  date: 2024-02-30\n"), "initiative") != []
    assert dates(doc("data/sources/s.yml", "published: 2024-02-30\n"), "source") != []
    assert dates(doc("data/site.yml", "chairmanship:\n  start: 2024-07-05\n  end: 2023-07-04\n"), "site") != []
