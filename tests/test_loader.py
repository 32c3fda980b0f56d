"""Loading a whole data folder: discovery, every check together, the model, the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sco_site.errors import DataError
from sco_site.loader import load_data, modeline
from tests.data_cases import copy_valid_data


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_data(data_dir)
    return [str(problem) for problem in raised.value.problems]


def test_valid_data_becomes_the_model(tmp_path: Path) -> None:
    catalog = load_data(copy_valid_data(tmp_path))
    unity = catalog.initiatives["world-unity-initiative"]
    assert unity.title.en == "World Unity Initiative"
    assert unity.current_status == "adopted"
    assert unity.outcome is not None and unity.outcome.date is not None and unity.outcome.date.iso() == "2024-07-04"
    assert catalog.related_by_initiative["energy-strategy"] == ("world-unity-initiative",)
    assert catalog.events_by_initiative["world-unity-initiative"] == ("astana-summit-2024",)
    assert [p.id for p in catalog.ordered_priorities()] == ["security"]
    assert catalog.cross_cutting() == [catalog.initiatives["energy-strategy"]]
    assert catalog.site.article_id == "seed-article"
    assert catalog.glossary[0].abbreviation.de == "SOZ"


def test_modelines_point_at_the_schema_from_where_the_file_is() -> None:
    assert modeline("site", nested=False) == "# yaml-language-server: $schema=../sco_site/schemas/site.schema.json"
    assert modeline("place", nested=True) == "# yaml-language-server: $schema=../../sco_site/schemas/place.schema.json"


def test_every_valid_file_starts_with_its_modeline(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    (data_dir / "glossary.yml").write_text((data_dir / "glossary.yml").read_text().replace("../sco_site", "../../sco_site"), encoding="utf-8")
    assert problems_of(data_dir) == [
        f"data/glossary.yml:1:1: the first line names the wrong schema; it must be '{modeline('glossary', nested=False)}' "
        "(copy it from another file in the same folder; it lets your editor check the file while you type)"
    ]


def test_problems_from_every_file_come_together_sorted(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    place = data_dir / "places" / "astana.yml"
    place.write_text(place.read_text().replace("id: astana", "id: astana\nid: astana"), encoding="utf-8")
    source = data_dir / "sources" / "seed-article.yml"
    source.write_text(source.read_text().replace("type: article", "type: articel"), encoding="utf-8")
    (data_dir / "places" / "notes.md").write_text("x", encoding="utf-8")
    found = problems_of(data_dir)
    assert found == sorted(found)
    assert [line.split(":")[0] for line in found] == ["data/places/astana.yml", "data/places/notes.md", "data/sources/seed-article.yml"]


def test_the_report_counts_the_problems(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    (data_dir / "glossary.yml").unlink()
    (data_dir / "site.yml").unlink()
    with pytest.raises(DataError) as raised:
        load_data(data_dir)
    assert raised.value.report().splitlines()[-1] == "2 problems in the data; nothing was built."


def test_hidden_files_and_folders_are_reported_not_skipped(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    (data_dir / ".DS_Store").write_bytes(b"\0\1")
    (data_dir / "places" / ".astana.yml.swp").write_bytes(b"\0\1")
    (data_dir / "initiatives" / ".new-initiative.yml").write_text("id: new-initiative\n", encoding="utf-8")
    (data_dir / ".drafts").mkdir()
    assert problems_of(data_dir) == [
        "data/.DS_Store:1:1: '.DS_Store' is hidden (its name starts with '.'), so it would never be read (delete it, or rename it without the leading '.')",
        "data/.drafts: '.drafts' is hidden (its name starts with '.'), so it would never be read (delete it, or rename it without the leading '.')",
        "data/initiatives/.new-initiative.yml:1:1: '.new-initiative.yml' is hidden (its name starts with '.'), so it would never be read (rename it to 'new-initiative.yml' if it is meant to be published, or delete it)",
        "data/places/.astana.yml.swp:1:1: '.astana.yml.swp' is hidden (its name starts with '.'), so it would never be read (delete it, or rename it without the leading '.')",
    ]


def test_a_folder_inside_an_entity_folder_is_reported(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    (data_dir / "places" / "old").mkdir()
    assert problems_of(data_dir) == ["data/places/old: the folder 'old' is not read: places/ holds only files (move its files into places/ itself)"]


def test_a_missing_data_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "data") == ["data: the data folder is missing"]


def test_an_unreadable_file_is_not_reported_again_by_references(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    (data_dir / "places" / "astana.yml").write_text("id: [\n", encoding="utf-8")
    found = problems_of(data_dir)
    assert len(found) == 1 and found[0].startswith("data/places/astana.yml:")


def test_a_file_with_schema_problems_still_counts_for_references(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    place = data_dir / "places" / "astana.yml"
    place.write_text(place.read_text().replace("name:", "nme:"), encoding="utf-8")
    assert problems_of(data_dir) == ["data/places/astana.yml:3:1: unknown key 'nme' (did you mean 'name'?)"]


def _touch(file: Path, text: str) -> None:
    before = file.stat().st_mtime_ns
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before + 10**9, before + 10**9))


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    place = data_dir / "places" / "astana.yml"
    good = place.read_text(encoding="utf-8")
    first = load_data(data_dir)
    assert load_data(data_dir) is first  # unchanged: the same model, not read again
    _touch(place, good.replace("id: astana", "id: astana-x"))
    assert len(problems_of(data_dir)) >= 1
    _touch(place, good.replace("Hauptstadt", "Die Hauptstadt"))
    assert load_data(data_dir).places["astana"].description.de == "Die Hauptstadt Kasachstans."


def test_a_new_file_is_found(tmp_path: Path) -> None:
    data_dir = copy_valid_data(tmp_path)
    load_data(data_dir)
    almaty = (data_dir / "places" / "astana.yml").read_text(encoding="utf-8").replace("astana", "almaty")
    (data_dir / "places" / "almaty.yml").write_text(almaty, encoding="utf-8")
    assert set(load_data(data_dir).places) == {"astana", "almaty"}
