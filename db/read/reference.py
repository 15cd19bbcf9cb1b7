"""Lookups of reference data for loads and the load log: region and indicator codes, the region names that CBS
exports use, the indicators bound to a CBS table, the results a results file may name, the programmes of a gemeente,
the most recent loads and the last load per CBS table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from db.models.figures import DataLoad, Indicator, Region
from db.models.programmes import Programme, Project, Result
from db.session import Session
from indicators.enums import Direction, RegionKind
from indicators.periods import as_utc
from indicators.views import LoadView


def region_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Region.code, Region.id)).all())


def indicator_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Indicator.code, Indicator.id)).all())


def indicator_codes(session: Session) -> set[str]:
    return set(session.scalars(select(Indicator.code)).all())


def bound_indicators(session: Session, table_id: str | None) -> dict[str, str]:
    """measure key -> indicator code of indicators already bound to this CBS table."""
    if not table_id:
        return {}
    rows = session.execute(select(Indicator.cbs_measure_key, Indicator.code)
                           .where(Indicator.cbs_table_id == table_id)).all()
    return {key: code for key, code in rows if key}


@dataclass(frozen=True)
class KnownResult:
    """A result that a results file names by project and result name: what checking its rows needs."""

    id: int
    desired_direction: Direction
    unit: str = ""


def results_by_name(session: Session) -> dict[tuple[str, str], KnownResult]:
    """Every result (in any workflow state) by (project name, result name), both lower case."""
    rows = session.execute(select(Project.name, Result.name, Result.id, Result.desired_direction, Result.unit)
                           .join(Result, Result.project_id == Project.id)).all()
    return {(project.lower(), name.lower()): KnownResult(rid, direction, unit or "")
            for project, name, rid, direction, unit in rows}


def regions_by_kind(session: Session) -> list[tuple[str, str, RegionKind]]:
    """(code, name, kind) of every region: what the readers of CBS exports match region labels against."""
    return [(code, name, RegionKind(kind)) for code, name, kind in
            session.execute(select(Region.code, Region.name, Region.kind)).all()]


def has_programmes(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Programme)))


def recent_loads(session: Session, limit: int) -> list[LoadView]:
    """The newest loads of the load log, newest first."""
    return [LoadView(load.id, load.started_at, load.status, load.kind, load.rows_read, load.rows_loaded,
                     load.rows_rejected, load.duration_s, load.table_id, load.path, load.error_report)
            for load in session.scalars(select(DataLoad).order_by(DataLoad.id.desc()).limit(limit)).all()]


def last_loads_per_table(session: Session) -> dict[str, datetime]:
    """When (UTC) the last successful load of each CBS table finished (for /metrics)."""
    rows = session.execute(select(DataLoad.table_id, func.max(DataLoad.finished_at))
                           .where(DataLoad.status == "gereed", DataLoad.table_id.is_not(None))
                           .group_by(DataLoad.table_id)).all()
    return {table_id: as_utc(finished) for table_id, finished in rows if finished is not None}
