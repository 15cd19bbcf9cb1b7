"""The building blocks of editing (db.write): who acts (`Actor`), what can go wrong (`EditError` and its kinds,
messages in Dutch), and the workflow's transitions and publication checks.

Workflow: concept → ingediend → goedgekeurd → gepubliceerd. An editor of the programme submits a concept and may
withdraw a submission; an approver of the programme approves and publishes, and sends any item back to concept
with a reason. Admins may do both. Only `gepubliceerd` is shown to the raad."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from db.accounts import Grant, allowed
from db.models.programmes import Measurement, Story
from indicators.enums import Action, AuditAction, ItemKind, StoryKind, WorkflowState

MEDIA_DIR = Path(__file__).resolve().parent.parent / "assets" / "media"  # own videos and their .vtt captions
FORM = "_formulier"  # key in Invalid.errors for a problem of the whole form, not of one field

MESSAGES = {
    "not_allowed": "U mag dit niet doen: daarvoor is de rol {role} bij dit programma nodig.",
    "not_signed_in": "Log in om dit te doen.",
    "not_found": "{kind} {id} bestaat niet (meer).",
    "conflict": ("{kind} is intussen gewijzigd door {who} (nu versie {theirs}, u begon bij versie {mine}). "
                 "Uw wijziging is niet opgeslagen: vergelijk beide versies en sla opnieuw op."),
    "conflict_created": "Voor dit kwartaal heeft {who} intussen al een meting ingevoerd (versie {theirs}).",
    "someone": "iemand anders",
    "invalid": "Niet opgeslagen: controleer de gemarkeerde velden.",
    "bad_transition": "Van ‘{old}’ naar ‘{new}’ kan niet; vanuit ‘{old}’ kan het naar: {options}.",
    "no_options": "geen andere stap",
    "four_eyes": ("U hebt dit item sinds de laatste publicatie zelf aangemaakt, gewijzigd of ingediend: een andere "
                  "goedkeurder moet het goedkeuren (vier-ogenprincipe)."),
    "reason_required": "Geef een reden: de redactie ziet waarom het item terug naar concept gaat.",
    "edited_back_to_concept": "gewijzigd in de status ‘{state}’: opnieuw indienen en goedkeuren is nodig",
    "publish_consent": ("Er is geen toestemming vastgelegd van de mensen die in beeld of aan het woord zijn; "
                        "zonder toestemming kan het verhaal niet worden gepubliceerd."),
    "publish_captions": ("Een {kind} heeft ondertiteling (geüploade ondertitels bij de eigen video) of een transcript "
                         "nodig voordat hij gepubliceerd kan worden."),
    "publish_measurement": ("Vul de gerealiseerde waarde in, of leg in de toelichting uit waarom die er nog niet is, "
                            "voordat de meting wordt gepubliceerd."),
    "bulk_refused": "Niets opgeslagen: {count} regel(s) hebben een fout of een conflict.",
}
ROLE_NAMES = {Action.EDIT: "redacteur (editor)", Action.APPROVE: "goedkeurder (approver)",
              Action.READ_UNPUBLISHED: "redacteur of goedkeurder", Action.ADMIN: "beheerder (admin)"}
KIND_NAMES = {ItemKind.PROJECT: "Project", ItemKind.RESULT: "Resultaat", ItemKind.MEASUREMENT: "Meting",
              ItemKind.STORY: "Verhaal", ItemKind.INDICATOR_NOTE: "Toelichting bij een trendpunt",
              ItemKind.MEASUREMENT_NOTE: "Toelichting bij een meting"}


# --- who acts ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """The person who edits: account id and name (for the audit trail) and their role grants."""

    user_id: int
    name: str
    grants: frozenset[Grant] = frozenset()


class _UserLike(Protocol):  # dashboard.auth.CurrentUser, without importing the dashboard
    id: int
    name: str
    grants: frozenset[Grant]


ActorLike = Actor | _UserLike | tuple[int, str, Iterable[Grant]] | None


def as_actor(actor: ActorLike) -> Actor | None:
    """An Actor from an Actor, a `(user_id, name, grants)` tuple or a signed-in user (dashboard.auth.CurrentUser);
    None stays None (anonymous)."""
    if actor is None or isinstance(actor, Actor):
        return actor
    if isinstance(actor, tuple):
        user_id, name, grants = actor
        return Actor(int(user_id), str(name), frozenset(grants))
    return Actor(int(actor.id), str(actor.name), frozenset(actor.grants))


def may(actor: Actor | None, action: Action, programme_ids: Iterable[int]) -> bool:
    """Whether `actor` may do `action` for at least one of the programmes (an item without one: admins only)."""
    grants = actor.grants if actor else None
    ids = list(programme_ids)
    if not ids:
        return allowed(grants, action, None)
    return any(allowed(grants, action, pid) for pid in ids)


def require(actor: Actor | None, action: Action, programme_ids: Iterable[int]) -> None:
    if not may(actor, action, programme_ids):
        raise NotAllowed(MESSAGES["not_signed_in"] if actor is None
                         else MESSAGES["not_allowed"].format(role=ROLE_NAMES[action]))


# --- errors ------------------------------------------------------------------------------------------------------


class EditError(Exception):
    """A refused edit; `message` is Dutch, for the person who tried. Roll the session back after one."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(EditError):
    """The actor lacks the role for this action on this programme; nothing was written."""


class NotFound(EditError):
    """The item (or the programme, result … it should belong to) does not exist; nothing was written."""


class Invalid(EditError):
    """The values do not pass validation, or the item cannot take this step: `errors` maps a field (or FORM) to a
    Dutch message; nothing was written."""

    def __init__(self, errors: Mapping[str, str], message: str | None = None) -> None:
        super().__init__(message or MESSAGES["invalid"])
        self.errors = dict(errors)


class Conflict(EditError):
    """Someone else changed the item since `expected_version` (None: the actor meant to create it): nothing was
    written. `mine` holds the values this actor tried to save, `theirs` what is stored now (version
    `their_version`, in `their_state`, last changed by `their_author`)."""

    def __init__(self, kind: ItemKind, item_id: int, expected_version: int | None, their_version: int,
                 mine: Mapping[str, Any], theirs: Mapping[str, Any], their_author: str | None = None,
                 their_state: WorkflowState | None = None) -> None:
        text = MESSAGES["conflict_created"] if expected_version is None else MESSAGES["conflict"]
        super().__init__(text.format(kind=KIND_NAMES[kind], who=their_author or MESSAGES["someone"],
                                     theirs=their_version, mine=expected_version))
        self.kind, self.item_id = kind, item_id
        self.expected_version, self.their_version = expected_version, their_version
        self.mine, self.theirs = dict(mine), dict(theirs)
        self.their_author, self.their_state = their_author, their_state


class BulkRefused(EditError):
    """save_quarter wrote nothing: `rows` maps the index of each bad row to its Invalid, NotFound or Conflict."""

    def __init__(self, rows: Mapping[int, EditError]) -> None:
        super().__init__(MESSAGES["bulk_refused"].format(count=len(rows)))
        self.rows = dict(rows)


# --- the workflow ------------------------------------------------------------------------------------------------

C, S, A, P = WorkflowState.CONCEPT, WorkflowState.SUBMITTED, WorkflowState.APPROVED, WorkflowState.PUBLISHED
# (from, to) -> the action it needs; back to concept is handled in `check_transition` (withdraw or send back)
FORWARD: dict[tuple[WorkflowState, WorkflowState], Action] = {(C, S): Action.EDIT, (S, A): Action.APPROVE,
                                                              (A, P): Action.APPROVE}
STEP_ACTIONS = {S: AuditAction.SUBMITTED, A: AuditAction.APPROVED, P: AuditAction.PUBLISHED,
                C: AuditAction.BACK_TO_CONCEPT}


def targets(state: WorkflowState) -> list[WorkflowState]:
    """Every state an item in `state` can move to (by someone)."""
    out = [to for (frm, to) in FORWARD if frm == state]
    return out + ([C] if state != C else [])


def check_transition(actor: Actor | None, programme_ids: list[int], old: WorkflowState, new: WorkflowState,
                     reason: str, authors: Collection[int] = ()) -> None:
    """Raise unless `actor` may move an item of these programmes from `old` to `new` (with `reason`). `authors`:
    the accounts that may not approve it (four-eyes rule, see `authors_since_publication`)."""
    if new not in targets(old):
        options = ", ".join(f"‘{t.value}’" for t in targets(old)) or MESSAGES["no_options"]
        raise Invalid({"workflow_state": MESSAGES["bad_transition"].format(old=old.value, new=new.value,
                                                                           options=options)})
    if new is not C:
        require(actor, FORWARD[(old, new)], programme_ids)
        if new is A and actor is not None and actor.user_id in authors:
            raise NotAllowed(MESSAGES["four_eyes"])
        return
    if old is S and may(actor, Action.EDIT, programme_ids):
        return  # an editor withdraws a submission: no reason needed
    require(actor, Action.APPROVE, programme_ids)
    if not reason.strip():
        raise Invalid({"reason": MESSAGES["reason_required"]})


def allowed_targets(actor: Actor | None, programme_ids: list[int], state: WorkflowState,
                    authors: Collection[int] = ()) -> list[WorkflowState]:
    """The states this actor may move an item in `state` to (a reason may still be needed for concept)."""
    out = []
    for new in targets(state):
        try:
            check_transition(actor, programme_ids, state, new, "reden", authors)
        except EditError:
            continue
        out.append(new)
    return out


def publication_problems(kind: ItemKind, item: object, media_dir: Path | None = None) -> dict[str, str]:
    """Why an item cannot be published yet ({field: Dutch reason}); empty when it can."""
    problems: dict[str, str] = {}
    if kind is ItemKind.STORY:
        assert isinstance(item, Story)
        if not item.consent:
            problems["consent"] = MESSAGES["publish_consent"]
        if item.kind in (StoryKind.FILM, StoryKind.INTERVIEW) and not (item.transcript or "").strip() \
                and not has_captions(item.media_file, media_dir) and not uploaded_captions(item):
            problems["transcript"] = MESSAGES["publish_captions"].format(kind=item.kind.value)
    elif kind is ItemKind.MEASUREMENT:
        assert isinstance(item, Measurement)
        if item.realised is None and not (item.explanation or "").strip():
            problems["realised"] = MESSAGES["publish_measurement"]
    return problems


def uploaded_captions(story: Story) -> bool:
    """Whether a story's uploaded video has uploaded captions (db.write checked the file when it was saved)."""
    return bool(story.captions_file) and (story.media_file or "").endswith(".mp4")


def has_captions(media_file: str | None, media_dir: Path | None = None) -> bool:
    """Whether an own video has its captions: a non-empty .vtt file of the same name in the media folder."""
    if not media_file or ".." in media_file:
        return False
    vtt = (media_dir or MEDIA_DIR) / Path(media_file).with_suffix(".vtt")
    return vtt.is_file() and vtt.stat().st_size > 0


# --- the audit trail ---------------------------------------------------------------------------------------------


