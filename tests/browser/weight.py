"""Page weight: what the browser loads for a page, body sizes uncompressed.

``python -m tests.browser.weight`` builds the site and prints the numbers
for both home pages, to set the budget in ``test_weight.py`` and the README.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Response, sync_playwright

from .built_site import BuiltSite, served_site
from .chromium import DESKTOP, launch, missing_chromium


@dataclass(frozen=True)
class PageWeight:
    total: int
    by_kind: dict[str, int]  # Playwright's resource type → bytes
    files: list[tuple[str, int]]  # address → bytes


def measure(browser: Browser, site: BuiltSite, path: str) -> PageWeight:
    """Load the page in a fresh context (empty cache) and add up every response body."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        responses: list[Response] = []
        page.on("response", lambda response: responses.append(response))
        page.goto(site.url(path), wait_until="networkidle")
        by_kind: Counter[str] = Counter()
        files = []
        for response in responses:
            size = len(response.body())
            by_kind[response.request.resource_type] += size
            files.append((response.url.removeprefix(site.base_url.rstrip("/")), size))
        return PageWeight(sum(by_kind.values()), dict(by_kind), files)
    finally:
        context.close()


def main() -> None:
    problem = missing_chromium()
    if problem:
        raise SystemExit(problem)
    with tempfile.TemporaryDirectory() as workdir, served_site(Path(workdir)) as site, sync_playwright() as playwright:
        print(f"site built from {site.data_description}")
        browser = launch(playwright)
        for path in ("/de/", "/en/"):
            weight = measure(browser, site, path)
            print(f"\n{path}: {weight.total:,} bytes")
            for address, size in sorted(weight.files, key=lambda item: -item[1]):
                print(f"  {size:>9,}  {address}")
        browser.close()


if __name__ == "__main__":
    main()
