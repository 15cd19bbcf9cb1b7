"""Writes of the quarter report: publishing (freezing) a quarter and recording meeting notes.

A snapshot is inserted once and never changed: an ORM update or delete of one raises FrozenSnapshotError."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models.programmes import Programme
from db.models.quarter import MeetingNote, QuarterSnapshot
from db.read.lookups import quarter_exists
from db.read.quarter import build_report
from indicators.enums import MeetingNoteKind
from indicators.periods import Period, utcnow
from indicators.quarter import QuarterReport, canonical_json


class FrozenSnapshotError(RuntimeError):
    """A published quarter cannot be changed or published again."""


@dataclass(frozen=True)
class Renderers:
    """How a report becomes its frozen products (the dashboard supplies these: indicators never renders)."""

    html: Callable[[QuarterReport], str]
    pdf: Callable[[QuarterReport], bytes]
    xlsx: Callable[[QuarterReport], bytes]


@event.listens_for(QuarterSnapshot, "before_update")
@event.listens_for(QuarterSnapshot, "before_delete")
def _refuse_change(_mapper, _connection, target: QuarterSnapshot) -> None:  # noqa: ANN001
    raise FrozenSnapshotError(f"het kwartaalrapport {target.quarter} is vastgesteld en kan niet meer veranderen")


def prepare_report(session: Session, quarter: Period, published_by: str = "",
                   now: datetime | None = None) -> QuarterReport:
    """The report of `quarter` as it is now, stamped as published at `now` by `published_by` (not yet frozen)."""
    return build_report(session, quarter).model_copy(
        update={"published_at": now or utcnow(), "published_by": published_by})


def publish_quarter(session: Session, quarter: Period, renderers: Renderers, published_by: str = "",
                    now: datetime | None = None, report: QuarterReport | None = None) -> QuarterSnapshot:
    """Freeze the report of `quarter` as it is now: content, HTML, PDF and Excel. Refuses a second time.

    `report`: a report from prepare_report to freeze instead (the web app renders its PDF beforehand in the export
    worker, from exactly this content)."""
    if session.scalar(select(QuarterSnapshot.id).where(QuarterSnapshot.quarter == quarter.code)):
        raise FrozenSnapshotError(f"het kwartaalrapport {quarter.code} is al vastgesteld")
    if report is None:
        report = prepare_report(session, quarter, published_by, now)
    elif report.quarter != quarter.code or report.published_at is None:
        raise ValueError("het voorbereide rapport hoort niet bij dit kwartaal of is niet gestempeld")
    published_by = report.published_by
    content = canonical_json(report)
    snapshot = QuarterSnapshot(
        quarter=quarter.code, published_at=report.published_at, published_by=published_by, content=content,
        content_sha256=hashlib.sha256(content.encode()).hexdigest(),
        html=renderers.html(report), pdf=renderers.pdf(report), xlsx=renderers.xlsx(report))
    session.add(snapshot)
    try:
        session.flush()
    except IntegrityError:  # published at the same moment by someone else (unique quarter)
        raise FrozenSnapshotError(f"het kwartaalrapport {quarter.code} is al vastgesteld") from None
    return snapshot


def snapshot(session: Session, quarter: Period) -> QuarterSnapshot | None:
    return session.scalar(select(QuarterSnapshot).where(QuarterSnapshot.quarter == quarter.code))


NAME_MAX = 200  # meeting_note.owner, created_by and done_by are String(200)


def _check_name(name: str, what: str) -> None:
    if len(name.strip()) > NAME_MAX:
        raise ValueError(f"{what} is te lang: hoogstens {NAME_MAX} tekens")


def add_note(session: Session, programme_slug: str, quarter: Period, kind: MeetingNoteKind | str, text: str,
             owner: str = "", due_date: date | None = None, created_by: str = "") -> MeetingNote:
    """Record a decision (besluit) or action item (actiepunt) of the meeting about `quarter`; `created_by`: the name
    of the account that records it."""
    programme_id = session.scalar(select(Programme.id).where(Programme.slug == programme_slug))
    if programme_id is None:
        raise LookupError(f"programma {programme_slug!r} bestaat niet")
    if not quarter_exists(session, quarter):
        raise LookupError(f"kwartaal {quarter.code} bestaat niet: het valt buiten de looptijd van de programma's of "
                          f"ligt in de toekomst")
    if not text.strip():
        raise ValueError("een besluit of actiepunt heeft tekst nodig")
    _check_name(owner, "eigenaar")
    _check_name(created_by, "vastgelegd door")
    note = MeetingNote(programme_id=programme_id, quarter=quarter.code, kind=MeetingNoteKind(kind), text=text.strip(),
                       owner=owner.strip(), due_date=due_date, created_by=created_by.strip())
    session.add(note)
    session.flush()
    return note


def mark_done(session: Session, note_id: int, done_on: date, done_by: str = "") -> MeetingNote:
    """Mark an action item done: it is shown as done in the report of that quarter and not carried further.
    `done_by`: the name of the account that marks it done."""
    note = session.get(MeetingNote, note_id)
    if note is None:
        raise LookupError(f"actiepunt {note_id} bestaat niet")
    if note.kind is not MeetingNoteKind.ACTION:
        raise ValueError("alleen een actiepunt kan worden afgerond")
    _check_name(done_by, "afgerond door")
    note.done_on = done_on
    note.done_by = done_by.strip() or None
    session.flush()
    return note
