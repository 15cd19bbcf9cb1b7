"""What the open-data API reads that the pages do not: the indicator catalogue, the programmes that follow an
indicator, regions, one page of an indicator's observations, the published stories of every programme and the list
of published quarters. Everything else the API shows comes from the same read models as the pages."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from db.models import Indicator, Observation, Programme, ProgrammeIndicator, QuarterSnapshot, Region, Result, Story
from db.read.stories import story_items
from db.read.trends import indicator_info
from indicators.enums import RegionKind
from indicators.open_data import (
    CatalogueIndicator,
    ObservationFilter,
    ObservationRow,
    PublishedQuarter,
    RegionRow,
    StoryRow,
)
from indicators.periods import Period, PeriodKind, as_utc


def indicator_catalogue(session: Session, offset: int = 0, limit: int | None = None,
                        ) -> tuple[int, list[CatalogueIndicator]]:
    """(how many there are, one page of them): every indicator, ordered by code."""
    total = session.scalar(select(func.count()).select_from(Indicator)) or 0
    rows = session.scalars(select(Indicator).order_by(Indicator.code).offset(offset).limit(limit)).all()
    return total, [CatalogueIndicator(indicator_info(ind), ind.needs_review) for ind in rows]


def catalogue_indicator(session: Session, code: str) -> CatalogueIndicator | None:
    ind = session.scalar(select(Indicator).where(Indicator.code == code))
    return CatalogueIndicator(indicator_info(ind), ind.needs_review) if ind else None


def programmes_following(session: Session, code: str) -> list[tuple[str, str, str, str]]:
    """(slug, name, region code, region name) of the programmes that show the indicator as a trend."""
    return [tuple(row) for row in session.execute(
        select(Programme.slug, Programme.name, Region.code, Region.name)
        .join(ProgrammeIndicator, ProgrammeIndicator.programme_id == Programme.id)
        .join(Indicator, Indicator.id == ProgrammeIndicator.indicator_id)
        .join(Region, Region.id == Programme.region_id)
        .where(Indicator.code == code).order_by(Programme.sort_order, Programme.name))]


def observation_kinds(session: Session, code: str) -> list[PeriodKind]:
    """The kinds of periods an indicator has observations of, shortest last (year, half year, quarter, month)."""
    kinds = {PeriodKind(k) for k in session.scalars(
        select(Observation.period_kind).join(Indicator, Indicator.id == Observation.indicator_id)
        .where(Indicator.code == code).distinct())}
    return [k for k in PeriodKind if k in kinds]


def region_rows(session: Session, kind: str | None = None, parent_code: str | None = None, offset: int = 0,
                limit: int | None = None) -> tuple[int, list[RegionRow]]:
    """(how many match, one page of them): regions of a kind and/or inside a parent region, ordered by code."""
    parent = aliased(Region)
    stmt = select(Region.code, Region.name, Region.kind, parent.code, Region.population).outerjoin(
        parent, parent.id == Region.parent_id)
    counted = select(func.count()).select_from(Region)
    if kind is not None:
        stmt, counted = stmt.where(Region.kind == RegionKind(kind)), counted.where(Region.kind == RegionKind(kind))
    if parent_code is not None:
        parent_id = select(Region.id).where(Region.code == parent_code).scalar_subquery()
        stmt, counted = stmt.where(Region.parent_id == parent_id), counted.where(Region.parent_id == parent_id)
    rows = session.execute(stmt.order_by(Region.code).offset(offset).limit(limit)).all()
    return session.scalar(counted) or 0, [RegionRow(code, name, str(k.value), pcode, pop)
                                           for code, name, k, pcode, pop in rows]


def observation_page(session: Session, code: str, where: ObservationFilter, offset: int, limit: int,
                     ) -> tuple[int, list[ObservationRow]] | None:
    """(how many match, one page of them) of an indicator's observations, or None when the indicator does not exist.
    Ordered as the unique index (indicator, region, period kind, period start): per region, then in time. The page
    is found on the index alone and only its rows are read (a deep page of a wijk indicator skips ~70 000 rows)."""
    indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == code))
    if indicator_id is None:
        return None
    conditions = [Observation.indicator_id == indicator_id]
    if where.region_code is not None:
        region_id = session.scalar(select(Region.id).where(Region.code == where.region_code))
        if region_id is None:
            return 0, []
        conditions.append(Observation.region_id == region_id)
    if where.kind is not None:
        conditions.append(Observation.period_kind == PeriodKind(where.kind))
    if where.start is not None:
        conditions.append(Observation.period_start >= where.start)
    if where.end is not None:
        conditions.append(Observation.period_start <= where.end)
    total = session.scalar(select(func.count()).select_from(Observation).where(*conditions)) or 0
    order = (Observation.region_id, Observation.period_kind, Observation.period_start)
    page = (select(Observation.id).where(*conditions).order_by(*order).offset(offset).limit(limit)
            .subquery("page"))
    rows = session.execute(
        select(Region.code, Region.name, Observation.period_kind, Observation.period_start, Observation.value,
               Observation.status, Observation.is_example, Observation.source, Observation.table_id,
               Observation.loaded_at)
        .join(page, page.c.id == Observation.id)
        .join(Region, Region.id == Observation.region_id)
        .order_by(*order)).all()
    periods: dict[tuple, Period] = {}  # a page holds a few dozen periods: make each once, not once per row
    return total, [ObservationRow(rcode, rname, periods.get((kind, start)) or periods.setdefault(
                       (kind, start), Period(start, PeriodKind(kind))), value, status.value, is_example, source,
                       table_id, as_utc(loaded_at))
                   for rcode, rname, kind, start, value, status, is_example, source, table_id, loaded_at in rows]


def published_stories(session: Session, programme_slug: str | None = None) -> list[StoryRow]:
    """Every published story, of one programme or of all, newest first: the stories the programme pages show, with
    the published result each explains."""
    stmt = select(Programme.id, Programme.slug).order_by(Programme.sort_order, Programme.name)
    if programme_slug is not None:
        stmt = stmt.where(Programme.slug == programme_slug)
    slugs = dict(session.execute(stmt).all())
    by_programme = story_items(session, list(slugs))
    ids = [s.id for items in by_programme.values() for s in items]
    results = dict(session.execute(
        select(Story.id, Story.result_id).join(Result, and_(Result.id == Story.result_id, Result.is_published()))
        .where(Story.id.in_(ids))).all()) if ids else {}
    rows = [StoryRow(slugs[pid], results.get(s.id), s) for pid in slugs for s in by_programme.get(pid, [])]
    return sorted(rows, key=lambda row: (-row.story.story_date.toordinal(), row.story.id))


def published_quarter_list(session: Session) -> list[PublishedQuarter]:
    """The published (frozen) quarter reports, oldest first."""
    return [PublishedQuarter(quarter, as_utc(at), by or "") for quarter, at, by in session.execute(
        select(QuarterSnapshot.quarter, QuarterSnapshot.published_at, QuarterSnapshot.published_by)
        .order_by(QuarterSnapshot.quarter))]
