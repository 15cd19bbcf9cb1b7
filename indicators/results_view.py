"""Part 2 – Resultaten as the raad browses it: filter by status, kind and text, sort within the groups.

Sorting keeps the programme's structure (programme line → project): results are ordered inside their
project, the way a grouped data grid sorts rows within groups."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from indicators.enums import MeasurementStatus, ResultKind
from indicators.views import ResultView

SORT_ORDER = "volgorde"  # the programme's own order
SORT_STATUS = "status"  # niet op koers first
SORT_REALISED = "realisatie"  # lowest share of target first
SORT_NAME = "naam"
SORTS = (SORT_ORDER, SORT_STATUS, SORT_REALISED, SORT_NAME)
ALL = "alle"
STATUS_SEVERITY = {MeasurementStatus.OFF_TRACK: 0, MeasurementStatus.ATTENTION: 1, MeasurementStatus.UNKNOWN: 2,
                   MeasurementStatus.ON_TRACK: 3}


@dataclass(frozen=True)
class ResultQuery:
    """The raad's choices for the result table, as they stand in the URL."""

    status: str = ALL
    kind: str = ALL
    text: str = ""
    sort: str = SORT_ORDER

    @classmethod
    def from_params(cls, status: str | None, kind: str | None, text: str | None, sort: str | None) -> ResultQuery:
        """Unknown values fall back to the defaults: a hand-edited URL never breaks the page."""
        statuses = {s.value for s in MeasurementStatus}
        kinds = {k.value for k in ResultKind}
        return cls(status=status if status in statuses else ALL, kind=kind if kind in kinds else ALL,
                   text=(text or "").strip()[:100], sort=sort if sort in SORTS else SORT_ORDER)

    @property
    def is_default(self) -> bool:
        return self == ResultQuery()


def _fold(text: str) -> str:
    """Lower case without accents: 'cliënten' matches 'clienten'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _haystack(r: ResultView) -> str:
    latest = r.latest
    return _fold(" ".join([r.name, r.project_name, r.line_name, latest.explanation if latest else ""]))


def filter_results(results: Sequence[ResultView], query: ResultQuery) -> list[ResultView]:
    """The results whose latest status, kind and text match; an empty choice keeps everything."""
    words = _fold(query.text).split()
    out = []
    for r in results:
        latest = r.latest
        status = latest.status if latest else MeasurementStatus.UNKNOWN
        if query.status != ALL and status != query.status:
            continue
        if query.kind != ALL and r.kind != query.kind:
            continue
        if words and not all(w in _haystack(r) for w in words):
            continue
        out.append(r)
    return out


def _share(r: ResultView) -> float:
    m = r.latest
    if m is None or m.realised is None or not m.target:
        return float("inf")  # no figure: last
    return m.realised / m.target


def sort_results(results: Sequence[ResultView], sort: str) -> list[ResultView]:
    """Sorted inside each programme line and project; lines and projects keep the programme's order."""
    line_rank: dict[str, int] = {}
    project_rank: dict[tuple[str, str], int] = {}
    for r in results:
        line_rank.setdefault(r.line_name, len(line_rank))
        project_rank.setdefault((r.line_name, r.project_name), len(project_rank))

    def key(item: tuple[int, ResultView]) -> tuple:
        position, r = item
        group = (line_rank[r.line_name], project_rank[(r.line_name, r.project_name)])
        if sort == SORT_STATUS:
            latest = r.latest
            inner: tuple = (STATUS_SEVERITY[latest.status if latest else MeasurementStatus.UNKNOWN], position)
        elif sort == SORT_REALISED:
            inner = (_share(r), position)
        elif sort == SORT_NAME:
            inner = (_fold(r.name), position)
        else:
            inner = (position,)
        return (*group, *inner)

    return [r for _, r in sorted(enumerate(results), key=key)]


def apply(results: Sequence[ResultView], query: ResultQuery) -> list[ResultView]:
    return sort_results(filter_results(results, query), query.sort)


