"""The pre-commit hook and the CI workflow agree with the project they check."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def _hook() -> dict[str, Any]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    return hook


def test_the_hook_installs_the_versions_the_project_pins() -> None:
    pinned = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])
    assert set(_hook()["additional_dependencies"]) <= pinned


@pytest.mark.parametrize(("path", "checked"), [("data/places/astana.yml", True), ("data/site.yml", True), ("sco_site/schemas/place.schema.json", True), ("docs/de/about.md", False), ("sco_site/loader.py", False)])
def test_the_hook_runs_on_data_and_schema_changes(path: str, checked: bool) -> None:
    assert bool(re.search(_hook()["files"], path)) is checked


def test_the_workflow_tests_every_change_and_publishes_main() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    test_steps = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert "bash .ci/run" in test_steps  # the same entry point as CI, which runs make test
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    publish = workflow["jobs"]["publish"]
    assert publish["needs"] == "test"
    build = next(step for step in publish["steps"] if step.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    uses = [step.get("uses", "").split("@")[0] for step in publish["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact") < uses.index("actions/deploy-pages")
