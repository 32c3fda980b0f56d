"""CONTRIBUTING.md and its German twin: examples that pass the checks, messages that exist."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from sco_site.constants import ENTITY_FOLDERS
from sco_site.errors import DataError, ProblemList
from sco_site.loader import load_data
from sco_site.references import check_dates
from sco_site.schema import schema_problems
from sco_site.yamlsource import parse_yaml
from tests.data_cases import BROKEN, broken_case_names

ROOT = Path(__file__).resolve().parent.parent
GUIDES = [ROOT / "CONTRIBUTING.md", ROOT / "CONTRIBUTING.de.md"]
_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
_SCHEMA = re.compile(r"schemas/(\w+)\.schema\.json")


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for guide in GUIDES:
        for number, block in enumerate(_BLOCK.findall(guide.read_text(encoding="utf-8")), start=1):
            kind = _SCHEMA.search(block.split("\n", 1)[0])
            if kind:
                found.append((f"{guide.name}#{number}", kind.group(1), block))
    return found


EXAMPLES = _examples()


def test_both_guides_show_every_kind_of_entity() -> None:
    for guide in GUIDES:
        kinds = {kind for name, kind, _ in EXAMPLES if name.startswith(guide.name + "#")}
        assert kinds == {"priority", "initiative", "event", "source", "actor"}


@pytest.mark.parametrize(("name", "kind", "text"), EXAMPLES, ids=[name for name, _, _ in EXAMPLES])
def test_complete_examples_pass_the_checks(name: str, kind: str, text: str) -> None:
    problems = ProblemList()
    doc = parse_yaml(text, name, problems)
    assert doc is not None
    check_dates(doc, kind, problems)
    problems.problems.extend(schema_problems(doc, kind))
    assert [str(problem) for problem in problems.problems] == []


@pytest.mark.parametrize(("name", "kind", "text"), EXAMPLES, ids=[name for name, _, _ in EXAMPLES])
def test_each_example_passes_the_full_check_in_the_real_data(name: str, kind: str, text: str, tmp_path: Path) -> None:
    """Dropped into data/ as its guide says (a new file, or over the file of the same id), with every reference resolved."""
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    folder = {kind: folder for folder, kind in ENTITY_FOLDERS.items()}[kind]
    entity_id = yaml.safe_load(text)["id"]
    (data / folder / f"{entity_id}.yml").write_text(text, encoding="utf-8")
    try:
        catalog = load_data(data)
    except DataError as error:
        pytest.fail(f"{name} does not pass the check in data/:\n{error.report()}")
    assert entity_id in getattr(catalog, folder)


def test_no_example_names_a_made_up_address() -> None:
    for guide in GUIDES:
        for block in _BLOCK.findall(guide.read_text(encoding="utf-8")):
            assert "example.org" not in block and "example.com" not in block, guide.name


def _table_messages(guide: Path) -> list[str]:
    [section] = [part for part in guide.read_text(encoding="utf-8").split("\n## ") if "```text\ndata/" in part]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [fragment for row in rows for fragment in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


def _reported_lines() -> str:
    from tests.test_hostile_files import CASES as FILE_CASES

    fixtures = [(BROKEN / case / "expected.txt").read_text(encoding="utf-8") for case in broken_case_names()]
    return "\n".join(fixtures + [expected for _, expected in FILE_CASES.values()])


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.name)
def test_every_message_in_the_table_is_one_the_check_gives(guide: Path) -> None:
    reported = _reported_lines()
    messages = _table_messages(guide)
    assert len(messages) > 30
    missing = [m for m in messages if not re.search(".*?".join(re.escape(part) for part in m.split("…")), reported)]
    assert missing == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.name)
def test_the_guide_lists_exactly_the_reserved_ids(guide: Path) -> None:
    from sco_site.reserved import reserved_ids

    [line] = [line for line in guide.read_text(encoding="utf-8").splitlines() if re.match(r"^(Reserved|Reservierte) ids: ", line)]
    assert set(re.findall(r"`([^`]+)`", line)) == set(reserved_ids()), "copy the list from sco_site.reserved.reserved_ids()"


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.name)
def test_the_guide_describes_the_workflow_as_it_is(guide: Path) -> None:
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    text = guide.read_text(encoding="utf-8")
    # What the guide promises about pull requests from forks must stay true.
    assert "pull_request:" in workflow and "pull_request_target" not in workflow
    assert re.search(r"^permissions:\n  contents: read$", workflow, re.MULTILINE)
    assert "secrets." not in workflow
    for promise in ("pull_request_target", "permissions: contents: read", ".github/workflows/site.yml"):
        assert promise in text
