"""Programmes as the raad sees them: the overview's cards, one programme's page (trends, published results and
stories; the results come from db.read.results), and the list of programmes that pages and forms offer."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models.programmes import (
    Programme,
    ProgrammeIndicator,
)
from db.read.results import results_for, results_of
from db.read.stories import story_items
from db.read.trends import comparison_options, trend_loads, trends_for, trends_of
from indicators.enums import COUNTRY
from indicators.trends import count_verdicts
from indicators.views import (
    ProgrammeCard,
    ProgrammeChoice,
    ProgrammeView,
    TrendView,
    result_status_counts,
)


def programme_cards(session: Session) -> list[ProgrammeCard]:
    programmes = session.scalars(
        select(Programme).options(*trend_loads()).order_by(Programme.sort_order, Programme.name)
    ).all()
    ids = [p.id for p in programmes]
    stories = story_items(session, ids)
    all_trends, all_results = trends_for(session, programmes, [], forecasts=False), results_for(session, ids)
    cards = []
    for p in programmes:
        trends, results = all_trends[p.id], all_results.get(p.id, [])
        cards.append(ProgrammeCard(
            slug=p.slug, name=p.name, vision=p.vision, region_name=p.region.name,
            period=f"{p.start_year}–{p.end_year}",
            verdicts=count_verdicts([t.summary for t in trends]), trend_count=len(trends),
            result_statuses=dict(result_status_counts(results)), result_count=len(results),
            story_count=len(stories[p.id]), newest_stories=stories[p.id][:2], is_demo=p.is_demo,
            region_code=p.region.code, start_year=p.start_year, end_year=p.end_year,
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
        trends=trends_of(session, programme, compare),
        results=results_of(session, programme.id),
        stories=story_items(session, [programme.id])[programme.id],
        comparison_options=options,
    )


def programme_trend_views(session: Session, slug: str, compare: Sequence[str], indicator_code: str | None = None,
                          ) -> tuple[int, list[TrendView]] | None:
    """Baseline year and trends of a programme (for the comparison callback), with allowed regions only; with
    `indicator_code` only that indicator's trend (an empty list when the programme does not follow it)."""
    programme = session.scalar(
        select(Programme).where(Programme.slug == slug).options(*trend_loads())
    )
    if programme is None:
        return None
    allowed = {o.code for o in comparison_options(session, programme.region.code)}
    compare = [c for c in compare if c in allowed]
    return programme.baseline_year, trends_for(session, [programme], compare, indicator_code)[programme.id]


def programme_choices(session: Session) -> list[ProgrammeChoice]:
    """Every programme in the programmes' own order: what the editor pages and forms offer."""
    return [ProgrammeChoice(pid, slug, name) for pid, slug, name in session.execute(
        select(Programme.id, Programme.slug, Programme.name).order_by(Programme.sort_order, Programme.id))]


def programme_id(session: Session, slug: str) -> int | None:
    return session.scalar(select(Programme.id).where(Programme.slug == slug))


