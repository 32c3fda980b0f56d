"""Keeping the preview alive while the data has mistakes.

``mkdocs serve`` should not die on a typo: it shows the problems on the page
and keeps rendering the last valid data until the file is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .loader import load_data
from .model import Catalog
from .render.text import data_token

_last_valid: dict[Path, Catalog] = {}


@dataclass(frozen=True)
class PreviewData:
    catalog: Catalog | None
    error: DataError | None


def load_for_preview(data_dir: Path) -> PreviewData:
    """The current data if valid; else the last valid data (if any) and the error."""
    key = data_dir.resolve()
    try:
        catalog = load_data(data_dir)
    except DataError as error:
        return PreviewData(_last_valid.get(key), error)
    _last_valid[key] = catalog
    return PreviewData(catalog, None)


def preview_report(error: DataError) -> str:
    """The problems for the terminal of a preview, which goes on showing the last valid data."""
    count = len(error.problems)
    noun = "problem" if count == 1 else "problems"
    lines = [str(problem) for problem in error.problems]
    return "\n".join([*lines, f"{count} {noun} in the data; the preview shows them on every page until they are fixed."])


def error_banner(error: DataError, showing_old: bool) -> str:
    """A Markdown admonition listing every problem, for the top of each page."""
    count = len(error.problems)
    title = f"The data has {count} problem{'s' if count != 1 else ''}"
    lines = [f'!!! failure "{title}"', ""]
    if showing_old:
        lines += ["    This preview shows the last valid data until the problems are fixed.", ""]
    lines += [f"    - {data_token(str(problem.location))}: {data_token(problem.message)}" + (f" ({data_token(problem.hint)})" if problem.hint else "") for problem in error.problems]
    return "\n".join(lines) + "\n\n"
