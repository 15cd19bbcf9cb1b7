"""Editing projects, results, stories and notes, moving any item (or its pending revision) through the workflow
(`transition`) and withdrawing a pending revision (`withdraw`). See db.write for the rules every write follows."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.figures import Indicator
from db.models.programmes import Programme
from db.write import media
from db.write.audit import authors_since_publication, last_author, record
from db.write.forms import MESSAGES, Check
from db.write.items import (
    ItemRef,
    audit_programme,
    compare_and_set,
    conflict_now,
    create_child,
    create_item,
    form_values,
    four_eyes_on,
    load_item,
    programme_by_slug,
    programme_ids_of,
    programme_of_line,
    programmes_of_indicator,
    ref_of,
    update_item,
)
from db.write.revisions import change_revision, publish_revision, withdraw_revision, working
from db.write.workflow import MESSAGES as WORKFLOW_MESSAGES
from db.write.workflow import (
    STEP_ACTIONS,
    ActorLike,
    Conflict,
    Invalid,
    as_actor,
    check_transition,
    may,
    publication_problems,
    require,
)
from indicators.enums import Action, AuditAction, ItemKind, WorkflowState
from indicators.safe_text import UPLOAD_NAME
from settings import get_settings


def create_project(session: Session, actor: ActorLike, programme_slug: str, values: Mapping[str, Any]) -> ItemRef:
    """A new project (concept) in a line of the programme: values as ProjectRow (`line_name`, `name`, …)."""
    actor = as_actor(actor)
    programme = programme_by_slug(session, programme_slug)
    obj, _ = create_item(session, actor, ItemKind.PROJECT, [programme.id], programme.id, values, {},
                         {"programme_slug": programme.slug})
    return ref_of(ItemKind.PROJECT, obj)


def update_project(session: Session, actor: ActorLike, project_id: int, expected_version: int,
                   values: Mapping[str, Any]) -> ItemRef:
    """Change a project; `line_name` may move it to another line of the same programme."""
    actor = as_actor(actor)
    obj = load_item(session, ItemKind.PROJECT, project_id)
    programme_id = session.scalar(programme_of_line(obj.programme_line_id))
    slug = session.scalar(select(Programme.slug).where(Programme.id == programme_id))
    return update_item(session, actor, ItemKind.PROJECT, project_id, expected_version, values,
                       {"programme_slug": slug}, programme_id)


def create_result(session: Session, actor: ActorLike, project_id: int, values: Mapping[str, Any]) -> ItemRef:
    """A new result measure (concept) of a project: `name`, `kind` (hoeveel/hoe_goed/beter_af), `unit`,
    `desired_direction`, `decimals`. Targets are per quarter, on the measurements."""
    return create_child(session, as_actor(actor), ItemKind.RESULT, project_id, values)


def update_result(session: Session, actor: ActorLike, result_id: int, expected_version: int,
                  values: Mapping[str, Any]) -> ItemRef:
    return update_item(session, as_actor(actor), ItemKind.RESULT, result_id, expected_version, values)


def _story_files(upload_dir: Path | str | None, session: Session | None = None,
                 programme_id: int | None = None) -> Check:
    """The check of a story's files: an uploaded name (dashboard.uploads' random pattern) must be a file in the
    upload folder – anything else is a demo file under assets/media (StoryRow's pattern, no '..') – and captions
    go with a video. Only names that change are looked up, so a story whose upload was removed can still be edited."""
    directory = Path(upload_dir) if upload_dir is not None else Path(get_settings().upload_dir)

    def check(row: Any, current: Mapping[str, Any]) -> None:  # noqa: ANN401 - a StoryRow
        errors: dict[str, str] = {}
        for f in ("media_file", "captions_file"):
            name = getattr(row, f)
            if name and name != current.get(f) and UPLOAD_NAME.match(name):
                if not (directory / name).is_file():
                    errors[f] = MESSAGES["upload_missing"]
                elif session is not None and programme_id is not None and not media.may_attach(session, name,
                                                                                              programme_id):
                    errors[f] = MESSAGES["upload_other_programme"]  # another programme's unpublished upload
        if row.captions_file and not (row.media_file or "").endswith((".mp4", ".webm")):
            errors.setdefault("captions_file", MESSAGES["captions_need_video"])
        if errors:
            raise Invalid(errors)
    return check


def create_story(session: Session, actor: ActorLike, programme_slug: str, values: Mapping[str, Any], *,
                 upload_dir: Path | str | None = None) -> ItemRef:
    """A new story (concept): values as StoryRow (`kind`, `title`, `summary`, `body`, `media_url`, `media_file`,
    `captions_file`, `transcript`, `story_date`, `consent`, and the `project_name`, `result_name`,
    `indicator_code` it explains). `upload_dir`: where uploaded files are (default: settings.upload_dir)."""
    actor = as_actor(actor)
    programme = programme_by_slug(session, programme_slug)
    obj, _ = create_item(session, actor, ItemKind.STORY, [programme.id], programme.id, values,
                         {"programme_id": programme.id}, {"programme_slug": programme.slug},
                         _story_files(upload_dir, session, programme.id))
    return ref_of(ItemKind.STORY, obj)


def update_story(session: Session, actor: ActorLike, story_id: int, expected_version: int,
                 values: Mapping[str, Any], *, upload_dir: Path | str | None = None) -> ItemRef:
    actor = as_actor(actor)
    obj = load_item(session, ItemKind.STORY, story_id)
    slug = session.scalar(select(Programme.slug).where(Programme.id == obj.programme_id))
    return update_item(session, actor, ItemKind.STORY, story_id, expected_version, values, {"programme_slug": slug},
                       obj.programme_id, _story_files(upload_dir, session, obj.programme_id))


def create_indicator_note(session: Session, actor: ActorLike, values: Mapping[str, Any]) -> ItemRef:
    """A dated note (concept) on a trend point: `indicator_code`, `region_code`, `period`, `text`, `note_date`,
    `author` (default: the actor's name). Editors of any programme that follows the indicator may write one."""
    actor = as_actor(actor)
    indicator_id = session.scalar(select(Indicator.id).where(Indicator.code == str(values.get("indicator_code"))))
    programme_ids = list(session.scalars(programmes_of_indicator(indicator_id))) if indicator_id else []
    values = {"author": actor.name if actor else "", **values}
    obj, _ = create_item(session, actor, ItemKind.INDICATOR_NOTE, programme_ids, None, values, {})
    return ref_of(ItemKind.INDICATOR_NOTE, obj)


def update_indicator_note(session: Session, actor: ActorLike, note_id: int, expected_version: int,
                          values: Mapping[str, Any]) -> ItemRef:
    """Change text, date or author of a trend note (indicator, region and period stay)."""
    return update_item(session, as_actor(actor), ItemKind.INDICATOR_NOTE, note_id, expected_version, values)


def create_measurement_note(session: Session, actor: ActorLike, measurement_id: int, values: Mapping[str, Any]
                            ) -> ItemRef:
    """A dated note (concept) on a measurement: `text`, `note_date`, `author` (default: the actor's name)."""
    actor = as_actor(actor)
    return create_child(session, actor, ItemKind.MEASUREMENT_NOTE, measurement_id,
                        {"author": actor.name if actor else "", **values})


def update_measurement_note(session: Session, actor: ActorLike, note_id: int, expected_version: int,
                            values: Mapping[str, Any]) -> ItemRef:
    return update_item(session, as_actor(actor), ItemKind.MEASUREMENT_NOTE, note_id, expected_version, values)


def transition(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int,
               to_state: WorkflowState | str, expected_version: int, reason: str | None = None, *,
               media_dir: Any = None, four_eyes: bool | None = None) -> ItemRef:  # noqa: ANN401 - a Path
    """Move an item – or, while one is pending, its revision – to `to_state`: editor concept→ingediend and
    ingediend→concept (withdraw); approver ingediend→goedgekeurd, goedgekeurd→gepubliceerd, and any state→concept
    with a `reason`. Publishing a revision writes its values to the published row in this transaction. Publishing
    refuses (Invalid) a story without consent, a film or interview without captions or transcript, and a measurement
    without a realised value or an explanation. `media_dir`: where own videos and captions live (tests).
    Four-eyes rule (`four_eyes`, default settings.four_eyes): nobody approves an item they created, changed or
    submitted since it was last published."""
    actor = as_actor(actor)
    kind, new = ItemKind(kind), WorkflowState(to_state)
    obj = load_item(session, kind, item_id)
    programme_ids = programme_ids_of(session, kind, obj)
    require(actor, Action.READ_UNPUBLISHED, programme_ids)
    work = working(session, kind, obj)
    old, version = work.state, work.version
    mine = {"workflow_state": new.value}
    if version != expected_version:
        current = form_values(session, kind, work.obj)
        raise Conflict(kind, item_id, expected_version, version, mine, {"workflow_state": old.value, **current},
                       last_author(session, kind, item_id), old)
    authors = authors_since_publication(session, kind, [item_id])[item_id] \
        if new is WorkflowState.APPROVED and four_eyes_on(four_eyes) else set()
    check_transition(actor, programme_ids, old, new, reason or "", authors)
    if new is WorkflowState.PUBLISHED and (problems := publication_problems(kind, work.obj, media_dir)):
        raise Invalid(problems)
    note = (reason or "").strip()
    if work.revision is None:
        compare_and_set(session, kind, obj, expected_version, {"workflow_state": new}, mine)
    elif new is WorkflowState.PUBLISHED:
        if not publish_revision(session, kind, obj, work.revision, expected_version):
            raise conflict_now(session, kind, item_id, expected_version, mine)
        note = note or WORKFLOW_MESSAGES["revision_published"]
    elif not change_revision(session, actor, kind, work.revision, expected_version, state=new):
        raise conflict_now(session, kind, item_id, expected_version, mine)
    action = Action.EDIT if new is WorkflowState.SUBMITTED or (old is WorkflowState.SUBMITTED and
                                                               may(actor, Action.EDIT, programme_ids)) \
        else Action.APPROVE
    record(session, actor, kind, item_id, audit_programme(actor, action, programme_ids), STEP_ACTIONS[new],
           "workflow_state", old, new, note)
    session.flush()
    return ItemRef(kind, item_id, expected_version + 1, new,
                   work.revision is not None and new is not WorkflowState.PUBLISHED)


def withdraw(session: Session, actor: ActorLike, kind: ItemKind | str, item_id: int, expected_version: int,
             reason: str | None = None) -> ItemRef:
    """Withdraw the pending revision of a published item (editors and approvers of its programme): its values are
    dropped (they stay in the audit trail) and the published values are what the editors see again."""
    actor = as_actor(actor)
    kind = ItemKind(kind)
    obj = load_item(session, kind, item_id)
    programme_ids = programme_ids_of(session, kind, obj)
    action = Action.EDIT if may(actor, Action.EDIT, programme_ids) else Action.APPROVE
    require(actor, action, programme_ids)
    work = working(session, kind, obj)
    mine = {"workflow_state": WorkflowState.PUBLISHED.value}
    if work.version != expected_version:
        raise Conflict(kind, item_id, expected_version, work.version, mine,
                       {"workflow_state": work.state.value, **form_values(session, kind, work.obj)},
                       last_author(session, kind, item_id), work.state)
    if work.revision is None:
        raise Invalid({"workflow_state": WORKFLOW_MESSAGES["no_revision"]})
    if not withdraw_revision(session, kind, obj, work.revision, expected_version):
        raise conflict_now(session, kind, item_id, expected_version, mine)
    record(session, actor, kind, item_id, audit_programme(actor, action, programme_ids),
           AuditAction.REVISION_WITHDRAWN, "workflow_state", work.state, WorkflowState.PUBLISHED,
           (reason or "").strip() or WORKFLOW_MESSAGES["revision_withdrawn"])
    session.flush()
    return ItemRef(kind, item_id, expected_version + 1, WorkflowState.PUBLISHED)
