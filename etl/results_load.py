"""Loading the results template (`resultaten`: project, resultaat, periode, streefwaarde, gerealiseerd,
toelichting, status) into `measurement`: rows checked by etl.templates.MeasurementInput, then merged by the one
owner of measurements (db.write.measurements.merge_loaded) through the same functions as the edit forms – in the
workflow, with audit entries naming the file, the line and the command's --door, never over a measurement that is
being reviewed. See the README ("Resultaten laden")."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.read.reference import KnownResult, results_by_name
from db.session import DatabaseError, session_scope
from db.write import loads
from db.write.measurements import LoadedMeasurement, merge_loaded
from etl import messages
from etl.pipeline import MAX_REPORTED_ERRORS
from etl.reading import FileRefused
from etl.sheets import SheetOutcome, Table, check_rows, match_columns, write_rejected
from etl.templates import FIELD_COLUMN, RESULT_COLUMNS, RESULT_OPTIONAL, MeasurementInput
from etl.validation import RowError
from indicators.enums import MeasurementStatus
from indicators.formatting import MEASUREMENT_STATUS_LABELS
from indicators.measurement_rules import WHOLE_NUMBER, measurement_problems
from indicators.trends import classify_measurement

_FORM_COLUMN = {"period": "periode", "target": "streefwaarde", "realised": "gerealiseerd",
                "explanation": "toelichting", "status": "status"}  # the write service's fields as template columns


@dataclass
class ResultsOutcome(SheetOutcome):
    """A sheet load's outcome; `changed` includes `revised`: changes to published measurements, each a new version
    beside it awaiting publication."""

    revised: int = 0


def load_results(url: str, table: Table, skip_invalid: bool = False, rejected_path: Path | None = None,
                 door: str = messages.DEFAULT_DOOR) -> ResultsOutcome:
    """Merge a results spreadsheet into `measurement` in one transaction (all or nothing by default), through the
    write service as `door` (db.write.measurements.merge_loaded): new quarters and changed concepts in concept,
    changes to published measurements as a new version beside them, rows touching a measurement that is ingediend
    or goedgekeurd refused with their line. Every load – refused or not – leaves an audit entry."""
    started = time.monotonic()
    cols, notices = match_columns(table.header, RESULT_COLUMNS, RESULT_OPTIONAL, table.path.name)
    notices = table.notices + notices
    name = table.path.name
    checked, errors, rows_read = check_rows(table, cols, FIELD_COLUMN, MeasurementInput)
    if rows_read == 0:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=name))
    outcome = ResultsOutcome(None, "geweigerd", rows_read=rows_read, notices=notices)
    try:
        with session_scope(url) as session:
            results = results_by_name(session)
            load = loads.start_load(session, source=f"Resultaten ({name})", path=str(table.path),
                                    file_hash_=loads.file_hash(table.path), kind="resultaten")
            seen: dict[tuple[int, str, date], int] = {}
            plan: list[LoadedMeasurement] = []
            for line, row in checked:
                result = results.get((row.project.lower(), row.result.lower()))
                if result is None:
                    project_known = any(p == row.project.lower() for p, _ in results)
                    reason = (messages.ROW_UNKNOWN_RESULT.format(project=row.project, value=row.result)
                              if project_known else messages.ROW_UNKNOWN_PROJECT.format(value=row.project))
                    errors.append(RowError(name, line, "resultaat" if project_known else "project",
                                           row.result if project_known else row.project, reason))
                    continue
                key = (result.id, row.period.kind.value, row.period.start)
                if key in seen:
                    errors.append(RowError(name, line, "periode", row.period.code,
                                           messages.ROW_DUPLICATE.format(first=seen[key])))
                    continue
                seen[key] = line
                if problems := _rule_errors(name, line, row, result):
                    errors.extend(problems)
                    continue
                plan.append(LoadedMeasurement(line, result.id, row.period, row.target, row.realised,
                                              _status(row, result), row.explanation))
            if errors and not skip_invalid:
                raise _Refused()
            merged = merge_loaded(session, load, plan, door, name)
            errors.extend(RowError(name, r.line, _FORM_COLUMN.get(r.field, r.field), r.value, r.reason)
                          for r in merged.refused)
            errors.sort(key=lambda e: e.line)
            if errors and not skip_invalid:
                raise _Refused()
            outcome.new, outcome.changed, outcome.unchanged = merged.new, merged.changed, merged.unchanged
            outcome.revised = merged.revised
            if skip_invalid and errors:
                rejected_path = write_rejected(table, errors, rejected_path)
                outcome.rejected, outcome.rejected_path = len(errors), rejected_path
            loads.finish_load(load, rows_read, outcome.new + outcome.changed, " ".join(notices),
                              changed=outcome.changed, unchanged=outcome.unchanged,
                              rejected=len(errors) if skip_invalid else 0,
                              rejected_path=str(rejected_path) if outcome.rejected else "",
                              error_report="\n".join(e.as_text() for e in errors[:MAX_REPORTED_ERRORS]))
            loads.audit_load(session, load, door, messages.AUDIT_RESULTS.format(
                new=outcome.new, changed=outcome.changed, revised=outcome.revised, unchanged=outcome.unchanged,
                rejected=outcome.rejected))
            outcome.load_id = load.id
        outcome.status = "gereed"
    except _Refused:
        outcome.message = messages.REFUSED.format(count=len(errors))
        outcome.load_id = _log_refusal(url, table, outcome.message, errors, door)
    outcome.errors = errors
    outcome.seconds = time.monotonic() - started
    return outcome


def _log_refusal(url: str, table: Table, message: str, errors: list[RowError], door: str) -> int | None:
    """A refused results load in the load log and the audit trail (its own transaction: the load left nothing)."""
    try:
        with session_scope(url) as session:
            return loads.log_refusal(session, f"Resultaten ({table.path.name})", str(table.path), None, "resultaten",
                                     len(errors), message,
                                     "\n".join(e.as_text() for e in errors[:MAX_REPORTED_ERRORS]), door)
    except DatabaseError:  # the log is best effort; the refusal itself is what matters
        return None


class _Refused(Exception):
    pass


def _status(row: MeasurementInput, result: KnownResult) -> MeasurementStatus:
    """The row's status, or the one its target and realised value give when the manager left it open."""
    return row.status or classify_measurement(row.target, row.realised, result.desired_direction)


def _rule_errors(name: str, line: int, row: MeasurementInput, result: KnownResult) -> list[RowError]:
    """The rules of indicators.measurement_rules for one row, naming its column: whole numbers for a result counted
    in things, a toelichting with a status other than op koers – the same rules as the edit form."""
    status = _status(row, result)
    out = []
    for attr, problem in measurement_problems(result.unit, row.target, row.realised, status,
                                               row.explanation).items():
        if problem == WHOLE_NUMBER:
            value = f"{getattr(row, attr):g}".replace(".", ",")
            reason = messages.ROW_WHOLE_NUMBER.format(value=value, unit=result.unit)
        elif status is MeasurementStatus.UNKNOWN:
            value, reason = "", messages.ROW_EXPLANATION_NEEDED_UNKNOWN
        else:
            label = MEASUREMENT_STATUS_LABELS[status].lower()
            value, reason = "", messages.ROW_EXPLANATION_NEEDED.format(status=label)
        out.append(RowError(name, line, FIELD_COLUMN[attr], value, reason))
    return out
