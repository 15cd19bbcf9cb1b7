"""Every public page of the site as a path: the programmes, the indicators they follow, their published stories,
the wijken, each wijk's profile and the quarter reports. Used by the screenshot script and the tests that walk
every public route."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Indicator, Programme, ProgrammeIndicator, QuarterSnapshot, Region, Story
from db.read.districts import default_gemeente
from db.read.quarter import latest_report_quarter
from indicators.enums import RegionKind


def public_paths(session: Session, today: date) -> list[str]:
    """The paths a reader can reach without signing in, in reading order (the quarter report of the latest ended
    quarter with results and its slides; its PDF once the quarter is published – a draft's PDF is for signed-in
    accounts only)."""
    slugs = list(session.scalars(select(Programme.slug).order_by(Programme.sort_order, Programme.name)))
    indicators = list(session.scalars(
        select(Indicator.code).join(ProgrammeIndicator, ProgrammeIndicator.indicator_id == Indicator.id)
        .distinct().order_by(Indicator.code)))
    stories = list(session.scalars(select(Story.id).where(Story.is_published()).order_by(Story.id)))
    paths = ["/", *[f"/programma/{s}" for s in slugs], *[f"/indicator/{c}" for c in indicators],
             *[f"/verhaal/{i}" for i in stories], "/wijken"]
    if home := default_gemeente(session):
        paths += [f"/wijk/{code}" for code in session.scalars(
            select(Region.code).where(Region.kind == RegionKind.DISTRICT,
                                      Region.parent_id == select(Region.id).where(Region.code == home)
                                      .scalar_subquery()).order_by(Region.code))]
    quarter = latest_report_quarter(session, today).code
    published = session.scalar(select(QuarterSnapshot.id).where(QuarterSnapshot.quarter == quarter)) is not None
    return [*paths, f"/kwartaal/{quarter}", f"/kwartaal/{quarter}/presentatie",
            *([f"/kwartaal/{quarter}.pdf"] if published else [])]
