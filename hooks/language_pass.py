"""Which language the current MkDocs build pass is for, and what that changes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sco_site.constants import LANGUAGES, LOCALES
from sco_site.render.helpers import labels


class LanguageLinks:
    """The page's counterparts, for the header's language switcher and hreflang links.

    Truthy, so Material shows its switcher (overridden in partials/alternate.html),
    but not iterable, so Material's base template does not write its own
    ``rel="alternate"`` links: its script fetches ``sitemap.xml`` next to every
    such link, which is right for links to language roots but not for links to
    counterpart pages. overrides/main.html writes the hreflang links instead.
    """

    def __init__(self, entries: list[dict[str, str]]) -> None:
        self.entries = entries

    def __bool__(self) -> bool:
        return True


class LanguagePass:
    """Rewrites the configuration and the file list for one language tree."""

    def __init__(self) -> None:
        self.lang = LANGUAGES[0]
        self.serving = False
        self.root_dir = ""
        self.root_url = ""

    @property
    def is_first(self) -> bool:
        return self.lang == LANGUAGES[0]

    @property
    def root_path(self) -> str:
        return urlsplit(self.root_url).path or "/"

    def other_languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang != self.lang]

    @contextlib.contextmanager
    def building(self, lang: str) -> Iterator[None]:
        first = self.lang
        self.lang = lang
        try:
            yield
        finally:
            self.lang = first

    def configure(self, config: MkDocsConfig) -> None:
        if not self.root_dir:
            self.root_dir = config.site_dir
            self.root_url = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
        config.site_dir = os.path.join(self.root_dir, self.lang)
        for scheme, key in zip(config.theme.get("palette") or [], ("palette_to_dark", "palette_to_light")):
            scheme["toggle"]["name"] = labels()[key][self.lang]
        if self.root_url:
            config.site_url = f"{self.root_url}{self.lang}/"
        config.theme["language"] = self.lang
        config.site_name = labels()["site_name"][self.lang]
        config.extra["alternate"] = []
        config.extra["sco_locale"] = LOCALES[self.lang]
        config.extra["sco_alternate_locales"] = [LOCALES[lang] for lang in self.other_languages()]
        config.extra["sco_labels"] = {key: value[self.lang] for key, value in labels().items() if isinstance(value, dict) and isinstance(value.get(self.lang), str)}
        config.site_description = labels()["site_description"][self.lang]
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels()["permalink_title"][self.lang]
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            # Let Material derive language and word separator anew; stem
            # words in the index, so that inflected forms and plurals find
            # each other ("Hafen", "Häfen"). Material's worker compares a
            # typed word with the index unstemmed; the worker the pages load
            # (docs/assets/javascripts/workers/search-stems.js) adds its stem.
            search.config.lang = None
            search.config.separator = None
            search.config.pipeline = ["stemmer", "stopWordFilter"]

    def language_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Keep shared files, move this language's folder to the root, drop the others."""
        kept: list[File] = []
        for file in files:
            top, _, rest = file.src_uri.partition("/")
            if top == self.lang and rest:
                kept.append(File(rest, os.path.join(config.docs_dir, self.lang), config.site_dir, config.use_directory_urls))
            elif top not in LANGUAGES or not rest:
                kept.append(file)
        return Files(kept)

    def write_root_file(self, name: str, content: str) -> None:
        with open(os.path.join(self.root_dir, name), "w", encoding="utf-8") as handle:
            handle.write(content)
