"""Every HTML page of the build, both languages: accessible, error-free, self-contained, phone-sized."""

from __future__ import annotations

from .built_site import BuiltSite
from .chromium import PHONE
from .survey import AXE_TAGS, PageReport


def _problems(reports: dict[str, PageReport], attribute: str) -> dict[str, list[str]]:
    return {path: getattr(report, attribute) for path, report in reports.items() if getattr(report, attribute)}


def _listing(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{path}\n    " + "\n    ".join(items) for path, items in problems.items())


def test_every_page_of_both_languages_is_visited(live_site: BuiltSite, page_reports: dict[str, PageReport]) -> None:
    paths = set(page_reports)
    for lang in ("de", "en"):
        assert f"/{lang}/" in paths
        assert any(path.startswith(f"/{lang}/initiatives/") and path.count("/") == 4 for path in paths)
    assert len(paths) == len(list(live_site.root.rglob("*.html")))


def test_no_accessibility_violations(page_reports: dict[str, PageReport]) -> None:
    problems = _problems(page_reports, "violations")
    assert not problems, f"axe-core ({', '.join(AXE_TAGS)}) found violations:\n{_listing(problems)}"


def test_no_console_errors(page_reports: dict[str, PageReport]) -> None:
    problems = _problems(page_reports, "console_errors")
    assert not problems, f"console errors:\n{_listing(problems)}"


def test_nothing_is_requested_from_another_host(page_reports: dict[str, PageReport]) -> None:
    problems = _problems(page_reports, "foreign_requests")
    assert not problems, f"requests to hosts other than the local server:\n{_listing(problems)}"


def test_no_page_scrolls_sideways_on_a_phone(page_reports: dict[str, PageReport]) -> None:
    width = PHONE["width"]
    too_wide = {path: report.phone_scroll_width for path, report in page_reports.items() if report.phone_scroll_width > width}
    assert all(report.phone_scroll_width > 0 for report in page_reports.values())
    assert not too_wide, f"pages wider than {width} px at a {width} px viewport: {too_wide}"
