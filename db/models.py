"""Typed SQLAlchemy 2 models: regions, programmes, indicators and observations, projects,
results and measurements, stories, and the ETL load log."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from db.periods import Period, PeriodKind

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(at: datetime | None) -> datetime | None:
    """A stored moment as an aware UTC datetime: SQLite hands back the naive UTC value of a DateTime(timezone=True)
    column, PostgreSQL an aware one."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """A portable enum column: VARCHAR plus CHECK constraint, storing the enum's values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
        length=20,
    )


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
    """Editorial state of an editable item (db.editing): only `gepubliceerd` is shown to the raad."""

    CONCEPT = "concept"
    SUBMITTED = "ingediend"
    APPROVED = "goedgekeurd"
    PUBLISHED = "gepubliceerd"


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[RegionKind] = mapped_column(_enum(RegionKind, "region_kind"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    population: Mapped[int | None] = mapped_column(Integer)

    parent: Mapped[Region | None] = relationship(remote_side=[id])
    groups: Mapped[list[RegionGroup]] = relationship(back_populates="region", cascade="all, delete-orphan")


class RegionGroup(Base):
    """Membership of a gemeente in a CBS grouping (provincie, jeugdzorgregio, size class …)."""

    __tablename__ = "region_group"
    __table_args__ = (UniqueConstraint("region_id", "group_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    group_kind: Mapped[str] = mapped_column(String(40))
    group_code: Mapped[str] = mapped_column(String(20), index=True)
    group_name: Mapped[str] = mapped_column(String(120))

    region: Mapped[Region] = relationship(back_populates="groups")


class Programme(Base):
    __tablename__ = "programme"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    vision: Mapped[str] = mapped_column(Text, default="")
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    baseline_year: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(200), default="")
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    region: Mapped[Region] = relationship()
    lines: Mapped[list[ProgrammeLine]] = relationship(
        back_populates="programme", order_by="ProgrammeLine.sort_order", cascade="all, delete-orphan"
    )
    indicator_links: Mapped[list[ProgrammeIndicator]] = relationship(
        back_populates="programme", order_by="ProgrammeIndicator.sort_order", cascade="all, delete-orphan"
    )
    stories: Mapped[list[Story]] = relationship(back_populates="programme", cascade="all, delete-orphan")


class ProgrammeLine(Base):
    """A line of work (programmalijn) inside a programme, with its goal and desired direction."""

    __tablename__ = "programme_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    goal: Mapped[str] = mapped_column(Text, default="")
    desired_direction: Mapped[Direction] = mapped_column(_enum(Direction, "direction"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    programme: Mapped[Programme] = relationship(back_populates="lines")
    projects: Mapped[list[Project]] = relationship(
        back_populates="line", order_by="Project.id", cascade="all, delete-orphan"
    )


class Indicator(Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    cbs_table_id: Mapped[str | None] = mapped_column(String(20))
    cbs_measure_key: Mapped[str | None] = mapped_column(String(80))
    desired_direction: Mapped[Direction] = mapped_column(_enum(Direction, "direction"), default=Direction.NONE)
    decimals: Mapped[int] = mapped_column(Integer, default=1)
    definition: Mapped[str] = mapped_column(Text, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)

    observations: Mapped[list[Observation]] = relationship(back_populates="indicator")


class ProgrammeIndicator(Base):
    """An indicator shown as a trend on a programme page, with its optional target."""

    __tablename__ = "programme_indicator"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), primary_key=True)
    programme_line_id: Mapped[int | None] = mapped_column(ForeignKey("programme_line.id", ondelete="SET NULL"))
    target_value: Mapped[float | None] = mapped_column(Float)
    target_year: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    programme: Mapped[Programme] = relationship(back_populates="indicator_links")
    indicator: Mapped[Indicator] = relationship()
    line: Mapped[ProgrammeLine | None] = relationship()


class PeriodMixin:
    """A real period: kind plus first day (see db.periods.Period)."""

    period_kind: Mapped[PeriodKind] = mapped_column(_enum(PeriodKind, "period_kind"))
    period_start: Mapped[date] = mapped_column(Date)

    @property
    def period(self) -> Period:
        return Period(self.period_start, PeriodKind(self.period_kind))


class WorkflowMixin:
    """Workflow state and optimistic-lock version of an item that people edit (see db.editing).

    Rows the ETL or the demo loads are published (the server default); db.editing creates rows as concept. The
    version is SQLAlchemy's version counter: every ORM update bumps it and checks it, and db.editing compares it
    with the version the editor started from (compare-and-set), so no change is overwritten silently."""

    workflow_state: Mapped[WorkflowState] = mapped_column(
        _enum(WorkflowState, "workflow_state"), default=WorkflowState.PUBLISHED,
        server_default=WorkflowState.PUBLISHED.value)
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - a declarative directive
        return {"version_id_col": cls.__table__.c.version}

    @classmethod
    def is_published(cls):  # noqa: ANN206 - a SQL expression
        return cls.workflow_state == WorkflowState.PUBLISHED


class DataLoad(Base):
    """One ETL run: what was read, from where, and how it ended."""

    __tablename__ = "data_load"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(String(500), default="")
    table_id: Mapped[str | None] = mapped_column(String(40))
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="bezig")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_loaded: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="")  # cbs, tabel, resultaten, demo
    rows_changed: Mapped[int] = mapped_column(Integer, default=0)  # existing values replaced
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)  # identical to what was there
    error_report: Mapped[str] = mapped_column(Text, default="")  # the row-level report, one error per line
    rejected_path: Mapped[str] = mapped_column(String(500), default="")  # --skip-invalid: file of rejected rows

    @property
    def duration_s(self) -> float | None:
        if self.finished_at is None or self.started_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


class Observation(PeriodMixin, Base):
    __tablename__ = "observation"
    __table_args__ = (UniqueConstraint("indicator_id", "region_id", "period_kind", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    value: Mapped[float | None] = mapped_column(Float)
    status: Mapped[ObservationStatus] = mapped_column(
        _enum(ObservationStatus, "observation_status"), default=ObservationStatus.DEFINITIVE
    )
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(200), default="")
    table_id: Mapped[str | None] = mapped_column(String(40))
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))

    indicator: Mapped[Indicator] = relationship(back_populates="observations")
    region: Mapped[Region] = relationship()


class ObservationHistory(Base):
    """A value an observation had before a later load replaced it: what, since when, from which file."""

    __tablename__ = "observation_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observation.id", ondelete="CASCADE"), index=True)
    value: Mapped[float | None] = mapped_column(Float)
    status: Mapped[ObservationStatus] = mapped_column(_enum(ObservationStatus, "observation_status"))
    source: Mapped[str] = mapped_column(String(200), default="")
    table_id: Mapped[str | None] = mapped_column(String(40))
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    replaced_by_load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


class MeasurementHistory(Base):
    """A measurement's values before a later load or edit replaced them."""

    __tablename__ = "measurement_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id", ondelete="CASCADE"), index=True)
    target: Mapped[float | None] = mapped_column(Float)
    realised: Mapped[float | None] = mapped_column(Float)
    status: Mapped[MeasurementStatus] = mapped_column(_enum(MeasurementStatus, "measurement_status"))
    explanation: Mapped[str] = mapped_column(Text, default="")
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    replaced_by_load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


class Project(WorkflowMixin, Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_line_id: Mapped[int] = mapped_column(ForeignKey("programme_line.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    partners: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ProjectStatus] = mapped_column(_enum(ProjectStatus, "project_status"), default=ProjectStatus.RUNNING)

    line: Mapped[ProgrammeLine] = relationship(back_populates="projects")
    results: Mapped[list[Result]] = relationship(
        back_populates="project", order_by="Result.id", cascade="all, delete-orphan"
    )


class Result(WorkflowMixin, Base):
    """A result measure of a project (how much / how well / is anyone better off)."""

    __tablename__ = "result"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ResultKind] = mapped_column(_enum(ResultKind, "result_kind"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    desired_direction: Mapped[Direction] = mapped_column(_enum(Direction, "direction"), default=Direction.MORE)
    decimals: Mapped[int] = mapped_column(Integer, default=0)

    project: Mapped[Project] = relationship(back_populates="results")
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="result", order_by="Measurement.period_start", cascade="all, delete-orphan"
    )


class Measurement(PeriodMixin, WorkflowMixin, Base):
    __tablename__ = "measurement"
    __table_args__ = (UniqueConstraint("result_id", "period_kind", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("result.id", ondelete="CASCADE"))
    target: Mapped[float | None] = mapped_column(Float)
    realised: Mapped[float | None] = mapped_column(Float)
    status: Mapped[MeasurementStatus] = mapped_column(
        _enum(MeasurementStatus, "measurement_status"), default=MeasurementStatus.UNKNOWN
    )
    explanation: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)

    result: Mapped[Result] = relationship(back_populates="measurements")


class Story(WorkflowMixin, Base):
    """A qualitative account (film, interview, quote, photo story) next to the figures it explains."""

    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    result_id: Mapped[int | None] = mapped_column(ForeignKey("result.id", ondelete="SET NULL"))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="SET NULL"))
    kind: Mapped[StoryKind] = mapped_column(_enum(StoryKind, "story_kind"))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    media_url: Mapped[str | None] = mapped_column(String(500))
    media_file: Mapped[str | None] = mapped_column(String(300))
    captions_file: Mapped[str | None] = mapped_column(String(300))  # uploaded WebVTT of an uploaded video
    transcript: Mapped[str] = mapped_column(Text, default="")
    story_date: Mapped[date] = mapped_column(Date)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)

    programme: Mapped[Programme] = relationship(back_populates="stories")
    project: Mapped[Project | None] = relationship()
    result: Mapped[Result | None] = relationship()
    indicator: Mapped[Indicator | None] = relationship()


# --- raad experience (issue 4) -----------------------------------------------------------------------------------


class RegionGeometry(Base):
    """The boundary of a region (GeoJSON geometry in WGS84 lon/lat) for maps, from a loaded boundary file."""

    __tablename__ = "region_geometry"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), unique=True)
    geometry: Mapped[dict] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(300), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


class IndicatorNote(PeriodMixin, WorkflowMixin, Base):
    """A dated note on one point of a trend ("why up, why down?"), shown on the chart and in the table."""

    __tablename__ = "indicator_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    note_date: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200), default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)


# --- quarter report (issue 6) ------------------------------------------------------------------------------------


class QuarterSnapshot(Base):
    """A published quarter report, frozen: its content (canonical JSON) and its HTML, PDF and Excel exactly as
    published. Rows are only ever inserted; a correction shows up in the next quarter's report."""

    __tablename__ = "quarter_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter: Mapped[str] = mapped_column(String(7), unique=True)  # "2026-Q3"
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_by: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    html: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    xlsx: Mapped[bytes] = mapped_column(LargeBinary)


class MeetingNoteKind(StrEnum):
    DECISION = "besluit"
    ACTION = "actiepunt"


class MeetingNote(Base):
    """A decision or action item recorded per programme in the review meeting of a quarter; an open action item
    is carried to the next quarters' reports until it is done."""

    __tablename__ = "meeting_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    quarter: Mapped[str] = mapped_column(String(7), index=True)  # the quarter whose meeting recorded it
    kind: Mapped[MeetingNoteKind] = mapped_column(_enum(MeetingNoteKind, "meeting_note_kind"))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # who recorded it and who marked it done: an account's name, or "opdrachtregel" (rows before 0008: '')
    created_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    done_by: Mapped[str | None] = mapped_column(String(200))


# --- accounts and roles (issue 7) --------------------------------------------------------------------------------


class Role(StrEnum):
    """What an account may do; editor and approver hold for one programme per grant (see db.accounts.allowed)."""

    VIEWER = "viewer"
    EDITOR = "editor"
    APPROVER = "approver"
    ADMIN = "admin"


class User(Base):
    """An account for sign-in. The e-mail address is stored lower-case; `session_version` is raised to end every
    session of the account at once (new password, deactivation)."""

    __tablename__ = "app_user"  # "user" is a reserved word in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    session_version: Mapped[int] = mapped_column(Integer, default=1)

    grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="user", order_by="RoleGrant.id", cascade="all, delete-orphan"
    )


class RoleGrant(Base):
    """One role of one account; `programme_id` is set for editor and approver and null for viewer and admin."""

    __tablename__ = "role_grant"
    __table_args__ = (UniqueConstraint("user_id", "role", "programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))  # indexed by the unique
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))

    user: Mapped[User] = relationship(back_populates="grants")
    programme: Mapped[Programme | None] = relationship()


class SignInAttempt(Base):
    """One sign-in attempt, for the rate limit on failures per e-mail address and per IP address."""

    __tablename__ = "sign_in_attempt"
    # the rate limit counts recent failures per e-mail and per IP address
    __table_args__ = (
        Index("ix_sign_in_attempt_email_at", "email", "at"),
        Index("ix_sign_in_attempt_ip_at", "ip", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)


# --- editing workflow and audit trail (issue 5) --------------------------------------------------------------


class MeasurementNote(WorkflowMixin, Base):
    """A dated note on one quarterly measurement of a result ("why this figure?")."""

    __tablename__ = "measurement_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    note_date: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200), default="")


class ItemKind(StrEnum):
    """The kinds of items db.editing changes; stored in the audit trail: never rename a value."""

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


class AuditEntry(Base):
    """One change of an item: who, when, which field (old -> new as text) or which workflow step, and why.

    Append-only: triggers in the database refuse UPDATE and DELETE (migration 0006), and so does the ORM. No
    foreign keys on purpose: the log outlives the accounts and items it names (and a cascade would have to
    change it)."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_item", "item_kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(String(200), default="")
    item_kind: Mapped[ItemKind] = mapped_column(_enum(ItemKind, "item_kind"))
    item_id: Mapped[int] = mapped_column(Integer)
    programme_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[AuditAction] = mapped_column(_enum(AuditAction, "audit_action"))
    field: Mapped[str | None] = mapped_column(String(60))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


# --- production operations (issue 15) ----------------------------------------------------------------------------


class WebSession(Base):
    """A signed-in browser session, kept on the server so every instance sees it end at once (sign-out, new
    password, deactivation, a role taken away). The cookie holds a random token; `id` is its SHA-256, so a copy of
    this table opens no session. Rows expire at `expires_at` (SESSION_HOURS after sign-in, however active)."""

    __tablename__ = "web_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    csrf: Mapped[str] = mapped_column(String(64))  # the CSRF secret bound to this session (dashboard.security)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class DataVersion(Base):
    """One row: a number that every committed write of content raises (db.data_version), so cached pages and
    downloads keyed by it are never stale."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class MediaUpload(Base):
    """Who uploaded a story file for which programme: a story may use it only within that programme, or once a
    published story shows it (db.media)."""

    __tablename__ = "media_upload"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    size: Mapped[int] = mapped_column(Integer, default=0)
    uploaded_by: Mapped[int | None] = mapped_column(Integer)  # an account id; no foreign key, like the audit trail
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
