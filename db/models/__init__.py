"""The ORM tables (typed SQLAlchemy 2 models on one declarative base), grouped by topic: figures, programmes,
the quarter review, accounts and the audit trail. Import them from here; Alembic's env.py imports Base."""

from db.models.accounts import RoleGrant, SignInAttempt, User
from db.models.audit import AuditEntry
from db.models.base import NAMING_CONVENTION, Base, PeriodMixin, WorkflowMixin, enum_column
from db.models.figures import (
    DataLoad,
    Indicator,
    IndicatorNote,
    Observation,
    ObservationHistory,
    Region,
    RegionGeometry,
    RegionGroup,
)
from db.models.programmes import (
    Measurement,
    MeasurementHistory,
    MeasurementNote,
    Programme,
    ProgrammeIndicator,
    ProgrammeLine,
    Project,
    Result,
    Story,
)
from db.models.quarter import MeetingNote, QuarterSnapshot

__all__ = [
    "NAMING_CONVENTION", "AuditEntry", "Base", "DataLoad", "Indicator", "IndicatorNote", "Measurement",
    "MeasurementHistory", "MeasurementNote", "MeetingNote", "Observation", "ObservationHistory", "PeriodMixin",
    "Programme", "ProgrammeIndicator", "ProgrammeLine", "Project", "QuarterSnapshot", "Region", "RegionGeometry",
    "RegionGroup", "Result", "RoleGrant", "SignInAttempt", "Story", "User", "WorkflowMixin", "enum_column",
]
