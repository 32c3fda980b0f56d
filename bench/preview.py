"""Time from saving a data file to the changed page in ``mkdocs serve``'s browser tab."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sco_site.errors import DataError, ProblemList
from sco_site.loader import load_data, modeline
from sco_site.yamlsource import parse_yaml

from .measure import progress
from .project import REPO, build_env, make_project

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
REAL_SIZE = 30  # initiatives of a synthetic stand-in when the real data is not valid
EDITS_PER_LANGUAGE = 3
TIMEOUT = 30.0


@dataclass(frozen=True)
class PreviewResult:
    data_set: str
    seconds: dict[str, list[float]]  # language -> one time per edit


def measure_preview() -> PreviewResult:
    with tempfile.TemporaryDirectory(prefix="sco-preview-") as temp:
        project, data_set = _project(Path(temp) / "project")
        initiative = sorted((project / "data" / "initiatives").glob("*.yml"))[0]
        port = _free_port()
        with _serving(project, port), _browser() as page:
            seconds = {lang: _edit_times(page, port, initiative, lang) for lang in ("de", "en")}
    return PreviewResult(data_set, seconds)


def _project(root: Path) -> tuple[Path, str]:
    try:
        catalog = load_data(REPO / "data")
    except DataError as error:
        progress(f"the repository's data/ is not valid ({len(error.problems)} problems): using {REAL_SIZE} synthetic initiatives")
        return make_project(root, REAL_SIZE), f"synthetic, {REAL_SIZE} initiatives (the real data/ was not valid)"
    return make_project(root), f"the repository's data/ ({len(catalog.initiatives)} initiatives)"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _serving(project: Path, port: int) -> Iterator[None]:
    env = build_env()
    env["SITE_URL"] = f"http://127.0.0.1:{port}/"  # served at the root, not below a path
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    log = (project / "serve.log").open("wb")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_http(f"http://127.0.0.1:{port}/de/", server)
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _wait_for_http(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("mkdocs serve stopped before serving anything")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"mkdocs serve did not answer at {url}")


@contextmanager
def _browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # only the preview measurement needs it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def _edit_times(page: Any, port: int, initiative: Path, lang: str) -> list[float]:
    page.goto(f"http://127.0.0.1:{port}/{lang}/initiatives/{initiative.stem}/")
    page.wait_for_load_state("load")
    times = []
    for attempt in range(EDITS_PER_LANGUAGE):
        time.sleep(1.0)  # let the page's live-reload request settle before the edit
        marker = f"Messmarke{lang}{attempt}x{time.monotonic_ns() % 100000}"
        start = time.perf_counter()
        _change_summary(initiative, lang, marker)
        _wait_for_text(page, marker)
        times.append(time.perf_counter() - start)
        progress(f"preview {lang}: edit {attempt + 1} shown after {times[-1]:.2f} s")
    return times


def _change_summary(path: Path, lang: str, marker: str) -> None:
    """Rewrite the file with a new summary text: what an editor saving the file does."""
    doc = parse_yaml(path.read_text(encoding="utf-8"), path.name, ProblemList())
    assert doc is not None and isinstance(doc.data, dict)
    doc.data["summary"][lang] = f"{marker} {doc.data['summary'][lang]}"
    body = yaml.safe_dump(doc.data, allow_unicode=True, sort_keys=False)
    path.write_text(modeline("initiative", nested=True) + "\n" + body, encoding="utf-8")


def _wait_for_text(page: Any, text: str) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while time.perf_counter() < deadline:
        try:
            if page.evaluate("t => document.body !== null && document.body.innerText.includes(t)", text):
                return
        except Exception:  # the page is being replaced by its reloaded version
            pass
        time.sleep(0.02)
    raise RuntimeError(f"the page did not show '{text}' within {TIMEOUT} s")


if __name__ == "__main__":
    print(measure_preview())
