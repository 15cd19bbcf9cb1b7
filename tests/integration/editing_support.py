"""A small world for the editing tests: two programmes in one gemeente, each with a line, a trend indicator, a
published project, result, measurement and story (as the ETL loads them), and the six kinds of people who may
try to change them. Plus a snapshot of every table, to prove that a refused call changed nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db.accounts import Grant
from db.models import (
    Base,
    Indicator,
    Measurement,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Region,
    Result,
    Story,
)
from db.write.workflow import Actor
from indicators.enums import Direction, MeasurementStatus, RegionKind, ResultKind, Role, StoryKind
from indicators.periods import Period


@dataclass
class World:
    programme_a: int
    programme_b: int
    project_a: int
    result_a: int
    measurement_a: int
    story_a: int
    project_b: int
    result_b: int


def build_world(session: Session) -> World:
    """The published content of two programmes (committed by the caller)."""
    nl = Region(code="NL01", name="Nederland", kind=RegionKind.COUNTRY)
    gm = Region(code="GM0141", name="Almelo", kind=RegionKind.MUNICIPALITY, parent=nl)
    ind_a = Indicator(code="ind-a", name="Eenzaamheid", unit="%", desired_direction=Direction.LESS)
    ind_b = Indicator(code="ind-b", name="Jeugdhulp", unit="%", desired_direction=Direction.LESS)
    session.add_all([nl, gm, ind_a, ind_b])
    session.flush()
    ids = []
    for slug, name, ind in (("prog-a", "Programma A", ind_a), ("prog-b", "Programma B", ind_b)):
        programme = Programme(slug=slug, name=name, start_year=2023, end_year=2026, baseline_year=2022,
                              region_id=gm.id, sort_order=len(ids))
        line = ProgrammeLine(name=f"Lijn {slug[-1].upper()}", desired_direction=Direction.MORE)
        programme.lines = [line]
        session.add(programme)
        session.flush()
        session.add(ProgrammeIndicator(programme_id=programme.id, indicator_id=ind.id, programme_line_id=line.id))
        project = Project(programme_line_id=line.id, name=f"Buurtkamers {slug[-1].upper()}",
                          description="Ontmoeting in de wijk")
        result = Result(name=f"Bezoekers {slug[-1].upper()}", kind=ResultKind.HOW_MUCH, unit="bezoekers")
        q2 = Period.quarter(2026, 2)
        result.measurements = [Measurement(period_kind=q2.kind, period_start=q2.start, target=100.0, realised=90.0,
                                           status=MeasurementStatus.ATTENTION, explanation="Zomer")]
        project.results = [result]
        session.add(project)
        session.flush()
        story = Story(programme_id=programme.id, project_id=project.id, result_id=result.id, kind=StoryKind.QUOTE,
                      title=f"Verhaal {slug[-1].upper()}", summary="Een bezoeker vertelt", story_date=date(2026, 5, 1),
                      consent=True)
        session.add(story)
        session.flush()
        ids.append((programme.id, project.id, result.id, result.measurements[0].id, story.id))
    (pa, proj_a, res_a, meas_a, story_a), (pb, proj_b, res_b, _, _) = ids
    return World(pa, pb, proj_a, res_a, meas_a, story_a, proj_b, res_b)


def actors(world: World) -> dict[str, Actor | None]:
    """Anonymous, a viewer, an editor of A, an editor of B, an approver of A and an admin."""
    return {
        "anonymous": None,
        "viewer": Actor(1, "Kijker", frozenset({Grant(Role.VIEWER)})),
        "editor_a": Actor(2, "Redacteur A", frozenset({Grant(Role.EDITOR, world.programme_a)})),
        "editor_b": Actor(3, "Redacteur B", frozenset({Grant(Role.EDITOR, world.programme_b)})),
        "approver_a": Actor(4, "Goedkeurder A", frozenset({Grant(Role.APPROVER, world.programme_a)})),
        "admin": Actor(5, "Beheerder", frozenset({Grant(Role.ADMIN)})),
    }


def snapshot(session: Session) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    out = {}
    for table in Base.metadata.sorted_tables:
        rows = session.execute(select(table)).all()
        out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def version_of(session: Session, model: type, item_id: int) -> int:
    return session.scalar(select(model.version).where(model.id == item_id).execution_options(
        populate_existing=True))


def raw(session: Session, sql: str) -> None:
    session.execute(text(sql))
