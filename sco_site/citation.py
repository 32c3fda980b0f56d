"""How a page is cited: metadata for reference managers, BibTeX and CSL-JSON.

Zotero, Mendeley and their peers read Highwire Press ``citation_*`` and Dublin
Core ``DC.*`` meta tags; BibTeX and CSL-JSON are what people paste into a
bibliography. All three say the same: title, the site as publisher, date,
language and, when the site has a public address, that address.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

# biblatex/babel language names of the site's languages.
BABEL_LANGUAGE = {"de": "ngerman", "en": "british"}
CSL_LANGUAGE = {"de": "de-DE", "en": "en-GB"}
_BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Characters with a meaning in BibTeX/LaTeX, written as commands that print them.
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIBTEX_TABLE = str.maketrans(_BIBTEX_SPECIAL)


@dataclass(frozen=True)
class PageCitation:
    """What a citation of one page says."""

    title: str
    publisher: str  # the site, in the page's language
    lang: str
    path: str  # the page's address inside the site, e.g. 'de/initiatives/x/'
    date: dt.date | None = None  # when the data behind the page last changed
    url: str = ""  # absolute address; empty when the site has none configured

    @property
    def key(self) -> str:
        """A BibTeX key from the page's address: only letters, digits and hyphens."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.path.lower()).strip("-")
        return f"sco-chairmanship-{slug}" if slug else "sco-chairmanship"


def meta_tags(citation: PageCitation) -> list[tuple[str, str]]:
    """(name, content) pairs of the Highwire and Dublin Core tags, empty values left out."""
    highwire_date = citation.date.strftime("%Y/%m/%d") if citation.date else ""
    iso_date = citation.date.isoformat() if citation.date else ""
    tags = [
        ("citation_title", citation.title),
        ("citation_publisher", citation.publisher),
        ("citation_publication_date", highwire_date),
        ("citation_date", highwire_date),
        ("citation_language", citation.lang),
        ("citation_public_url", citation.url),
        ("DC.title", citation.title),
        ("DC.publisher", citation.publisher),
        ("DC.date", iso_date),
        ("DC.language", citation.lang),
        ("DC.identifier", citation.url),
        ("DC.type", "Text"),
    ]
    return [(name, content) for name, content in tags if content]


def bibtex_text(value: str) -> str:
    """Text as a BibTeX field value shows it: special characters escaped, whitespace single."""
    return " ".join(value.split()).translate(_BIBTEX_TABLE)


def bibtex(citation: PageCitation) -> str:
    """A biblatex ``@online`` entry; classic BibTeX styles read it as ``@misc``."""
    fields: list[tuple[str, str]] = [
        ("title", "{" + bibtex_text(citation.title) + "}"),  # inner braces keep the capitals
        ("author", "{" + bibtex_text(citation.publisher) + "}"),  # a corporate author, not a person
        ("organization", bibtex_text(citation.publisher)),
    ]
    if citation.date:
        fields += [("year", str(citation.date.year)), ("date", citation.date.isoformat())]
    if citation.url:
        fields.append(("url", _bibtex_url(citation.url)))
    fields.append(("langid", BABEL_LANGUAGE[citation.lang]))
    lines = [f"@online{{{citation.key},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    if citation.date:
        lines.append(f"  month = {_BIBTEX_MONTHS[citation.date.month - 1]},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "\n}\n"


def _bibtex_url(url: str) -> str:
    """biblatex reads url verbatim; only braces, backslashes and percent signs could upset a parser."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def csl_item(citation: PageCitation) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": citation.key,
        "type": "webpage",
        "title": citation.title,
        "container-title": citation.publisher,
        "publisher": citation.publisher,
        "author": [{"literal": citation.publisher}],
        "language": CSL_LANGUAGE[citation.lang],
    }
    if citation.date:
        item["issued"] = {"date-parts": [[citation.date.year, citation.date.month, citation.date.day]]}
    if citation.url:
        item["URL"] = citation.url
    return item


def csl_json(citation: PageCitation) -> str:
    """CSL-JSON as reference managers import it: a list with one item."""
    return json.dumps([csl_item(citation)], ensure_ascii=False, indent=2) + "\n"
