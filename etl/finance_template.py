"""The third template, `financien` (etl/data/templates/financien.csv and .xlsx): a project's budget and spending per
quarter, in euros – `project;jaar;kwartaal;begroot;besteed` plus optional `toelichting`.

Loaded with `python -m etl load-table FILE` (recognised by its header). Rows are checked first, one pydantic model
per row; a file with a bad row is refused whole with the row numbers (or, with --skip-invalid, the good rows load and
the rejected ones go to a file). Values that a later load replaces are kept in project_budget_history."""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from db.read.projects import project_ids_by_name
from db.session import session_scope
from db.write.finance import ProjectBudgetInput, merge_project_budgets
from db.write.loads import file_hash, finish_load, start_load
from etl import iv3_texts as t
from etl import messages as msg
from etl.pipeline import MAX_REPORTED_ERRORS
from etl.templates import Table, _cell, match_columns
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
    names = {re.sub(r"[\s_\-]+", " ", str(h or "").lstrip("\ufeff").strip().lower()) for h in header}
    return "project" in names and bool(names & {"begroot", "begroting", "budget"}) and bool(
        names & {"besteed", "uitgegeven", "besteding", "spent"})


class BudgetRow(BaseModel):
    """One row of the `financien` template, checked before anything touches the database."""

    model_config = ConfigDict(frozen=True)

    project: str = Field(min_length=1, max_length=200)
    year: int
    quarter: int
    budget: float | None = None
    spent: float | None = None
    explanation: str = Field(default="", max_length=4000)

    @field_validator("project", "explanation", mode="before")
    @classmethod
    def _text(cls, v: object) -> str:
        return clean_text(v)

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, v: object) -> int:
        text = clean_text(_cell(v))
        if not re.fullmatch(r"(19|20)\d\d", text):
            raise ValueError(t.ROW_YEAR.format(value=text))
        return int(text)

    @field_validator("quarter", mode="before")
    @classmethod
    def _quarter(cls, v: object) -> int:
        text = clean_text(_cell(v))
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


@dataclass
class BudgetOutcome:
    status: str
    rows_read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejected_path: Path | None = None
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0


def load_budgets(url: str, table: Table, skip_invalid: bool = False, rejected_path: Path | None = None,
                 is_example: bool = False) -> BudgetOutcome:
    """Merge a `financien` sheet into project_budget in one transaction (all or nothing by default)."""
    started = time.monotonic()
    cols, notices = match_columns(table.header, COLUMNS, OPTIONAL, table.path.name)
    name = table.path.name
    checked: list[tuple[int, BudgetRow]] = []
    errors: list[RowError] = []
    rows_read = 0
    for line, fields in table.rows:
        rows_read += 1
        fields = list(fields) + [""] * (len(table.header) - len(fields))
        data = {ours: fields[cols[col]] for ours, col in _FIELD_COLUMN.items() if col in cols}
        try:
            checked.append((line, BudgetRow(**data)))
        except ValidationError as exc:
            first = exc.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            errors.append(RowError(name, line, _FIELD_COLUMN.get(key, ""), clean_text(data.get(key, "")),
                                   str(first["msg"]).removeprefix("Value error, ")))
    outcome = BudgetOutcome("geweigerd", rows_read=rows_read, notices=table.notices + notices)
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
        finish_load(load, rows_read, counts.new + counts.changed, " ".join(outcome.notices), changed=counts.changed,
                    unchanged=counts.unchanged, rejected=len(errors),
                    error_report="\n".join(e.as_text() for e in errors[:MAX_REPORTED_ERRORS]))
    if errors:
        rejected_path = rejected_path or table.path.with_name(table.path.name + ".afgekeurd.csv")
        with open(rejected_path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(msg.REPORT_HEADER.split(";"))
            writer.writerows([e.file, e.line, e.column, e.value, e.reason] for e in errors)
        outcome.rejected, outcome.rejected_path = len(errors), rejected_path
    outcome.status, outcome.new, outcome.changed, outcome.unchanged = "gereed", counts.new, counts.changed, \
        counts.unchanged
    outcome.errors = errors[:MAX_REPORTED_ERRORS]
    outcome.seconds = time.monotonic() - started
    return outcome
