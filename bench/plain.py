"""The reference: plain MkDocs + Material building the same pages without hooks.

The pages the hooks generate in memory are written out beforehand as ordinary
Markdown files, one docs folder and one configuration per language, with the
same theme, Markdown extensions, navigation and search settings as the site.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from sco_site.constants import LANGUAGES, LOCALES
from sco_site.history import last_changed
from sco_site.languages import glossary
from sco_site.loader import load_data
from sco_site.model import Catalog
from sco_site.pages import generate_downloads, generate_pages, navigation
from sco_site.render.helpers import labels
from sco_site.render.renderer import BuildContext

# What only the hooked build needs; everything else is kept as configured.
HOOK_ONLY_KEYS = ("hooks", "watch")


class _Tagged:
    """A tagged YAML value (``!ENV``, ``!!python/name:``) carried through unchanged."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag = tag
        self.value = value


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node))
    return _Tagged(node.tag, loader.construct_mapping(node))


def _write_tag(dumper: yaml.SafeDumper, tagged: _Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


_ConfigLoader.add_multi_constructor("!", _keep_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_ConfigDumper.add_representer(_Tagged, _write_tag)
# Navigation titles are markupsafe.Markup (HTML-escaped once); written as text.
_ConfigDumper.add_representer(Markup, lambda dumper, value: dumper.represent_str(str(value)))


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - safe loader subclass


def plain_config(site_config: dict[str, Any], lang: str, catalog: Catalog) -> dict[str, Any]:
    """The site's configuration for one language, set as the hooks set it, without hooks."""
    config = {key: value for key, value in site_config.items() if key not in HOOK_ONLY_KEYS}
    words = labels()
    config.update(docs_dir="docs", site_dir="site", site_name=words["site_name"][lang], site_description=words["site_description"][lang])
    root = _site_url(site_config)
    config["site_url"] = f"{root}{lang}/" if root else None
    config["theme"] = {**site_config["theme"], "language": lang, "custom_dir": "../overrides"}
    config["extra"] = {
        **site_config.get("extra", {}),
        "alternate": [],
        "sco_locale": LOCALES[lang],
        "sco_alternate_locales": [LOCALES[other] for other in LANGUAGES if other != lang],
        "sco_labels": {key: value[lang] for key, value in words.items() if isinstance(value, dict) and isinstance(value.get(lang), str)},
    }
    config["plugins"] = [{"search": {"pipeline": ["stemmer", "stopWordFilter", "trimmer"]}}]
    config["nav"] = navigation(catalog, lang)
    config["markdown_extensions"] = _markdown_extensions(site_config, lang, catalog)
    return config


def _markdown_extensions(site_config: dict[str, Any], lang: str, catalog: Catalog) -> list[Any]:
    """The configured extensions with the per-language settings the hooks make (glossary, permalink title)."""
    per_language = {"abbr": {"glossary": glossary(catalog, lang)}, "toc": {"permalink_title": labels()["permalink_title"][lang]}}
    extensions = []
    for entry in site_config.get("markdown_extensions", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        options = {} if isinstance(entry, str) else dict(entry[name] or {})
        if name in per_language:
            options.update(per_language[name])
        extensions.append({name: options} if options else name)
    return extensions


def _site_url(site_config: dict[str, Any]) -> str:
    """The configured address, taking the default of an ``!ENV`` entry as the build does; '' for none."""
    url = site_config.get("site_url", "")
    if isinstance(url, _Tagged):
        url = url.value[-1] if isinstance(url.value, list) else ""
    return str(url).rstrip("/") + "/" if url else ""


def write_plain_projects(project: Path, out: Path) -> list[Path]:
    """One plain project per language under ``out``; returns their mkdocs.yml files."""
    catalog = load_data(project / "data")
    site_config = read_config(project / "mkdocs.yml")
    context = BuildContext(site_url=_site_url(site_config), changed=last_changed(project / "data"))
    shutil.copytree(project / "overrides", out / "overrides", dirs_exist_ok=True)
    configs = []
    for lang in LANGUAGES:
        docs = out / lang / "docs"
        shutil.copytree(project / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
        for page in (project / "docs" / lang).rglob("*.md"):
            _write(docs / page.relative_to(project / "docs" / lang), page.read_text(encoding="utf-8"))
        for generated in generate_pages(catalog, lang, context):
            _write(docs / generated.src_uri, generated.markdown)
        for download in generate_downloads(catalog, lang, context):
            _write(docs / download.src_uri, download.content)
        config_file = out / lang / "mkdocs.yml"
        config_file.write_text(yaml.dump(plain_config(site_config, lang, catalog), Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs.append(config_file)
    return configs


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
