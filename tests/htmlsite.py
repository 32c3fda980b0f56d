"""Reading a built site: its pages, their links and their ids."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

RESOURCE_ATTRIBUTES = (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"))


@dataclass
class BuiltPage:
    site: Path
    path: Path  # relative to the site root, e.g. de/priorities/security/index.html

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup((self.site / self.path).read_text(encoding="utf-8"), "html.parser")

    @property
    def url(self) -> str:
        """Site-root-relative URL path, e.g. 'de/priorities/security/'."""
        text = self.path.as_posix()
        return text[: -len("index.html")] if text.endswith("index.html") else text

    @property
    def lang_tree(self) -> str:
        return self.path.parts[0]

    def ids(self) -> set[str]:
        return {tag["id"] for tag in self.soup.find_all(id=True)}

    def links(self) -> list[str]:
        return [a["href"] for a in self.soup.find_all("a", href=True)]

    def resources(self) -> list[str]:
        found = []
        for tag, attribute in RESOURCE_ATTRIBUTES:
            for element in self.soup.find_all(tag):
                value = element.get(attribute)
                if value and not (tag == "link" and "alternate" in element.get("rel", []) or tag == "link" and "canonical" in element.get("rel", [])):
                    found.append(value)
        return found

    def resolve(self, href: str, root_path: str = "/sco-chairmanship/") -> tuple[str, str] | None:
        """A link as (site-root-relative path, fragment); None for other hosts.

        404 pages link from the site root (``root_path``), as they are served at any depth.
        """
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        folder = posixpath.dirname(self.path.as_posix())
        base = folder + "/" if folder else ""
        if parts.path.startswith("/"):
            if not parts.path.startswith(root_path):
                return ("<outside the site>" + parts.path, parts.fragment)
            base, parts = "", parts._replace(path=parts.path[len(root_path):] or "./")
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else self.path.as_posix()
        if parts.path.endswith("/") or parts.path == "":
            target = target if target.endswith(".html") else target.rstrip("/") + "/index.html"
        if target.startswith("./"):
            target = target[2:]
        return target, parts.fragment


def html_pages(site: Path) -> list[BuiltPage]:
    return [BuiltPage(site, path.relative_to(site)) for path in sorted(site.rglob("*.html"))]
