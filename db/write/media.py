"""Uploaded story files and their programme: an upload is recorded with the programme it was made for, and a story
may use it only within that programme – or once a published story shows it (then it is public anyway). So an editor
of one programme cannot put another programme's unpublished file on a story of their own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.operations import MediaUpload
from db.models.programmes import Story
from db.write.workflow import ActorLike, as_actor, require
from indicators.enums import Action, WorkflowState


def record_upload(session: Session, actor: ActorLike, name: str, programme_id: int, kind: str,
                  size: int) -> MediaUpload:
    """Record that `actor` uploaded the story file `name` for `programme_id`; NotAllowed unless they edit that
    programme."""
    actor = as_actor(actor)
    require(actor, Action.EDIT, [programme_id])
    row = MediaUpload(name=name, programme_id=programme_id, kind=kind, size=size,
                      uploaded_by=actor.user_id if actor else None)
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
