"""The Jinja environment for templates that produce HTML, SVG or XML.

One set-up for every such template: values are escaped for markup by
default, and a name the template uses but nobody passed is an error rather
than empty text. (Pages made as Markdown have their own environment in
``render/renderer.py``: there the data is tokenised, not HTML-escaped.)
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates"


def markup_environment(folder: str = "") -> Environment:
    """Autoescaping templates from ``templates/`` (or one of its sub-folders)."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES / folder if folder else TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
