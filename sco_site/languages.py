"""Links between the two language trees, the glossary, and the root pages."""

from __future__ import annotations



from .constants import LANGUAGES
from .model import Catalog
from .render.helpers import labels
from .templating import markup_environment

_HTML = markup_environment()


def counterpart_href(page_url: str, other_lang: str) -> str:
    """Relative link from a page to the same page in the other language tree."""
    depth = len([part for part in page_url.split("/") if part]) if page_url.endswith("/") else page_url.count("/")
    return "../" * (depth + 1) + f"{other_lang}/{page_url}"


def alternates(page_url: str, lang: str, root_url: str) -> list[dict[str, str]]:
    """One entry per language: name, code, absolute link (hreflang) and relative href (switcher)."""
    result = []
    for code in LANGUAGES:
        href = "./" if code == lang and not page_url else counterpart_href(page_url, code)
        result.append(
            {
                "name": labels()["language_name"][code],
                "lang": code,
                "link": f"{root_url}{code}/{page_url}" if root_url else href,
                "href": href,
            }
        )
    return result


def glossary(catalog: Catalog, lang: str) -> dict[str, str]:
    """Abbreviation -> meaning, for the Markdown ``abbr`` extension's ``glossary`` setting.

    Given as a setting rather than as ``*[...]:`` lines appended to each page,
    so that no abbreviation or meaning is ever read as Markdown.
    """
    terms = {" ".join(term.abbreviation[lang].split()): " ".join(term.meaning[lang].split()) for term in catalog.glossary}
    # Python-Markdown marks raw HTML in the text with these words: an
    # "abbreviation" of one would break the page, so it only gets no tooltip.
    return {short: meaning for short, meaning in terms.items() if not any(word in short for word in _MARKDOWN_PLACEHOLDER_WORDS)}


_MARKDOWN_PLACEHOLDER_WORDS = ("wzxhzdk", "klzzwxh")


def render_root_page(catalog: Catalog, template: str, base: str = "") -> str:
    """The language chooser at the site root (index.html or 404.html)."""
    entries = [
        {
            "lang": lang,
            "title": catalog.site.title[lang],
            "description": catalog.site.description[lang],
            "name": labels()["language_name"][lang],
            "not_found": labels()["page_not_found"][lang],
            "not_found_text": labels()["page_not_found_text"][lang],
        }
        for lang in LANGUAGES
    ]
    return _HTML.get_template(template).render(languages=entries, base=base)
