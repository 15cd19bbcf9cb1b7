"""The quarter report from the database: as it stood at the end of a quarter (published items only), its
meeting notes, and the published (frozen) reports.

"As it stood at the end of the quarter" means: trend values of periods that ended on or before the last day of
the quarter, result measurements of quarters up to and including it, and stories dated in it – of projects,
results, measurements and stories only what is published (workflow state `gepubliceerd`). The previous
quarter is taken from its published snapshot when there is one (so a later correction of a published figure
shows up here as a correction), else it is computed from today's figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from db.models.figures import Region
from db.models.programmes import Measurement, Programme, ProgrammeIndicator, ProgrammeLine, Project, Result
from db.models.quarter import MeetingNote, QuarterSnapshot
from db.read.lookups import valid_id
from db.read.project_finance import project_money
from db.read.results import published_results
from db.read.stories import story_items
from db.read.trends import series_for
from indicators.enums import COUNTRY, MeetingNoteKind, PeriodKind, WorkflowState
from indicators.formatting import AMSTERDAM
from indicators.periods import Period, PeriodError, as_utc, last_ended_quarter
from indicators.quarter import (
    MeasurementItem,
    NoteItem,
    ProgrammeReport,
    QuarterReport,
    ResultItem,
    TrendItem,
    TrendPoint,
    finite,
    movement,
    with_changes_against,
)
from indicators.trends import summarise_trend
from indicators.views import ActionItemState, to_points


def latest_report_quarter(session: Session, today: date) -> Period:
    """The quarter the overview links to: the last quarter that has ended and has a result measurement
    (the last ended quarter when there are none)."""
    ended = last_ended_quarter(today)
    newest = session.scalar(select(Measurement.period_start).where(
        Measurement.period_kind == PeriodKind.QUARTER, Measurement.period_start <= ended.start,
        Measurement.is_published(),
    ).order_by(Measurement.period_start.desc()).limit(1))
    return Period(newest, PeriodKind.QUARTER) if newest else ended


def _trend_points(series: Iterable, until: date) -> list[TrendPoint]:
    return [TrendPoint(period=p.period.code, value=finite(p.value), status=p.status, is_example=p.is_example)
            for p in series if p.period.end <= until]


def _trends(session: Session, programme: Programme, quarter: Period) -> list[TrendItem]:
    links = list(programme.indicator_links)
    home = programme.region.code
    data = series_for(session, [link.indicator_id for link in links], [home, COUNTRY])
    country_name = session.scalar(select(Region.name).where(Region.code == COUNTRY)) or COUNTRY
    items = []
    for link in links:
        ind = link.indicator
        home_series = [p for p in data[ind.id].get(home, []) if p.period.end <= quarter.end]
        country_series = [] if home == COUNTRY else data[ind.id].get(COUNTRY, [])
        s = summarise_trend(to_points(home_series), ind.desired_direction, programme.baseline_year,
                            decimals=ind.decimals, unit=ind.unit)
        latest = s.latest.value if s.latest else None
        base = s.baseline.value if s.baseline and s.latest and s.baseline.period < s.latest.period else None
        items.append(TrendItem(
            code=ind.code, name=ind.name, unit=ind.unit, decimals=ind.decimals, direction=ind.desired_direction.value,
            source=ind.source, table_id=ind.cbs_table_id, line_name=link.line.name if link.line else None,
            target_value=link.target_value, target_year=link.target_year, region_name=programme.region.name,
            points=_trend_points(home_series, quarter.end),
            compare_name=country_name if country_series else None,
            compare_points=_trend_points(country_series, quarter.end),
            verdict=s.verdict.value, sentence=s.sentence,
            latest_period=s.latest.period.code if s.latest else None, latest_value=latest,
            previous_value=s.previous.value if s.previous else None, baseline_value=base,
            movement=movement(s.previous.value if s.previous else None, latest, ind.decimals),
            baseline_side=movement(base, latest, ind.decimals),
            has_example=any(p.is_example for p in home_series + list(country_series)),
        ))
    return items


def _measurement(m: Measurement) -> MeasurementItem:
    return MeasurementItem(period=m.period.code, target=finite(m.target), realised=finite(m.realised),
                           status=m.status.value, explanation=m.explanation, is_example=m.is_example)


def _results(session: Session, programme_id: int, quarter: Period) -> list[ResultItem]:
    stmt = (
        published_results(Result, Project.name, ProgrammeLine.name, programme_ids=[programme_id])
        .options(selectinload(Result.measurements))
        .order_by(ProgrammeLine.sort_order, ProgrammeLine.id, Project.id, Result.id)
    )
    items = []
    for result, project_name, line_name in session.execute(stmt):
        history = sorted((m for m in result.measurements
                          if m.period.end <= quarter.end and m.workflow_state == WorkflowState.PUBLISHED),
                         key=lambda m: m.period)
        current = next((m for m in history if m.period == quarter), None)
        items.append(ResultItem(
            id=result.id, name=result.name, kind=result.kind.value, unit=result.unit, decimals=result.decimals,
            direction=result.desired_direction.value, line_name=line_name, project_name=project_name,
            current=_measurement(current) if current else None, history=[_measurement(m) for m in history],
        ))
    return items


def _amsterdam_date(at: datetime | None) -> date | None:
    if at is None:
        return None
    return as_utc(at).astimezone(AMSTERDAM).date()


def note_item(n: MeetingNote, carried: bool, until: date | None = None) -> NoteItem:
    """A meeting note as the report and the meeting page show it; `until`: a done date after it (the end of the
    report's quarter) is left out, together with who marked it done."""
    done = n.done_on is not None and (until is None or n.done_on <= until)
    return NoteItem(id=n.id, kind=n.kind.value, text=n.text, owner=n.owner, due_date=n.due_date,
                    done_on=n.done_on if done else None, recorded_in=n.quarter, carried=carried,
                    created_by=n.created_by or "", created_on=_amsterdam_date(n.created_at),
                    done_by=(n.done_by or "") if done else "")


def notes_for_quarter(session: Session, programme_id: int, quarter: Period) -> list[NoteItem]:
    """Decisions and action items recorded in this quarter's meeting, plus action items from earlier meetings that
    were still open at the start of this quarter (shown with their done date when done since)."""
    code = quarter.code
    rows = session.scalars(select(MeetingNote).where(MeetingNote.programme_id == programme_id,
                                                     MeetingNote.quarter <= code)
                           .order_by(MeetingNote.quarter, MeetingNote.id)).all()
    items = []
    for n in rows:
        carried = n.quarter < code
        if carried and (n.kind is not MeetingNoteKind.ACTION or (n.done_on and n.done_on < quarter.start)):
            continue
        items.append(note_item(n, carried, until=quarter.end))
    return items


def notes_recorded_after_publication(session: Session, report: QuarterReport) -> dict[str, list[NoteItem]]:
    """Notes of a published quarter's own meeting that are not in its snapshot (recorded after publishing), per
    programme slug: shown next to the frozen report, and carried into the next quarter's report."""
    frozen = {n.id for p in report.programmes for n in p.notes}
    rows = session.execute(select(MeetingNote, Programme.slug).join(Programme)
                           .where(MeetingNote.quarter == report.quarter).order_by(MeetingNote.id)).all()
    out: dict[str, list[NoteItem]] = defaultdict(list)
    for n, slug in rows:
        if n.id not in frozen:
            out[slug].append(note_item(n, carried=False))
    return dict(out)


def build_report(session: Session, quarter: Period, with_changes: bool = True) -> QuarterReport:
    """The report of `quarter` from today's figures, with "what changed" against the previous quarter."""
    if quarter.kind is not PeriodKind.QUARTER:
        raise PeriodError(f"{quarter} is geen kwartaal")
    programmes = session.scalars(
        select(Programme).options(selectinload(Programme.indicator_links).selectinload(ProgrammeIndicator.indicator),
                                  selectinload(Programme.indicator_links).selectinload(ProgrammeIndicator.line),
                                  selectinload(Programme.region))
        .order_by(Programme.sort_order, Programme.name)).all()
    stories = story_items(session, [p.id for p in programmes], quarter)
    money = project_money(session, [p.id for p in programmes], quarter)
    report = QuarterReport(quarter=quarter.code, previous=quarter.previous().code, previous_published=False,
                           programmes=[ProgrammeReport(
                               slug=p.slug, name=p.name, vision=p.vision, region_name=p.region.name,
                               baseline_year=p.baseline_year, is_demo=p.is_demo,
                               trends=_trends(session, p, quarter), results=_results(session, p.id, quarter),
                               stories=stories[p.id], notes=notes_for_quarter(session, p.id, quarter),
                               project_money=money.get(p.id, []),
                           ) for p in programmes])
    if not with_changes:
        return report
    previous = published_report(session, quarter.previous())
    published = previous is not None
    if previous is None:
        previous = build_report(session, quarter.previous(), with_changes=False)
    return with_changes_against(report, previous, published)


def published_report(session: Session, quarter: Period) -> QuarterReport | None:
    content = session.scalar(select(QuarterSnapshot.content).where(QuarterSnapshot.quarter == quarter.code))
    return QuarterReport.model_validate_json(content) if content else None


def report_for(session: Session, quarter: Period) -> QuarterReport:
    """The published report when the quarter was published, else the report from today's figures."""
    return published_report(session, quarter) or build_report(session, quarter)


def published_quarters(session: Session) -> list[str]:
    return list(session.scalars(select(QuarterSnapshot.quarter).order_by(QuarterSnapshot.quarter)))


def meeting_notes(session: Session, programme_id: int, code: str) -> tuple[list[NoteItem], list[NoteItem]]:
    """The meeting page of quarter `code`: the action items of earlier quarters that are still open, and the notes
    recorded for this quarter."""
    rows = session.scalars(select(MeetingNote).where(
        MeetingNote.programme_id == programme_id,
        or_(MeetingNote.quarter == code,
            (MeetingNote.quarter < code) & (MeetingNote.kind == MeetingNoteKind.ACTION)
            & MeetingNote.done_on.is_(None)))
        .order_by(MeetingNote.quarter, MeetingNote.id)).all()
    items = [note_item(n, carried=n.quarter < code) for n in rows]
    return [n for n in items if n.carried], [n for n in items if not n.carried]


def action_item(session: Session, note_id: object) -> ActionItemState | None:
    note = session.get(MeetingNote, note_id) if valid_id(note_id) else None  # 2**63 in a payload: not found
    if note is None:
        return None
    return ActionItemState(note.id, MeetingNoteKind(note.kind).value, note.programme_id, note.done_on)


def publication(session: Session, code: str) -> tuple[datetime, str] | None:
    """When (UTC) and by whom quarter `code` was published; None for a draft."""
    row = session.execute(select(QuarterSnapshot.published_at, QuarterSnapshot.published_by)
                          .where(QuarterSnapshot.quarter == code)).first()
    return (as_utc(row[0]), row[1]) if row else None


def frozen_file(session: Session, code: str, fmt: str) -> bytes | None:
    """The frozen PDF or Excel (`fmt` pdf | xlsx) of a published quarter (None for a draft); only that column is
    read."""
    column = {"pdf": QuarterSnapshot.pdf, "xlsx": QuarterSnapshot.xlsx}[fmt]
    return session.scalar(select(column).where(QuarterSnapshot.quarter == code))
