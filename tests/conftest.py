from __future__ import annotations

from pathlib import Path

import pytest

from sco_site.loader import load_data
from sco_site.model import Catalog
from tests.sitebuild import ROOT, TEST_REPO_URL, TEST_SITE_URL, run_mkdocs


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The project's real data."""
    return load_data(ROOT / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict` into a temporary folder, with its addresses configured."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = run_mkdocs(ROOT, site, addresses={"SITE_URL": TEST_SITE_URL, "REPO_URL": TEST_REPO_URL})
    assert result.returncode == 0, result.stderr
    return site
