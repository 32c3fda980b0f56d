"""Work kept between the rebuilds of ``mkdocs serve``: converted Markdown and search entries.

A saved data file changes the text of a few generated pages, but MkDocs
converts every page's Markdown to HTML again on each rebuild, and Material's
search parses every page's HTML again: together about two thirds of a preview
rebuild. While serving, a page whose inputs are the same as in the previous
rebuild gets what that rebuild made of them. ``mkdocs build`` never uses
this: every published page is converted and indexed.

What Markdown conversion depends on, and so what its key holds: the page's
own Markdown and address, the set of files (links are checked and rewritten
against it), the Markdown extensions and their settings (the glossary is
among them), the site address and the URL style. Links to anchors of other
pages are kept by source path and looked up in the new file list, so MkDocs
checks them against the other pages as they are now.

What a page's search entries depend on: its address, HTML, table of
contents, title and front matter.

What the theme makes of a page depends on the page (address, title, HTML,
table of contents, front matter, neighbours and ancestors), the whole
navigation, the configuration, the theme's templates, and whatever else is in
the template context (the hooks' page tools and language links among it).
Everything in the context goes into the key, written out with ``repr``; a
value whose ``repr`` differs between rebuilds only costs the saving, never
shows an old page. ``tests/test_serve_cache.py`` compares rebuilds that reuse
with fresh builds after each kind of edit.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from jinja2 import Environment, Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from theme_cache import is_installed

Kept = TypeVar("Kept")


class TwoRebuilds(Generic[Kept]):
    """What the previous rebuild made, by key, and what the current one has made so far."""

    def __init__(self) -> None:
        self._previous: dict[bytes, Kept] = {}
        self._current: dict[bytes, Kept] = {}
        self.reused = 0

    def next_rebuild(self) -> None:
        self._previous = self._current or self._previous  # a rebuild that stopped early made nothing new
        self._current = {}
        self.reused = 0

    def forget(self) -> None:
        self._previous, self._current = {}, {}

    def get(self, key: bytes, make: Callable[[], Kept]) -> tuple[Kept, bool]:
        """What the previous rebuild made for ``key``, or what ``make`` makes now; and whether it was reused."""
        kept = self._previous.get(key)
        reused = kept is not None
        if kept is None:
            kept = make()
        else:
            self.reused += 1
        self._current[key] = kept
        return kept, reused


def digest(*parts: str, salt: bytes = b"") -> bytes:
    hashed = hashlib.blake2b(salt, digest_size=20)
    for part in parts:
        hashed.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hashed.digest()


@dataclass(frozen=True)
class Converted:
    """What ``Page.render`` leaves on a page."""

    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # target src_uri -> anchor -> link as written


class RenderCache:
    """Markdown conversions of the previous rebuild, for pages whose inputs did not change."""

    def __init__(self) -> None:
        self.kept: TwoRebuilds[Converted] = TwoRebuilds()
        self._settings: tuple[int, bytes] | None = None  # (id of the build's Files, digest of everything but the page)

    def next_rebuild(self) -> None:
        self.kept.next_rebuild()
        self._settings = None

    def wrap(self, page: Page) -> None:
        """Make this page's ``render`` use an earlier conversion when one fits."""
        original: Callable[[MkDocsConfig, Files], None] = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            key = digest(page.file.src_uri, page.url, page.markdown or "", salt=self._settings_digest(config, files))

            def convert() -> Converted:
                original(config, files)
                return _converted(page)

            converted, reused = self.kept.get(key, convert)
            if reused:
                _restore(page, converted, files)

        page.render = render  # type: ignore[method-assign]

    def _settings_digest(self, config: MkDocsConfig, files: Files) -> bytes:
        if self._settings is None or self._settings[0] != id(files):
            listing = sorted((file.src_uri, file.url, file.dest_uri, file.inclusion.name) for file in files)
            settings = (listing, config.markdown_extensions, config.mdx_configs, config.site_url, config.use_directory_urls, config.validation)
            self._settings = (id(files), digest(repr(settings)))
        return self._settings[1]


class SearchCache:
    """Material's search entries of the previous rebuild, for pages that did not change."""

    def __init__(self) -> None:
        self.kept: TwoRebuilds[list[dict[str, Any]]] = TwoRebuilds()

    def next_rebuild(self) -> None:
        self.kept.next_rebuild()

    def wrap(self, index: Any) -> None:
        """Make the search index reuse a page's earlier entries (``index`` is Material's ``SearchIndex``)."""
        original: Callable[[Page], None] = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            key = digest(page.url, page.content or "", str(page.toc), str(page.title), _sorted_repr(page.meta), salt=repr(index.config).encode())

            def index_page() -> list[dict[str, Any]]:
                before = len(index.entries)
                original(page)
                return [dict(entry) for entry in index.entries[before:]]

            entries, reused = self.kept.get(key, index_page)
            if reused:
                index.entries.extend(dict(entry) for entry in entries)

        index.add_entry_from_context = add_entry_from_context


class PageTemplateCache:
    """Pages the theme made in the previous rebuild, for pages whose whole context did not change."""

    def __init__(self) -> None:
        self.kept: TwoRebuilds[str] = TwoRebuilds()
        self._build_digest = b""

    def next_rebuild(self) -> None:
        self.kept.next_rebuild()

    def wrap(self, env: Environment, config: MkDocsConfig, nav: Navigation) -> None:
        """Make the page templates MkDocs asks ``env`` for reuse earlier pages (templates they include are untouched)."""
        self._build_digest = digest(_theme_sources(config), _config_text(config), _nav_text(nav.items))
        get_template = env.get_template

        def get_page_template(name: Any, parent: str | None = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            if parent is None and globals is None and isinstance(template, Template):
                return _KeptPageTemplate(template, self)  # MkDocs' own call; Jinja passes the parent for extends and include
            return template

        env.get_template = get_page_template  # type: ignore[method-assign]

    def render(self, template: Template, context: dict[str, Any]) -> str:
        page = context.get("page")
        if not isinstance(page, Page):
            return template.render(context)
        key = digest(str(template.name), _page_text(page), _context_text(context), salt=self._build_digest)
        return self.kept.get(key, lambda: template.render(context))[0]


class _KeptPageTemplate:
    """A theme template whose ``render`` of a page goes through the cache; everything else is the template's."""

    def __init__(self, template: Template, cache: PageTemplateCache) -> None:
        self._template = template
        self._cache = cache

    def render(self, context: dict[str, Any]) -> str:
        return self._cache.render(self._template, context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


def _page_text(page: Page) -> str:
    neighbours = [(other.title, other.url) if other is not None else None for other in (page.previous_page, page.next_page)]
    ancestors = [(ancestor.title, getattr(ancestor, "url", None)) for ancestor in page.ancestors]
    fields = (page.file.src_uri, page.url, page.abs_url, page.canonical_url, page.edit_url, page.is_homepage, page.title, page.content, str(page.toc), _sorted_repr(page.meta), neighbours, ancestors)
    return repr(fields)


def _context_text(context: dict[str, Any]) -> str:
    config = context.get("config")
    extra = config.get("extra") if isinstance(config, Mapping) else None  # MkDocs' configuration is a mapping, not a dict
    alternate = extra.get("alternate") if isinstance(extra, Mapping) else None  # the language links, set per page
    others = {key: value for key, value in context.items() if key not in ("page", "nav", "pages", "config", "build_date_utc")}
    return repr((_sorted_repr(others), repr(alternate)))


def _config_text(config: MkDocsConfig) -> str:
    plugins = [(name, _sorted_repr(dict(getattr(plugin, "config", None) or {}))) for name, plugin in config.plugins.items()]
    extra = {key: value for key, value in config.extra.items() if key != "alternate"}  # the language links are per page
    rest = {key: value for key, value in config.items() if key not in ("plugins", "extra")}
    return repr((_sorted_repr(rest), _sorted_repr(extra), plugins))


def _nav_text(items: list[Any]) -> str:
    return repr([(type(item).__name__, item.title, getattr(item, "url", None), _sorted_repr(getattr(item, "meta", {}) or {}), _nav_text(item.children or [])) for item in items])


def _theme_sources(config: MkDocsConfig) -> str:
    """The project's own theme folders, file by file with size and time; installed folders by name."""
    listed: list[tuple[str, int, int]] = []
    for folder in config.theme.dirs:
        if is_installed(folder):
            listed.append((folder, 0, 0))
            continue
        for root, _, names in os.walk(folder):
            for name in names:
                stat = os.stat(os.path.join(root, name))
                listed.append((os.path.join(root, name), stat.st_mtime_ns, stat.st_size))
    return repr(sorted(listed))


def _sorted_repr(mapping: dict[Any, Any]) -> str:
    return repr(sorted(((str(key), repr(value)) for key, value in mapping.items())))


def _converted(page: Page) -> Converted:
    links = page.links_to_anchors
    return Converted(
        content=page.content or "",
        toc=page.toc,
        title=page._title_from_render,
        anchors=frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        links_to_anchors={target.src_uri: dict(anchors) for target, anchors in links.items()} if links is not None else None,
    )


def _restore(page: Page, converted: Converted, files: Files) -> None:
    page.content = converted.content
    page.toc = converted.toc
    page._title_from_render = converted.title
    page.present_anchor_ids = set(converted.anchors) if converted.anchors is not None else None
    if converted.links_to_anchors is not None:
        targets = ((files.get_file_from_path(uri), anchors) for uri, anchors in converted.links_to_anchors.items())
        page.links_to_anchors = {target: dict(anchors) for target, anchors in targets if target is not None}


# One of each per process: MkDocs loads a hook module once per process, and
# ``mkdocs serve`` rebuilds in the same process.
RENDERED = RenderCache()
INDEXED = SearchCache()
THEMED = PageTemplateCache()
CACHES = (RENDERED, INDEXED, THEMED)


def next_rebuild() -> None:
    """A rebuild starts: what the last one made is what it may reuse."""
    for cache in CACHES:
        cache.next_rebuild()
