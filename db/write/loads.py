"""File loads and the demo: the load log (`data_load`) and every load's entry in the audit trail, idempotent
upserts of regions, indicators, programmes, projects and stories keyed by natural keys, region boundaries and the
demo's example notes.

Callers own the transaction (one per load), so a failed load leaves the previous data intact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import Executable, Table, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models.figures import DataLoad, Indicator, IndicatorNote, Observation, Region, RegionGeometry, RegionGroup
from db.models.programmes import Programme, ProgrammeIndicator, ProgrammeLine, Project, Result, Story
from db.read.reference import region_ids
from db.write.audit import record
from db.write.measurements import new_measurements
from db.write.revisions import drop_orphans
from db.write.rows import IndicatorNoteRow, IndicatorRow, ObservationRow, ProgrammeRow, ProjectRow, RegionRow, StoryRow
from db.write.workflow import load_actor
from indicators.enums import AuditAction, AuditSubject, RegionKind
from indicators.periods import utcnow

_KIND_ORDER = [RegionKind.COUNTRY, RegionKind.PROVINCE, RegionKind.MUNICIPALITY,
               RegionKind.DISTRICT, RegionKind.NEIGHBOURHOOD]
CHUNK = 5000


class LoadError(Exception):
    """A load that cannot go on; the message is meant for people (Dutch)."""


def file_hash(*paths: Path) -> str:
    """SHA-256 over the bytes of one or more files (provenance of a load)."""
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _insert(session: Session, table: Table):  # noqa: ANN202 - dialect-specific Insert
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise LoadError(f"database {name!r} wordt niet ondersteund (alleen SQLite en PostgreSQL)")


def upsert_rows(session: Session, table: Table, rows: Sequence[dict], keys: list[str], update: list[str]) -> None:
    if not rows:
        return
    stmt = _insert(session, table)
    stmt = stmt.on_conflict_do_update(index_elements=keys, set_={c: stmt.excluded[c] for c in update})
    _execute_in_chunks(session, stmt, rows)


def _execute_in_chunks(session: Session, stmt: Executable, rows: Sequence[dict]) -> None:
    """One statement over many rows, CHUNK rows per executemany (bounds memory and the parameters per batch)."""
    for start in range(0, len(rows), CHUNK):
        session.execute(stmt, list(rows[start : start + CHUNK]))


def upsert_regions(session: Session, rows: Iterable[RegionRow]) -> int:
    """Insert or update regions level by level so every parent exists before its children."""
    rows = list(rows)
    by_kind: dict[RegionKind, list[RegionRow]] = {k: [] for k in _KIND_ORDER}
    for row in rows:
        by_kind[row.kind].append(row)
    ids = region_ids(session)
    for kind in _KIND_ORDER:
        level = by_kind[kind]
        if not level:
            continue
        missing = sorted({r.parent_code for r in level if r.parent_code and r.parent_code not in ids})
        if missing:
            raise LoadError(f"onbekende bovenliggende regio('s): {', '.join(missing[:5])}")
        upsert_rows(
            session,
            Region.__table__,
            [{"code": r.code, "name": r.name, "kind": r.kind.value,
              "parent_id": ids.get(r.parent_code) if r.parent_code else None,
              "population": r.population} for r in level],
            keys=["code"],
            update=["name", "kind", "parent_id", "population"],
        )
        ids = region_ids(session)
    group_rows = [
        {"region_id": ids[r.code], "group_kind": kind, "group_code": code, "group_name": name}
        for r in rows for kind, (code, name) in r.groups.items()
    ]
    upsert_rows(session, RegionGroup.__table__, group_rows, keys=["region_id", "group_kind"],
            update=["group_code", "group_name"])
    return len(rows)


def merge_regions(session: Session, rows: Iterable[RegionRow]) -> int:
    """Add the regions of a CBS dimension file (or of the region list a label file was resolved through) that are
    new; fill in a missing parent and missing groupings of known ones.

    Names and groupings that are there stay as they are (the region table 85067NED is authoritative, a dimension
    of some other table is not). A parent that is not known (yet) is left empty.
    """
    rows = list(rows)
    by_kind: dict[RegionKind, list[RegionRow]] = {k: [] for k in _KIND_ORDER}
    for row in rows:
        by_kind[row.kind].append(row)
    ids = region_ids(session)
    table = Region.__table__
    for kind in _KIND_ORDER:
        level = by_kind[kind]
        if not level:
            continue
        stmt = _insert(session, table)
        stmt = stmt.on_conflict_do_update(
            index_elements=["code"], set_={"parent_id": func.coalesce(table.c.parent_id, stmt.excluded.parent_id)})
        data = [{"code": r.code, "name": r.name, "kind": r.kind.value,
                 "parent_id": ids.get(r.parent_code) if r.parent_code else None, "population": r.population}
                for r in level]
        _execute_in_chunks(session, stmt, data)
        codes = [r.code for r in level]
        for start in range(0, len(codes), CHUNK):  # only this level's ids: the region table may be large
            ids.update(session.execute(select(Region.code, Region.id)
                                       .where(Region.code.in_(codes[start : start + CHUNK]))).all())
    groups = [{"region_id": ids[r.code], "group_kind": kind, "group_code": code, "group_name": name}
              for r in rows if r.groups for kind, (code, name) in r.groups.items()]
    if groups:
        stmt = _insert(session, RegionGroup.__table__).on_conflict_do_nothing(index_elements=["region_id",
                                                                                           "group_kind"])
        _execute_in_chunks(session, stmt, groups)
    return len(rows)


def add_new_indicators(session: Session, rows: Iterable[IndicatorRow]) -> int:
    """Register indicators that do not exist yet (existing ones, possibly edited by an admin, stay)."""
    data = _indicator_values(rows)
    if not data:
        return 0
    stmt = _insert(session, Indicator.__table__).on_conflict_do_nothing(index_elements=["code"])
    _execute_in_chunks(session, stmt, data)
    return len(data)


def _indicator_values(rows: Iterable[IndicatorRow]) -> list[dict]:
    """The indicator table's values of indicator rows (the direction as its stored value)."""
    return [{**row.model_dump(), "desired_direction": row.desired_direction.value} for row in rows]


def upsert_indicators(session: Session, rows: Iterable[IndicatorRow]) -> int:
    data = _indicator_values(rows)
    upsert_rows(session, Indicator.__table__, data, keys=["code"],
            update=[k for k in IndicatorRow.model_fields if k != "code"])
    return len(data)


def replace_programme(session: Session, row: ProgrammeRow) -> Programme:
    """Create or fully replace a programme with its lines and trend indicators."""
    existing = session.scalar(select(Programme).where(Programme.slug == row.slug))
    if existing is not None:
        session.delete(existing)
        session.flush()
        drop_orphans(session)
    region_id = region_ids(session).get(row.region_code)
    if region_id is None:
        raise LoadError(f"onbekende regio {row.region_code!r} voor programma {row.name!r}")
    programme = Programme(
        slug=row.slug, name=row.name, vision=row.vision, start_year=row.start_year, end_year=row.end_year,
        baseline_year=row.baseline_year, owner=row.owner, region_id=region_id, is_demo=row.is_demo,
        sort_order=session.query(Programme).count(),
    )
    programme.lines = [
        ProgrammeLine(name=line.name, goal=line.goal, desired_direction=line.desired_direction, sort_order=i)
        for i, line in enumerate(row.lines)
    ]
    session.add(programme)
    session.flush()
    lines = {line.name: line for line in programme.lines}
    indicators = dict(session.execute(select(Indicator.code, Indicator.id)).all())
    for i, link in enumerate(row.indicators):
        if link.indicator_code not in indicators:
            raise LoadError(f"onbekende indicator {link.indicator_code!r} in programma {row.name!r}")
        line = lines.get(link.line_name) if link.line_name else None
        session.add(ProgrammeIndicator(
            programme_id=programme.id, indicator_id=indicators[link.indicator_code],
            programme_line_id=line.id if line else None,
            target_value=link.target_value, target_year=link.target_year, sort_order=i,
        ))
    session.flush()
    return programme


def add_project(session: Session, row: ProjectRow) -> Project:
    line = session.scalar(
        select(ProgrammeLine).join(Programme)
        .where(Programme.slug == row.programme_slug, ProgrammeLine.name == row.line_name)
    )
    if line is None:
        raise LoadError(f"programmalijn {row.line_name!r} van {row.programme_slug!r} bestaat niet")
    project = Project(
        programme_line_id=line.id, name=row.name, description=row.description, partners=list(row.partners),
        start_date=row.start_date, end_date=row.end_date, status=row.status,
    )
    for res in row.results:
        result = Result(name=res.name, kind=res.kind, unit=res.unit,
                        desired_direction=res.desired_direction, decimals=res.decimals)
        result.measurements = new_measurements(res.measurements)
        project.results.append(result)
    session.add(project)
    session.flush()
    return project


def add_story(session: Session, row: StoryRow) -> Story:
    programme = session.scalar(select(Programme).where(Programme.slug == row.programme_slug))
    if programme is None:
        raise LoadError(f"programma {row.programme_slug!r} bestaat niet")
    project = result = indicator = None
    if row.project_name:
        project = session.scalar(
            select(Project).join(ProgrammeLine)
            .where(ProgrammeLine.programme_id == programme.id, Project.name == row.project_name)
        )
        if project is None:
            raise LoadError(f"project {row.project_name!r} bestaat niet in {programme.name!r}")
    if row.result_name:
        if project is None:
            raise LoadError("een verhaal bij een resultaat moet ook het project noemen")
        result = next((r for r in project.results if r.name == row.result_name), None)
        if result is None:
            raise LoadError(f"resultaat {row.result_name!r} bestaat niet in project {project.name!r}")
    if row.indicator_code:
        indicator = session.scalar(select(Indicator).where(Indicator.code == row.indicator_code))
        if indicator is None:
            raise LoadError(f"onbekende indicator {row.indicator_code!r}")
    story = Story(
        programme_id=programme.id, project_id=project.id if project else None,
        result_id=result.id if result else None, indicator_id=indicator.id if indicator else None,
        kind=row.kind, title=row.title, summary=row.summary, body=row.body, media_url=row.media_url,
        media_file=row.media_file, captions_file=row.captions_file, transcript=row.transcript,
        story_date=row.story_date, consent=row.consent, is_example=row.is_example,
    )
    session.add(story)
    session.flush()
    return story


def start_load(session: Session, source: str, path: str = "", table_id: str | None = None,
               file_hash_: str = "", kind: str = "") -> DataLoad:
    """A load log entry for a load that starts now; `kind`: cbs, tabel, resultaten, grenzen (demo loads: none)."""
    load = DataLoad(source=source, path=path, table_id=table_id, file_hash=file_hash_, started_at=utcnow(), kind=kind)
    session.add(load)
    session.flush()
    return load


def finish_load(load: DataLoad, rows_read: int, rows_loaded: int, message: str = "", *, changed: int = 0,
                unchanged: int = 0, rejected: int = 0, rejected_path: str = "", error_report: str = "") -> None:
    """Mark a load done, with its counts: rows read and loaded, values replaced and left as they were, rows
    rejected (`--skip-invalid`, written to `rejected_path`) and the row-level report."""
    load.rows_read = rows_read
    load.rows_loaded = rows_loaded
    load.status = "gereed"
    load.finished_at = utcnow()
    load.message = message
    load.rows_changed, load.rows_unchanged, load.rows_rejected = changed, unchanged, rejected
    load.rejected_path, load.error_report = rejected_path, error_report


def log_refusal(session: Session, source: str, path: str, table_id: str | None, kind: str, rejected: int,
                message: str, error_report: str, door: str | None = None) -> int:
    """Record a refused load in the load log (in its own small transaction: the load itself left nothing), and –
    given the `door` it came through – in the audit trail."""
    load = DataLoad(source=source[:200], path=path, table_id=table_id, kind=kind, started_at=utcnow(),
                    finished_at=utcnow(), status="geweigerd", rows_rejected=rejected, message=message[:2000],
                    error_report=error_report)
    session.add(load)
    session.flush()
    if door is not None:
        audit_load(session, load, door, "\n".join(t for t in (message, error_report) if t), refused=True)
    return load.id


def audit_load(session: Session, load: DataLoad, door: str, summary: str, *, refused: bool = False) -> None:
    """The audit entry every load leaves (subject `lading`, the load log's id): the door it came through (the
    command's --door name), the file and its SHA-256, and what it did or why it was refused (`summary`, Dutch)."""
    what = " ".join(p for p in (Path(load.path or "").name, f"(sha256 {load.file_hash[:12]})" if load.file_hash
                                else "") if p)
    record(session, load_actor(door), AuditSubject.LOAD, load.id, None,
           AuditAction.LOAD_REFUSED if refused else AuditAction.LOADED, "bestand", None, what or None,
           summary[:2000])


def store_boundaries(session: Session, features: Sequence[tuple[str, dict]], file_name: str, load: DataLoad
                     ) -> list[str]:
    """Store GeoJSON geometries on the regions with these codes (replacing earlier ones). Returns the codes that
    are not in the database; when there are any, nothing is stored."""
    ids = dict(session.execute(select(Region.code, Region.id)
                               .where(Region.code.in_([c for c, _ in features]))).all())
    unknown = [c for c, _ in features if c not in ids]
    if unknown:
        return unknown
    existing = {g.region_id: g for g in session.scalars(
        select(RegionGeometry).where(RegionGeometry.region_id.in_(list(ids.values()))))}
    now = utcnow()
    for code, geometry in features:
        row = existing.get(ids[code])
        if row is None:
            session.add(RegionGeometry(region_id=ids[code], geometry=geometry, source=file_name,
                                       loaded_at=now, load_id=load.id))
        else:
            row.geometry, row.source, row.loaded_at, row.load_id = geometry, file_name, now, load.id
    return []


def replace_example_notes(session: Session, notes: Sequence[IndicatorNoteRow]) -> None:
    """The demo's notes on trend points, stored as examples and published; a reload replaces them (never a
    gemeente's own)."""
    session.execute(delete(IndicatorNote).where(IndicatorNote.is_example.is_(True)))
    indicators = dict(session.execute(select(Indicator.code, Indicator.id)
                                      .where(Indicator.code.in_({n.indicator_code for n in notes}))).all())
    regions = dict(session.execute(select(Region.code, Region.id)
                                   .where(Region.code.in_({n.region_code for n in notes}))).all())
    session.add_all(IndicatorNote(
        indicator_id=indicators[n.indicator_code], region_id=regions[n.region_code], period_kind=n.period.kind,
        period_start=n.period.start, text=n.text, note_date=n.note_date, author=n.author, is_example=True)
        for n in notes)
    session.flush()


OBSERVATION_KEY = ["indicator_id", "region_id", "period_kind", "period_start"]


def upsert_observations(session: Session, rows: Iterable[ObservationRow], load: DataLoad) -> int:
    """Insert or replace observations keyed by (indicator, region, period); returns the row count."""
    indicators = dict(session.execute(select(Indicator.code, Indicator.id)).all())
    regions = region_ids(session)
    now: datetime = load.started_at or utcnow()
    batch: list[dict] = []
    count = 0
    update = ["value", "status", "is_example", "source", "table_id", "file_hash", "loaded_at", "load_id"]
    for row in rows:
        try:
            indicator_id = indicators[row.indicator_code]
        except KeyError:
            raise LoadError(f"onbekende indicator {row.indicator_code!r}") from None
        try:
            region_id = regions[row.region_code]
        except KeyError:
            raise LoadError(f"onbekende regio {row.region_code!r}") from None
        batch.append({
            "indicator_id": indicator_id, "region_id": region_id,
            "period_kind": row.period.kind.value, "period_start": row.period.start,
            "value": row.value, "status": row.status.value, "is_example": row.is_example,
            "source": row.source or load.source, "table_id": load.table_id, "file_hash": load.file_hash,
            "loaded_at": now, "load_id": load.id,
        })
        if len(batch) >= CHUNK:
            upsert_rows(session, Observation.__table__, batch, OBSERVATION_KEY, update)
            count += len(batch)
            batch.clear()
    upsert_rows(session, Observation.__table__, batch, OBSERVATION_KEY, update)
    return count + len(batch)
