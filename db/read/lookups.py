"""Does it exist? Cheap checks the web app makes before it answers 200 for an address, queues an export or records
a meeting note: programmes, indicators and stories by their URL key, and which quarters exist.

A quarter exists when it is published, or when it lies between the first quarter of the earliest programme's
baseline year and today's quarter: a report of 1990-Q1 or 2090-Q1 has nothing to show."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models.figures import Indicator
from db.models.programmes import Programme, Story
from db.models.quarter import QuarterSnapshot
from indicators.enums import WorkflowState
from indicators.periods import Period, PeriodKind, quarter_of

MAX_ID = 2**31 - 1  # PostgreSQL INTEGER: the primary keys


def valid_id(value: object) -> bool:
    """Whether `value` can be a primary key: an int from 1 to MAX_ID (a bool, a string or 2**63 cannot)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


def programme_exists(session: Session, slug: str) -> bool:
    return session.scalar(select(Programme.id).where(Programme.slug == slug)) is not None


def indicator_exists(session: Session, code: str) -> bool:
    return session.scalar(select(Indicator.id).where(Indicator.code == code)) is not None


def story_programme(session: Session, story_id: int) -> tuple[int, bool] | None:
    """(programme id, published?) of a story, None when there is no such story."""
    if not valid_id(story_id):
        return None
    row = session.execute(select(Story.programme_id, Story.workflow_state).where(Story.id == story_id)).first()
    return (row[0], row[1] == WorkflowState.PUBLISHED) if row else None


def is_published(session: Session, quarter: Period) -> bool:
    return session.scalar(select(QuarterSnapshot.id).where(QuarterSnapshot.quarter == quarter.code)) is not None


def first_quarter(session: Session) -> Period | None:
    """The first quarter of the earliest programme's baseline year (None without programmes)."""
    year = session.scalar(select(func.min(Programme.baseline_year)))
    return Period.quarter(int(year), 1) if year else None


def quarter_exists(session: Session, quarter: Period, today: date | None = None) -> bool:
    """Whether `quarter` has a report: published, or within the programmes' years up to today's quarter."""
    if quarter.kind is not PeriodKind.QUARTER:
        return False
    if is_published(session, quarter):
        return True
    first = first_quarter(session)
    return first is not None and first <= quarter <= quarter_of(today or date.today())
