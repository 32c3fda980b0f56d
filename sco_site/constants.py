"""Allowed values, named once so that schema, model and pages agree."""

from __future__ import annotations

import datetime as dt

# German is the source language; it comes first and is built first.
LANGUAGES: tuple[str, ...] = ("de", "en")
SOURCE_LANGUAGE = "de"

# Data folders below ``data/``: one entity per file, the folder names its kind.
ENTITY_FOLDERS: dict[str, str] = {
    "priorities": "priority",
    "initiatives": "initiative",
    "events": "event",
    "actors": "actor",
    "places": "place",
    "sources": "source",
}
# Single files below ``data/``.
SINGLE_FILES: dict[str, str] = {
    "glossary.yml": "glossary",
    "site.yml": "site",
}

INITIATIVE_KINDS: frozenset[str] = frozenset(
    {
        "document",
        "strategy",
        "programme",
        "institution",
        "fund",
        "network",
        "forum",
        "conference",
        "project",
        "designation",
        "mechanism",
        "partnership",
        "policy",
    }
)
# Kinds that are proposed texts; the documents overview lists these.
DOCUMENT_KINDS: frozenset[str] = frozenset({"document", "strategy", "programme"})

ACTOR_KINDS: frozenset[str] = frozenset({"person", "organisation", "body", "state"})
# What kind of evidence a source is, strongest first; each citation shows it,
# and each status step counts its sources by type.
SOURCE_TYPES: tuple[str, ...] = (
    "official",  # a document or statement of the SCO or of a member state
    "news",  # a report by a news agency or newspaper
    "analysis",  # an analysis or commentary
    "article",  # the article the site is built around
)

# Steps in an initiative's history, in the order they usually happen.
STATUSES: tuple[str, ...] = (
    "proposed",
    "planned",
    "under_discussion",
    "announced",
    "draft_endorsed",
    "designated",
    "adopted",
    "established",
    "held",
    "related_decision",
    "superseded",
)
# A step of one of these kinds is an outcome; without one, the page says
# that no outcome is recorded instead of guessing.
OUTCOME_STATUSES: frozenset[str] = frozenset(
    {"designated", "adopted", "established", "held", "related_decision", "superseded"}
)
NO_OUTCOME = "no_outcome_recorded"

# Dates outside this range are taken for typos: nothing on the site happened
# before the SCO was founded (15 June 2001), and nothing is planned beyond the
# horizon of its Development Strategy (2035). Raise the later bound here when
# a real date lies beyond it.
EARLIEST_DATE = dt.date(2001, 6, 15)
LATEST_DATE = dt.date(2035, 12, 31)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
URL_PATTERN = r"""^https?://[^\s<>"'`]+$"""

# Refuse a data file larger than this before parsing it: the whole data set is
# a few dozen kilobytes, so anything this large is a mistake or an attack.
MAX_FILE_BYTES = 256 * 1024

# Priority icons (schema enum) and the Material icon each one shows.
PRIORITY_ICONS: dict[str, str] = {
    "shield": "material-shield-half-full",
    "trade": "material-handshake-outline",
    "energy": "material-lightning-bolt-outline",
    "digital": "material-chip",
    "ecology": "material-leaf",
    "culture": "material-drama-masks",
    "institutions": "material-bank-outline",
}

# Locale of each language tree, for Open Graph and date formatting.
LOCALES: dict[str, str] = {"de": "de_DE", "en": "en_GB"}
