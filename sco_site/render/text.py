"""How data text travels through Markdown without ever being read as Markdown.

Escaping text for Markdown by hand is never complete: every extension adds
syntax (a "4. " after a list bullet starts a numbered list, "??? " a
collapsible block, "*[x]:" an abbreviation). So data text does not travel as
Markdown source at all. Each value a template prints becomes an opaque token:
its UTF-8 bytes written as private-use characters between two markers. No
Markdown syntax contains these characters, so the token passes block and inline
parsing untouched; the ``sco_site.render.markdown_ext`` extension turns it
back into plain text in the finished tree, where the serializer escapes it
for HTML.

Only fragments the renderer builds itself (links, badges, icons, drawings)
are printed as Markdown: they are ``MarkdownSource`` and carry their data
text as tokens too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

TOKEN_START = "\ue000"
TOKEN_END = "\ue001"
_BYTE_BASE = 0xE100  # byte b is written as chr(0xE100 + b)
TOKEN = re.compile(f"{TOKEN_START}([\ue100-\ue1ff]*){TOKEN_END}")

_ENCODE = {byte: chr(_BYTE_BASE + byte) for byte in range(256)}
_DECODE = {_BYTE_BASE + byte: chr(byte) for byte in range(256)}
# Control characters mean nothing to a reader, and Python-Markdown uses some
# of them (STX, ETX) as its own placeholder marks: they never reach a page.
_CONTROLS = {code: None for code in [*range(32), 127]}


class MarkdownSource(str):
    """Markdown (or raw HTML) the renderer built itself, printed as it is.

    Not to be confused with ``markupsafe.Markup``, which marks text as safe
    HTML: this marks text as meant to be read as Markdown.
    """


def plain_text(value: object) -> str:
    """What a reader should see of a value: whitespace collapsed, control characters dropped."""
    if value is None:
        return ""
    return " ".join(" ".join(str(value).split()).translate(_CONTROLS).split())


def data_token(value: object) -> str:
    """A value as Markdown source that renders to exactly its plain text (see the module's docstring)."""
    if isinstance(value, MarkdownSource):
        return value
    if value is None:
        return ""
    # Even an empty text is a token: "## {{ title }} { #id }" stays a heading with an id.
    text = plain_text(value)
    raw = text.encode("utf-8", "surrogatepass").decode("latin-1")
    return TOKEN_START + raw.translate(_ENCODE) + TOKEN_END


def decode_tokens(text: str, replace: Callable[[str], str] = str) -> str:
    """Every token in ``text`` turned back into its text, passed through ``replace`` (e.g. HTML escaping)."""
    if TOKEN_START not in text:
        return text
    return TOKEN.sub(lambda m: replace(_decode(m.group(1))), text)


def _decode(body: str) -> str:
    return body.translate(_DECODE).encode("latin-1").decode("utf-8", "surrogatepass")


def markdown_url(url: str) -> str:
    """A checked http(s) address, made safe inside a Markdown link's parentheses."""
    if not re.match(r"^https?://", url):
        raise ValueError(f"refusing a link that is not http(s): {url!r}")
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def html_attribute(value: str) -> str:
    """Text for an HTML attribute value inside double quotes."""
    return plain_text(value).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")

