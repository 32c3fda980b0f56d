"""A Python-Markdown extension that turns data tokens back into plain text.

Registered in ``mkdocs.yml`` as ``sco_site.render.markdown_ext``; it needs
nothing from MkDocs. See ``sco_site.render.text`` for the tokens.

The tokens are decoded in the finished tree, after inline parsing and
``attr_list`` (so no data text is read as Markdown or as an attribute list)
and before ``abbr`` and ``toc`` (so abbreviations from the glossary still get
their tooltip, and headings their table-of-contents entry and permalink).
Tokens inside raw HTML are decoded into the stash, HTML-escaped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .text import TOKEN_START, decode_tokens

# The serializer leaves '&' alone where it starts something entity-like, so
# that Markdown's own entities pass: data text "&amp;" must show as written.
_ENTITY_LIKE_AMP = re.compile(r"&(?=#[0-9]+;|#x[0-9a-f]+;|[0-9a-z]+;)", re.IGNORECASE)
# Between attr_list (8) and abbr (7).
PRIORITY = 7.5


class DataTextTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._amp = ""
        self._decode_tree(root)
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str):
                stash[index] = decode_tokens(block, lambda text: html.escape(text, quote=True))
            else:
                self._decode_tree(block)

    def _decode_tree(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.text and TOKEN_START in element.text:
                element.text = self._text(element.text)
            if element.tail and TOKEN_START in element.tail:
                element.tail = self._text(element.tail)
            for name, value in element.attrib.items():
                if TOKEN_START in value:
                    element.set(name, self._text(value))

    def _text(self, text: str) -> str:
        return decode_tokens(text, self._protect_entities)

    def _protect_entities(self, text: str) -> str:
        if "&" not in text:
            return text
        if not self._amp:
            self._amp = self.md.htmlStash.store("&amp;")
        return _ENTITY_LIKE_AMP.sub(self._amp, text)


class DataTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(DataTextTreeprocessor(md), "sco_data_text", PRIORITY)


def makeExtension(**kwargs: Any) -> DataTextExtension:  # noqa: N802 (Python-Markdown's name)
    return DataTextExtension(**kwargs)
