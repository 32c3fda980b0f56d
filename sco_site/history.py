"""When each data file last changed, from git history where there is one."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(data_dir: Path) -> dict[str, dt.date]:
    """Map 'initiatives/x.yml'-style paths below data_dir to the date of their last change.

    One ``git log`` call reads the whole history. Files git does not know, files
    edited since their last commit (a preview), or a checkout without git use
    the file's modification date.
    """
    dates = _git_lines(data_dir, ["log", "--format=%x00%cs", "--name-only", "--relative", "--", "."])
    committed = _parse_log(dates)
    edited = {line[3:].strip() for line in _git_lines(data_dir, ["status", "--porcelain", "--untracked-files=all", "--", "."])}
    result: dict[str, dt.date] = {}
    for path in data_dir.rglob("*.yml"):
        key = path.relative_to(data_dir).as_posix()
        from_repo = (data_dir.name + "/" + key) not in edited and key not in edited
        result[key] = committed[key] if key in committed and from_repo else dt.date.fromtimestamp(path.stat().st_mtime)
    return result


def _git_lines(data_dir: Path, arguments: list[str]) -> list[str]:
    try:
        result = subprocess.run(["git", *arguments], cwd=data_dir, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return []
    return result.stdout.splitlines() if result.returncode == 0 else []


def _parse_log(lines: list[str]) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in lines:
        if line.startswith("\x00"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line, current)  # newest commit comes first
    return dates


def file_last_changed(path: Path) -> dt.date | None:
    """One file's last change: its last commit, or its modification date if edited since or unknown to git."""
    if not path.is_file():
        return None
    edited = _git_lines(path.parent, ["status", "--porcelain", "--", path.name])
    committed = _git_lines(path.parent, ["log", "-1", "--format=%cs", "--", path.name])
    if committed and not edited:
        return dt.date.fromisoformat(committed[0])
    return dt.date.fromtimestamp(path.stat().st_mtime)
