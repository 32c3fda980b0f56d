"""The home page stays light: readers on slow and expensive connections load all of it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .built_site import BuiltSite
from .weight import measure

# The first-view target of the performance work: at most 1.15 times a bare
# one-page Material site with the same theme (312,586 bytes for German, see
# "Page weight" in the README). Measured with `python -m tests.browser.weight`:
# 338,7xx bytes for /de/, now with the filter script, the print stylesheet and
# the page tools. The search index is not part of it: it loads when the search
# box is used.
HOME_PAGE_BUDGET = 359_000


@pytest.mark.parametrize("lang", ["de", "en"])
def test_home_page_stays_within_its_weight_budget(browser: Browser, live_site: BuiltSite, lang: str) -> None:
    weight = measure(browser, live_site, f"/{lang}/")
    assert {"document", "stylesheet", "script"} <= set(weight.by_kind), "the measurement missed part of the page"
    heaviest = ", ".join(f"{address} {size:,}" for address, size in sorted(weight.files, key=lambda item: -item[1])[:5])
    assert weight.total <= HOME_PAGE_BUDGET, f"/{lang}/ loads {weight.total:,} bytes, budget {HOME_PAGE_BUDGET:,}; heaviest: {heaviest}"


@pytest.mark.parametrize("path", ["/de/", "/en/initiatives/aifc-investment/"])
def test_the_first_view_does_not_fetch_the_sitemap(browser: Browser, live_site: BuiltSite, path: str) -> None:
    # Material's script fetches sitemap.xml beside every <link rel="alternate">;
    # the sitemap lists every page, so it grew with the data (a third of the
    # first view at 1,000 initiatives). The feed and language links avoid it.
    weight = measure(browser, live_site, path)
    assert [address for address, _ in weight.files if "sitemap" in address] == []
