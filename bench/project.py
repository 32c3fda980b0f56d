"""Throw-away copies of the site project, each with its own ``data/``.

The benchmark never builds in the repository itself: it copies what a build
reads (configuration, hand-written pages, theme overrides, hooks) into a
temporary folder and writes the data set there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .synthetic import write_dataset

REPO = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "docs", "overrides", "hooks")


def make_project(root: Path, initiatives: int | None = None) -> Path:
    """A buildable project in ``root``: a synthetic data set, or a copy of the real one."""
    root.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, dirs_exist_ok=True)
        else:
            shutil.copy2(source, root / name)
    # The package is imported from the installed checkout; the link only keeps
    # the configuration's `watch: sco_site` pointing at something real.
    link = root / "sco_site"
    if not link.exists():
        os.symlink(REPO / "sco_site", link)
    if initiatives is None:
        shutil.copytree(REPO / "data", root / "data", dirs_exist_ok=True)
    else:
        write_dataset(root / "data", initiatives)
    return root


def build_env() -> dict[str, str]:
    """The environment of a build subprocess."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SITE_URL", None)
    return env
