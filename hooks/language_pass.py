"""Which language this MkDocs process builds, and what that changes.

The process started by ``mkdocs build`` or ``mkdocs serve`` builds the first
language; it starts one process per other language (``other_languages.py``)
and tells it its language, the site's root folder and address through the
environment variable ``SCO_SITE_PASS``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from sco_site.constants import LANGUAGES, LOCALES
from sco_site.render.helpers import labels

PASS_VARIABLE = "SCO_SITE_PASS"


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

    def __repr__(self) -> str:  # what the preview's page cache compares (hooks/render_cache.py)
        return f"LanguageLinks({self.entries!r})"


@dataclass(frozen=True)
class LanguagePass:
    """One language tree: its language, and the whole site's folder and address."""

    lang: str
    root_dir: str
    root_url: str
    serving: bool

    @classmethod
    def of_process(cls, config: MkDocsConfig, serving: bool) -> "LanguagePass":
        """The pass this process was started for, or the first language's."""
        given = os.environ.get(PASS_VARIABLE)
        if given:
            values = json.loads(given)
            return cls(values["lang"], values["root_dir"], values["root_url"], values["serving"])
        root_url = (config.site_url or "").rstrip("/") + "/" if config.site_url else ""
        return cls(LANGUAGES[0], config.site_dir, root_url, serving)

    @property
    def is_first(self) -> bool:
        return self.lang == LANGUAGES[0]

    @property
    def root_path(self) -> str:
        return urlsplit(self.root_url).path or "/"

    def other_languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang != self.lang]

    def site_dir_for(self, lang: str) -> str:
        return os.path.join(self.root_dir, lang)

    def environment_for(self, lang: str, serve_url: str = "") -> dict[str, str]:
        """The environment of the process that builds ``lang``."""
        values = {"lang": lang, "root_dir": self.root_dir, "root_url": self.root_url, "serving": self.serving}
        return dict(os.environ, **{PASS_VARIABLE: json.dumps(values), "SCO_SITE_SERVE_URL": serve_url})

    def configure(self, config: MkDocsConfig) -> None:
        config.site_dir = self.site_dir_for(self.lang)
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
