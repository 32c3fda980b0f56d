"""Compiled theme templates and the theme's file list, kept for the whole MkDocs process.

MkDocs makes new Jinja environments for every build (for each language
process, and for each rebuild of ``mkdocs serve``), and Material's search
plugin makes two more to translate its labels. Compiling Material's templates
anew each time was about a seventh of a preview rebuild; listing the theme's
files (over 14,000, most of them icons) to find its static files, another
tenth. With this cache templates are compiled once per process, and the
installed theme's folders are listed once per process; the project's own
``overrides/`` is listed on every build, so a template added there is found.
"""

from __future__ import annotations

import sysconfig
from functools import partial
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket
from mkdocs.theme import Theme


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in memory; a changed template fails its checksum and is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = MemoryBytecodeCache()
_INSTALLED = tuple(Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib"))
_installed_listings: dict[tuple[str, bool], list[str]] = {}


def keep_theme_work(theme: Theme) -> None:
    """Let every Jinja environment made for ``theme`` from now on use the kept templates and file lists."""
    make_environment = theme.get_env

    def get_env() -> Environment:
        env = make_environment()
        env.bytecode_cache = THEME_BYTECODE
        if isinstance(env.loader, FileSystemLoader):
            env.loader.list_templates = partial(_list_templates, env.loader)  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _list_templates(loader: FileSystemLoader) -> list[str]:
    """What ``FileSystemLoader.list_templates`` returns, with the installed folders' lists kept."""
    found: set[str] = set()
    for folder in loader.searchpath:
        found.update(_listing(str(folder), loader.followlinks))
    return sorted(found)


def is_installed(folder: str) -> bool:
    """True for a folder of an installed package (the theme's own): it does not change while MkDocs runs."""
    resolved = Path(folder).resolve()
    return any(resolved.is_relative_to(installed) for installed in _INSTALLED)


def _listing(folder: str, followlinks: bool) -> list[str]:
    def listing() -> list[str]:
        return FileSystemLoader(folder, followlinks=followlinks).list_templates()

    if not is_installed(folder):
        return listing()  # the project's own templates: they may change while serving
    key = (folder, followlinks)
    if key not in _installed_listings:
        _installed_listings[key] = listing()
    return _installed_listings[key]
