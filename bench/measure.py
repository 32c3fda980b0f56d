"""Timing a command in a fresh process, with its peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system: less disturbed by other work on the machine
    max_rss_bytes: int


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_timed(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Run:
    """Wall time and peak resident memory of one child process (fails loudly)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    errors = child.stderr.read()  # drained while it runs, so a chatty build cannot block
    # wait4 gives this one child's resource usage, not the maximum over all children.
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{errors.decode(errors='replace')[-4000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)  # Linux reports kilobytes


def median_run(runs: Sequence[Run]) -> Run:
    """The median times of several runs, with the highest peak memory among them."""
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        max(r.max_rss_bytes for r in runs),
    )


def mkdocs_command() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet"]
