"""The site's own Markdown set-up (extensions and options from mkdocs.yml), for fast rendering in tests.

Pages are rendered exactly as the build renders them, with the per-language
settings the hooks make (glossary, permalink title), but without MkDocs.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import markdown
import yaml
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import get_yaml_loader

from sco_site.languages import glossary
from sco_site.model import Catalog
from sco_site.render.helpers import labels
from tests.sitebuild import ROOT


@cache
def configured_extensions() -> tuple[list[str], dict[str, dict[str, Any]]]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506 - MkDocs' own loader
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        names.append(name)
        if not isinstance(entry, str):
            options[name] = dict(entry[name] or {})
    return names, options


def markdown_for(catalog: Catalog | None, lang: str) -> markdown.Markdown:
    names, options = configured_extensions()
    options = {name: dict(value) for name, value in options.items()}
    options.setdefault("abbr", {})["glossary"] = glossary(catalog, lang) if catalog else {}
    options.setdefault("toc", {})["permalink_title"] = labels()["permalink_title"][lang]
    return markdown.Markdown(extensions=names, extension_configs=options)


def page_html(page_markdown: str, catalog: Catalog | None, lang: str) -> str:
    """A generated page's Markdown (with front matter) as the HTML of its article."""
    body, _meta = get_data(page_markdown)  # as MkDocs reads the front matter
    return markdown_for(catalog, lang).convert(body)
