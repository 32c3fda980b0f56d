"""Turning data text into Markdown that shows exactly that text and nothing more.

Every value printed by a template goes through ``markdown_text`` unless it is a
``Markup`` fragment the renderer built itself. So no data file can put HTML, a
script, a link or any Markdown formatting on a page.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters that mean something to Markdown or its extensions anywhere in a
# line, written as numeric entities: the browser shows the character, Markdown
# sees none of its syntax. '<', '>' and '&' come first, as HTML entities.
_INLINE = {ch: f"&#{ord(ch)};" for ch in "\\`*_[]{}|:~^$!"}
_INLINE.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_TABLE = str.maketrans(_INLINE)
# Control characters mean nothing to a reader, and Python-Markdown uses some
# of them internally as placeholders: drop them.
_TABLE.update({code: None for code in [*range(32), 127]})
# At the start of a line these would begin a heading, list or rule.
_LINE_START = re.compile(r"^(\s*)([#=+\-]|\d+(?=[.)]))")


class Markup(str):
    """Markdown (or HTML) built by the renderer, printed as it is."""


def markdown_text(value: object) -> str:
    """Plain text as Markdown source that renders to the same plain text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    text = " ".join(str(value).split())
    text = text.translate(_TABLE)
    return _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)


def markdown_url(url: str) -> str:
    """A checked http(s) address, made safe inside a Markdown link's parentheses."""
    if not re.match(r"^https?://", url):
        raise ValueError(f"refusing a link that is not http(s): {url!r}")
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def html_attribute(value: str) -> str:
    """Text for an HTML attribute value inside double quotes."""
    return " ".join(value.split()).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
