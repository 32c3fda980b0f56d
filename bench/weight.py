"""First view and search: what a reader's browser loads, against a bare Material page.

    python -m bench.weight              # real data and 1,000 synthetic initiatives

Three sites are built side by side and served by one local server: a bare
one-page Material site (same theme, web fonts off, search on: the reference),
the site with the repository's ``data/``, and the site with 1,000 synthetic
initiatives. Each page is loaded in a fresh browser context (empty cache) and
every response body is added up, uncompressed (``tests.browser.weight``).
Then the search box is used: the bytes it costs once, and the time from
the first key to the first result.
"""

from __future__ import annotations

import contextlib
import functools
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Response, sync_playwright

from tests.browser.built_site import BuiltSite
from tests.browser.chromium import DESKTOP, launch, missing_chromium
from tests.browser.weight import measure

from .measure import mkdocs_command, progress
from .project import build_env, make_project

BARE_CONFIG = """site_name: Bare
theme:
  name: material
  language: {lang}
  font: false
plugins:
  - search
"""
BARE_PAGE = "# Bare\n\nOne paragraph of text on a page of its own.\n"
SEARCH_WORD = {"de": "Hafen", "en": "strategies"}
SYNTHETIC_WORD = {"de": "Initiative", "en": "initiative"}
FIRST_VIEW_TARGET = 1.15
FIRST_VIEW_TARGET_LARGE = 1.25


@dataclass(frozen=True)
class WeightRow:
    site: str
    page: str
    bytes: int
    reference: int  # the bare Material page of the same language

    @property
    def ratio(self) -> float:
        return self.bytes / self.reference


@dataclass(frozen=True)
class SearchRow:
    site: str
    lang: str
    word: str
    bytes: int  # loaded once, when the search box is first used
    seconds: float  # from typing the word to the first result shown


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextlib.contextmanager
def _serving(root: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _build(project: Path, site_dir: Path, site_url: str) -> None:
    env = build_env()
    env["SITE_URL"] = site_url
    subprocess.run([*mkdocs_command(), "--site-dir", str(site_dir)], cwd=project, env=env, check=True, capture_output=True)


def _bare(root: Path, site_dir: Path, lang: str) -> None:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(BARE_PAGE, encoding="utf-8")
    (root / "mkdocs.yml").write_text(BARE_CONFIG.format(lang=lang), encoding="utf-8")
    env = build_env()
    subprocess.run([*mkdocs_command(), "--site-dir", str(site_dir)], cwd=root, env=env, check=True, capture_output=True)


def _search_cost(browser: Browser, site: BuiltSite, path: str, word: str) -> tuple[int, float]:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(site.url(path), wait_until="networkidle")
        responses: list[Response] = []
        page.on("response", lambda response: responses.append(response))
        page.click(".md-search__input")
        start = time.perf_counter()
        page.keyboard.type(word)
        page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
        seconds = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        return sum(len(response.body()) for response in responses), seconds
    finally:
        context.close()


def measure_weight() -> tuple[list[WeightRow], list[SearchRow]]:
    problem = missing_chromium()
    if problem:
        raise SystemExit(problem)
    with tempfile.TemporaryDirectory(prefix="sco-weight-") as temp, _serving(Path(temp) / "www") as base_url:
        work, www = Path(temp) / "work", Path(temp) / "www"
        www.mkdir()
        for lang in ("de", "en"):
            progress(f"weight: building the bare Material page ({lang})")
            _bare(work / f"bare-{lang}", www / f"bare-{lang}", lang)
        sites = {"real data": ("real", None), "1,000 initiatives": ("k1000", 1000)}
        for name, (folder, size) in sites.items():
            progress(f"weight: building the site with {name}")
            project = make_project(work / folder, size)
            _build(project, www / folder, f"{base_url}{folder}/")
        rows, searches = [], []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            site = BuiltSite(www, base_url, "bench")
            reference = {lang: measure(browser, site, f"/bare-{lang}/").total for lang in ("de", "en")}
            for name, (folder, size) in sites.items():
                for lang in ("de", "en"):
                    initiative = _first_initiative(www / folder / lang)
                    for page in (f"/{folder}/{lang}/", f"/{folder}/{lang}/initiatives/{initiative}/"):
                        progress(f"weight: {page}")
                        rows.append(WeightRow(name, page.removeprefix(f"/{folder}"), measure(browser, site, page).total, reference[lang]))
                    word = (SEARCH_WORD if size is None else SYNTHETIC_WORD)[lang]
                    cost, seconds = _search_cost(browser, site, f"/{folder}/{lang}/", word)
                    searches.append(SearchRow(name, lang, word, cost, seconds))
            browser.close()
    return rows, searches


def _first_initiative(tree: Path) -> str:
    return sorted(entry.name for entry in (tree / "initiatives").iterdir() if (entry / "index.html").is_file())[0]


def weight_table(rows: list[WeightRow]) -> str:
    lines = ["| site | page | bytes | bare Material page | ratio |", "|---|---|---:|---:|---:|"]
    lines += [f"| {r.site} | `{r.page}` | {r.bytes:,} | {r.reference:,} | {r.ratio:.2f} |" for r in rows]
    return "\n".join(lines)


def search_table(rows: list[SearchRow]) -> str:
    lines = ["| site | language | typed | loaded when the search box is first used | first result after typing |", "|---|---|---|---:|---:|"]
    lines += [f"| {r.site} | {r.lang} | {r.word} | {r.bytes:,} B | {r.seconds:.2f} s |" for r in rows]
    return "\n".join(lines)


def weight_targets(rows: list[WeightRow]) -> list[str]:
    lines = []
    for site, limit in (("real data", FIRST_VIEW_TARGET), ("1,000 initiatives", FIRST_VIEW_TARGET_LARGE)):
        worst = max((r for r in rows if r.site == site), key=lambda r: r.ratio, default=None)
        if worst:
            met = "met" if worst.ratio <= limit else "NOT met"
            lines.append(f"- {met}: first view ≤ {limit:.2f}× the bare Material page, {site} — heaviest {worst.ratio:.2f}× (`{worst.page}`)")
    return lines


def main() -> None:
    rows, searches = measure_weight()
    print(weight_table(rows))
    print()
    print(search_table(searches))
    print()
    print("\n".join(weight_targets(rows)))


if __name__ == "__main__":
    main()
