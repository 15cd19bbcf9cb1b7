"""Trends as the raad sees them: an indicator's observations per region, the regions a gemeente is compared with,
the published notes on trend points, and the trend views of programmes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models.figures import Indicator, IndicatorNote, Observation, Region, RegionGroup
from db.models.programmes import Programme, ProgrammeIndicator, Story
from indicators.enums import COUNTRY, PeriodKind, RegionKind
from indicators.notes import NotesByPeriod, NoteView, for_region, note_order
from indicators.periods import Period
from indicators.stories import StoryLink
from indicators.trends import forecast_view, summarise_trend
from indicators.views import IndicatorInfo, RegionOption, SeriesPoint, TrendView, to_points


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


def trend_loads() -> tuple:
    """Everything `trends_of` reads from a programme, loaded up front (no lazy load per indicator or line)."""
    links = selectinload(Programme.indicator_links)
    return links.selectinload(ProgrammeIndicator.indicator), links.selectinload(ProgrammeIndicator.line), \
        selectinload(Programme.region)


def trends_of(session: Session, programme: Programme, compare: Sequence[str]) -> list[TrendView]:
    return trends_for(session, [programme], compare)[programme.id]


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


def trends_for(session: Session, programmes: Sequence[Programme], compare: Sequence[str],
               indicator_code: str | None = None, forecasts: bool = True) -> dict[int, list[TrendView]]:
    """Trends of several programmes (loaded with `trend_loads`) in three queries, whatever their number:
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


def notes_by_indicator(session: Session, indicator_ids: Sequence[int], region_codes: Sequence[str] | None = None,
                       ) -> dict[int, NotesByPeriod]:
    """Published notes of several indicators in one query: {indicator id: {period: notes}}, periods in time order.
    `region_codes=None` means every region."""
    out: dict[int, NotesByPeriod] = {}
    if not indicator_ids or (region_codes is not None and not region_codes):
        return out
    stmt = (
        select(IndicatorNote.indicator_id, Region.code, IndicatorNote.period_kind, IndicatorNote.period_start,
               IndicatorNote.text, IndicatorNote.note_date, IndicatorNote.author, IndicatorNote.is_example)
        .join(Region, Region.id == IndicatorNote.region_id)
        .where(IndicatorNote.indicator_id.in_(list(indicator_ids)), IndicatorNote.is_published())
        .order_by(IndicatorNote.period_start, IndicatorNote.note_date, IndicatorNote.id)
    )
    if region_codes is not None:
        stmt = stmt.where(Region.code.in_(list(region_codes)))
    grouped: dict[int, dict[Period, list[NoteView]]] = defaultdict(lambda: defaultdict(list))
    for ind_id, code, kind, start, text, note_date, author, is_example in session.execute(stmt):
        period = Period(start, PeriodKind(kind))
        grouped[ind_id][period].append(NoteView(period, code, text, note_date, author, is_example))
    for ind_id, by_period in grouped.items():
        out[ind_id] = {p: by_period[p] for p in sorted(by_period, key=note_order)}
    return out


def notes_for(session: Session, indicator_id: int, region_code: str | None = None) -> NotesByPeriod:
    """The notes of one indicator (in one region, or in all when `region_code` is None): {period: notes}."""
    return notes_by_indicator(session, [indicator_id], None if region_code is None else [region_code]).get(
        indicator_id, {})
