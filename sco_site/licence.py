"""The licence of the site's data and texts, named once for pages, downloads and structured data."""

from __future__ import annotations

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NAME = "CC BY 4.0"
LICENSE_TITLE = "Creative Commons Attribution 4.0 International"
