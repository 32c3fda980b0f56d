"""Pictures drawn at build time: progress bars and the relationship graph.

They are HTML and inline SVG from autoescaping Jinja templates, readable
without JavaScript; each page also carries a text equivalent.
"""

from __future__ import annotations

from dataclasses import dataclass


from ..constants import NO_OUTCOME, STATUSES
from ..model import Catalog, Initiative
from ..templating import markup_environment
from .helpers import PageHelpers
from .text import MarkdownSource, plain_text

_ENV = markup_environment("charts")
# Order of statuses in bars and legends: outcomes first, then what is pending.
STATUS_ORDER: tuple[str, ...] = tuple(s for s in reversed(STATUSES)) + (NO_OUTCOME,)


@dataclass(frozen=True)
class ProgressRow:
    title: str
    link: str
    total: int
    counts: list[tuple[str, int]]  # (status, count), zero counts left out

    def count(self, status: str) -> int:
        return dict(self.counts).get(status, 0)


def progress_rows(catalog: Catalog, h: PageHelpers) -> list[ProgressRow]:
    groups = [(plain_text(p.title[h.lang]), h.to("priority", p.id), [catalog.initiatives[i] for i in catalog.initiatives_by_priority.get(p.id, ())]) for p in catalog.ordered_priorities()]
    groups.append((plain_text(catalog.site.cross_cutting_title[h.lang]), "", catalog.cross_cutting()))
    return [ProgressRow(title, link, len(items), _count(items)) for title, link, items in groups if items]


def _count(items: list[Initiative]) -> list[tuple[str, int]]:
    counts = {status: 0 for status in STATUS_ORDER}
    for initiative in items:
        counts[initiative.current_status] += 1
    return [(status, n) for status, n in counts.items() if n]


def progress_bars(rows: list[ProgressRow], h: PageHelpers) -> MarkdownSource:
    html = _ENV.get_template("progress.html.j2").render(rows=rows, h=h)
    return MarkdownSource(_one_block(html))


@dataclass(frozen=True)
class GraphNode:
    id: str
    label: str
    title: str
    href: str
    y: float
    status: str = ""


ROW, TOP, WIDTH = 30.0, 20.0, 960.0


def relationship_graph(catalog: Catalog, h: PageHelpers) -> MarkdownSource:
    """Priorities on the left, their initiatives on the right, a line for each link."""
    initiatives: list[GraphNode] = []
    priority_rows: dict[str, list[float]] = {}
    groups = [(p.id, catalog.initiatives_by_priority.get(p.id, ())) for p in catalog.ordered_priorities()]
    groups.append(("", tuple(i.id for i in catalog.cross_cutting())))
    placed: dict[str, float] = {}
    for priority_id, ids in groups:
        for initiative_id in ids:
            if initiative_id not in placed:
                placed[initiative_id] = TOP + ROW * len(placed)
                initiative = catalog.initiatives[initiative_id]
                title = plain_text(initiative.title[h.lang])
                initiatives.append(GraphNode(initiative_id, _short(title), title, h.to("initiative", initiative_id), placed[initiative_id], initiative.current_status))
            priority_rows.setdefault(priority_id, []).append(placed[initiative_id])
    priorities = [
        GraphNode(pid, _short(label, 34), label, h.to("priority", pid) if pid else "", sum(rows) / len(rows))
        for pid, label in [(p.id, plain_text(p.title[h.lang])) for p in catalog.ordered_priorities()] + [("", plain_text(catalog.site.cross_cutting_title[h.lang]))]
        if (rows := priority_rows.get(pid))
    ]
    position = {node.id: node.y for node in priorities}
    edges = [(position[p], placed[i.id]) for i in catalog.initiatives.values() for p in (i.priority_ids or ("",)) if p in position]
    height = TOP * 2 + ROW * max(len(placed), 1)
    svg = _ENV.get_template("graph.svg.j2").render(priorities=priorities, initiatives=initiatives, edges=edges, width=WIDTH, height=height, h=h)
    return MarkdownSource(_one_block(svg))


def _short(text: str, limit: int = 56) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _one_block(html: str) -> str:
    # Markdown ends a raw HTML block at a blank line; keep the fragment whole.
    return "\n".join(line for line in html.splitlines() if line.strip())
