"""Entries in data/ that are not plain files: refused where they stand, never followed.

These cases need a file system (links, a named pipe), so they are built here
rather than kept as fixtures; like the fixtures, each has its exact report.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco_site.characters import character_problems
from sco_site.errors import DataError, ProblemList
from sco_site.loader import load_data
from sco_site.schema import schema_problems
from sco_site.yamlsource import parse_yaml, read_yaml_file
from tests.data_cases import build_broken_case, copy_valid_data

SECRET = "secret-token-that-must-not-leak"
LINK_HINT = "(copy the file itself into data/ instead; links are never followed, so that no file outside data/ can be published)"
END = "1 problem in the data; nothing was built."


def _outside(root: Path) -> Path:
    """A file outside data/ whose content must never be read."""
    secret = root / "outside" / "secret.yml"
    secret.parent.mkdir()
    secret.write_text(f"id: {SECRET}\nname: {{de: {SECRET}, en: {SECRET}}}\n", encoding="utf-8")
    return secret


def _link_to_outside_file(root: Path, data: Path) -> None:
    (data / "places" / "almaty.yml").symlink_to(_outside(root))


def _link_to_proc(root: Path, data: Path) -> None:
    (data / "sources" / "environ.yml").symlink_to("/proc/self/environ")


def _entity_folder_is_a_link(root: Path, data: Path) -> None:
    places = data / "places"
    moved = root / "outside-places"
    places.rename(moved)
    places.symlink_to(moved, target_is_directory=True)


def _link_to_folder_inside(root: Path, data: Path) -> None:
    (data / "events" / "more").symlink_to(data / "places", target_is_directory=True)


def _dangling_link(root: Path, data: Path) -> None:
    (data / "initiatives" / "gone.yml").symlink_to(root / "nowhere.yml")


def _looping_link(root: Path, data: Path) -> None:
    (data / "actors" / "loop.yml").symlink_to(data / "actors" / "loop.yml")


def _single_file_is_a_link(root: Path, data: Path) -> None:
    glossary = data / "glossary.yml"
    glossary.unlink()
    glossary.symlink_to(_outside(root))


def _named_pipe(root: Path, data: Path) -> None:
    os.mkfifo(data / "places" / "pipe.yml")


def _data_folder_is_a_link(root: Path, data: Path) -> None:
    moved = root / "real-data"
    data.rename(moved)
    data.symlink_to(moved, target_is_directory=True)


CASES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "link to a file outside the repository": (_link_to_outside_file, f"data/places/almaty.yml: 'almaty.yml' is a symbolic link, which is not read {LINK_HINT}"),
    "link to /proc": (_link_to_proc, f"data/sources/environ.yml: 'environ.yml' is a symbolic link, which is not read {LINK_HINT}"),
    "entity folder that is a link": (_entity_folder_is_a_link, f"data/places: 'places' is a symbolic link, which is not read {LINK_HINT}"),
    "link to a folder inside an entity folder": (_link_to_folder_inside, f"data/events/more: 'more' is a symbolic link, which is not read {LINK_HINT}"),
    "dangling link": (_dangling_link, f"data/initiatives/gone.yml: 'gone.yml' is a symbolic link, which is not read {LINK_HINT}"),
    "link to itself": (_looping_link, f"data/actors/loop.yml: 'loop.yml' is a symbolic link, which is not read {LINK_HINT}"),
    "single file that is a link": (_single_file_is_a_link, f"data/glossary.yml: 'glossary.yml' is a symbolic link, which is not read {LINK_HINT}"),
    "named pipe": (_named_pipe, "data/places/pipe.yml: 'pipe.yml' is not a regular file or folder, so it is not read (remove it; data/ holds only YAML files in their folders)"),
    "data folder that is a link": (_data_folder_is_a_link, f"data: the data folder is a symbolic link {LINK_HINT}"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_entries_that_are_not_plain_files_are_refused(case: str, tmp_path: Path) -> None:
    make, expected = CASES[case]
    data = copy_valid_data(tmp_path)
    make(tmp_path, data)
    with pytest.raises(DataError) as raised:
        load_data(data)
    report = raised.value.report()
    assert report == f"{expected}\n{END}"
    assert SECRET not in report


def test_the_corpus_of_bad_inputs_holds_at_least_sixty_cases() -> None:
    from tests.test_broken_data import CASES as FIXTURE_CASES

    assert len(FIXTURE_CASES) + len(CASES) >= 60


def test_a_file_swapped_for_a_link_after_it_was_found_is_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "astana.yml"
    link.symlink_to(_outside(tmp_path))
    problems = ProblemList()
    assert read_yaml_file(link, "data/places/astana.yml", problems) is None
    assert [str(problem) for problem in problems.problems] == [
        "data/places/astana.yml:1:1: the file cannot be opened (it is a symbolic link) (check that it is a plain file inside data/ and that you may read it)"
    ]


def test_an_unreadable_file_is_a_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root in CI, where permissions do not stop reading; refuse the open instead.
    data = copy_valid_data(tmp_path)
    locked = data / "places" / "astana.yml"
    real_open = os.open

    def refusing_open(path: object, flags: int, *args: object) -> int:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(DataError) as raised:
        load_data(data)
    assert raised.value.report() == (
        "data/places/astana.yml:1:1: the file cannot be opened (Permission denied) (check that it is a plain file inside data/ and that you may read it)\n" + END
    )


def test_no_line_of_the_check_can_forge_a_message_or_a_workflow_command(tmp_path: Path) -> None:
    data = build_broken_case("message-forgery-key", tmp_path)
    (data / "places" / "x\n::error file=a.yml::pwned\x1b[2K.yml").write_text("id: x\n", encoding="utf-8")
    kind = data / "initiatives" / "world-unity-initiative.yml"
    kind.write_text(kind.read_text(encoding="utf-8").replace("kind: document", 'kind: "\\n::stop-commands::abc\\r\\u2028"'), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sco_site", "check", str(data)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    lines = (done.stdout + done.stderr).splitlines()
    # Each problem is one line that starts with its file; nothing else became a line.
    assert lines[-1] == f"{len(lines) - 1} problems in the data; nothing was built."
    assert [line for line in lines[:-1] if not line.startswith("data/")] == []
    assert [line for line in lines if line.startswith("::")] == []
    assert not any(character in done.stderr for character in "\x1b\r\u2028")
    assert "unknown key 'x\\n::error file=a.yml::pwned'" in done.stderr
    assert "data/places/x\\n::error file=a.yml::pwned\\u001B[2K.yml:1:1: " in done.stderr
    assert "'\\n::stop-commands::abc\\r\\u2028' is not allowed as 'kind'" in done.stderr


# --- Whatever a data file holds, each message is one short visible line ---------------------

_HOSTILE = st.sampled_from(["\n", "\r", "\x1b[2K", "::error::x", "::stop-commands::t", "\u202e", "\u2028", "\x85", "\u200b", "%0A", "'", '"', "\\"])
hostile_text = st.lists(st.one_of(_HOSTILE, st.text(max_size=30)), max_size=8).map("".join)
hostile_values = st.one_of(hostile_text, st.integers(), st.lists(hostile_text, max_size=3), st.dictionaries(hostile_text, hostile_text, max_size=3))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.one_of(st.sampled_from(["id", "name", "description", "sources"]), hostile_text), hostile_values, min_size=1, max_size=5))
def test_every_message_is_one_short_visible_line(tmp_path: Path, document: dict[str, object]) -> None:
    problems = ProblemList()
    text = yaml.safe_dump(document, allow_unicode=True)
    doc = parse_yaml(text, "data/places/x.yml", problems)
    if doc is not None:
        problems.problems.extend(schema_problems(doc, "place"))
        problems.problems.extend(character_problems(doc, set()))
    for problem in problems.problems:
        line = str(problem)
        assert line.isprintable(), line
        assert not any(unicodedata.category(character) in {"Cf", "Zl", "Zp", "Co", "Cn"} for character in line), line
        assert line.startswith("data/places/x.yml")
        assert len(line) < 700, line
