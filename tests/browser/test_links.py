"""Links: every page reachable from the two home pages, nothing broken, external links well-formed."""

from __future__ import annotations

import re
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from .built_site import BuiltSite
from .crawl import Crawl, crawl, is_local

HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@pytest.fixture(scope="module")
def crawled(live_site: BuiltSite) -> Crawl:
    return crawl(live_site.base_url, ["/de/", "/en/"])


def test_every_page_is_reachable_from_the_home_pages(live_site: BuiltSite, crawled: Crawl) -> None:
    # The 404 pages are reached by mistyped addresses only, never by a link.
    expected = {live_site.url(path) for path in live_site.page_paths() if not path.endswith("404.html")}
    # The language chooser at the root is where readers arrive; no page needs to link back to it.
    expected.discard(live_site.url("/"))
    # An address with a query is a chosen view of its page (a filtered list), not a page of its own.
    reached = {urlsplit(url)._replace(query="").geturl() for url in crawled.pages}
    assert not expected - reached, f"pages no link leads to: {sorted(expected - reached)}"
    assert reached <= expected | {live_site.url("/")}


def test_no_internal_link_is_broken(live_site: BuiltSite, crawled: Crawl) -> None:
    broken = sorted(
        f"{link.page} → {link.written} ({crawled.status[urldefrag(link.target).url]})"
        for link in crawled.links
        if is_local(link.target, live_site.base_url) and crawled.status[urldefrag(link.target).url] != 200
    )
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_every_anchor_exists_on_its_page(live_site: BuiltSite, crawled: Crawl) -> None:
    missing = []
    anchored = [link for link in crawled.links if is_local(link.target, live_site.base_url) and urldefrag(link.target).fragment]
    for link in anchored:
        page, fragment = urldefrag(link.target)
        ids = crawled.pages.get(page)
        if ids is not None and unquote(fragment) not in ids:
            missing.append(f"{link.page} → {link.written}")
    assert anchored, "no anchor links at all: the check would prove nothing"
    assert not missing, "links to anchors that do not exist:\n" + "\n".join(sorted(set(missing)))


def _external_problem(written: str) -> str | None:
    if written != written.strip() or any(character.isspace() for character in written):
        return "contains white space"
    parts = urlsplit(written)
    if parts.scheme != "https":
        return "is not https"
    hostname = parts.hostname or ""
    try:
        ascii_host = hostname.encode("idna").decode("ascii")
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except (UnicodeError, ValueError) as error:
        return f"cannot be parsed ({error})"
    if not HOSTNAME.match(ascii_host):
        return f"has no valid host name ({hostname!r})"
    if parts.username or parts.password:
        return "carries credentials"
    return None


def test_external_links_are_well_formed_https(live_site: BuiltSite, crawled: Crawl) -> None:
    external = {link.written: link.page for link in crawled.links if not is_local(link.target, live_site.base_url)}
    assert external, "no external links at all: the check would prove nothing"
    problems = sorted(f"{page}: {written!r} {problem}" for written, page in external.items() if (problem := _external_problem(written)))
    assert not problems, "malformed external links:\n" + "\n".join(problems)


@pytest.mark.parametrize("written", ["http://example.org/", "https://exa mple.org/", "https:///path", "https://example.org:99999/", "https://localhost/"])
def test_malformed_external_links_are_recognised(written: str) -> None:
    assert _external_problem(written) is not None


def test_well_formed_external_link_passes() -> None:
    assert _external_problem("https://news.example.org/2024/07/astana?lang=en#top") is None
