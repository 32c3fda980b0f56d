"""What ``mkdocs build`` prints and does, read from the real command line.

Each language is built by an MkDocs process of its own (see hooks/); the
person running the build still sees one build: every data problem once, no
success line after a refusal, and a failure of either language fails it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.data_cases import build_broken_case, copy_valid_data, expected_report
from tests.sitebuild import copy_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BARE_LEVEL = re.compile(r"^\s*(ERROR|WARNING|INFO)\s+-\s*$", re.MULTILINE)


def _build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(ENV, PYTHONPATH=str(root))
    env.pop("SITE_URL", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=root, env=env, capture_output=True, text=True, timeout=600)


def test_refused_build_prints_each_problem_once_and_no_success(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    build_broken_case("several-problems", root)
    result = _build(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    problems = expected_report("several-problems").splitlines()[:-1]
    assert len(problems) >= 2, "the case should have several problems"
    for line in problems:
        assert output.count(line) == 1, f"printed {output.count(line)} times: {line}\n--- output:\n{output}"
    assert not BARE_LEVEL.search(output), f"a log line without its message:\n{output}"
    assert "Documentation built" not in output, output
    assert not (root / "site").exists()


def test_build_writes_both_languages_and_the_root_pages(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    copy_valid_data(root)
    result = _build(root, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    for name in ("index.html", "404.html", "de/index.html", "en/index.html", "de/search/search_index.json", "en/search/search_index.json"):
        assert (root / "site" / name).is_file(), f"site/{name} is missing"
    assert 'lang="de"' in (root / "site/de/index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (root / "site/en/index.html").read_text(encoding="utf-8")
    assert output.count("Building documentation to directory") == 2, output


def test_a_failing_second_language_fails_the_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    copy_valid_data(root)
    (root / "docs" / "en" / "broken-link.md").write_text("# Broken\n\nSee [nothing](no-such-page.md).\n", encoding="utf-8")
    result = _build(root, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no-such-page.md" in output, f"the English build's warning is not shown:\n{output}"
    assert "The en pages could not be built" in output
    assert not (root / "site" / "index.html").exists(), "the root pages were written although a language failed"
