"""Figures: regions and their groups and boundaries, indicators, observations with their history and notes, and
the ETL load log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, PeriodMixin, WorkflowMixin, enum_column
from indicators.enums import Direction, ObservationStatus, RegionKind
from indicators.periods import utcnow

__all__ = [
    "Region", "RegionGroup", "Indicator", "DataLoad", "Observation", "ObservationHistory", "RegionGeometry",
    "IndicatorNote",
]


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[RegionKind] = mapped_column(enum_column(RegionKind, "region_kind"))
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


class Indicator(Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    cbs_table_id: Mapped[str | None] = mapped_column(String(20))
    cbs_measure_key: Mapped[str | None] = mapped_column(String(80))
    desired_direction: Mapped[Direction] = mapped_column(enum_column(Direction, "direction"), default=Direction.NONE)
    decimals: Mapped[int] = mapped_column(Integer, default=1)
    definition: Mapped[str] = mapped_column(Text, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)

    observations: Mapped[list[Observation]] = relationship(back_populates="indicator")


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
        enum_column(ObservationStatus, "observation_status"), default=ObservationStatus.DEFINITIVE
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
    status: Mapped[ObservationStatus] = mapped_column(enum_column(ObservationStatus, "observation_status"))
    source: Mapped[str] = mapped_column(String(200), default="")
    table_id: Mapped[str | None] = mapped_column(String(40))
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    replaced_by_load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


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
