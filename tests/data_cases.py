"""The small data sets the tests run on: one valid, and many broken ones.

A broken case is a folder in ``fixtures/broken/`` holding the files that differ
from the valid data set (``data/...``), the exact report expected from the
check (``expected.txt``) and, where a file cannot simply be dropped in:
``remove.txt`` (paths to delete from the copy) or ``pad.txt`` (a path and a
size in bytes: the file is padded with comment lines up to that size, so that
no large file has to be kept in the repository).
"""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
VALID_DATA = FIXTURES / "valid" / "data"
BROKEN = FIXTURES / "broken"


def copy_valid_data(root: Path) -> Path:
    """A fresh copy of the valid data set as ``root/data``."""
    return Path(shutil.copytree(VALID_DATA, root / "data"))


def broken_case_names() -> list[str]:
    return sorted(case.name for case in BROKEN.iterdir() if case.is_dir())


def build_broken_case(name: str, root: Path) -> Path:
    """The valid data set with one case's changes applied, as ``root/data``."""
    data_dir = copy_valid_data(root)
    case = BROKEN / name
    for line in _lines(case / "remove.txt"):
        (root / line).unlink()
    overlay = case / "data"
    if overlay.is_dir():
        shutil.copytree(overlay, data_dir, dirs_exist_ok=True)
    for line in _lines(case / "pad.txt"):
        relative, size = line.rsplit(" ", 1)
        _pad(root / relative, int(size))
    return data_dir


def expected_report(name: str) -> str:
    return (BROKEN / name / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def _lines(file: Path) -> list[str]:
    if not file.is_file():
        return []
    return [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pad(file: Path, size: int) -> None:
    line = b"# padding that makes this file too large to be read\n"
    content = file.read_bytes()
    repeats = max(0, size - len(content)) // len(line) + 1
    file.write_bytes(content + line * repeats)
