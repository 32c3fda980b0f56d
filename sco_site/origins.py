"""Which files in the repository each page is made from, and when they last changed.

A page's edit link points at these files: one data file for a page about one
entity, a folder for a page that lists every file in it, the Markdown file for
a hand-written page. A path ending in ``/`` is a folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .constants import ENTITY_FOLDERS
from .model import Catalog
from .render.helpers import page_uri

DATA = "data/"

# Pages that list many files, by the folders they are made from.
LIST_PAGES: dict[str, tuple[str, ...]] = {
    page_uri("home"): ("data/site.yml", "data/priorities/"),
    page_uri("initiatives"): ("data/initiatives/",),
    page_uri("documents"): ("data/initiatives/",),
    page_uri("timeline"): ("data/events/", "data/initiatives/"),
    page_uri("sources"): ("data/sources/",),
    page_uri("progress"): ("data/initiatives/",),
    page_uri("relations"): ("data/initiatives/",),
    page_uri("open_data"): (DATA,),
}
# An entity page that also lists entities of another folder (a priority lists its initiatives).
ALSO_LISTED: dict[str, tuple[str, ...]] = {"priorities": ("data/initiatives/",)}


def page_origins(catalog: Catalog, src_uri: str, handwritten_path: str | None = None) -> tuple[str, ...]:
    """Repository paths of what a page is made from, e.g. ('data/initiatives/x.yml',)."""
    if handwritten_path:
        return (handwritten_path,)
    if src_uri in LIST_PAGES:
        return LIST_PAGES[src_uri]
    folder, _, name = src_uri.partition("/")
    entity_id = name.removesuffix(".md")
    entities = getattr(catalog, folder, None) if folder in ENTITY_FOLDERS else None
    if isinstance(entities, Mapping) and entity_id in entities:
        return (f"data/{folder}/{entity_id}.yml", *ALSO_LISTED.get(folder, ()))
    return (DATA,)  # a generated page this table does not know yet: the whole data


def origins_changed(origins: tuple[str, ...], changed: Mapping[str, dt.date], by_folder: Mapping[str, dt.date] | None = None) -> dt.date | None:
    """The newest change date among a page's data files (``changed`` keys are relative to data/).

    ``by_folder`` is ``newest_by_folder(changed)``, made once per build by callers that date many pages.
    """
    folders = by_folder if by_folder is not None else newest_by_folder(changed)
    dates = []
    for path in origins:
        if not path.startswith(DATA):
            continue
        key = path[len(DATA):]
        date = folders.get(key) if key.endswith("/") or not key else changed.get(key)
        if date:
            dates.append(date)
    return max(dates, default=None)


def newest_by_folder(changed: Mapping[str, dt.date]) -> dict[str, dt.date]:
    """The newest date in each folder ('initiatives/') and in the whole data ('')."""
    newest: dict[str, dt.date] = {}
    for key, date in changed.items():
        for folder in ("", key.rpartition("/")[0] + "/" if "/" in key else ""):
            if folder not in newest or date > newest[folder]:
                newest[folder] = date
    return newest
