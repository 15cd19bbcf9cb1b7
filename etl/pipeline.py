"""One load, start to end: read → validate → stage → merge, in one transaction, with a load log entry.

A reader (etl.sources) turns a file into a Plan: metadata, regions and indicators to register, and chunks of
records. `run_load` applies the policy on bad rows (refuse the whole file, or with skip_invalid load the
good rows and write the rejected ones to a file), reports progress, and records the outcome in `data_load`
– also for a refused load, in a separate transaction after the rollback, so `status` can show it.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from db.read.reference import indicator_ids, region_ids
from db.session import Session, session_scope
from db.write import loads
from db.write.counts import ChangeCounts
from db.write.observations import Stage
from db.write.rows import IndicatorRow, RegionRow
from etl import messages as msg
from etl.progress import Progress
from etl.reading import FileRefused
from etl.validation import Context, RowError, validate_chunk
from indicators.periods import utcnow

MAX_REPORTED_ERRORS = 1000  # a refused file stops being read after this many errors


class LoadRefused(Exception):
    """The file has bad rows and the policy is to refuse it; nothing was changed."""

    def __init__(self, errors: list[RowError], total: int, notices: list[str]) -> None:
        super().__init__(msg.REFUSED.format(count=total))
        self.errors = errors
        self.total = total
        self.notices = notices


@dataclass
class Plan:
    """What a reader found in a source, and how to stream its records."""

    kind: str  # cbs | tabel
    path: Path
    files: list[Path]
    source: str
    table_id: str | None
    decimal: str  # "," or "."
    chunks: Callable[[Plan], Iterator[pd.DataFrame]]
    regions: list[RegionRow] = field(default_factory=list)
    regions_authoritative: bool = False  # a region table (85067NED): names and groups are updated
    indicators: list[IndicatorRow] = field(default_factory=list)
    pending_indicators: dict[str, IndicatorRow] = field(default_factory=dict)  # found while streaming
    skip_foreign_regions: bool = False
    region_column: str = "regio"  # the source's columns of region codes or labels and of periods, named in
    period_column: str = "periode"  # row errors
    notices: list[str] = field(default_factory=list)
    size: int = 0  # bytes to read, for the progress bar
    bytes_read: int = 0
    errors: list[RowError] = field(default_factory=list)  # structural row errors found by the reader


@dataclass
class Outcome:
    load_id: int | None
    status: str  # gereed | geweigerd
    rows_read: int = 0
    counts: ChangeCounts | None = None
    regions: int = 0
    rejected: int = 0
    rejected_path: Path | None = None
    errors: list[RowError] = field(default_factory=list)
    error_total: int = 0
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""


def _write_rejected(writer, errors: list[RowError]) -> None:  # noqa: ANN001 - a csv writer
    for e in errors:
        writer.writerow([e.file, e.line, e.column, e.value, e.reason])


def run_load(url: str, read: Callable[[Session], Plan], *, skip_invalid: bool = False,
             rejected_path: Path | None = None, progress: Progress | None = None,
             door: str = msg.DEFAULT_DOOR) -> Outcome:
    """Run one load. Raises nothing for bad input: a refusal is an Outcome with status 'geweigerd'. Done or refused,
    the load leaves an entry in the audit trail under `door` (the command's --door)."""
    started = time.monotonic()
    progress = progress or Progress(enabled=False)
    plan: Plan | None = None
    rejected_file = None
    try:
        with session_scope(url) as session:
            plan = read(session)
            load = loads.start_load(session, source=plan.source, path=str(plan.path), table_id=plan.table_id,
                                    file_hash_=loads.file_hash(*plan.files), kind=plan.kind)
            regions = 0
            if plan.regions:
                regions = (loads.upsert_regions(session, plan.regions) if plan.regions_authoritative
                           else loads.merge_regions(session, plan.regions))
            if plan.indicators:
                loads.add_new_indicators(session, plan.indicators)
            ctx = Context(file=plan.path.name, decimal=plan.decimal, region_ids=region_ids(session),
                          indicator_ids=indicator_ids(session), skip_foreign_regions=plan.skip_foreign_regions,
                          region_column=plan.region_column or "regio", period_column=plan.period_column or "periode")
            stage = Stage(session)
            errors: list[RowError] = []
            error_total = 0
            rows_read = 0
            rejected = 0
            if skip_invalid:
                rejected_path = rejected_path or plan.path.with_name(plan.path.name + ".afgekeurd.csv")
                rejected_file = open(rejected_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
                writer = csv.writer(rejected_file, delimiter=";")
                writer.writerow(msg.REPORT_HEADER.split(";"))
            progress.start(plan.size)
            for chunk in plan.chunks(plan):
                chunk = chunk[chunk["indicator"].notna()]  # figures this load leaves out (load-cbs --maatstaf)
                if plan.pending_indicators:
                    loads.add_new_indicators(session, list(plan.pending_indicators.values()))
                    plan.pending_indicators.clear()
                    ctx.indicator_ids = indicator_ids(session)
                good, chunk_errors = validate_chunk(chunk, ctx)
                chunk_errors = plan.errors + chunk_errors
                plan.errors.clear()
                rows_read += len(chunk)
                error_total += len(chunk_errors)
                if skip_invalid:
                    _write_rejected(writer, chunk_errors)
                    rejected += len(chunk_errors)
                    errors.extend(chunk_errors[: max(0, MAX_REPORTED_ERRORS - len(errors))])
                else:
                    errors.extend(chunk_errors[: max(0, MAX_REPORTED_ERRORS - len(errors))])
                    if error_total >= MAX_REPORTED_ERRORS:
                        plan.notices.append(msg.TOO_MANY_ERRORS.format(count=error_total))
                        break
                stage.add(good)
                progress.update(rows_read, plan.bytes_read)
            if plan.errors:  # structural errors after the last chunk (e.g. a truncated last line)
                error_total += len(plan.errors)
                if skip_invalid:
                    _write_rejected(writer, plan.errors)
                    rejected += len(plan.errors)
                errors.extend(plan.errors)
            duplicates = stage.duplicates()
            same = [d for d in duplicates if d.same_value]
            conflicting = [d for d in duplicates if not d.same_value]
            if same:
                plan.notices.append(msg.NOTICE_IDENTICAL_DUPLICATES.format(count=len(same)))
            dup_errors = [RowError(plan.path.name, d.line, "", "", msg.ROW_DUPLICATE.format(first=d.first_line))
                          for d in conflicting]
            error_total += len(dup_errors)
            errors.extend(dup_errors[: max(0, MAX_REPORTED_ERRORS - len(errors))])
            if skip_invalid:
                _write_rejected(writer, dup_errors)
                rejected += len(dup_errors)
            if error_total and not skip_invalid:
                raise LoadRefused(errors, error_total, plan.notices)
            if duplicates:
                stage.drop_repeats()
            if ctx.skipped_foreign:
                plan.notices.append(msg.NOTICE_OTHER_REGIONS.format(count=ctx.skipped_foreign))
            progress.finish(rows_read)
            counts = stage.merge(load.id, plan.source, plan.table_id, load.file_hash, utcnow())
            loads.finish_load(load, rows_read, counts.loaded, " ".join(plan.notices), changed=counts.changed,
                              unchanged=counts.unchanged, rejected=rejected,
                              rejected_path=str(rejected_path) if skip_invalid and rejected else "",
                              error_report="\n".join(e.as_text() for e in errors[:MAX_REPORTED_ERRORS]))
            loads.audit_load(session, load, door, msg.AUDIT_FIGURES.format(
                loaded=counts.loaded, new=counts.new, changed=counts.changed, unchanged=counts.unchanged,
                rejected=rejected))
            load_id = load.id
        if rejected_file:
            rejected_file.close()
            rejected_file = None
            if not rejected:
                rejected_path.unlink(missing_ok=True)
        return Outcome(load_id, "gereed", rows_read=rows_read, counts=counts, regions=regions, rejected=rejected,
                       rejected_path=rejected_path if rejected else None, errors=errors, error_total=error_total,
                       notices=plan.notices, seconds=time.monotonic() - started)
    except LoadRefused as refused:
        progress.finish(0)
        outcome = Outcome(None, "geweigerd", errors=refused.errors, error_total=refused.total,
                          notices=refused.notices, seconds=time.monotonic() - started, message=str(refused))
    except (FileRefused, loads.LoadError) as refused:
        progress.finish(0)
        outcome = Outcome(None, "geweigerd", notices=plan.notices if plan else [],
                          seconds=time.monotonic() - started, message=str(refused))
    finally:
        if rejected_file:
            rejected_file.close()
    outcome.load_id = _log_refusal(url, plan, outcome, door)
    return outcome


def _log_refusal(url: str, plan: Plan | None, outcome: Outcome, door: str) -> int | None:
    """Record a refused load in the load log (its own small transaction: the load itself left nothing)."""
    try:
        with session_scope(url) as session:
            return loads.log_refusal(
                session, plan.source if plan else "", str(plan.path) if plan else "", plan.table_id if plan else None,
                plan.kind if plan else "", outcome.error_total, outcome.message,
                "\n".join(e.as_text() for e in outcome.errors[:MAX_REPORTED_ERRORS]), door)
    except Exception:  # noqa: BLE001 - the log is best effort; the refusal itself is what matters
        return None
