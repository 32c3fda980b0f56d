"""What every page offers a reader besides its content: edit, correct, follow, cite.

The theme knows the page (its address, title, source file); this module knows
what the page is made from and turns both into two pieces of HTML: tags for
the page's head (feed, citation metadata) and a block for its end.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from babel.dates import format_date
from markupsafe import Markup

from .citation import PageCitation, bibtex, csl_json, meta_tags
from .constants import LOCALES
from .feed import FEED_FILE
from .history import file_last_changed
from .model import Catalog
from .origins import newest_by_folder, origins_changed, page_origins
from .render.helpers import labels
from .repository import Repository
from .templating import markup_environment

# Issue templates in .github/ISSUE_TEMPLATE/, one per language.
CORRECTION_TEMPLATE = {"de": "korrektur.md", "en": "correction.md"}
CORRECTION_LABEL = "correction"

_HTML = markup_environment()


@dataclass(frozen=True)
class SiteLinks:
    """What is the same for every page of one language tree."""

    lang: str
    site_url: str = ""  # the site's root address with a trailing slash, or "" when none is configured
    repository: Repository | None = None
    changed: Mapping[str, dt.date] = field(default_factory=dict)  # data file -> last change
    project_dir: Path | None = None

    @cached_property
    def changed_by_folder(self) -> dict[str, dt.date]:
        return newest_by_folder(self.changed)


@dataclass(frozen=True)
class PageInfo:
    """What the theme knows about one page."""

    src_uri: str  # inside the language tree, e.g. 'initiatives/x.md'
    url: str  # inside the language tree, e.g. 'initiatives/x/'; '' for the home page
    title: str  # as the theme prints it into HTML (escaped)
    base_url: str  # from the page to the root of its language tree, e.g. '../..'
    source_file: Path | None = None  # a hand-written page's Markdown file


@dataclass(frozen=True)
class PageTools:
    head: Markup
    body: Markup


def page_tools(catalog: Catalog, site: SiteLinks, page: PageInfo) -> PageTools:
    handwritten = _repository_path(page.source_file, site.project_dir)
    origins = page_origins(catalog, page.src_uri, handwritten)
    citation = page_citation(site, page, origins)
    label = {key: value[site.lang] for key, value in labels().items() if isinstance(value, dict) and isinstance(value.get(site.lang), str)}
    feed_href = f"{page.base_url.rstrip('/') or '.'}/{FEED_FILE}"
    context = {
        "label": label,
        "lang": site.lang,
        "citation": citation,
        "feed_href": feed_href,
        "meta": meta_tags(citation),
        "bibtex": bibtex(citation),
        "csl_json": csl_json(citation),
        "changed": _long_date(citation.date, site.lang) if citation.date else "",
        "edits": _edit_links(site.repository, origins),
        "handwritten": bool(handwritten),
        "correction_url": _correction_url(site, citation, label),
    }
    return PageTools(
        head=Markup(_HTML.get_template("page_head.html.j2").render(context)),
        body=Markup(_HTML.get_template("page_tools.html.j2").render(context)),
    )


def page_citation(site: SiteLinks, page: PageInfo, origins: tuple[str, ...]) -> PageCitation:
    if page.source_file is not None:
        date = file_last_changed(page.source_file)
    else:
        date = origins_changed(origins, site.changed, site.changed_by_folder)
    path = f"{site.lang}/{page.url}"
    return PageCitation(
        title=html.unescape(page.title),  # the theme's title is already HTML; the templates escape it again
        publisher=labels()["site_name"][site.lang],
        lang=site.lang,
        path=path,
        date=date,
        url=f"{site.site_url}{path}" if site.site_url else "",
    )


@cache  # Babel is slow, and pages share a few dates
def _long_date(date: dt.date, lang: str) -> str:
    return format_date(date, "long", locale=LOCALES[lang])


def _edit_links(repository: Repository | None, origins: tuple[str, ...]) -> list[dict[str, str]]:
    if repository is None:
        return []
    return [
        {"path": path, "href": repository.folder_url(path) if path.endswith("/") else repository.edit_url(path), "folder": "yes" if path.endswith("/") else ""}
        for path in origins
    ]


def _correction_url(site: SiteLinks, citation: PageCitation, label: dict[str, str]) -> str:
    if site.repository is None:
        return ""
    address = citation.url or "/" + citation.path
    body = label["correction_body"].format(title=citation.title, address=address)
    title = label["correction_title"].format(title=citation.title)
    return site.repository.new_issue_url(CORRECTION_TEMPLATE[site.lang], title, body, (CORRECTION_LABEL,))


def _repository_path(source_file: Path | None, project_dir: Path | None) -> str | None:
    if source_file is None or project_dir is None:
        return None
    try:
        return source_file.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return None
