"""What goes into the keys of the preview's page cache (``hooks/render_cache.py``)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from mkdocs.config import load_config

from tests.sitebuild import ROOT


def _hooks_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_test_{name}", ROOT / "hooks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    sys.path.insert(0, str(ROOT / "hooks"))  # siblings are imported as MkDocs lets them be: while the module loads
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    return module


def test_the_language_links_of_a_page_are_part_of_its_key() -> None:
    render_cache = _hooks_module("render_cache")
    links = _hooks_module("language_pass").LanguageLinks
    config = load_config(str(ROOT / "mkdocs.yml"))

    def key_with(entries: list[dict[str, str]]) -> str:
        config.extra["alternate"] = links(entries)
        return render_cache._context_text({"config": config, "base_url": ".."})

    german = [{"lang": "de", "link": "/de/a/"}, {"lang": "en", "link": "/en/a/"}]
    assert key_with(german) == key_with([dict(entry) for entry in german])
    assert key_with(german) != key_with([{"lang": "de", "link": "/de/a/"}, {"lang": "en", "link": "/en/b/"}])


def test_other_context_values_are_part_of_the_key() -> None:
    render_cache = _hooks_module("render_cache")
    config = load_config(str(ROOT / "mkdocs.yml"))
    base = {"config": config, "base_url": "..", "sco_page_tools": "tools"}
    assert render_cache._context_text(base) != render_cache._context_text(dict(base, sco_page_tools="other tools"))
    assert render_cache._context_text(base) != render_cache._context_text(dict(base, base_url="../.."))
