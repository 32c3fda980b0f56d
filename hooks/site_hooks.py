"""MkDocs events: the thin layer between MkDocs and the ``sco_site`` core.

Each language is its own MkDocs build: this process builds German into
``site/de/`` while a second process builds English into ``site/en/`` (see
``other_languages.py``); the first writes the language chooser at the root
once both are done. Each pass has its own theme language, navigation and
search index. Everything about the content comes from ``sco_site``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from language_pass import LanguageLinks, LanguagePass
from other_languages import OtherLanguages, code_version, stop_workers
from render_cache import INDEXED, RENDERED, THEMED, next_rebuild
from theme_cache import keep_theme_work
from sco_site.history import last_changed
from sco_site.languages import alternates, glossary, render_root_page
from sco_site.page_tools import PageInfo, SiteLinks, page_tools
from sco_site.pages import generate_downloads, generate_pages, navigation
from sco_site.repository import RepositoryProblem, configured_repository
from sco_site.render.renderer import BuildContext
from sco_site.preview import PreviewData, error_banner, load_for_preview, preview_report

log = logging.getLogger("mkdocs.plugins.sco_site")
WATCH_INTERVAL = 0.05  # seconds between two looks at the watched folders in `mkdocs serve`
SETTLE_TIME = 0.05  # quiet seconds after a change before the rebuild starts (MkDocs waits 0.1 s)


@dataclass(frozen=True)
class SiteBuild:
    """What one build of one language needs across its events."""

    language: LanguagePass
    data: PreviewData
    context: BuildContext
    others: OtherLanguages | None  # the other languages' builds, started by the first language
    links: SiteLinks  # edit, correction, feed and citation links of this language's pages


_serving = False  # set once per process by on_startup: `mkdocs serve` shows broken data instead of refusing it
_code_seen: float | None = None  # while serving: when the code this process runs last changed, as far as it has said
_build: SiteBuild | None = None  # the build in progress, made anew by each on_config
_nav: Navigation | None = None  # its navigation, once MkDocs has made it


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _code_seen
    _serving = command == "serve"
    _code_seen = code_version() if _serving else None


def _warn_of_changed_code(lang: str) -> None:
    # MkDocs loads the hooks, and with them sco_site, once per process: the
    # other languages' workers are started anew with changed code, this
    # process cannot be. Said once per change.
    global _code_seen
    code = code_version()
    if _code_seen is not None and code != _code_seen:
        _code_seen = code
        log.warning(f"hooks/ or sco_site/ changed: the {lang} pages are still made with the code `mkdocs serve` started with; stop it and start it again to see the change in both languages")


def on_shutdown() -> None:
    stop_workers()


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    # MkDocs looks for saved files every 0.5 s and starts the rebuild after
    # 0.1 s without further changes. The folders of `watch:` (data/, hooks/,
    # sco_site/, overrides/), added to the observer after this event, are
    # looked at every 0.05 s instead (watchdog hands its observer's interval
    # to each folder watched from now on; a look at them costs well under a
    # millisecond), and an editor's save (one write) settles after 0.05 s.
    # Without these attributes nothing changes.
    if hasattr(server.observer, "_timeout"):
        server.observer._timeout = WATCH_INTERVAL
    if hasattr(server, "build_delay"):
        server.build_delay = SETTLE_TIME
    return server


@event_priority(100)  # before Material's search plugin reads the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _nav
    _nav = None
    language = LanguagePass.of_process(config, _serving)
    others = None
    if language.is_first and language.serving:
        _warn_of_changed_code(language.lang)
    if language.is_first:  # the other languages build meanwhile, each in its own process
        others = OtherLanguages(language, config.config_file_path, bool(config.strict), dirty=False)
        if not others.copies_this_process:
            others.start(serve_url=config.site_url if language.serving else "")
    language.configure(config)
    keep_theme_work(config.theme)
    if language.serving:
        next_rebuild()
    data_dir = Path(config.config_file_path).parent / "data"
    data = load_for_preview(data_dir)
    if others is not None and others.copies_this_process and not data.error:
        others.start()  # a copy of this process, made now that the data is loaded and checked
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary(data.catalog, language.lang) if data.catalog else {}
    context = BuildContext(site_url=language.root_url, changed=last_changed(data_dir))
    try:
        repository = configured_repository(config.extra.get("repository"), config.extra.get("repository_branch"), data_dir.parent)
    except RepositoryProblem as problem:
        raise PluginError(f"extra.repository in mkdocs.yml (REPO_URL, REPO_BRANCH): {problem}") from None
    links = SiteLinks(language.lang, language.root_url, repository, context.changed, data_dir.parent)
    _build = SiteBuild(language, data, context, others, links)
    if data.error:
        if not language.serving:
            raise PluginError(data.error.report())
        if language.is_first:  # the other languages show the same problems on their pages, not again here
            log.error(preview_report(data.error))
    if data.catalog:
        config.nav = navigation(data.catalog, language.lang)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    files = _build.language.language_files(files, config)
    catalog = _build.data.catalog
    if catalog is None:  # preview of broken data with nothing valid to show
        files.append(File.generated(config, "index.md", content="# Data problems\n"))
        return files
    for page in generate_pages(catalog, _build.language.lang, _build.context):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    for download in generate_downloads(catalog, _build.language.lang, _build.context):
        files.append(File.generated(config, download.src_uri, content=download.content))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    assert _build is not None
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if _build.language.serving and getattr(search, "search_index", None) is not None:
        INDEXED.wrap(search.search_index)  # a preview rebuild indexes only the pages that changed
    if _build.language.serving and _nav is not None:
        THEMED.wrap(env, config, _nav)  # and has the theme make only the pages that changed
    return env


@event_priority(-100)  # after every other plugin: the navigation is final
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    assert _build is not None
    if _build.language.serving:  # a preview rebuild converts only the pages whose Markdown changed
        RENDERED.wrap(page)
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    if _build.data.error:
        markdown = error_banner(_build.data.error, showing_old=_build.data.catalog is not None) + markdown
    return markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    assert _build is not None
    config.extra["alternate"] = LanguageLinks(alternates(page.url, _build.language.lang, _build.language.root_url))
    if _build.data.catalog:
        source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        title = page.meta.get("title") or page.title or config.site_name  # the page's own title, not its navigation label
        info = PageInfo(page.file.src_uri, page.url, title, context["base_url"], source)
        context["sco_page_tools"] = page_tools(_build.data.catalog, _build.links, info)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    assert _build is not None
    if _build.others is None:
        return
    failed = _build.others.finish()
    if failed:
        raise PluginError(f"The {', '.join(failed)} pages could not be built (see above).")
    if _build.data.catalog:
        language = _build.language
        language.write_root_file("index.html", render_root_page(_build.data.catalog, "root_index.html.j2"))
        language.write_root_file("404.html", render_root_page(_build.data.catalog, "root_404.html.j2", base=language.root_path))


def on_build_error(error: Exception) -> None:
    if _build is not None and _build.others is not None:
        _build.others.finish(show=False)  # their output would only repeat this build's problem
