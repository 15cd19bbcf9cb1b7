"""Status per kwartaal: a matrix of results × quarters, so a review meeting sees the path of every result and not
only its last quarter. A cell holds the status of that quarter's measurement with a realised value, or nothing
("niet gemeten") where there is none. Pure: no database, no web."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from indicators.enums import PeriodKind
from indicators.periods import Period

NOT_MEASURED = ""  # the status of a quarter without a realised value


@dataclass(frozen=True)
class Cell:
    quarter: Period
    status: str  # a MeasurementStatus value, or NOT_MEASURED
    realised: float | None = None
    target: float | None = None

    @property
    def measured(self) -> bool:
        return self.status != NOT_MEASURED


@dataclass(frozen=True)
class MatrixRow:
    key: str  # result id
    name: str
    project: str
    unit: str
    decimals: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class StatusMatrix:
    quarters: tuple[Period, ...]
    rows: tuple[MatrixRow, ...]

    @property
    def years(self) -> list[tuple[int, int]]:
        """(year, number of its quarters in the matrix), for the header's first row."""
        out: list[tuple[int, int]] = []
        for q in self.quarters:
            if out and out[-1][0] == q.start.year:
                out[-1] = (q.start.year, out[-1][1] + 1)
            else:
                out.append((q.start.year, 1))
        return out

    @property
    def gaps(self) -> int:
        return sum(1 for r in self.rows for c in r.cells if not c.measured)


@dataclass(frozen=True)
class ResultPath:
    """What the matrix needs of one result: its measurements as (quarter, realised, status value, target)."""

    key: str
    name: str
    project: str
    unit: str
    decimals: int
    measurements: Sequence[tuple[Period, float | None, str, float | None]]


def quarter_range(first: Period, last: Period) -> list[Period]:
    out, q = [], first
    while q <= last:
        out.append(q)
        q = q.next()
    return out


def build_matrix(results: Iterable[ResultPath], last_quarter: Period) -> StatusMatrix:
    """Columns from the first quarter in which any result was measured up to `last_quarter` (or a later quarter that
    already has a realised value); one row per result, in the given order."""
    results = list(results)
    measured = [p for r in results for p, realised, _, _ in r.measurements
                if p.kind is PeriodKind.QUARTER and realised is not None]
    if not measured:
        return StatusMatrix((), tuple(MatrixRow(r.key, r.name, r.project, r.unit, r.decimals, ()) for r in results))
    quarters = quarter_range(min(measured), max([last_quarter, *measured]))
    rows = []
    for r in results:
        by_quarter = {p: (realised, status, target) for p, realised, status, target in r.measurements
                      if p.kind is PeriodKind.QUARTER}
        cells = []
        for q in quarters:
            realised, status, target = by_quarter.get(q, (None, NOT_MEASURED, None))
            cells.append(Cell(q, status if realised is not None else NOT_MEASURED, realised, target))
        rows.append(MatrixRow(r.key, r.name, r.project, r.unit, r.decimals, tuple(cells)))
    return StatusMatrix(tuple(quarters), tuple(rows))
