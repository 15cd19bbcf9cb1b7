"""Tables of the money: CBS's Iv3 taakveld code list, each gemeente's Iv3 statements (begroting or jaarrekening of a
boekjaar) with lasten and baten per taakveld, the taakveldgroepen a programme covers (with their change log), and the
projects' own budgets per quarter (the `financien` template)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, PeriodMixin, enum_column
from db.models.figures import Region
from db.models.programmes import Programme, Project
from indicators.enums import StatementKind
from indicators.periods import utcnow


class Taakveld(Base):
    """One row of CBS's taakveld code list: a code with the name it had from `first_year` to `last_year`, and the
    group it belongs to (derived by indicators.taakveld_groups from that same list)."""

    __tablename__ = "iv3_taakveld"
    __table_args__ = (UniqueConstraint("code", "first_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    group_code: Mapped[str] = mapped_column(String(40), index=True)
    rule: Mapped[str] = mapped_column(String(20), default="")


class Iv3Statement(Base):
    """A gemeente's begroting or jaarrekening of one boekjaar as reported to CBS (Iv3), with its inhabitants and
    where it was loaded from."""

    __tablename__ = "iv3_statement"
    __table_args__ = (UniqueConstraint("region_id", "year", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[StatementKind] = mapped_column(enum_column(StatementKind, "statement_kind"))
    inhabitants: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300), default="")
    table_id: Mapped[str | None] = mapped_column(String(20))  # CBS table, e.g. 45063NED
    file_hash: Mapped[str] = mapped_column(String(64), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))

    region: Mapped[Region] = relationship()


class Iv3Amount(Base):
    """Lasten and baten (€ 1.000) of one taakveld in one statement."""

    __tablename__ = "iv3_amount"
    __table_args__ = (UniqueConstraint("statement_id", "taakveld_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("iv3_statement.id", ondelete="CASCADE"))
    taakveld_id: Mapped[int] = mapped_column(ForeignKey("iv3_taakveld.id"), index=True)
    lasten: Mapped[float | None] = mapped_column(Float)
    baten: Mapped[float | None] = mapped_column(Float)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


class Iv3GroupTotal(Base):
    """Lasten and baten of one taakveldgroep in one statement: the sum of its amounts, kept up to date by every load
    (db.write.iv3), so that Nederland and the comparable gemeenten add up a few hundred rows instead of every
    taakveld of every gemeente."""

    __tablename__ = "iv3_group_total"
    __table_args__ = (UniqueConstraint("statement_id", "group_code"), Index("ix_iv3_group_total_group", "group_code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("iv3_statement.id", ondelete="CASCADE"))
    group_code: Mapped[str] = mapped_column(String(40))
    lasten: Mapped[float | None] = mapped_column(Float)
    baten: Mapped[float | None] = mapped_column(Float)


class _Replaced:
    """When a later load replaced the values of a history row, and which load did."""

    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    replaced_by_load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


class Iv3AmountHistory(_Replaced, Base):
    """The values an amount had before a later load (a corrected file) replaced them."""

    __tablename__ = "iv3_amount_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    amount_id: Mapped[int] = mapped_column(ForeignKey("iv3_amount.id", ondelete="CASCADE"), index=True)
    lasten: Mapped[float | None] = mapped_column(Float)
    baten: Mapped[float | None] = mapped_column(Float)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))


class ProgrammeTaakveldGroup(Base):
    """A taakveldgroep whose lasten count as the programme's money (an admin setting)."""

    __tablename__ = "programme_taakveld_group"
    __table_args__ = (UniqueConstraint("programme_id", "group_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"))
    group_code: Mapped[str] = mapped_column(String(40))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    programme: Mapped[Programme] = relationship()


class ProgrammeTaakveldChange(Base):
    """One change of a programme's taakveldgroepen: who, when, before and after (comma-separated group codes), why.
    Only ever inserted."""

    __tablename__ = "programme_taakveld_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(String(200), default="")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class ProjectBudget(PeriodMixin, Base):
    """A project's budget and spending in one quarter (whole euros), from the `financien` template."""

    __tablename__ = "project_budget"
    __table_args__ = (UniqueConstraint("project_id", "period_kind", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    budget: Mapped[float | None] = mapped_column(Float)
    spent: Mapped[float | None] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text, default="")
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    load_id: Mapped[int | None] = mapped_column(ForeignKey("data_load.id"))
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    project: Mapped[Project] = relationship()


class ProjectBudgetHistory(_Replaced, Base):
    """A project budget row's values before a later load replaced them."""

    __tablename__ = "project_budget_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_budget_id: Mapped[int] = mapped_column(ForeignKey("project_budget.id", ondelete="CASCADE"), index=True)
    budget: Mapped[float | None] = mapped_column(Float)
    spent: Mapped[float | None] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text, default="")


__all__ = ["Iv3Amount", "Iv3AmountHistory", "Iv3GroupTotal", "Iv3Statement", "ProgrammeTaakveldChange",
           "ProgrammeTaakveldGroup", "ProjectBudget", "ProjectBudgetHistory", "Taakveld"]
