"""Programmes: their lines and trends, projects, results with quarterly measurements (and their history and
notes), and stories."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, PeriodMixin, WorkflowMixin, enum_column
from db.models.figures import Indicator, Region
from indicators.enums import Direction, MeasurementStatus, ProjectStatus, ResultKind, StoryKind
from indicators.periods import utcnow

__all__ = [
    "Programme", "ProgrammeLine", "ProgrammeIndicator", "Project", "Result", "Measurement", "MeasurementHistory",
    "MeasurementNote", "Story",
]


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
    desired_direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    programme: Mapped[Programme] = relationship(back_populates="lines")
    projects: Mapped[list[Project]] = relationship(
        back_populates="line", order_by="Project.id", cascade="all, delete-orphan"
    )


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


class Project(WorkflowMixin, Base):
    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_line_id: Mapped[int] = mapped_column(ForeignKey("programme_line.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    partners: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ProjectStatus] = mapped_column(enum_column(ProjectStatus, "project_status"),
                                                  default=ProjectStatus.RUNNING)

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
    kind: Mapped[ResultKind] = mapped_column(enum_column(ResultKind, "result_kind"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    desired_direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"), default=Direction.MORE)
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
        enum_column(MeasurementStatus, "measurement_status"), default=MeasurementStatus.UNKNOWN
    )
    explanation: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)

    result: Mapped[Result] = relationship(back_populates="measurements")


class MeasurementHistory(Base):
    """A measurement's values before a later load or edit replaced them."""

    __tablename__ = "measurement_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id", ondelete="CASCADE"), index=True)
    target: Mapped[float | None] = mapped_column(Float)
    realised: Mapped[float | None] = mapped_column(Float)
    status: Mapped[MeasurementStatus] = mapped_column(enum_column(MeasurementStatus, "measurement_status"))
    explanation: Mapped[str] = mapped_column(Text, default="")
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    replaced_by_load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))

    @classmethod
    def of(cls, measurement: Measurement, load_id: int | None = None) -> MeasurementHistory:
        """The values the measurement has now, kept as they are replaced (by the load `load_id`, or by an edit)."""
        return cls(measurement_id=measurement.id, target=measurement.target, realised=measurement.realised,
                   status=measurement.status, explanation=measurement.explanation, replaced_at=utcnow(),
                   replaced_by_load_id=load_id)


class MeasurementNote(WorkflowMixin, Base):
    """A dated note on one quarterly measurement of a result ("why this figure?")."""

    __tablename__ = "measurement_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    note_date: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200), default="")


class Story(WorkflowMixin, Base):
    """A qualitative account (film, interview, quote, photo story) next to the figures it explains."""

    __tablename__ = "story"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    result_id: Mapped[int | None] = mapped_column(ForeignKey("result.id", ondelete="SET NULL"))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id", ondelete="SET NULL"))
    kind: Mapped[StoryKind] = mapped_column(enum_column(StoryKind, "story_kind"))
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
