"""Every status and kind the product knows, as StrEnums, and the one code of the country. Their values are stored
in the database, in frozen quarter snapshots or in URLs: never rename a value."""

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


# What an audit entry is about: an editable item (every ItemKind, same name and value) or a file load (`lading`,
# its id that of the load log's data_load row).
AuditSubject = StrEnum("AuditSubject", [(kind.name, kind.value) for kind in ItemKind] + [("LOAD", "lading")],
                       module=__name__)


class AuditAction(StrEnum):
    """A step in the audit trail (stored: never rename a value; at most 20 characters)."""

    CREATED = "aangemaakt"
    CHANGED = "gewijzigd"
    SUBMITTED = "ingediend"
    APPROVED = "goedgekeurd"
    PUBLISHED = "gepubliceerd"
    BACK_TO_CONCEPT = "terug naar concept"
    REVISION_OPENED = "nieuwe versie"  # a published item is changed: a pending revision beside it
    REVISION_WITHDRAWN = "versie ingetrokken"  # the pending revision is dropped; the published values stay
    LOADED = "geladen"  # a file load (subject `lading`)
    LOAD_REFUSED = "lading geweigerd"  # a file load refused as a whole (subject `lading`)


class PeriodKind(StrEnum):
    YEAR = "jaar"
    HALF_YEAR = "halfjaar"
    QUARTER = "kwartaal"
    MONTH = "maand"


class PasswordProblem(StrEnum):
    """Why a password change (`change_password`) was refused; the web form shows each next to its field."""

    CURRENT_EMPTY = "huidig-leeg"
    CURRENT_WRONG = "huidig-onjuist"
    LOCKED = "geblokkeerd"
    NEW_EMPTY = "nieuw-leeg"
    TOO_SHORT = "te-kort"
    TOO_LONG = "te-lang"
    UNCHANGED = "ongewijzigd"
    REPEAT_EMPTY = "herhaling-leeg"
    MISMATCH = "ongelijk"


class Refusal(StrEnum):
    """Why a sign-in was refused. INVALID covers unknown e-mail, wrong password and deactivated account alike."""

    INVALID = "onjuist"
    LOCKED = "geblokkeerd"


class Action(StrEnum):
    READ_PUBLISHED = "read_published"
    READ_UNPUBLISHED = "read_unpublished"
    EDIT = "edit"  # results, measurements and stories of a programme
    APPROVE = "approve"  # approve a programme's changes for publication
    ADMIN = "admin"  # users, indicators, loads


class ChangeKind(StrEnum):
    """What changed since the previous quarter; the values are stored in published snapshots: never rename."""

    NEW_MEASUREMENT = "nieuwe_meting"
    CORRECTED_MEASUREMENT = "correctie_meting"
    STATUS_CHANGE = "statuswijziging"
    NEW_FIGURE = "nieuw_cijfer"
    CORRECTED_FIGURE = "correctie_cijfer"
    TREND_TURNED = "trend_gekeerd"
    CROSSED_BASELINE = "basisjaar_gepasseerd"
    NEW_STORY = "nieuw_verhaal"


class Movement(StrEnum):
    UP = "omhoog"
    DOWN = "omlaag"
    FLAT = "gelijk"


class DistrictClass(StrEnum):
    GREEN = "groen"
    ORANGE = "oranje"
    RED = "rood"
    NONE = "geen"


class HitKind(StrEnum):
    INDICATOR = "indicator"
    PROJECT = "project"
    RESULT = "resultaat"  # a result belongs to a project; it links to its own row in the result table
    STORY = "verhaal"


class Verdict(StrEnum):
    """The verdict shown next to every trend; the Dutch values are an interface (pages and tests use them)."""

    DESIRED = "in de gewenste richting"
    UNDESIRED = "niet in de gewenste richting"
    NO_CHANGE = "geen duidelijke verandering"
    UNKNOWN = "onvoldoende gegevens"


class ActualityKind(StrEnum):
    """What counts in a programme's Actualiteit score (indicators.actuality)."""

    TREND = "trend"
    MEASURED = "gemeten"
    EXPLAINED = "toelichting"
    STORY = "verhaal"


class StatementKind(StrEnum):
    """Which Iv3 statement an amount comes from; the values are stored: never rename."""

    BUDGET = "begroting"  # primitieve begroting (Verslagsoort <jaar>X000)
    ACTUAL = "realisatie"  # jaarrekening (Verslagsoort <jaar>X005)
