"""MkDocs events: the thin layer between MkDocs and the ``sco_site`` core.

One ``mkdocs build`` builds every language: German into ``site/de/``, then,
from ``on_post_build``, the same configuration again for English into
``site/en/``. Each pass has its own theme language, navigation and search
index. Everything about the content comes from ``sco_site``.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from language_pass import LanguageLinks, LanguagePass
from theme_cache import THEME_BYTECODE
from sco_site.history import last_changed
from sco_site.languages import alternates, glossary, render_root_page
from sco_site.pages import generate_downloads, generate_pages, navigation
from sco_site.render.renderer import BuildContext
from sco_site.preview import PreviewData, error_banner, load_for_preview

log = logging.getLogger("mkdocs.plugins.sco_site")
_pass = LanguagePass()
_data = PreviewData(None, None)
_context = BuildContext()


def on_startup(command: str, dirty: bool) -> None:
    _pass.serving = command == "serve"


@event_priority(100)  # before Material's search plugin reads the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _data, _context
    _pass.configure(config)
    data_dir = Path(config.config_file_path).parent / "data"
    if _pass.is_first:  # later language passes of the same build reuse the data
        gc.unfreeze()  # in case an earlier build stopped half-way
        _data = load_for_preview(data_dir)
        _context = BuildContext(site_url=_pass.root_url, changed=last_changed(data_dir))
    # The data stays for the whole build: frozen, Python's cycle collector
    # stops walking it again each time the pages' objects pile up.
    gc.freeze()
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary(_data.catalog, _pass.lang) if _data.catalog else {}
    if _data.error:
        if not _pass.serving:
            raise PluginError("\n" + _data.error.report())
        log.error("\n%s", _data.error.report())
    if _data.catalog:
        config.nav = navigation(_data.catalog, _pass.lang)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files = _pass.language_files(files, config)
    if _data.catalog is None:  # preview of broken data with nothing valid to show
        files.append(File.generated(config, "index.md", content="# Data problems\n"))
        return files
    for page in generate_pages(_data.catalog, _pass.lang, _context):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for download in generate_downloads(_data.catalog, _pass.lang, _context):
        files.append(File.generated(config, download.src_uri, content=download.content))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = THEME_BYTECODE
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _data.error:
        markdown = error_banner(_data.error, showing_old=_data.catalog is not None) + markdown
    return markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    config.extra["alternate"] = LanguageLinks(alternates(page.url, _pass.lang, _pass.root_url))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if not _pass.is_first:
        return
    gc.freeze()  # the first language's pages stay in memory until the end, too
    try:
        for lang in _pass.other_languages():
            with _pass.building(lang):
                build(config, dirty=False)
    finally:
        gc.unfreeze()
    if _data.catalog:
        _pass.write_root_file("index.html", render_root_page(_data.catalog, "root_index.html.j2"))
        _pass.write_root_file("404.html", render_root_page(_data.catalog, "root_404.html.j2", base=_pass.root_path))
