"""Which files in ``data/`` are read, and a located problem for everything else.

Every entry below ``data/`` is either read as a data file or reported: nothing
is skipped in silence (a contributor's ``.new-initiative.yml`` would otherwise
never appear), and nothing outside ``data/`` is ever read. Entries are looked
at with ``lstat``, so a symbolic link is refused as a link and never followed:
not to a file outside the repository, not to ``/proc``, not to a folder, and a
dangling or looping one cannot crash the check. Its target is not looked at and
so cannot leak into a message.
"""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .constants import ENTITY_FOLDERS, SINGLE_FILES
from .errors import Location, ProblemList, quoted

DataFile = tuple[Path, str]  # a file to read, and the kind of entity it holds
_LINK_HINT = "copy the file itself into data/ instead; links are never followed, so that no file outside data/ can be published"


@dataclass
class Discovery:
    """What is read, what is reported, and what was refused but stands for an entity.

    A refused entry (a link named ``astana.yml``, a linked ``places/`` folder)
    is reported once; references to the entities it would hold are not
    reported again as unknown.
    """

    files: list[DataFile] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    refused_files: list[DataFile] = field(default_factory=list)
    refused_kinds: set[str] = field(default_factory=set)


def discover(data_dir: Path) -> Discovery:
    """Every data file with its kind; anything unexpected is a problem."""
    result = Discovery()
    problems, found = result.problems, result.files
    if data_dir.is_symlink():
        problems.add(Location(data_dir.name), "the data folder is a symbolic link", _LINK_HINT)
        return result
    if not data_dir.is_dir():
        problems.add(Location(data_dir.name), "the data folder is missing")
        return result
    known = [*ENTITY_FOLDERS, *SINGLE_FILES]
    for entry in _entries(data_dir, data_dir, problems):
        mode = _mode(entry)
        if mode is None:
            continue
        if _refused(entry, mode, data_dir, problems):
            if entry.name in ENTITY_FOLDERS:
                result.refused_kinds.add(ENTITY_FOLDERS[entry.name])
            continue
        if stat.S_ISDIR(mode) and entry.name in ENTITY_FOLDERS:
            found.extend(_folder_files(entry, ENTITY_FOLDERS[entry.name], data_dir, result))
        elif stat.S_ISREG(mode) and entry.name in SINGLE_FILES:
            found.append((entry, SINGLE_FILES[entry.name]))
        else:
            # A folder is only ever taken for a folder, a file for a file.
            same_type = list(ENTITY_FOLDERS) if stat.S_ISDIR(mode) else list(SINGLE_FILES)
            close = difflib.get_close_matches(entry.name, same_type, n=1, cutoff=0.6)
            folder = difflib.get_close_matches(entry.stem, list(ENTITY_FOLDERS), n=1, cutoff=0.75) if stat.S_ISREG(mode) else []
            if close:
                hint = f"did you mean '{close[0]}'?"
            elif folder:
                hint = f"each {ENTITY_FOLDERS[folder[0]]} is a file of its own in data/{folder[0]}/, named after its id"
            else:
                hint = "data/ holds only: " + ", ".join(known)
            noun = "folder" if stat.S_ISDIR(mode) else "file"
            problems.add(_where(entry, mode, data_dir), f"data/ has no place for a {noun} called {quoted(entry.name)}", hint)
    for name in SINGLE_FILES:
        single = data_dir / name
        if not single.is_symlink() and not single.is_file():
            problems.add(Location(f"{data_dir.name}/{name}"), "this file is missing", "the site needs it; restore it from the repository")
    return result


def display(path: Path, data_dir: Path) -> str:
    """The path as messages show it: from the data folder on, e.g. 'data/places/astana.yml'."""
    text, base = str(path), str(data_dir.parent)
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:  # every path found below data/: no need for pathlib
        return text[len(base) + 1 :].replace(os.sep, "/")
    return path.relative_to(data_dir.parent).as_posix()


def _entries(folder: Path, data_dir: Path, problems: ProblemList) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        problems.add(Location(display(folder, data_dir)), f"the folder cannot be read ({error.strerror or type(error).__name__})", "check that you may read it")
        return []


def _mode(entry: Path) -> int | None:
    """The entry's type and permissions, not its target's; None if it is gone since the folder was listed."""
    try:
        return entry.lstat().st_mode
    except OSError:
        return None


def _where(entry: Path, mode: int, data_dir: Path) -> Location:
    """Files are located at their first line, folders and other entries by name only."""
    return Location(display(entry, data_dir), 1, 1) if stat.S_ISREG(mode) else Location(display(entry, data_dir))


def _refused(entry: Path, mode: int, data_dir: Path, problems: ProblemList) -> bool:
    """Links, hidden names and entries that are neither file nor folder: reported, never read."""
    if stat.S_ISLNK(mode):
        problems.add(_where(entry, mode, data_dir), f"{quoted(entry.name)} is a symbolic link, which is not read", _LINK_HINT)
    elif entry.name.startswith("."):
        problems.add(_where(entry, mode, data_dir), f"{quoted(entry.name)} is hidden (its name starts with '.'), so it would never be read", _hidden_hint(entry.name, mode))
    elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        problems.add(_where(entry, mode, data_dir), f"{quoted(entry.name)} is not a regular file or folder, so it is not read", "remove it; data/ holds only YAML files in their folders")
    else:
        return False
    return True


def _hidden_hint(name: str, mode: int) -> str:
    visible_name = name.lstrip(".")
    if stat.S_ISREG(mode) and visible_name.endswith(".yml"):
        return f"rename it to {quoted(visible_name)} if it is meant to be published, or delete it"
    return "delete it, or rename it without the leading '.'"


def _folder_files(folder: Path, kind: str, data_dir: Path, result: Discovery) -> list[DataFile]:
    files: list[DataFile] = []
    problems = result.problems
    for entry in _entries(folder, data_dir, problems):
        mode = _mode(entry)
        if mode is None:
            continue
        if _refused(entry, mode, data_dir, problems):
            if entry.suffix == ".yml" and not entry.name.startswith("."):
                result.refused_files.append((entry, kind))
            continue
        if stat.S_ISREG(mode) and entry.suffix == ".yml":
            files.append((entry, kind))
        elif stat.S_ISDIR(mode):
            problems.add(_where(entry, mode, data_dir), f"the folder {quoted(entry.name)} is not read: {folder.name}/ holds only files", f"move its files into {folder.name}/ itself")
        else:
            hint = f"rename it to {quoted(entry.stem + '.yml')}" if entry.suffix in {".yaml", ".YML", ".Yml"} else "each entity is one file whose name ends in .yml"
            problems.add(_where(entry, mode, data_dir), f"{quoted(entry.name)} is not read: only files ending in .yml belong in {folder.name}/", hint)
    return files


def read_regular_file(path: Path, limit: int) -> bytes:
    """The file's bytes (at most ``limit`` + 1), refusing a link or anything but a regular file.

    Opening with O_NOFOLLOW closes the gap between looking at an entry and
    reading it: a file swapped for a link meanwhile is still not followed;
    O_NONBLOCK keeps a named pipe from waiting for a writer forever.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise IsADirectoryError(21, "not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read(limit + 1)
    finally:
        os.close(descriptor)
