"""One benchmark row: a synthetic data set of one size, built with hooks and plain."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sco_site import loader

from .measure import Run, median_run, mkdocs_command, progress, run_timed
from .plain import write_plain_projects
from .project import build_env, make_project

# The page whose size is compared across data sets: its own content does not
# depend on how many initiatives there are.
SAMPLE_PAGE = Path("de/initiatives/initiative-1/index.html")
# Pages that list no initiatives at all: they must not grow either.
FIXED_PAGES = (Path("de/events/event-1/index.html"), Path("de/about/index.html"))


@dataclass(frozen=True)
class SizeResult:
    initiatives: int | None  # None: the repository's data/
    runs: int
    load_seconds: float
    load_cpu_seconds: float
    hooks: Run
    plain: Run
    page_bytes: int
    plain_page_bytes: int
    fixed_page_bytes: dict[str, int]

    @property
    def overhead(self) -> float:
        return self.hooks.seconds / self.plain.seconds

    @property
    def cpu_overhead(self) -> float:
        return self.hooks.cpu_seconds / self.plain.cpu_seconds


def cold_load_seconds(data_dir: Path, repeats: int = 9) -> tuple[float, float]:
    """Load and validate everything with the data caches emptied first: median wall and CPU time of a few."""
    times, cpu_times = [], []
    for _ in range(repeats):
        loader._FILES.clear()
        loader._CATALOGS.clear()
        start, cpu_start = time.perf_counter(), time.process_time()
        loader.load_data(data_dir)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
    return statistics.median(times), statistics.median(cpu_times)


def measure_size(initiatives: int | None, runs: int) -> SizeResult:
    """One data set: ``initiatives`` synthetic ones, or the repository's data/ for None."""
    with tempfile.TemporaryDirectory(prefix=f"sco-bench-{initiatives or 'real'}-") as temp:
        project = make_project(Path(temp) / "project", initiatives)
        progress(f"{initiatives} initiatives: data set written")
        load, load_cpu = cold_load_seconds(project / "data")
        progress(f"{initiatives} initiatives: cold load + validation {load:.3f} s wall, {load_cpu:.3f} s CPU")
        plain_configs = write_plain_projects(project, Path(temp) / "plain")
        hooks_runs, plain_runs = [], []
        for attempt in range(runs):  # alternate, so that a busy moment hits both alike
            hooks_runs.append(_hooks_build(project))
            plain_runs.append(_plain_build(plain_configs))
            progress(f"{initiatives} initiatives, run {attempt + 1}/{runs}: hooks {hooks_runs[-1].seconds:.1f} s, plain {plain_runs[-1].seconds:.1f} s")
        sample = SAMPLE_PAGE if initiatives else _first_initiative_page(project / "site")
        page = (project / "site" / sample).stat().st_size
        plain_page = (Path(temp) / "plain" / "de" / "site" / sample.relative_to("de")).stat().st_size
        return SizeResult(
            initiatives=initiatives,
            runs=runs,
            load_seconds=load,
            load_cpu_seconds=load_cpu,
            hooks=median_run(hooks_runs),
            plain=median_run(plain_runs),
            page_bytes=page,
            plain_page_bytes=plain_page,
            fixed_page_bytes={path.parent.as_posix(): (project / "site" / path).stat().st_size for path in FIXED_PAGES if (project / "site" / path).is_file()},
        )


def _first_initiative_page(site: Path) -> Path:
    return sorted(site.glob("de/initiatives/*/index.html"))[0].relative_to(site)


def _hooks_build(project: Path) -> Run:
    shutil.rmtree(project / "site", ignore_errors=True)
    return run_timed(mkdocs_command(), project, build_env())


def _plain_build(configs: list[Path]) -> Run:
    """Both languages, one fresh process each, added up; peak memory is the larger one."""
    runs = []
    for config in configs:
        shutil.rmtree(config.parent / "site", ignore_errors=True)
        runs.append(run_timed(mkdocs_command(), config.parent, build_env()))
    return Run(sum(r.seconds for r in runs), sum(r.cpu_seconds for r in runs), max(r.max_rss_bytes for r in runs))
