"""The declarative base with its naming convention, portable enum columns, and the period and workflow mixins
of the tables."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, Enum, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from indicators.enums import PeriodKind, WorkflowState
from indicators.periods import Period

__all__ = ["NAMING_CONVENTION", "Base", "enum_column", "PeriodMixin", "WorkflowMixin"]


NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}



class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_cls: type[StrEnum], name: str) -> Enum:
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


class PeriodMixin:
    """A real period: kind plus first day (see indicators.periods.Period)."""

    period_kind: Mapped[PeriodKind] = mapped_column(enum_column(PeriodKind, "period_kind"))
    period_start: Mapped[date] = mapped_column(Date)

    @property
    def period(self) -> Period:
        return Period(self.period_start, PeriodKind(self.period_kind))


class WorkflowMixin:
    """Workflow state and optimistic-lock version of an item that people edit (see db.write).

    Rows the ETL or the demo loads are published (the server default); the write service (db.write) creates rows
    as concept. The version is SQLAlchemy's version counter: every ORM update bumps it and checks it, and db.write
    compares it with the version the editor started from (compare-and-set), so no change is overwritten silently."""

    workflow_state: Mapped[WorkflowState] = mapped_column(
        enum_column(WorkflowState, "workflow_state"), default=WorkflowState.PUBLISHED,
        server_default=WorkflowState.PUBLISHED.value)
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805 - a declarative directive
        return {"version_id_col": cls.__table__.c.version}

    @classmethod
    def is_published(cls):  # noqa: ANN206 - a SQL expression
        return cls.workflow_state == WorkflowState.PUBLISHED
