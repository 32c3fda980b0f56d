"""Visit every page once, recording what a reader's browser sees.

Each page is loaded at desktop size and checked with axe-core, then the
viewport is narrowed to phone width to see whether the page scrolls sideways.
Two pages are visited at a time (async Playwright in its own thread and event
loop), which keeps the whole site's check at about a minute on two cores.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import ConsoleMessage, Page, Request, async_playwright

from .built_site import AXE_URL_PATH, BuiltSite
from .chromium import CHROMIUM, DESKTOP, LAUNCH_ARGS, PHONE

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
LOCAL_SCHEMES = {"data", "blob", "about"}
PAGES_AT_ONCE = 2  # one per core
QUIET_SECONDS = 0.3
SETTLE_TIMEOUT = 15.0


@dataclass
class PageReport:
    """What one page did in the browser."""

    path: str
    violations: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    phone_scroll_width: int = 0


def describe_violation(violation: dict[str, Any]) -> str:
    nodes = violation["nodes"]
    first = nodes[0]
    summary = " ".join(first.get("failureSummary", "").split())
    return f"{violation['id']} ({violation['impact']}) on {len(nodes)} element(s), e.g. {first['target']}: {summary}"


class PageWatch:
    """Listens to one browser tab: console errors, uncaught exceptions, requests, network activity."""

    def __init__(self, page: Page, local_netloc: str) -> None:
        self.page = page
        self.local_netloc = local_netloc
        self.report = PageReport("")
        self.in_flight = 0
        self.last_activity = 0.0
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_request_done)
        page.on("requestfailed", self._on_request_done)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.report.console_errors.append(f"uncaught: {error}"))

    def _touch(self) -> None:
        self.last_activity = asyncio.get_running_loop().time()

    def _on_request(self, request: Request) -> None:
        self.in_flight += 1
        self._touch()
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts.netloc != self.local_netloc:
            self.report.foreign_requests.append(request.url)

    def _on_request_done(self, request: Request) -> None:
        self.in_flight = max(0, self.in_flight - 1)
        self._touch()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.report.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    async def settled(self) -> None:
        """Wait until nothing has been loading for a moment: late requests (search worker, sitemaps) count too."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_TIMEOUT
        while self.in_flight or loop.time() - self.last_activity < QUIET_SECONDS:
            if loop.time() > deadline:
                raise TimeoutError(f"{self.report.path}: still loading after {SETTLE_TIMEOUT} s")
            await asyncio.sleep(0.05)

    async def visit(self, site: BuiltSite, report: PageReport) -> None:
        """Desktop size: load, axe-core; then phone width: does the page scroll sideways?"""
        self.report = report
        await self.page.set_viewport_size(DESKTOP)
        await self.page.goto(site.url(report.path), wait_until="load")
        await self.page.add_script_tag(url=site.url(AXE_URL_PATH))
        result = await self.page.evaluate(AXE_RUN, AXE_TAGS)
        report.violations = [describe_violation(violation) for violation in result["violations"]]
        await self.page.set_viewport_size(PHONE)
        await self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))")
        report.phone_scroll_width = await self.page.evaluate("document.documentElement.scrollWidth")
        await self.settled()


async def _survey(site: BuiltSite, paths: list[str]) -> dict[str, PageReport]:
    reports = {path: PageReport(path) for path in paths}
    queue: asyncio.Queue[PageReport] = asyncio.Queue()
    for report in reports.values():
        queue.put_nowait(report)
    netloc = urlsplit(site.base_url).netloc
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)

        async def work() -> None:
            context = await browser.new_context(viewport=DESKTOP)
            watch = PageWatch(await context.new_page(), netloc)
            while not queue.empty():
                await watch.visit(site, queue.get_nowait())
            await context.close()

        try:
            await asyncio.gather(*(work() for _ in range(PAGES_AT_ONCE)))
        finally:
            await browser.close()
    return reports


def survey_pages(site: BuiltSite, paths: list[str]) -> dict[str, PageReport]:
    """Run the survey in a thread of its own, away from the sync Playwright of the other tests."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _survey(site, paths)).result()
