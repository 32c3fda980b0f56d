"""What templates may call: links, dates, badges and labels for one page."""

from __future__ import annotations

import posixpath
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from ..constants import PRIORITY_ICONS
from ..dates import DateSpan
from ..listing import RowFacts, data_as_of, row_facts
from ..model import Catalog, Citation, Event, Initiative, Text, count_by_type
from .text import MarkdownSource, data_token, html_attribute, markdown_url

# Language codes a source may be in (the schema's list), as written in lang attributes.
LANGUAGE_CODES = frozenset({"de", "en", "ru", "kk", "zh"})

LABELS_FILE = Path(__file__).parent / "labels.yml"


@cache
def labels() -> dict[str, Any]:
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


def page_uri(kind: str, entity_id: str = "") -> str:
    """Where each kind of page lives, the same in both language trees."""
    return page_uris(entity_id)[kind]


def page_uris(entity_id: str = "{id}") -> dict[str, str]:
    """Every kind of page and where it lives; by default with '{id}' for the entity's id."""
    return {
        "home": "index.md",
        "priority": f"priorities/{entity_id}.md",
        "initiative": f"initiatives/{entity_id}.md",
        "initiatives": "initiatives/index.md",
        "event": f"events/{entity_id}.md",
        "documents": "documents.md",
        "timeline": "timeline.md",
        "sources": "sources.md",
        "progress": "progress.md",
        "relations": "relations.md",
        "open_data": "open-data.md",
        "about": "about.md",
        "actor": f"actors/{entity_id}.md",
        "actors": "actors/index.md",
        "briefing": "briefing.md",
        "accessibility": "accessibility.md",
        "methodology": "methodology.md",
    }


def url_of(uri: str) -> str:
    """The directory URL MkDocs gives a page: 'priorities/x.md' -> 'priorities/x/', 'index.md' -> ''."""
    if uri == "index.md" or uri.endswith("/index.md"):
        return uri[: -len("index.md")]
    return uri[: -len(".md")] + "/"


def relative_link(from_uri: str, to_uri: str) -> str:
    return _relative_path(posixpath.dirname(from_uri), to_uri)


@cache  # pages in the same few folders link to the same pages again and again
def _relative_path(from_dir: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, from_dir or ".")


class PageHelpers:
    """Bound to one catalog, one language and one page, for relative links."""

    def __init__(self, catalog: Catalog, lang: str, uri: str) -> None:
        self.catalog = catalog
        self.lang = lang
        self.uri = uri

    def t(self, key: str) -> str:
        return labels()[key][self.lang]

    def text(self, value: Text | None) -> str:
        return value[self.lang] if value else ""

    def kind(self, kind: str, plural: bool = False) -> str:
        return labels()["kind_plural" if plural else "kind_singular"][self.lang][kind]

    def status(self, status: str) -> str:
        return labels()["status_label"][self.lang][status]

    def icon(self, name: str) -> MarkdownSource:
        return MarkdownSource(f":{PRIORITY_ICONS[name]}:{{ .lg .middle .sco-card__icon }}")

    def badge(self, status: str) -> MarkdownSource:
        label = data_token(self.status(status))
        return MarkdownSource(f'<span class="sco-status sco-status--{status}">{label}</span>')

    def badge_at(self, initiative: Initiative, event: Event) -> MarkdownSource | str:
        """The status an initiative reached at an event, marked as such; nothing if none is recorded."""
        status = initiative.status_at(event)
        if status is None:
            return ""
        title = data_token(self.t("status_at_event"))
        return MarkdownSource(f'<span class="sco-status sco-status--{status}" title="{title}">{data_token(self.status(status))}</span>')

    def defined(self, status: str) -> MarkdownSource:
        """The status badge, linked to the status's definition on the methodology page."""
        return self.link(page_uri("methodology"), self.badge(status), anchor=f"status-{status}")

    def statuses_of(self, initiatives: list[Initiative]) -> list[str]:
        """The current statuses among ``initiatives``, in the order of the legends."""
        from .charts import STATUS_ORDER  # charts imports this module

        present = {initiative.current_status for initiative in initiatives}
        return [status for status in STATUS_ORDER if status in present]

    def ordered(self, statuses: list[str]) -> list[str]:
        """Distinct statuses in the order of the legends."""
        from .charts import STATUS_ORDER  # charts imports this module

        return [status for status in STATUS_ORDER if status in set(statuses)]

    def statuses_at(self, initiatives: list[Initiative], event: Event) -> list[str]:
        """The statuses the initiatives reached at ``event``, in the order of the legends."""
        return self.statuses_reached([(initiative, event) for initiative in initiatives])

    def statuses_reached(self, pairs: list[tuple[Initiative, Event]]) -> list[str]:
        """The statuses each initiative reached at its event, in the order of the legends."""
        from .charts import STATUS_ORDER  # charts imports this module

        present = {initiative.status_at(event) for initiative, event in pairs}
        return [status for status in STATUS_ORDER if status in present]

    @cached_property
    def _as_of(self) -> Any:
        return data_as_of(self.catalog)

    def facts(self, initiative: Initiative) -> RowFacts:
        return row_facts(initiative, self._as_of)

    def date(self, span: DateSpan | None) -> str:
        # Plain text like any other: "4. Juli 2023" must not start a numbered list.
        return span.format(self.lang) if span else self.t("date_unrecorded")

    def iso(self, span: DateSpan | None) -> str:
        return span.iso() if span else ""

    def link(self, target_uri: str, label: str, anchor: str = "") -> MarkdownSource:
        href = relative_link(self.uri, target_uri) + (f"#{anchor}" if anchor else "")
        return MarkdownSource(f"[{data_token(label)}]({href})")

    def in_language(self, text: str | None, lang: str) -> MarkdownSource | str:
        """Text in another language than the page's, marked with its language (WCAG 3.1.2)."""
        if not text:
            return ""
        if lang == self.lang or lang not in LANGUAGE_CODES:
            return text
        return MarkdownSource(f'<span lang="{lang}">{data_token(text)}</span>')

    def lang_attribute(self, lang: str) -> MarkdownSource:
        """An attribute-list entry marking a block in another language than the page's, else nothing."""
        return MarkdownSource(f" lang={lang}" if lang != self.lang and lang in LANGUAGE_CODES else "")

    def to(self, kind: str, entity_id: str = "") -> str:
        """A link for raw HTML, which MkDocs does not rewrite: relative to the page's URL."""
        here = url_of(self.uri)
        target = url_of(page_uri(kind, entity_id))
        relative = posixpath.relpath(target or ".", here or ".")
        return "./" if relative == "." else relative + "/"

    def initiative(self, initiative_id: str) -> MarkdownSource:
        return self.link(page_uri("initiative", initiative_id), self.catalog.initiatives[initiative_id].title[self.lang])

    def priority(self, priority_id: str) -> MarkdownSource:
        return self.link(page_uri("priority", priority_id), self.catalog.priorities[priority_id].title[self.lang])

    def event(self, event_id: str) -> MarkdownSource:
        return self.link(page_uri("event", event_id), self.catalog.events[event_id].title[self.lang])

    def place(self, place_id: str | None) -> str:
        return self.catalog.places[place_id].name[self.lang] if place_id else ""

    def actor(self, actor_id: str) -> MarkdownSource:
        """Every mention of an actor links to its page."""
        return self.link(page_uri("actor", actor_id), self.actor_name(actor_id))

    def actor_name(self, actor_id: str) -> str:
        return self.catalog.actors[actor_id].name[self.lang]

    def source_title(self, source_id: str) -> str:
        """The published title, or where it is unknown the title this site wrote, in the page's language."""
        return self.catalog.sources[source_id].display_title(self.lang)[0]

    def source_type(self, source_id: str) -> MarkdownSource:
        """What kind of evidence the source is, shown beside each citation."""
        source_type = self.catalog.sources[source_id].type
        label = data_token(labels()["source_type"][self.lang][source_type])
        return MarkdownSource(f'<span class="sco-source-type sco-source-type--{source_type}">{label}</span>')

    def evidence(self, citations: tuple[Citation, ...]) -> str:
        """'2 official sources, 1 news report': the sources of one step, counted by type."""
        sources = [self.catalog.sources[source_id] for source_id in dict.fromkeys(c.source_id for c in citations)]
        forms = labels()["source_type_count"][self.lang]
        parts = [f"{n} {forms[source_type][0 if n == 1 else 1]}" for source_type, n in count_by_type(sources)]
        return f"{self.t('evidence')}: {', '.join(parts)}"

    def actor_kind(self, kind: str, plural: bool = False) -> str:
        return labels()["actor_kind_plural" if plural else "actor_kind"][self.lang][kind]

    def source_link(self, source_id: str) -> MarkdownSource:
        source = self.catalog.sources[source_id]
        title, title_lang = source.display_title(self.lang)
        label = data_token(self.in_language(title, title_lang))
        if source.author_id:
            label = data_token(f"{self.actor_name(source.author_id)}:") + " " + label
        href = relative_link(self.uri, page_uri("sources")) + f"#{source_id}"
        return MarkdownSource(f"[{label}]({href})")

    def external(self, url: str, label: str) -> MarkdownSource:
        return MarkdownSource(f"[{data_token(label)}]({markdown_url(url)})")

    def address(self, url: str) -> MarkdownSource:
        """A web address shown as itself; marked so that print does not add it a second time."""
        return MarkdownSource(f"[{data_token(url)}]({markdown_url(url)}){{: .sco-url }}")

    def print_address(self, source_id: str) -> MarkdownSource:
        """The source's web address, for print only (a stylesheet shows it after the citation)."""
        url = self.catalog.sources[source_id].url
        if not url:
            return MarkdownSource("")
        return MarkdownSource(f'<span class="sco-print-url" data-url="{html_attribute(markdown_url(url))}"></span>')

    def quote(self, citation: Citation) -> dict[str, str] | None:
        """The quotation in the page's language first, the other language beside it."""
        if citation.quote is None:
            return None
        source = self.catalog.sources[citation.source_id]
        other = "en" if self.lang == "de" else "de"
        original = source.language if source.language in ("de", "en") else None
        return {
            "main": citation.quote[self.lang],
            "other": self.in_language(citation.quote[other], other),
            "other_label": self.t("quote_original") if original == other else self.t("quote_translation"),
            "main_is_translation": "yes" if original == other else "",
        }
