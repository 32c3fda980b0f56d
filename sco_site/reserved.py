"""Ids that are names of generated pages, folders or downloads.

An initiative with the id ``index`` would silently replace the "All
initiatives" page. The list is made from where the pages and downloads
really go (``page_uris``, ``DOWNLOADS``), so a new page is covered as soon
as it exists; only what MkDocs and its theme write is named here.
"""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

from .constants import LANGUAGES
from .exports import DOWNLOADS
from .render.helpers import page_uris

# Written by MkDocs and Material, not by the site's own code: the theme's
# files, the search index, the 404 page and the sitemap.
BUILD_OUTPUT = ("assets", "search", "404", "sitemap")
_PLACEHOLDER = "{id}"


@cache
def reserved_ids() -> frozenset[str]:
    """Every name a generated page, folder or download has, without its extension."""
    names = set(BUILD_OUTPUT) | set(LANGUAGES)
    for uri in [*page_uris(_PLACEHOLDER).values(), *DOWNLOADS.values()]:
        names.update(part.split(".", 1)[0] for part in PurePosixPath(uri).parts if _PLACEHOLDER not in part)
    return frozenset(names)
