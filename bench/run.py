"""``make bench``: build times, memory, page size and preview latency, as a Markdown table.

    python -m bench.run                      # everything (about ten minutes on 2 cores)
    python -m bench.run --sizes 100 --no-preview
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
from pathlib import Path

from .measure import progress
from .preview import PreviewResult, measure_preview
from .sizes import SizeResult, measure_size
from .weight import measure_weight, search_table, weight_table, weight_targets

DEFAULT_SIZES = (0, 100, 1000, 5000)  # 0: the repository's data/


def runs_for(initiatives: int) -> int:
    return 3 if initiatives <= 1000 else 1


def _label(initiatives: int | None) -> str:
    return f"{initiatives:,}" if initiatives else "real data"


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.1f} GiB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def size_table(results: list[SizeResult]) -> str:
    lines = [
        "| initiatives | runs | load + validation, cold (wall / CPU) | build, hooks (wall / CPU) | build, plain MkDocs (wall / CPU) | hooks / plain (wall / CPU) | peak memory, hooks / plain | initiative page, hooks / plain |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {_label(r.initiatives)} | {r.runs} | {r.load_seconds:.3f} s / {r.load_cpu_seconds:.3f} s | {r.hooks.seconds:.1f} s / {r.hooks.cpu_seconds:.1f} s "
            f"| {r.plain.seconds:.1f} s / {r.plain.cpu_seconds:.1f} s | {r.overhead:.2f} / {r.cpu_overhead:.2f} "
            f"| {_mib(r.hooks.max_rss_bytes)} / {_mib(r.plain.max_rss_bytes)} | {r.page_bytes:,} B / {r.plain_page_bytes:,} B |"
        )
    return "\n".join(lines)


def growth_lines(results: list[SizeResult]) -> list[str]:
    by_size = {r.initiatives: r for r in results}
    if 1000 not in by_size or 5000 not in by_size:
        return []
    small, large = by_size[1000], by_size[5000]
    lines = [
        f"- 5,000 / 1,000 initiatives, hooks build: {large.hooks.seconds / small.hooks.seconds:.2f}× wall, {large.hooks.cpu_seconds / small.hooks.cpu_seconds:.2f}× CPU (linear would be 5×)",
        f"- initiative page: {small.page_bytes:,} B at 1,000, {large.page_bytes:,} B at 5,000",
    ]
    for page, size in small.fixed_page_bytes.items():
        lines.append(f"- {page}: {size:,} B at 1,000, {large.fixed_page_bytes[page]:,} B at 5,000")
    return lines


def target_lines(results: list[SizeResult], preview: PreviewResult | None) -> list[str]:
    """Each target of the project, with what this run measured."""
    by_size = {r.initiatives: r for r in results}
    lines = []
    for size in (None, 1000):
        if size in by_size:
            r = by_size[size]
            lines.append(_target(f"build ≤ 1.0 × plain MkDocs, {_label(size)} (wall time; plain builds one language after the other)", f"{r.overhead:.2f}× wall, {r.cpu_overhead:.2f}× CPU", r.overhead <= 1.0))
    if 1000 in by_size:
        r = by_size[1000]
        lines.append(_target("load + validation of 1,000 initiatives ≤ 0.5 s (CPU time; wall time on an idle machine)", f"{r.load_cpu_seconds:.2f} s CPU, {r.load_seconds:.2f} s wall", r.load_cpu_seconds <= 0.5))
    if 1000 in by_size and 5000 in by_size:
        small, large = by_size[1000], by_size[5000]
        growth = large.hooks.cpu_seconds / small.hooks.cpu_seconds
        lines.append(_target("5,000-initiative build ≤ 5.5 × the 1,000 one", f"{large.hooks.seconds / small.hooks.seconds:.2f}× wall, {growth:.2f}× CPU", growth <= 5.5))
        lines.append(_target("initiative page does not grow", f"{small.page_bytes:,} B → {large.page_bytes:,} B", large.page_bytes <= small.page_bytes))
    if preview:
        slowest = max(max(times) for times in preview.seconds.values())
        medians = max(statistics.median(times) for times in preview.seconds.values())
        lines.append(_target("preview shows a data edit within 1.0 s (median), both languages", f"median {medians:.2f} s (the slower language), slowest edit {slowest:.2f} s", medians <= 1.0))
    return lines


def _target(name: str, measured: str, met: bool) -> str:
    return f"- {'met' if met else 'NOT met'}: {name} — measured {measured}"


def preview_table(result: PreviewResult) -> str:
    lines = [
        f"Preview (`mkdocs serve --livereload`), data set: {result.data_set}; time from saving the file to the new text in the open page:",
        "",
        "| page | edits | median | slowest |",
        "|---|---:|---:|---:|",
    ]
    for lang, times in result.seconds.items():
        lines.append(f"| {lang} initiative page | {len(times)} | {statistics.median(times):.2f} s | {max(times):.2f} s |")
    return "\n".join(lines)


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="numbers of initiatives (0: the repository's data/)")
    parser.add_argument("--runs", type=int, help="builds per size (default: 3 up to 1,000 initiatives, else 1)")
    parser.add_argument("--no-preview", action="store_true", help="skip the live-reload measurement")
    parser.add_argument("--no-weight", action="store_true", help="skip the first-view and search measurement")
    args = parser.parse_args()
    progress(f"machine: {machine()}")
    results = [measure_size(size or None, args.runs or runs_for(size)) for size in args.sizes]
    preview = None if args.no_preview else measure_preview()
    weight = None if args.no_weight else measure_weight()
    print(f"Machine: {machine()}\n")
    print(size_table(results))
    print("\n".join(["", *growth_lines(results)]))
    if preview:
        print("\n" + preview_table(preview))
    if weight:
        print("\nFirst view (empty cache, every response body uncompressed), against a bare one-page Material site:\n")
        print(weight_table(weight[0]))
        print("\nSearch, when the search box is first used:\n")
        print(search_table(weight[1]))
    print("\nTargets:\n")
    print("\n".join(target_lines(results, preview) + (weight_targets(weight[0]) if weight else [])))


if __name__ == "__main__":
    main()
