"""Build the site once into a temporary folder and serve it on 127.0.0.1.

Used by the browser tests and by ``python -m tests.browser.screenshots``.
The build runs in a copy of the project so that a synthetic data set can
stand in for the repository's ``data/`` while that is incomplete.
"""

from __future__ import annotations

from tests.sitebuild import TEST_REPO_URL, copy_project

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC_INITIATIVES = 30
LANGUAGE_TREES = ("de", "en")
# Loaded by URL rather than inline so that Chromium compiles it once, not on every page.
AXE_URL_PATH = "/_browser-tests/axe.min.js"


@dataclass(frozen=True)
class BuiltSite:
    """A built site being served: where it lives, its address and what it holds."""

    root: Path
    base_url: str
    data_description: str

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def page_paths(self) -> list[str]:
        """URL path of every HTML page of the build, both language trees and the root pages."""
        paths = []
        for html in sorted(self.root.rglob("*.html")):
            relative = html.relative_to(self.root).as_posix()
            paths.append("/" + (relative.removesuffix("index.html")))
        return paths

    def tree_page_paths(self) -> list[str]:
        """Pages inside the language trees (every page that has Material's header and search)."""
        return [path for path in self.page_paths() if path.split("/")[1] in LANGUAGE_TREES]


def axe_core_file() -> Path:
    """axe-core as shipped inside a PyPI package (axe-playwright-python): no CDN involved."""
    return Path(str(files("axe_playwright_python") / "axe.min.js"))


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site, plus axe-core at a path of its own (never part of the site)."""

    def translate_path(self, path: str) -> str:
        if urlsplit(path).path == AXE_URL_PATH:
            return str(axe_core_file())
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates on while a file is still being sent closes
        # the connection; that is normal and not worth a traceback.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def repository_data_is_valid() -> bool:
    """The same check a person runs: ``python -m sco_site check data``."""
    check = subprocess.run(
        [sys.executable, "-m", "sco_site", "check", "data"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    return check.returncode == 0


def prepare_project_copy(workdir: Path) -> str:
    """Copy the project into ``workdir`` with a data set; say which data set it is."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    copy_project(workdir)
    if repository_data_is_valid():
        shutil.copytree(PROJECT_ROOT / "data", workdir / "data", ignore=ignore)
        return "the repository's data/ (it passes `python -m sco_site check data`)"
    from bench.synthetic import write_dataset

    write_dataset(workdir / "data", initiatives=SYNTHETIC_INITIATIVES)
    return (
        f"a synthetic data set with {SYNTHETIC_INITIATIVES} initiatives "
        "(the repository's data/ does not pass `python -m sco_site check data`)"
    )


def build(workdir: Path, site_url: str, output: Path) -> None:
    """``mkdocs build --strict`` in ``workdir`` into ``output``, published at ``site_url``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url, REPO_URL=TEST_REPO_URL, REPO_BRANCH="main")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(output)],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")


@contextlib.contextmanager
def served_site(workdir: Path) -> Iterator[BuiltSite]:
    """Build the site in ``workdir`` and serve it until the block ends."""
    site_dir = workdir / "site"
    # Bind first, so that the build's absolute addresses (canonical and
    # hreflang links) are this server's, as they are the host's when published.
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = _SiteServer(("127.0.0.1", 0), handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        project = workdir / "project"
        project.mkdir()
        description = prepare_project_copy(project)
        build(project, base_url, site_dir)
        yield BuiltSite(root=site_dir, base_url=base_url, data_description=description)
    finally:
        server.shutdown()
        server.server_close()
