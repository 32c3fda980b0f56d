"""A preview rebuild that reuses earlier work gives exactly the site a fresh build gives.

``mkdocs serve`` keeps converted Markdown, search entries and themed pages
between rebuilds (``hooks/render_cache.py``). After each kind of edit an
editor or maintainer makes, the rebuilt site (both languages, every file) is
compared with the site a fresh process builds from the edited project.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.serve_rebuild import EDITS
from tests.sitebuild import ROOT, copy_project


def _project(root: Path) -> Path:
    project = copy_project(root)
    shutil.copytree(ROOT / "data", project / "data")
    return project


def _serve_build(project: Path, site: Path, edit: str, *options: str) -> dict[str, int]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=os.pathsep.join([str(ROOT), str(project)]))
    command = [sys.executable, "-m", "tests.serve_rebuild", str(project), str(site), edit, *options]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            found[path.relative_to(site).as_posix()] = gzip.decompress(content) if path.suffix == ".gz" else content
    return found


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_rebuild_that_reuses_work_equals_a_fresh_build(tmp_path: Path, edit: str) -> None:
    reused = _serve_build(_project(tmp_path / "warm"), tmp_path / "warm-site", edit, "--rebuild")
    # Broken data: the preview goes on showing the last valid data, which a fresh process never had.
    fresh = ("--rebuild", "--forget") if edit == "broken" else ()
    _serve_build(_project(tmp_path / "cold"), tmp_path / "cold-site", edit, *fresh)
    warm, cold = _files(tmp_path / "warm-site"), _files(tmp_path / "cold-site")
    assert sorted(warm) == sorted(cold)
    differing = [name for name in cold if warm[name] != cold[name]]
    assert differing == [], f"after the edit '{edit}', a rebuild that reused work differs from a fresh build in {differing[:10]}"
    if edit in ("nothing", "summary", "handwritten"):  # most pages unchanged: most work is reused
        assert min(reused.values()) > 50, reused
    if edit == "template":  # every page looks different: nothing themed is reused
        assert reused["theme"] == 0, reused
