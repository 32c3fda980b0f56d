"""`mkdocs serve --livereload` on a copy of the project: edits show, mistakes do not stop it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synthetic import write_dataset
from tests.sitebuild import copy_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, present: bool = True, limit: float = 60.0) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        page = _get(url)
        if page and (text in page) == present:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url}: {text!r} {'never appeared' if present else 'never went away'}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    write_dataset(project / "data", initiatives=8)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/", PYTHONPATH=str(project))
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    log = (project / "serve.log").open("wb")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/de/", "<html")
        yield project, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_both_languages_are_served_with_live_reload(served: tuple[Path, str]) -> None:
    _, base = served
    for lang in ("de", "en"):
        page = _wait_for(f"{base}/{lang}/initiatives/initiative-1/", "Initiative 1")
        assert "livereload" in page, f"no live-reload script in the {lang} page"


def test_a_data_edit_shows_in_both_languages(served: tuple[Path, str]) -> None:
    project, base = served
    file = project / "data/initiatives/initiative-2.yml"
    original = file.read_text(encoding="utf-8")
    file.write_text(original.replace("de: Initiative 2", "de: Geänderte Initiative").replace("en: Initiative 2", "en: Changed initiative"), encoding="utf-8")
    try:
        _wait_for(f"{base}/de/initiatives/initiative-2/", "Geänderte Initiative")
        _wait_for(f"{base}/en/initiatives/initiative-2/", "Changed initiative")
    finally:
        file.write_text(original, encoding="utf-8")


def test_broken_data_is_shown_on_the_page_and_recovers(served: tuple[Path, str]) -> None:
    project, base = served
    file = project / "data/initiatives/initiative-3.yml"
    original = file.read_text(encoding="utf-8")
    file.write_text(original.replace("kind:", "knd:"), encoding="utf-8")
    url = f"{base}/en/initiatives/initiative-3/"
    try:
        page = _wait_for(url, "The data has")
        assert "data/initiatives/initiative-3.yml" in page and "did you mean" in page
        assert "Initiative 3" in page  # the last valid data is still shown
    finally:
        file.write_text(original, encoding="utf-8")
    _wait_for(url, "The data has", present=False)
    # The terminal shows the problem once per rebuild (not once per language), after the level.
    rebuilds = (project / "serve.log").read_text(encoding="utf-8").split("Building documentation...")
    counts = [rebuild.count("data/initiatives/initiative-3.yml:") for rebuild in rebuilds]
    assert max(counts) == 1, f"the problem was printed {counts} times per rebuild"
    assert "ERROR   -  data/initiatives/initiative-3.yml:" in "".join(rebuilds)


def test_a_code_change_is_pointed_out_once(served: tuple[Path, str]) -> None:
    # MkDocs loads the hooks once per process: the terminal says that the
    # first language keeps the code serve started with, once per change.
    project, base = served
    log = project / "serve.log"
    before = log.read_text(encoding="utf-8").count("changed: the de pages are still made")
    code = project / "hooks/theme_cache.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# edited while serving\n", encoding="utf-8")
    deadline = time.monotonic() + 60
    while log.read_text(encoding="utf-8").count("changed: the de pages are still made") == before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert log.read_text(encoding="utf-8").count("changed: the de pages are still made") == before + 1
    data = project / "data/initiatives/initiative-4.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("de: Initiative 4", "de: Vierte Initiative"), encoding="utf-8")
    _wait_for(f"{base}/de/initiatives/initiative-4/", "Vierte Initiative")
    assert log.read_text(encoding="utf-8").count("changed: the de pages are still made") == before + 1, "said again without a new change"
