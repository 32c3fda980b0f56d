"""The other language is built the same whether by a copy of the process or by a new one.

On Linux ``mkdocs build`` builds English in a fork of the German process
(``hooks/other_languages.py``, ``ForkedBuild``); elsewhere in a new
``mkdocs build`` process. Both must give the same site and say the same.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import ADDRESS_VARIABLES, ROOT

# MkDocs' command line, with the hooks' choice of fork switched off before MkDocs loads them.
NEW_PROCESSES = (
    "import sys; sys.path.insert(0, 'hooks'); import other_languages; other_languages.CAN_FORK = False; "
    "from mkdocs.__main__ import cli; cli.main(args=sys.argv[1:], prog_name='mkdocs')"
)


def _build(site: Path, *launcher: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in ADDRESS_VARIABLES:
        env.pop(name, None)
    command = [sys.executable, *launcher, "build", "--strict", "--site-dir", str(site)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def _differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right)
    found = [f"{left.name}: only in one: {name}" for name in compared.left_only + compared.right_only]
    found += [str(left / name) for name in compared.diff_files]
    for name in compared.common_dirs:
        found += _differences(left / name, right / name)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the copy is made only on Linux")
def test_a_copy_and_a_new_process_build_the_same_site(tmp_path: Path) -> None:
    copied = _build(tmp_path / "copied", "-m", "mkdocs")
    new = _build(tmp_path / "new", "-c", NEW_PROCESSES)
    assert copied.returncode == 0 and new.returncode == 0, copied.stderr + new.stderr
    filecmp.clear_cache()
    assert _differences(tmp_path / "copied", tmp_path / "new") == []

    def said(done: subprocess.CompletedProcess[str]) -> list[str]:  # without timings and folders
        return [line.split(" in ")[0] for line in done.stderr.splitlines() if "directory:" not in line]

    assert said(copied) == said(new)
    assert said(copied).count("INFO    -  Documentation built") == 2
