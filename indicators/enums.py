"""Every status and kind the product knows, as StrEnums whose values are stored in the database and in frozen
quarter snapshots (never rename a value), and the one code of the country."""

from __future__ import annotations

from enum import StrEnum

COUNTRY = "NL01"  # CBS's code for Nederland: the comparison region every trend is shown against


class RegionKind(StrEnum):
    COUNTRY = "land"
    PROVINCE = "provincie"
    MUNICIPALITY = "gemeente"
    DISTRICT = "wijk"
    NEIGHBOURHOOD = "buurt"


class Direction(StrEnum):
    """The "-er doel" of a goal or indicator."""

    MORE = "meer"
    LESS = "minder"
    BETTER = "beter"
    FASTER = "sneller"
    NONE = "geen"


class ObservationStatus(StrEnum):
    DEFINITIVE = "definitief"
    PROVISIONAL = "voorlopig"
    SECRET = "geheim"  # noqa: S105 - a CBS status, not a password
    MISSING = "ontbreekt"


class ResultKind(StrEnum):
    """Results-based accountability: how much, how well, is anyone better off."""

    HOW_MUCH = "hoeveel"
    HOW_WELL = "hoe_goed"
    BETTER_OFF = "beter_af"


class MeasurementStatus(StrEnum):
    ON_TRACK = "op_koers"
    ATTENTION = "aandacht"
    OFF_TRACK = "niet_op_koers"
    UNKNOWN = "onbekend"


class ProjectStatus(StrEnum):
    PLANNED = "gepland"
    RUNNING = "lopend"
    DONE = "afgerond"
    STOPPED = "gestopt"


class StoryKind(StrEnum):
    FILM = "film"
    INTERVIEW = "interview"
    QUOTE = "citaat"
    PHOTO_STORY = "fotoverhaal"


class WorkflowState(StrEnum):
    """Editorial state of an editable item (db.write): only `gepubliceerd` is shown to the raad."""

    CONCEPT = "concept"
    SUBMITTED = "ingediend"
    APPROVED = "goedgekeurd"
    PUBLISHED = "gepubliceerd"


class MeetingNoteKind(StrEnum):
    DECISION = "besluit"
    ACTION = "actiepunt"


class Role(StrEnum):
    """What an account may do; editor and approver hold for one programme per grant (see db.accounts.allowed)."""

    VIEWER = "viewer"
    EDITOR = "editor"
    APPROVER = "approver"
    ADMIN = "admin"


class ItemKind(StrEnum):
    """The kinds of items the write service (db.write) changes; stored in the audit trail: never rename a value."""

    PROJECT = "project"
    RESULT = "resultaat"
    MEASUREMENT = "meting"
    STORY = "verhaal"
    INDICATOR_NOTE = "toelichting"
    MEASUREMENT_NOTE = "meting_toelichting"


class AuditAction(StrEnum):
    CREATED = "aangemaakt"
    CHANGED = "gewijzigd"
    SUBMITTED = "ingediend"
    APPROVED = "goedgekeurd"
    PUBLISHED = "gepubliceerd"
    BACK_TO_CONCEPT = "terug naar concept"
