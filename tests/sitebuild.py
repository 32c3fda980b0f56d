"""Building the site into a temporary folder, as the tests and benchmarks need it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "sco_site")
# The addresses a test build is published at, when a test configures them
# (reserved .test names: nothing on the web, and never the project's defaults).
TEST_SITE_URL = "https://sco.test/sco-chairmanship/"
TEST_REPO_URL = "https://github.com/sco-test/sco-chairmanship-site"
ADDRESS_VARIABLES = ("SITE_URL", "REPO_URL", "REPO_BRANCH")


def copy_project(target: Path) -> Path:
    """A copy of everything a build reads except data/, which the caller writes."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def run_mkdocs(project: Path, site_dir: Path, *args: str, addresses: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict``; the site and repository addresses only as ``addresses`` gives them."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project))
    for name in ADDRESS_VARIABLES:
        env.pop(name, None)
    env.update(addresses or {})
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
