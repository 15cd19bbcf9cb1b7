"""Read-side queries the pages need, returning plain dataclasses (no ORM objects leak out)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, selectinload

from db.models import (
    Indicator,
    Measurement,
    MeasurementNote,
    Observation,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Region,
    RegionGroup,
    Result,
    Story,
)
from indicators.enums import COUNTRY, MeasurementStatus, RegionKind
from indicators.notes import NotesByPeriod, for_region, notes_by_indicator
from indicators.periods import Period, PeriodKind
from indicators.stories import StoryLink, stories_by_result
from indicators.trends import Forecast, Point, TrendSummary, Verdict, count_verdicts, forecast_view, summarise_trend

PEER_GROUP_KINDS = ("jeugdregio", "gemeentegrootte")


@dataclass(frozen=True)
class RegionOption:
    code: str
    name: str
    group: str  # why it is offered: "land", "jeugdregio Twente", "zelfde grootteklasse", "wijk"


@dataclass(frozen=True)
class SeriesPoint:
    period: Period
    value: float | None
    status: str
    is_example: bool
    source: str
    table_id: str | None
    loaded_at: datetime | None


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    name: str
    unit: str
    source: str
    cbs_table_id: str | None
    desired_direction: str
    decimals: int
    definition: str


@dataclass
class TrendView:
    indicator: IndicatorInfo
    summary: TrendSummary
    series: dict[str, list[SeriesPoint]]  # region code -> points (home region first)
    region_names: dict[str, str]
    target_value: float | None
    target_year: int | None
    line_name: str | None
    has_example: bool
    last_loaded: datetime | None
    stories: list[StoryLink] = field(default_factory=list)  # "het verhaal achter de cijfers"
    notes: NotesByPeriod = field(default_factory=dict)  # dated notes on the home region's points
    forecast: Forecast | None = None  # "als er niets verandert": the line through the years before the programme


@dataclass(frozen=True)
class MeasurementView:
    period: Period
    target: float | None
    realised: float | None
    status: MeasurementStatus
    explanation: str
    is_example: bool
    notes: list[MeasurementNoteView] = field(default_factory=list)  # published dated notes, oldest first


@dataclass(frozen=True)
class MeasurementNoteView:
    """A dated note on a quarter's value of a result ("why this figure?")."""

    note_date: date
    author: str
    text: str


@dataclass
class ResultView:
    id: int
    name: str
    kind: str
    unit: str
    decimals: int
    desired_direction: str
    line_name: str
    project_name: str
    measurements: list[MeasurementView]
    stories: list[StoryLink] = field(default_factory=list)  # "het verhaal achter de cijfers"

    @property
    def latest(self) -> MeasurementView | None:
        with_value = [m for m in self.measurements if m.realised is not None]
        return with_value[-1] if with_value else (self.measurements[-1] if self.measurements else None)


@dataclass(frozen=True)
class StoryView:
    id: int
    kind: str
    title: str
    summary: str
    story_date: date
    is_example: bool
    project_name: str | None
    result_name: str | None
    indicator_code: str | None
    indicator_name: str | None


@dataclass
class ProgrammeCard:
    slug: str
    name: str
    vision: str
    region_name: str
    period: str
    verdicts: dict[Verdict, int]
    trend_count: int
    result_statuses: dict[MeasurementStatus, int]
    result_count: int
    story_count: int
    newest_stories: list[StoryView]
    is_demo: bool


@dataclass
class ProgrammeView:
    slug: str
    name: str
    vision: str
    owner: str
    region_code: str
    region_name: str
    start_year: int
    end_year: int
    baseline_year: int
    is_demo: bool
    lines: list[tuple[str, str, str]]  # (name, goal, desired direction)
    trends: list[TrendView]
    results: list[ResultView]
    stories: list[StoryView]
    comparison_options: list[RegionOption] = field(default_factory=list)


def indicator_info(ind: Indicator) -> IndicatorInfo:
    return IndicatorInfo(ind.code, ind.name, ind.unit, ind.source, ind.cbs_table_id,
                         ind.desired_direction.value, ind.decimals, ind.definition)


def series_for(session: Session, indicator_ids: Sequence[int], region_codes: Sequence[str],
               kind: PeriodKind = PeriodKind.YEAR) -> dict[int, dict[str, list[SeriesPoint]]]:
    """Observations of several indicators for several regions in one query: {indicator: {region: points}}.

    The regions' ids are looked up first and the observations are then read by (indicator, region) on the
    unique index: joining region inside the query let SQLite pick a scan of each indicator's rows for every
    region in the country once more than about 20 regions were asked for (40 ms instead of 9 at 48 regions)."""
    out: dict[int, dict[str, list[SeriesPoint]]] = defaultdict(lambda: defaultdict(list))
    if not indicator_ids or not region_codes:
        return out
    code_of = dict(session.execute(select(Region.id, Region.code).where(Region.code.in_(list(region_codes)))).all())
    if not code_of:
        return out
    stmt = (
        select(Observation.indicator_id, Observation.region_id, Observation.period_start, Observation.value,
               Observation.status, Observation.is_example, Observation.source, Observation.table_id,
               Observation.loaded_at)
        .where(Observation.indicator_id.in_(list(indicator_ids)), Observation.region_id.in_(list(code_of)),
               Observation.period_kind == kind)
        .order_by(Observation.period_start)
    )
    for ind_id, region_id, start, value, status, is_example, source, table_id, loaded_at in session.execute(stmt):
        out[ind_id][code_of[region_id]].append(SeriesPoint(Period(start, kind), value, status.value, is_example,
                                                           source, table_id, loaded_at))
    return out


def to_points(series: Iterable[SeriesPoint]) -> list[Point]:
    return [Point(p.period, p.value, p.status) for p in series]


def comparison_options(session: Session, region_code: str) -> list[RegionOption]:
    """Regions a gemeente is compared with: Nederland, the gemeenten of its jeugdregio, gemeenten of the
    same size class and urbanity (CBS 85067NED), and its own wijken."""
    home = session.scalar(select(Region).options(selectinload(Region.groups)).where(Region.code == region_code))
    if home is None:
        return []
    options = [RegionOption(COUNTRY, "Nederland", "land")]
    groups = {g.group_kind: g for g in home.groups}
    seen = {COUNTRY, region_code}

    def add(rows: Iterable[tuple[str, str]], label: str) -> None:
        for code, name in rows:
            if code not in seen:
                options.append(RegionOption(code, name, label))
                seen.add(code)

    if youth := groups.get("jeugdregio"):
        add(session.execute(
            select(Region.code, Region.name).join(RegionGroup)
            .where(RegionGroup.group_kind == "jeugdregio", RegionGroup.group_code == youth.group_code)
            .order_by(Region.name)).all(), f"Gemeenten in jeugdregio {youth.group_name}")
    size, urban = groups.get("gemeentegrootte"), groups.get("stedelijkheid")
    if size and urban:
        same_urban = (select(RegionGroup.region_id)
                      .where(RegionGroup.group_kind == "stedelijkheid", RegionGroup.group_code == urban.group_code))
        add(session.execute(
            select(Region.code, Region.name).join(RegionGroup)
            .where(RegionGroup.group_kind == "gemeentegrootte", RegionGroup.group_code == size.group_code,
                   Region.id.in_(same_urban))
            .order_by(Region.name)).all(),
            f"Vergelijkbare gemeenten ({size.group_name}, {urban.group_name.lower()})")
    add(session.execute(
        select(Region.code, Region.name).where(Region.parent_id == home.id, Region.kind == RegionKind.DISTRICT)
        .order_by(Region.code)).all(), "wijk")
    return options


def region_names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    codes = list(codes)
    if not codes:
        return {}
    return dict(session.execute(select(Region.code, Region.name).where(Region.code.in_(codes))).all())


def _results(session: Session, programme_id: int) -> list[ResultView]:
    return _results_for(session, [programme_id]).get(programme_id, [])


def _results_for(session: Session, programme_ids: Sequence[int]) -> dict[int, list[ResultView]]:
    """Results of several programmes in three queries, whatever their number: {programme id: results}.
    Plain columns, no ORM objects: an overview of ten programmes reads about a thousand measurements."""
    out: dict[int, list[ResultView]] = defaultdict(list)
    if not programme_ids:
        return out
    stmt = (
        select(Result.id, Result.name, Result.kind, Result.unit, Result.decimals, Result.desired_direction,
               Project.name, ProgrammeLine.name, ProgrammeLine.programme_id)
        .join(Project, Project.id == Result.project_id)
        .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
        .where(ProgrammeLine.programme_id.in_(list(programme_ids)), Result.is_published(), Project.is_published())
        .order_by(ProgrammeLine.sort_order, Project.id, Result.id)
    )
    views = []
    for rid, name, kind, unit, decimals, direction, project_name, line_name, programme_id in session.execute(stmt):
        view = ResultView(rid, name, kind.value, unit, decimals, direction.value, line_name, project_name, [])
        views.append(view)
        out[programme_id].append(view)
    if not views:
        return out
    by_id = {v.id: v for v in views}
    measurements: dict[int, MeasurementView] = {}
    for mid, rid, kind, start, target, realised, status, explanation, is_example in session.execute(
            select(Measurement.id, Measurement.result_id, Measurement.period_kind, Measurement.period_start,
                   Measurement.target, Measurement.realised, Measurement.status, Measurement.explanation,
                   Measurement.is_example)
            .where(Measurement.result_id.in_(list(by_id)), Measurement.is_published())
            .order_by(Measurement.period_start, Measurement.id)):
        measurements[mid] = MeasurementView(Period(start, PeriodKind(kind)), target, realised, status, explanation,
                                            is_example)
        by_id[rid].measurements.append(measurements[mid])
    if measurements:
        for mid, note_date, author, text in session.execute(
                select(MeasurementNote.measurement_id, MeasurementNote.note_date, MeasurementNote.author,
                       MeasurementNote.text)
                .where(MeasurementNote.measurement_id.in_(list(measurements)), MeasurementNote.is_published())
                .order_by(MeasurementNote.note_date, MeasurementNote.id)):
            measurements[mid].notes.append(MeasurementNoteView(note_date, author, text))
    links = stories_by_result(session, list(by_id))
    for v in views:
        v.stories = links.get(v.id, [])
    return out


def stories_by_programme(session: Session, programme_ids: Sequence[int]) -> dict[int, list[StoryView]]:
    """The published stories of the programmes, newest first (links only to a published project or result)."""
    stmt = (
        select(Story, Project.name, Result.name, Indicator.code, Indicator.name)
        .outerjoin(Project, and_(Project.id == Story.project_id, Project.is_published()))
        .outerjoin(Result, and_(Result.id == Story.result_id, Result.is_published()))
        .outerjoin(Indicator, Indicator.id == Story.indicator_id)
        .where(Story.programme_id.in_(programme_ids), Story.is_published())
        .order_by(Story.story_date.desc(), Story.id)
    )
    out: dict[int, list[StoryView]] = defaultdict(list)
    for story, project_name, result_name, ind_code, ind_name in session.execute(stmt):
        out[story.programme_id].append(StoryView(
            story.id, story.kind.value, story.title, story.summary, story.story_date, story.is_example,
            project_name, result_name, ind_code, ind_name))
    return out


def _trend_loads() -> tuple:
    """Everything `_trends` reads from a programme, loaded up front (no lazy load per indicator or line)."""
    links = selectinload(Programme.indicator_links)
    return links.selectinload(ProgrammeIndicator.indicator), links.selectinload(ProgrammeIndicator.line), \
        selectinload(Programme.region)


def _trends(session: Session, programme: Programme, compare: Sequence[str]) -> list[TrendView]:
    return _trends_for(session, [programme], compare)[programme.id]


def _story_links(session: Session, programme_ids: Sequence[int], indicator_ids: Sequence[int]
                 ) -> dict[tuple[int, int], list[StoryLink]]:
    """The stories of the programmes that explain each of their trends, newest first: {(programme, indicator)}."""
    out: dict[tuple[int, int], list[StoryLink]] = defaultdict(list)
    if programme_ids and indicator_ids:
        for pid, iid, sid, title, kind in session.execute(
                select(Story.programme_id, Story.indicator_id, Story.id, Story.title, Story.kind)
                .where(Story.programme_id.in_(list(programme_ids)), Story.indicator_id.in_(list(indicator_ids)),
                       Story.is_published())
                .order_by(Story.story_date.desc(), Story.id)):
            out[(pid, iid)].append(StoryLink(sid, title, kind.value))
    return out


def _trends_for(session: Session, programmes: Sequence[Programme], compare: Sequence[str],
                indicator_code: str | None = None, forecasts: bool = True) -> dict[int, list[TrendView]]:
    """Trends of several programmes (loaded with `_trend_loads`) in three queries, whatever their number:
    {programme id: trends}. Each programme's series are its home region first, then `compare`. With
    `indicator_code`, only that indicator's trend (one trend card's table); `forecasts=False` leaves out the
    "if nothing changes" lines (the overview counts verdicts only)."""
    def links_of(p: Programme) -> list[ProgrammeIndicator]:
        return [link for link in p.indicator_links if indicator_code is None or link.indicator.code == indicator_code]

    codes_of = {p.id: [p.region.code, *[c for c in compare if c != p.region.code]] for p in programmes}
    all_codes = list(dict.fromkeys(c for codes in codes_of.values() for c in codes))
    indicator_ids = list(dict.fromkeys(link.indicator_id for p in programmes for link in links_of(p)))
    data = series_for(session, indicator_ids, all_codes)
    all_names = region_names(session, all_codes)
    story_links = _story_links(session, [p.id for p in programmes], indicator_ids)
    notes = notes_by_indicator(session, indicator_ids, list({codes[0] for codes in codes_of.values()}))
    out: dict[int, list[TrendView]] = {}
    for programme in programmes:
        codes = codes_of[programme.id]
        home = codes[0]
        names = {c: name for c, name in all_names.items() if c in codes}
        trends = []
        for link in links_of(programme):
            ind = link.indicator
            series = {code: data[ind.id].get(code, []) for code in codes if data[ind.id].get(code)}
            home_series = data[ind.id].get(home, [])
            home_points = to_points(home_series)
            summary = summarise_trend(home_points, ind.desired_direction, programme.baseline_year,
                                      decimals=ind.decimals, unit=ind.unit)
            last_year = max((p.period.start.year for p in home_series), default=programme.start_year)
            horizon = max(last_year, link.target_year or 0)
            forecast = forecast_view(home_points, ind.desired_direction, programme.start_year, horizon,
                                     decimals=ind.decimals, unit=ind.unit) if forecasts else None
            all_points = [p for s in series.values() for p in s]
            trends.append(TrendView(
                indicator=indicator_info(ind), summary=summary, series=series, region_names=names,
                target_value=link.target_value, target_year=link.target_year,
                line_name=link.line.name if link.line else None,
                has_example=any(p.is_example for p in all_points),
                last_loaded=max((p.loaded_at for p in all_points if p.loaded_at), default=None),
                stories=story_links.get((programme.id, ind.id), []),
                notes=for_region(notes.get(ind.id, {}), home),
                forecast=forecast,
            ))
        out[programme.id] = trends
    return out


def result_status_counts(results: Iterable[ResultView]) -> Counter:
    """Status of each result's latest measurement with a realised value."""
    return Counter(r.latest.status if r.latest else MeasurementStatus.UNKNOWN for r in results)


def programme_cards(session: Session) -> list[ProgrammeCard]:
    programmes = session.scalars(
        select(Programme).options(*_trend_loads()).order_by(Programme.sort_order, Programme.name)
    ).all()
    ids = [p.id for p in programmes]
    stories = stories_by_programme(session, ids)
    all_trends, all_results = _trends_for(session, programmes, [], forecasts=False), _results_for(session, ids)
    cards = []
    for p in programmes:
        trends, results = all_trends[p.id], all_results.get(p.id, [])
        cards.append(ProgrammeCard(
            slug=p.slug, name=p.name, vision=p.vision, region_name=p.region.name,
            period=f"{p.start_year}–{p.end_year}",
            verdicts=count_verdicts([t.summary for t in trends]), trend_count=len(trends),
            result_statuses=dict(result_status_counts(results)), result_count=len(results),
            story_count=len(stories[p.id]), newest_stories=stories[p.id][:2], is_demo=p.is_demo,
        ))
    return cards


def programme_view(session: Session, slug: str, compare: Sequence[str] = (COUNTRY,)) -> ProgrammeView | None:
    programme = session.scalar(
        select(Programme).where(Programme.slug == slug)
        .options(selectinload(Programme.indicator_links).selectinload(ProgrammeIndicator.indicator),
                 selectinload(Programme.lines), selectinload(Programme.region))
    )
    if programme is None:
        return None
    options = comparison_options(session, programme.region.code)
    allowed = {o.code for o in options}
    compare = [c for c in compare if c in allowed]
    return ProgrammeView(
        slug=programme.slug, name=programme.name, vision=programme.vision, owner=programme.owner,
        region_code=programme.region.code, region_name=programme.region.name,
        start_year=programme.start_year, end_year=programme.end_year, baseline_year=programme.baseline_year,
        is_demo=programme.is_demo,
        lines=[(line.name, line.goal, line.desired_direction.value) for line in programme.lines],
        trends=_trends(session, programme, compare),
        results=_results(session, programme.id),
        stories=stories_by_programme(session, [programme.id])[programme.id],
        comparison_options=options,
    )


def programme_trend_views(session: Session, slug: str, compare: Sequence[str], indicator_code: str | None = None,
                          ) -> tuple[int, list[TrendView]] | None:
    """Baseline year and trends of a programme (for the comparison callback), with allowed regions only; with
    `indicator_code` only that indicator's trend (an empty list when the programme does not follow it)."""
    programme = session.scalar(
        select(Programme).where(Programme.slug == slug).options(*_trend_loads())
    )
    if programme is None:
        return None
    allowed = {o.code for o in comparison_options(session, programme.region.code)}
    compare = [c for c in compare if c in allowed]
    return programme.baseline_year, _trends_for(session, [programme], compare, indicator_code)[programme.id]


def programme_slugs(session: Session) -> list[str]:
    return list(session.scalars(select(Programme.slug).order_by(Programme.sort_order)))
