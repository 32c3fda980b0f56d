"""``make screenshots``: key pages (home, a priority, an initiative, the list of all initiatives
unfiltered and filtered, progress, methodology), both languages, desktop and phone.

PNG files go to ``screenshots/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from .built_site import PROJECT_ROOT, BuiltSite, served_site
from .chromium import DESKTOP, PHONE, launch, missing_chromium

OUTPUT = PROJECT_ROOT / "screenshots"
SIZES = {"desktop": DESKTOP, "phone": PHONE}


def first_link(browser: Browser, site: BuiltSite, path: str, selector: str) -> str:
    """Where the first matching link of a German page leads, relative to the language tree."""
    page = browser.new_page()
    page.goto(site.url(f"/de/{path}"))
    href = page.eval_on_selector(selector, "link => link.href")
    page.close()
    return href.removeprefix(site.url("/de/"))


def take(browser: Browser, site: BuiltSite, pages: dict[str, str]) -> list[Path]:
    saved = []
    for size_name, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, is_mobile=size_name == "phone", has_touch=size_name == "phone")
        page = context.new_page()
        for lang in ("de", "en"):
            for name, path in pages.items():
                page.goto(site.url(f"/{lang}/{path}"), wait_until="networkidle")
                target = OUTPUT / f"{lang}-{name}-{size_name}.png"
                page.screenshot(path=str(target), full_page=True)
                saved.append(target)
        context.close()
    return saved


def main() -> None:
    problem = missing_chromium()
    if problem:
        raise SystemExit(problem)
    OUTPUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, served_site(Path(workdir)) as site, sync_playwright() as playwright:
        print(f"site built from {site.data_description}")
        browser = launch(playwright)
        priority = first_link(browser, site, "", ".sco-cards a")
        initiative = first_link(browser, site, priority, "article a[href*='initiatives/']")
        pages = {
            "home": "",
            "priority": priority,
            "initiative": initiative,
            "initiatives": "initiatives/",
            "initiatives-filtered": "initiatives/?status=no_outcome_recorded&sort=date",
            "progress": "progress/",
            "methodology": "methodology/",
        }
        for target in take(browser, site, pages):
            print(target.relative_to(PROJECT_ROOT))
        browser.close()


if __name__ == "__main__":
    main()
