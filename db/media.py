"""Uploaded story files and their programme: an upload is recorded with the programme it was made for, and a story
may use it only within that programme – or once a published story shows it (then it is public anyway). So an editor
of one programme cannot put another programme's unpublished file on a story of their own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MediaUpload, Story, WorkflowState

OTHER_PROGRAMME = ("Dit bestand is voor een ander programma geüpload en daar nog niet gepubliceerd: upload het "
                   "opnieuw voor dit programma.")


def record_upload(session: Session, name: str, programme_id: int, kind: str, size: int,
                  uploaded_by: int | None) -> MediaUpload:
    row = MediaUpload(name=name, programme_id=programme_id, kind=kind, size=size, uploaded_by=uploaded_by)
    session.add(row)
    session.flush()
    return row


def may_attach(session: Session, name: str, programme_id: int) -> bool:
    """Whether a story of `programme_id` may show the uploaded file `name`: uploaded for that programme, already
    shown by a story of it (files from before uploads were recorded), or shown by a published story."""
    owner = session.scalar(select(MediaUpload.programme_id).where(MediaUpload.name == name))
    if owner == programme_id:
        return True
    uses = session.execute(select(Story.programme_id, Story.workflow_state)
                           .where((Story.media_file == name) | (Story.captions_file == name))).all()
    if any(state == WorkflowState.PUBLISHED for _pid, state in uses):
        return True
    return owner is None and any(pid == programme_id for pid, _state in uses)
