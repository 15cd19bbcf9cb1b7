"""Writes of a programme's money settings: which taakveldgroepen count as the programme's money (an admin setting,
every change logged with who, when, before, after and why), and the projects' own budgets per quarter (the
`financien` template, replaced values kept in history). The caller owns the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import (
    Programme,
    ProgrammeTaakveldChange,
    ProgrammeTaakveldGroup,
    ProjectBudget,
    ProjectBudgetHistory,
    Taakveld,
)
from db.write.counts import ChangeCounts
from db.write.iv3 import same_amount
from db.write.workflow import Actor, require
from indicators.enums import Action, PeriodKind
from indicators.periods import utcnow

SYSTEM = "systeem"  # who changes the setting when no account does (the demo, a script)


class FinanceSettingError(ValueError):
    """A refused change of a programme's taakveldgroepen; the message is Dutch, for the form."""


@dataclass(frozen=True)
class GroupChange:
    changed: bool
    before: list[str]
    after: list[str]


def set_programme_groups(session: Session, actor: Actor | None, slug: str, groups: Sequence[str], reason: str,
                         *, system: bool = False) -> GroupChange:
    """Replace the programme's taakveldgroepen (in the given order). An account must be an admin and give a reason;
    `system=True` (the demo, a script) records the change under SYSTEM. Unchanged: nothing is written."""
    if not system:
        require(actor, Action.ADMIN, [])
        if not reason.strip():
            raise FinanceSettingError("Geef een reden voor de wijziging (die komt in de geschiedenis).")
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        raise FinanceSettingError(f"Programma {slug!r} bestaat niet.")
    wanted = list(dict.fromkeys(g.strip() for g in groups if g and g.strip()))
    known = set(session.scalars(select(Taakveld.group_code).distinct()))
    unknown = [g for g in wanted if g not in known]
    if unknown:
        raise FinanceSettingError("Onbekende taakveldgroep(en): " + ", ".join(unknown) + ".")
    before = list(session.scalars(select(ProgrammeTaakveldGroup.group_code)
                                  .where(ProgrammeTaakveldGroup.programme_id == programme.id)
                                  .order_by(ProgrammeTaakveldGroup.sort_order, ProgrammeTaakveldGroup.id)))
    if before == wanted:
        return GroupChange(False, before, wanted)
    session.execute(delete(ProgrammeTaakveldGroup).where(ProgrammeTaakveldGroup.programme_id == programme.id))
    session.add_all(ProgrammeTaakveldGroup(programme_id=programme.id, group_code=g, sort_order=i)
                    for i, g in enumerate(wanted))
    session.add(ProgrammeTaakveldChange(
        programme_id=programme.id, at=utcnow(), user_id=actor.user_id if actor and not system else None,
        user_name=actor.name if actor and not system else SYSTEM, before=",".join(before), after=",".join(wanted),
        reason=reason.strip()))
    session.flush()
    return GroupChange(True, before, wanted)


@dataclass(frozen=True)
class ProjectBudgetInput:
    """One checked row of the `financien` template: a project's budget and spending in a quarter (euros)."""

    project_id: int
    quarter_start: date
    budget: float | None
    spent: float | None
    explanation: str = ""
    is_example: bool = False


def merge_project_budgets(session: Session, rows: Sequence[ProjectBudgetInput], load_id: int | None) -> ChangeCounts:
    """Insert or update project budgets keyed by (project, quarter); replaced values go to project_budget_history."""
    counts = ChangeCounts()
    if not rows:
        return counts
    existing = {(b.project_id, b.period_start): b for b in session.scalars(
        select(ProjectBudget).where(ProjectBudget.project_id.in_({r.project_id for r in rows}),
                                    ProjectBudget.period_kind == PeriodKind.QUARTER))}
    now = utcnow()
    for r in rows:
        old = existing.get((r.project_id, r.quarter_start))
        if old is None:
            session.add(ProjectBudget(project_id=r.project_id, period_kind=PeriodKind.QUARTER,
                                      period_start=r.quarter_start, budget=r.budget, spent=r.spent,
                                      explanation=r.explanation, is_example=r.is_example, load_id=load_id,
                                      loaded_at=now))
            counts.new += 1
        elif (same_amount(old.budget, r.budget) and same_amount(old.spent, r.spent) and old.explanation == r.explanation
              and old.is_example == r.is_example):
            counts.unchanged += 1
        else:
            session.add(ProjectBudgetHistory(project_budget_id=old.id, budget=old.budget, spent=old.spent,
                                             explanation=old.explanation, replaced_at=now,
                                             replaced_by_load_id=load_id))
            old.budget, old.spent, old.explanation, old.is_example = r.budget, r.spent, r.explanation, r.is_example
            old.load_id, old.loaded_at = load_id, now
            counts.changed += 1
    session.flush()
    return counts
