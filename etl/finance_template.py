"""The third template, `financien` (etl/data/templates/financien.csv and .xlsx): a project's budget and spending per
quarter, in euros – `project;jaar;kwartaal;begroot;besteed` plus optional `toelichting`.

Loaded with `python -m etl load-table FILE` (recognised by its header). Rows are checked first, one pydantic model
per row; a file with a bad row is refused whole with the row numbers (or, with --skip-invalid, the good rows load and
the rejected ones go to a file). Values that a later load replaces are kept in project_budget_history."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from db.read.projects import project_ids_by_name
from db.session import session_scope
from db.write.finance import ProjectBudgetInput, merge_project_budgets
from db.write.loads import file_hash, finish_load, start_load
from etl import iv3_texts as t
from etl import messages as msg
from etl.pipeline import MAX_REPORTED_ERRORS
from etl.sheets import CleanText, SheetOutcome, Table, cell, check_rows, match_columns, norm_header, write_rejected
from etl.validation import RowError
from indicators.values import ValueError_, clean_text, parse_value

COLUMNS = {
    "project": ("project", "projectnaam"),
    "jaar": ("jaar", "year", "boekjaar"),
    "kwartaal": ("kwartaal", "quarter", "kw"),
    "begroot": ("begroot", "begroting", "budget", "begroot bedrag"),
    "besteed": ("besteed", "uitgegeven", "besteding", "spent", "realisatie"),
}
OPTIONAL = {"toelichting": ("toelichting", "uitleg", "opmerking", "explanation")}
_QUARTER = re.compile(r"^(?:k|q|kw)?\s*([1-4])(?:e\s*kwartaal)?$", re.IGNORECASE)


def is_finance_table(header: list[object]) -> bool:
    names = {norm_header(h) for h in header}
    return "project" in names and bool(names & {"begroot", "begroting", "budget"}) and bool(
        names & {"besteed", "uitgegeven", "besteding", "spent"})


class BudgetRow(BaseModel):
    """One row of the `financien` template, checked before anything touches the database."""

    model_config = ConfigDict(frozen=True)

    project: CleanText = Field(min_length=1, max_length=200)
    year: int
    quarter: int
    budget: float | None = None
    spent: float | None = None
    explanation: CleanText = Field(default="", max_length=4000)

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, v: object) -> int:
        text = clean_text(cell(v))
        if not re.fullmatch(r"(19|20)\d\d", text):
            raise ValueError(t.ROW_YEAR.format(value=text))
        return int(text)

    @field_validator("quarter", mode="before")
    @classmethod
    def _quarter(cls, v: object) -> int:
        text = clean_text(cell(v))
        m = _QUARTER.match(text)
        if not m:
            raise ValueError(t.ROW_QUARTER.format(value=text))
        return int(m[1])

    @field_validator("budget", "spent", mode="before")
    @classmethod
    def _euros(cls, v: object) -> float | None:
        raw = v.replace("€", "").strip() if isinstance(v, str) else v
        try:
            value, _ = parse_value(raw, decimal=None)
        except ValueError_:
            raise ValueError(t.ROW_EURO.format(value=clean_text(v))) from None
        return value

    @property
    def quarter_start(self) -> date:
        return date(self.year, 3 * (self.quarter - 1) + 1, 1)


_FIELD_COLUMN = {"project": "project", "year": "jaar", "quarter": "kwartaal", "budget": "begroot",
                 "spent": "besteed", "explanation": "toelichting"}


def load_budgets(url: str, table: Table, skip_invalid: bool = False, rejected_path: Path | None = None,
                 is_example: bool = False) -> SheetOutcome:
    """Merge a `financien` sheet into project_budget in one transaction (all or nothing by default)."""
    started = time.monotonic()
    cols, notices = match_columns(table.header, COLUMNS, OPTIONAL, table.path.name)
    name = table.path.name
    checked, errors, rows_read = check_rows(table, cols, _FIELD_COLUMN, BudgetRow)
    outcome = SheetOutcome(None, "geweigerd", rows_read=rows_read, notices=table.notices + notices)
    with session_scope(url) as session:
        projects = project_ids_by_name(session)
        seen: dict[tuple[int, date], int] = {}
        inputs = []
        for line, row in checked:
            ids = projects.get(row.project.casefold(), [])
            if len(ids) != 1:
                errors.append(RowError(name, line, "project", row.project, t.ROW_PROJECT.format(value=row.project)))
                continue
            key = (ids[0], row.quarter_start)
            if key in seen:
                errors.append(RowError(name, line, "kwartaal", str(row.quarter),
                                       t.ROW_BUDGET_DUPLICATE.format(first=seen[key])))
                continue
            seen[key] = line
            inputs.append(ProjectBudgetInput(ids[0], row.quarter_start, row.budget, row.spent, row.explanation,
                                             is_example))
        errors.sort(key=lambda e: e.line)
        if errors and not skip_invalid:
            session.rollback()
            outcome.errors = errors[:MAX_REPORTED_ERRORS]
            outcome.message = msg.REFUSED.format(count=len(errors))
            outcome.seconds = time.monotonic() - started
            return outcome
        load = start_load(session, source=f"Projectfinanciën ({name})", path=str(table.path),
                          file_hash_=file_hash(table.path), kind="financien")
        counts = merge_project_budgets(session, inputs, load.id)
        finish_load(load, rows_read, counts.loaded, " ".join(outcome.notices), changed=counts.changed,
                    unchanged=counts.unchanged, rejected=len(errors),
                    error_report="\n".join(e.as_text() for e in errors[:MAX_REPORTED_ERRORS]))
    if errors:
        outcome.rejected, outcome.rejected_path = len(errors), write_rejected(table, errors, rejected_path)
    outcome.status, outcome.new, outcome.changed, outcome.unchanged = "gereed", counts.new, counts.changed, \
        counts.unchanged
    outcome.errors = errors[:MAX_REPORTED_ERRORS]
    outcome.seconds = time.monotonic() - started
    return outcome
