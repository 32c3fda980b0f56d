"""The GitHub repository the site is edited in: edit links and new-issue links.

The address is configured once (``extra.repository`` in mkdocs.yml, from the
``REPO_URL`` environment variable); a clone whose ``origin`` is on GitHub needs
no configuration. Without either, pages carry no edit or correction links
rather than links to a made-up address.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

# https://github.com/OWNER/NAME, the shape GitHub's edit and issue URLs build on.
_WEB = re.compile(r"^https://(?P<host>[A-Za-z0-9.-]+)/(?P<owner>[A-Za-z0-9_.-]+)/(?P<name>[A-Za-z0-9_.-]+?)(?:\.git)?/?$")
# git@github.com:OWNER/NAME.git, as `git remote` often has it.
_SSH = re.compile(r"^git@(?P<host>github\.com):(?P<owner>[A-Za-z0-9_.-]+)/(?P<name>[A-Za-z0-9_.-]+?)(?:\.git)?$")
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")


class RepositoryProblem(ValueError):
    """A configured repository address or branch that edit links cannot be built on."""


@dataclass(frozen=True)
class Repository:
    """A repository on GitHub (or a GitHub Enterprise host) and the branch pages are edited on."""

    url: str  # https://github.com/owner/name, without a trailing slash
    branch: str = "main"

    @classmethod
    def parse(cls, address: str, branch: str = "main") -> "Repository":
        match = _WEB.match(address.strip()) or _SSH.match(address.strip())
        if not match:
            raise RepositoryProblem(f"not a repository address like https://github.com/owner/name: {address!r}")
        if not _BRANCH.match(branch) or ".." in branch:
            raise RepositoryProblem(f"not a branch name: {branch!r}")
        return cls(f"https://{match['host']}/{match['owner']}/{match['name']}", branch)

    def edit_url(self, path: str) -> str:
        """GitHub's editor for a file; for anyone without write access it forks and opens a pull request."""
        return f"{self.url}/edit/{quote(self.branch)}/{quote(path)}"

    def folder_url(self, path: str) -> str:
        """A folder's listing, where each file has its own edit button."""
        return f"{self.url}/tree/{quote(self.branch)}/{quote(path.rstrip('/'))}"

    def new_issue_url(self, template: str, title: str, body: str, labels: tuple[str, ...] = ()) -> str:
        query = {"template": template, "title": title, "body": body}
        if labels:
            query["labels"] = ",".join(labels)
        return f"{self.url}/issues/new?{urlencode(query, quote_via=quote)}"


def configured_repository(address: str | None, branch: str | None, project_dir: Path) -> Repository | None:
    """The configured repository; else the clone's GitHub ``origin``; else None."""
    if address:
        return Repository.parse(address, branch or "main")
    origin = _git_origin(project_dir)
    match = _WEB.match(origin) or _SSH.match(origin)
    if match and match["host"] == "github.com":
        return Repository.parse(origin, branch or "main")
    return None


def _git_origin(project_dir: Path) -> str:
    try:
        result = subprocess.run(["git", "remote", "get-url", "origin"], cwd=project_dir, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
