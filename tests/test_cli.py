"""The command line and a full MkDocs build, as an editor or CI runs them."""

from __future__ import annotations

from tests.sitebuild import copy_project

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.data_cases import build_broken_case, copy_valid_data, expected_report

PROJECT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)


def test_check_passes_valid_data(tmp_path: Path) -> None:
    result = run("-m", "sco_site", "check", str(copy_valid_data(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "is valid: 1 priorities, 2 initiatives" in result.stdout
    assert result.stderr == ""


def test_check_reports_every_problem_on_stderr(tmp_path: Path) -> None:
    result = run("-m", "sco_site", "check", str(build_broken_case("several-problems", tmp_path)))
    assert result.returncode == 1
    assert result.stderr.strip() == expected_report("several-problems")
    assert result.stdout == ""


@pytest.mark.parametrize("case", ["python-tag", "alias-bomb", "not-utf8", "oversized-file", "unknown-folder"])
def test_check_never_shows_a_traceback(case: str, tmp_path: Path) -> None:
    result = run("-m", "sco_site", "check", str(build_broken_case(case, tmp_path)))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == expected_report(case)


def test_check_of_a_missing_folder_fails_plainly(tmp_path: Path) -> None:
    result = run("-m", "sco_site", "check", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "the data folder is missing" in result.stderr
    assert "Traceback" not in result.stderr


def _project_copy(root: Path) -> Path:
    return copy_project(root)


def _tree_digest(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.rglob("*")) if path.is_file()}


def _mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    return run("-m", "mkdocs", "build", cwd=root)


def test_mkdocs_build_of_broken_data_fails_and_writes_nothing(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    build_broken_case("several-problems", root)
    result = _mkdocs_build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected_report("several-problems") in output
    assert "Traceback" not in output
    assert not (root / "site" / "de").exists()
    assert not (root / "site" / "en").exists()


def test_mkdocs_build_of_broken_data_leaves_the_last_good_site_whole(tmp_path: Path) -> None:
    root = _project_copy(tmp_path)
    copy_valid_data(root)
    assert _mkdocs_build(root).returncode == 0
    before = _tree_digest(root / "site")
    assert "de/initiatives/world-unity-initiative/index.html" in before
    assert "en/initiatives/world-unity-initiative/index.html" in before
    shutil.rmtree(root / "data")
    build_broken_case("unknown-reference", root)
    result = _mkdocs_build(root)
    assert result.returncode != 0
    assert expected_report("unknown-reference") in result.stdout + result.stderr
    assert _tree_digest(root / "site") == before
