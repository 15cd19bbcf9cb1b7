"""The ORM tables (typed SQLAlchemy 2 models on one declarative base), grouped by topic: figures, programmes,
the money (Iv3 statements, taakveldgroepen, project budgets), the quarter review, accounts, the audit trail,
pending revisions and operations (sessions, data version, uploads). Import them from here; Alembic's env.py
imports Base."""

from db.models.accounts import *  # noqa: F403
from db.models.audit import *  # noqa: F403
from db.models.base import *  # noqa: F403
from db.models.figures import *  # noqa: F403
from db.models.finance import *  # noqa: F403
from db.models.operations import *  # noqa: F403
from db.models.programmes import *  # noqa: F403
from db.models.quarter import *  # noqa: F403
from db.models.revisions import *  # noqa: F403
