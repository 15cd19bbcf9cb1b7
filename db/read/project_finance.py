"""Projects' own budgets and spending per quarter (the `financien` template) as the quarter report freezes them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ProgrammeLine, Project, ProjectBudget
from indicators.enums import PeriodKind
from indicators.periods import Period
from indicators.quarter import ProjectMoneyItem


def project_money(session: Session, programme_ids: Sequence[int], quarter: Period) -> dict[int, list[ProjectMoneyItem]]:
    """{programme id: budget and spending per published project and quarter} for the quarters of `quarter`'s year up
    to and including `quarter`, in project order then quarter order."""
    out: dict[int, list[ProjectMoneyItem]] = defaultdict(list)
    if not programme_ids:
        return out
    first = Period.quarter(quarter.start.year, 1)
    for pid, name, start, budget, spent, explanation, is_example in session.execute(
            select(ProgrammeLine.programme_id, Project.name, ProjectBudget.period_start, ProjectBudget.budget,
                   ProjectBudget.spent, ProjectBudget.explanation, ProjectBudget.is_example)
            .join(Project, Project.id == ProjectBudget.project_id)
            .join(ProgrammeLine, ProgrammeLine.id == Project.programme_line_id)
            .where(ProgrammeLine.programme_id.in_(list(programme_ids)), Project.is_published(),
                   ProjectBudget.period_kind == PeriodKind.QUARTER, ProjectBudget.period_start >= first.start,
                   ProjectBudget.period_start <= quarter.start)
            .order_by(ProgrammeLine.programme_id, ProgrammeLine.sort_order, Project.id, ProjectBudget.period_start)):
        out[pid].append(ProjectMoneyItem(project=name, period=Period(start, PeriodKind.QUARTER).code, budget=budget,
                                         spent=spent, explanation=explanation, is_example=is_example))
    return out
