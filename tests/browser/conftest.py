"""Fixtures: one build served locally for the session, one Chromium, one context per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .built_site import BuiltSite, served_site
from .chromium import DESKTOP, launch, missing_chromium, running_in_ci
from .survey import PageReport, survey_pages


def _say(config: pytest.Config, line: str) -> None:
    """Print past pytest's output capture, so the line shows in every run."""
    capture = config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n[browser tests] {line}")


def require_chromium() -> None:
    """Skip without Chromium on a developer's machine; in CI that is a failure."""
    problem = missing_chromium()
    if problem is None:
        return
    if running_in_ci():
        pytest.fail(f"CI is set, so the browser tests must run: {problem}", pytrace=False)
    pytest.skip(problem)


@pytest.fixture(scope="session")
def live_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    with served_site(tmp_path_factory.mktemp("browser-site")) as site:
        _say(request.config, f"site built from {site.data_description}; served at {site.base_url}")
        yield site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    fresh = browser.new_context(viewport=DESKTOP)
    yield fresh
    fresh.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def page_reports(live_site: BuiltSite) -> dict[str, PageReport]:
    """Every HTML page of the build, visited once at desktop and once at phone size."""
    require_chromium()
    return survey_pages(live_site, live_site.page_paths())
