"""A small crawler over the locally served site: which pages are reachable, what they link to."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Attributes that make the browser load or navigate to another address.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
# Never a proxy for the local server, whatever the environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class Link:
    page: str  # the page the link is on
    target: str  # absolute address, fragment included
    written: str  # as written in the page


@dataclass
class Crawl:
    pages: dict[str, set[str]] = field(default_factory=dict)  # HTML page → its element ids
    status: dict[str, int] = field(default_factory=dict)  # every local address fetched → HTTP status
    links: list[Link] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            self.targets.append(values[attribute] or "")


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with _OPENER.open(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def is_local(url: str, base_url: str) -> bool:
    return urlsplit(url).netloc == urlsplit(base_url).netloc


def crawl(base_url: str, start_paths: list[str]) -> Crawl:
    """Follow every local link from the start pages; record ids, links and statuses."""
    result = Crawl()
    queue = deque(urljoin(base_url, path) for path in start_paths)
    seen = set(queue)
    while queue:
        url = queue.popleft()
        status, content_type, body = _fetch(url)
        result.status[url] = status
        if status != 200 or content_type != "text/html":
            continue
        parser = _PageParser()
        parser.feed(body.decode("utf-8"))
        result.pages[url] = parser.ids
        for target in parser.targets:
            absolute = urljoin(url, target)
            result.links.append(Link(url, absolute, target))
            address = urldefrag(absolute).url
            if is_local(address, base_url) and address not in seen:
                seen.add(address)
                queue.append(address)
    return result
