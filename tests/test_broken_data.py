"""Every broken data set in fixtures/broken/ gives exactly the report stored beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_site.errors import DataError
from sco_site.loader import load_data
from tests.data_cases import broken_case_names, build_broken_case, copy_valid_data, expected_report

CASES = broken_case_names()


def test_the_corpus_covers_enough_mistakes() -> None:
    assert len(CASES) >= 60


def test_the_valid_base_loads(tmp_path: Path) -> None:
    catalog = load_data(copy_valid_data(tmp_path))
    assert set(catalog.initiatives) == {"world-unity-initiative", "energy-strategy"}


@pytest.mark.parametrize("case", CASES)
def test_broken_data_is_reported_exactly(case: str, tmp_path: Path) -> None:
    data_dir = build_broken_case(case, tmp_path)
    with pytest.raises(DataError) as raised:
        load_data(data_dir)
    assert raised.value.report() == expected_report(case)


@pytest.mark.parametrize("case", [case for case in CASES if case != "several-problems"])
def test_each_mistake_is_one_located_problem(case: str, tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        load_data(build_broken_case(case, tmp_path))
    [problem] = raised.value.problems
    assert problem.location.file.startswith("data/")
    # Only a file has lines; a folder or a missing file is named alone.
    is_folder_or_absent = not (tmp_path / problem.location.file).is_file()
    assert problem.location.line >= 1 or is_folder_or_absent
