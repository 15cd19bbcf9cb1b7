"""The editor's own view of unpublished items: one item with what this actor may do (`get_item`), its audit
trail, the work list of every item the actor may see, and the lookups the edit forms and the quarter grid need.
Where a published item has a pending revision, the editors see the revision's values, version and state (and the
work list shows both: the published item and its revision)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    AuditEntry,
    Indicator,
    IndicatorNote,
    Measurement,
    MeasurementNote,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Region,
    Result,
    Story,
)
from db.write.audit import AuditView, authors_since_publication, entries
from db.write.forms import MODELS
from db.write.items import blocked_by_four_eyes, form_values, four_eyes_on, load_item, programme_ids_of
from db.write.revisions import copy_with, pending_of, working
from db.write.workflow import ActorLike, allowed_targets, as_actor, may, publication_problems, require
from indicators.enums import Action, ItemKind, PeriodKind, WorkflowState
from indicators.periods import Period, quarter_of


@dataclass(frozen=True)
class ItemState:
    """One item as an edit form needs it."""

    kind: ItemKind
    id: int
    programme_ids: tuple[int, ...]
    version: int
    state: WorkflowState
    values: dict[str, Any]
    can_edit: bool
    transitions: tuple[WorkflowState, ...]  # the steps this actor may take (back to concept may need a reason)
    problems: dict[str, str]  # why it cannot be published yet
    other_approver_needed: bool = False  # this actor could approve it but wrote it (four-eyes rule)
    published: dict[str, Any] | None = None  # while a revision is pending: the values the raad still sees
    can_withdraw: bool = False  # a pending revision this actor may withdraw


@dataclass(frozen=True)
class EditableItem:
    """A line of the editors' work list."""

    kind: ItemKind
    id: int
    programme_ids: tuple[int, ...]
    title: str
    context: str  # project, result or indicator it belongs to
    state: WorkflowState
    version: int
    can_edit: bool
    transitions: tuple[WorkflowState, ...]
    problems: dict[str, str] = field(default_factory=dict)
    other_approver_needed: bool = False  # this actor could approve it but wrote it (four-eyes rule)
    revision: bool = False  # this line is the pending revision of a published item (listed beside it)
    pending: WorkflowState | None = None  # on the line of a published item: the state of its pending revision


def get_item(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int, *,
             media_dir: Any = None, four_eyes: bool | None = None) -> ItemState:  # noqa: ANN401
    """One item with its form values, version, state and what this actor may do with it (for an edit form).
    Needs read_unpublished on its programme."""
    actor = as_actor(actor)
    kind = ItemKind(kind)
    obj = load_item(session, kind, item_id)
    programme_ids = programme_ids_of(session, kind, obj)
    require(actor, Action.READ_UNPUBLISHED, programme_ids)
    work = working(session, kind, obj)
    state = work.state
    authors = authors_since_publication(session, kind, [obj.id])[obj.id] \
        if state is WorkflowState.SUBMITTED and four_eyes_on(four_eyes) else set()  # only a submission is approved
    revised = work.revision is not None
    return ItemState(kind, obj.id, tuple(programme_ids), work.version, state, form_values(session, kind, work.obj),
                     may(actor, Action.EDIT, programme_ids),
                     tuple(allowed_targets(actor, programme_ids, state, authors)),
                     publication_problems(kind, work.obj, media_dir),
                     blocked_by_four_eyes(actor, programme_ids, state, authors),
                     form_values(session, kind, obj) if revised else None,
                     revised and (may(actor, Action.EDIT, programme_ids) or may(actor, Action.APPROVE, programme_ids)))


def audit_trail(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int) -> list[AuditView]:
    """Every recorded change and workflow step of an item, oldest first. Needs read_unpublished on its programme
    (for an item that no longer exists: on a programme its entries were filed under)."""
    actor = as_actor(actor)
    kind = ItemKind(kind)
    lines = entries(session, kind, item_id)
    obj = session.get(MODELS[kind], item_id)
    programme_ids = programme_ids_of(session, kind, obj) if obj is not None else \
        sorted({pid for pid in _raw_entries(session, kind, item_id) if pid is not None})
    require(actor, Action.READ_UNPUBLISHED, programme_ids)
    return lines


def _raw_entries(session: Session, kind: ItemKind, item_id: int) -> list[int | None]:
    return list(session.scalars(select(AuditEntry.programme_id).where(AuditEntry.item_kind == kind,
                                                                      AuditEntry.item_id == item_id)))


def editable_items(session: Session, actor: ActorLike, programme_slug: str | None = None, *,
                   media_dir: Any = None, four_eyes: bool | None = None) -> list[EditableItem]:  # noqa: ANN401
    """Everything the actor may see unpublished (the programmes where they are editor or approver; all for an
    admin), in every state, with what they may do: the editors' work list. Empty for anonymous and viewers."""
    actor = as_actor(actor)
    stmt = select(Programme.id)
    if programme_slug:
        stmt = stmt.where(Programme.slug == programme_slug)
    readable = [pid for pid in session.scalars(stmt.order_by(Programme.sort_order, Programme.id))
                if may(actor, Action.READ_UNPUBLISHED, [pid])]
    if not readable:
        return []
    found: list[tuple[ItemKind, Any, list[int], str]] = []

    def add(kind: ItemKind, obj: Any, pids: list[int], context: str) -> None:  # noqa: ANN401
        found.append((kind, obj, pids, context))

    in_programmes = ProgrammeLine.programme_id.in_(readable)
    for obj, pid in session.execute(select(Project, ProgrammeLine.programme_id)
                                    .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
                                    .where(in_programmes).order_by(Project.id)):
        add(ItemKind.PROJECT, obj, [pid], "")
    for obj, project, pid in session.execute(select(Result, Project.name, ProgrammeLine.programme_id)
                                             .join(Project, Project.id == Result.project_id)
                                             .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
                                             .where(in_programmes).order_by(Result.id)):
        add(ItemKind.RESULT, obj, [pid], project)
    for obj, result, pid in session.execute(select(Measurement, Result.name, ProgrammeLine.programme_id)
                                            .join(Result, Result.id == Measurement.result_id)
                                            .join(Project, Project.id == Result.project_id)
                                            .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
                                            .where(in_programmes)
                                            .order_by(Measurement.result_id, Measurement.period_start)):
        add(ItemKind.MEASUREMENT, obj, [pid], result)
    for obj, result, period_start, period_kind, pid in session.execute(
            select(MeasurementNote, Result.name, Measurement.period_start, Measurement.period_kind,
                   ProgrammeLine.programme_id)
            .join(Measurement, Measurement.id == MeasurementNote.measurement_id)
            .join(Result, Result.id == Measurement.result_id).join(Project, Project.id == Result.project_id)
            .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
            .where(in_programmes).order_by(MeasurementNote.id)):
        add(ItemKind.MEASUREMENT_NOTE, obj, [pid], f"{result}, {Period(period_start, PeriodKind(period_kind)).code}")
    for obj in session.scalars(select(Story).where(Story.programme_id.in_(readable)).order_by(Story.id)):
        add(ItemKind.STORY, obj, [obj.programme_id], "")
    links: dict[int, list[int]] = {}
    for iid, pid in session.execute(select(ProgrammeIndicator.indicator_id, ProgrammeIndicator.programme_id)
                                    .order_by(ProgrammeIndicator.programme_id)):
        links.setdefault(iid, []).append(pid)
    for obj, code, region in session.execute(
            select(IndicatorNote, Indicator.code, Region.code)
            .join(Indicator, Indicator.id == IndicatorNote.indicator_id)
            .join(Region, Region.id == IndicatorNote.region_id)
            .where(IndicatorNote.indicator_id.in_([i for i, pids in links.items() if set(pids) & set(readable)]))
            .order_by(IndicatorNote.id)):
        add(ItemKind.INDICATOR_NOTE, obj, links[obj.indicator_id], f"{code}, {region}, {obj.period.code}")
    # a published item with a pending revision is listed twice: as published, and its revision (values, state)
    lines: list[tuple[ItemKind, Any, list[int], str, WorkflowState, int, bool, WorkflowState | None]] = []
    for kind in ItemKind:
        revisions = pending_of(session, kind, [obj.id for k, obj, *_ in found if k is kind])
        for k, obj, pids, context in found:
            if k is not kind:
                continue
            rev = revisions.get(obj.id)
            if rev is None:
                lines.append((kind, obj, pids, context, WorkflowState(obj.workflow_state), obj.version, False, None))
                continue
            rev_state = WorkflowState(rev.workflow_state)
            lines.append((kind, obj, pids, context, WorkflowState.PUBLISHED, rev.version, False, rev_state))
            lines.append((kind, copy_with(kind, obj, rev), pids, context, rev_state, rev.version, True, None))
    order = {(kind, obj.id): i for i, (kind, obj, *_) in enumerate(found)}
    lines.sort(key=lambda line: order[(line[0], line[1].id)])
    authors: dict[ItemKind, dict[int, set[int]]] = {}
    if four_eyes_on(four_eyes):  # only submitted items can be approved: only theirs are looked up
        for kind in ItemKind:
            authors[kind] = authors_since_publication(session, kind, [
                obj.id for k, obj, _, _, state, *_ in lines if k is kind and state is WorkflowState.SUBMITTED])
    out = []
    for kind, obj, pids, context, state, version, revision, pending in lines:
        mine = authors.get(kind, {}).get(obj.id, set())
        # the steps of an item with a pending revision are those of the revision (its own line)
        steps = () if pending is not None else tuple(allowed_targets(actor, pids, state, mine))
        out.append(EditableItem(kind, obj.id, tuple(pids), item_title(kind, obj), context, state, version,
                                may(actor, Action.EDIT, pids), steps,
                                publication_problems(kind, obj, media_dir) if pending is None else {},
                                pending is None and blocked_by_four_eyes(actor, pids, state, mine), revision, pending))
    return out


def item_title(kind: ItemKind, obj: Any) -> str:  # noqa: ANN401 - one of MODELS
    """How the work list names an item: its name or title, a measurement's quarter, the start of a note."""
    if kind in (ItemKind.PROJECT, ItemKind.RESULT):
        return obj.name
    if kind is ItemKind.STORY:
        return obj.title
    if kind is ItemKind.MEASUREMENT:
        return obj.period.code
    return obj.text[:80]


# --- what the edit pages and the quarter grid look up ---------------------------------------------------------------


def grid_quarters(session: Session, programme_id: int, today: date) -> list[Period]:
    """The quarters the work list links to the grid of: the one after the newest measured quarter and that one
    (the current quarter when nothing is measured yet)."""
    newest = session.scalar(select(func.max(Measurement.period_start)).join(Result).join(Project)
                            .join(ProgrammeLine).where(ProgrammeLine.programme_id == programme_id,
                                                       Measurement.period_kind == PeriodKind.QUARTER))
    if newest is None:
        return [quarter_of(today)]
    latest = Period(newest, PeriodKind.QUARTER)
    return [latest.next(), latest]


def parent_programme(session: Session, kind: ItemKind, parent: str | None) -> tuple[int | None, str | None]:
    """The programme (id, slug) a new item will belong to, from its parent as the query string names it: a
    programme's slug, or the id of a project, result or measurement."""
    if not parent:
        return None, None
    stmt = select(Programme.id, Programme.slug)
    if kind in (ItemKind.PROJECT, ItemKind.STORY, ItemKind.INDICATOR_NOTE):
        stmt = stmt.where(Programme.slug == parent)
    elif not parent.isdigit():
        return None, None
    else:
        stmt = stmt.join(ProgrammeLine, ProgrammeLine.programme_id == Programme.id) \
            .join(Project, Project.programme_line_id == ProgrammeLine.id)
        if kind is ItemKind.RESULT:
            stmt = stmt.where(Project.id == int(parent))
        else:
            stmt = stmt.join(Result, Result.project_id == Project.id)
            if kind is ItemKind.MEASUREMENT:
                stmt = stmt.where(Result.id == int(parent))
            else:
                stmt = stmt.join(Measurement, Measurement.result_id == Result.id).where(Measurement.id == int(parent))
    row = session.execute(stmt.limit(1)).first()
    return (row[0], row[1]) if row else (None, None)


def form_suggestions(session: Session, programme_id: int | None) -> dict[str, list[str]]:
    """Names for the lines (radio buttons) and for a story's links (suggestions) of a programme."""
    if programme_id is None:
        return {"lines": [], "projects": [], "results": [], "indicators": []}
    lines = list(session.scalars(select(ProgrammeLine.name).where(ProgrammeLine.programme_id == programme_id)
                                 .order_by(ProgrammeLine.sort_order, ProgrammeLine.id)))
    projects = list(session.scalars(select(Project.name).join(ProgrammeLine)
                                    .where(ProgrammeLine.programme_id == programme_id).order_by(Project.name)))
    results = list(dict.fromkeys(session.scalars(
        select(Result.name).join(Project).join(ProgrammeLine).where(ProgrammeLine.programme_id == programme_id)
        .order_by(Result.name))))
    indicators = list(session.scalars(select(Indicator.code).join(ProgrammeIndicator)
                                      .where(ProgrammeIndicator.programme_id == programme_id).order_by(Indicator.code)))
    return {"lines": lines, "projects": projects, "results": results, "indicators": indicators}


CHILD_KIND = {ItemKind.RESULT: ItemKind.MEASUREMENT, ItemKind.MEASUREMENT: ItemKind.MEASUREMENT_NOTE}


def children(session: Session, kind: ItemKind, item_id: int) -> list[tuple[int, str]]:
    """The items below an item (a result's measurements, a measurement's notes; CHILD_KIND) as (id, label)."""
    if kind is ItemKind.RESULT:
        measurements = list(session.scalars(select(Measurement).where(Measurement.result_id == item_id)
                                            .order_by(Measurement.period_start)))
        revisions = pending_of(session, ItemKind.MEASUREMENT, [m.id for m in measurements])
        return [(m.id, f"{m.period.code} ({WorkflowState(m.workflow_state).value}"
                       + (f"; nieuwe versie: {revisions[m.id].workflow_state.value})" if m.id in revisions else ")"))
                for m in measurements]
    if kind is ItemKind.MEASUREMENT:
        return [(n.id, f"{n.note_date.isoformat()}: {n.text[:60]}") for n in session.scalars(
            select(MeasurementNote).where(MeasurementNote.measurement_id == item_id).order_by(MeasurementNote.id))]
    return []


def story_programme(session: Session, story_id: int | None, programme_slug: str | None) -> int | None:
    """The programme of a story (by id), or of a story yet to be made in the programme `programme_slug`."""
    if story_id is not None:
        return session.scalar(select(Story.programme_id).where(Story.id == story_id))
    return session.scalar(select(Programme.id).where(Programme.slug == programme_slug)) if programme_slug else None


@dataclass(frozen=True)
class GridRow:
    """A result of the programme with its measurement of the grid's quarter (version and state None: none yet)."""

    id: int
    name: str
    unit: str
    project: str
    version: int | None
    state: str | None
    target: float | None
    realised: float | None
    status: str
    explanation: str
    revision: bool = False  # the values, version and state are those of a pending revision of a published one


def quarter_grid(session: Session, programme_id: int, period: Period) -> list[GridRow]:
    """Each result of the programme with its measurement of `period` (or none) as the editors see it (a pending
    revision's values), in the programme's order."""
    results = session.execute(
        select(Result.id, Result.name, Result.unit, Project.name).join(Project, Project.id == Result.project_id)
        .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
        .where(ProgrammeLine.programme_id == programme_id)
        .order_by(ProgrammeLine.sort_order, ProgrammeLine.id, Project.name, Result.id)).all()
    measured = {m.result_id: m for m in session.scalars(select(Measurement).where(
        Measurement.result_id.in_([r[0] for r in results]), Measurement.period_kind == period.kind,
        Measurement.period_start == period.start))} if results else {}
    revisions = pending_of(session, ItemKind.MEASUREMENT, [m.id for m in measured.values()])
    out = []
    for rid, name, unit, project in results:
        if rid not in measured:
            out.append(GridRow(rid, name, unit, project, None, None, None, None, "onbekend", ""))
            continue
        work = working(session, ItemKind.MEASUREMENT, measured[rid], revisions.get(measured[rid].id))
        m = work.obj
        out.append(GridRow(rid, name, unit, project, work.version, work.state.value, m.target, m.realised,
                           m.status.value, m.explanation or "", work.revision is not None))
    return out
