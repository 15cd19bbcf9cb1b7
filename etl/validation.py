"""Row validation of observation records, chunk by chunk.

Readers turn any source into chunks of *records* (one figure each): a DataFrame with the columns of
RECORD_COLUMNS, all raw text (or numbers from JSON/Excel). `validate_chunk` checks a chunk in bulk
(vectorised, so a million rows take about a second) and returns the rows ready for the database plus a
RowError for every rejected record. The rule book is the pydantic model `RawObservation`: every record the
bulk check rejects is validated again through it to give the reason, and a property test asserts that the
bulk check and the model accept and parse exactly the same records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from db.write.rows import REGION_CODE
from etl import messages as msg
from indicators.enums import COUNTRY, ObservationStatus
from indicators.periods import Period, PeriodError
from indicators.values import ValueError_, clean_code, parse_value

RECORD_COLUMNS = ["line", "column", "indicator", "region", "period", "value", "provisional"]
REGION_ALIASES = {"NL00": COUNTRY}  # CBS uses NL00 for Nederland in the wijken-en-buurten tables


@dataclass(frozen=True)
class RowError:
    """One rejected record: where it is and why, in plain Dutch."""

    file: str
    line: int
    column: str
    value: str
    reason: str

    def as_text(self) -> str:
        where = f"{self.file}, regel {self.line}" + (f", kolom {self.column!r}" if self.column else "")
        return f"{where}: {self.reason}"


def region_code(raw: object) -> str:
    code = clean_code(raw)
    return REGION_ALIASES.get(code, code)


def period_of(raw: object) -> tuple[Period, bool]:
    """A period and whether it was marked provisional ('2022*')."""
    text = str(raw if raw is not None else "").strip()
    provisional = text.endswith("*")
    return Period.parse(text), provisional


class RawObservation(BaseModel):
    """The rule book for one raw record. Slow but exact; used for reasons and as the specification."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    decimal: Literal[",", "."] = "."
    indicator_code: str = Field(min_length=1)
    region_code: str
    period: Period
    provisional: bool = False
    raw_value: object = None
    value: float | None = None
    status: ObservationStatus = ObservationStatus.DEFINITIVE

    @model_validator(mode="before")
    @classmethod
    def _parse_value(cls, data: dict) -> dict:
        data = dict(data)
        raw = data.get("raw_value")
        try:
            value, status = parse_value(raw, decimal=data.get("decimal", "."))
        except ValueError_:
            raise ValueError(msg.ROW_BAD_VALUE.format(value=str(raw).strip())) from None
        marked = bool(data.get("provisional")) or str(data.get("period") or "").strip().endswith("*")
        if marked and status is ObservationStatus.DEFINITIVE:
            status = ObservationStatus.PROVISIONAL
        data["value"], data["status"] = value, status
        return data

    @field_validator("region_code", mode="before")
    @classmethod
    def _region(cls, v: object) -> str:
        code = region_code(v)
        if not REGION_CODE.match(code):
            raise ValueError(msg.ROW_BAD_REGION.format(value=str(v).strip()))
        return code

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, v: object) -> Period:
        if isinstance(v, Period):
            return v
        try:
            return period_of(v)[0]
        except PeriodError:
            raise ValueError(msg.ROW_BAD_PERIOD.format(value=str(v).strip())) from None

    @classmethod
    def from_record(cls, record: dict, decimal: str) -> RawObservation:
        return cls(decimal=decimal, indicator_code=record["indicator"], region_code=record["region"],
                   period=record["period"], provisional=bool(record.get("provisional")),
                   raw_value=record["value"])


def reason_for(record: dict, decimal: str) -> str:
    """The reason the rule book gives for rejecting a record ('' when it accepts it)."""
    try:
        RawObservation.from_record(record, decimal)
    except ValidationError as exc:
        first = exc.errors()[0]
        text = str(first.get("msg", ""))
        return text.removeprefix("Value error, ")
    return ""


@dataclass
class Context:
    """What validation needs from the database, plus caches that live for one load."""

    file: str
    decimal: str
    region_ids: dict[str, int]
    indicator_ids: dict[str, int]
    skip_foreign_regions: bool = False  # CBS tables: landsdelen, COROP … are skipped, not errors
    skipped_foreign: int = 0
    _periods: dict[object, tuple[str, date, bool] | None] = field(default_factory=dict)
    _values: dict[object, tuple[float, str] | None] = field(default_factory=dict)

    def period(self, raw: object) -> tuple[str, date, bool] | None:
        try:
            return self._periods[raw]
        except KeyError:
            try:
                period, provisional = period_of(raw)
                found = (period.kind.value, period.start, provisional)
            except (PeriodError, ValueError):
                found = None
            self._periods[raw] = found
            return found

    def value(self, raw: object) -> tuple[float, str] | None:
        """(value or NaN, status) by the slow exact parser, cached per distinct cell text."""
        key = raw if isinstance(raw, str) else repr(raw)
        try:
            return self._values[key]
        except KeyError:
            try:
                value, status = parse_value(raw, decimal=self.decimal)
                found = (np.nan if value is None else value, status.value)
            except ValueError_:
                found = None
            if len(self._values) < 200_000:
                self._values[key] = found
            return found


def _numbers(raw: pd.Series, decimal: str) -> pd.Series:
    """Fast path: plain numbers in bulk (NaN where a cell needs the exact parser).

    pandas' parser accepts what the rule book accepts for plain numbers (padding, sign, exponent); what it
    reads as NaN or infinity, and with a decimal comma every cell holding a dot (a thousands separator),
    is left to the exact parser.
    """
    if raw.dtype != object:
        numbers = pd.to_numeric(raw, errors="coerce")
    elif decimal == ",":
        text = raw.astype(str)
        has_dot = text.str.contains(".", regex=False)
        numbers = pd.to_numeric(text.str.replace(",", ".", regex=False).where(~has_dot), errors="coerce")
    else:
        numbers = pd.to_numeric(raw, errors="coerce")
    return numbers.where(np.isfinite(numbers))


def validate_chunk(chunk: pd.DataFrame, ctx: Context) -> tuple[pd.DataFrame, list[RowError]]:
    """Checked rows (line, indicator_id, region_id, period_kind, period_start, value, status) and errors."""
    n = len(chunk)
    if n == 0:
        return _empty(), []
    bad = np.zeros(n, dtype=bool)

    indicator_id = chunk["indicator"].map(ctx.indicator_ids)
    bad |= indicator_id.isna().to_numpy()

    codes = chunk["region"].astype(str).str.strip().str.upper()
    codes = codes.where(~codes.isin(list(REGION_ALIASES)), codes.map(REGION_ALIASES))
    region_id = codes.map(ctx.region_ids)
    unknown_region = region_id.isna().to_numpy()
    if ctx.skip_foreign_regions:
        foreign = unknown_region & ~codes.str.match(REGION_CODE.pattern).to_numpy()
        ctx.skipped_foreign += int(foreign.sum())
    else:
        foreign = np.zeros(n, dtype=bool)
    bad |= unknown_region & ~foreign

    uniq = {raw: ctx.period(raw) for raw in pd.unique(chunk["period"])}
    period_kind = chunk["period"].map({k: v[0] for k, v in uniq.items() if v})
    period_start = chunk["period"].map({k: v[1] for k, v in uniq.items() if v})
    period_provisional = chunk["period"].map({k: bool(v and v[2]) for k, v in uniq.items()}).to_numpy(dtype=bool)
    bad |= period_kind.isna().to_numpy()

    numbers = _numbers(chunk["value"], ctx.decimal)
    values = np.array(numbers.to_numpy(dtype=float, na_value=np.nan), dtype=float)
    status = np.full(n, ObservationStatus.DEFINITIVE.value, dtype=object)
    slow = np.isnan(values)
    for i in np.flatnonzero(slow):
        found = ctx.value(chunk["value"].iat[i])
        if found is None:
            bad[i] = True
        else:
            values[i], status[i] = found
    provisional = chunk["provisional"].to_numpy(dtype=bool)
    status = np.where((provisional | period_provisional) & (status == ObservationStatus.DEFINITIVE.value),
                      ObservationStatus.PROVISIONAL.value, status)

    errors = []
    for i in np.flatnonzero(bad & ~foreign):
        record = chunk.iloc[i]
        errors.append(_error(record, ctx, bool(np.isnan(indicator_id.iat[i])), bool(unknown_region[i])))
    keep = ~(bad | foreign)
    good = pd.DataFrame({
        "line": chunk["line"].to_numpy()[keep],
        "indicator_id": indicator_id.to_numpy()[keep].astype("int64"),
        "region_id": region_id.to_numpy()[keep].astype("int64"),
        "period_kind": period_kind.to_numpy()[keep],
        "period_start": period_start.to_numpy()[keep],
        "value": values[keep],
        "status": status[keep],
    })
    return good, errors


REGION_COLUMN = "regio"


def row_length_error(file: str, line: int, fields: list, width: int) -> RowError | None:
    """A row with more or fewer fields than the header (a blank row is no error, just skipped)."""
    if not any(str(f).strip() for f in fields):
        return None
    reason = (msg.ROW_SHORT if len(fields) < width else msg.ROW_LONG).format(got=len(fields), want=width)
    return RowError(file, line, "", "", reason)


def _error(record: pd.Series, ctx: Context, unknown_indicator: bool, unknown_region: bool) -> RowError:
    value_text = lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()  # noqa: E731
    if unknown_indicator:
        return RowError(ctx.file, int(record["line"]), str(record["column"]), value_text(record["indicator"]),
                        msg.ROW_UNKNOWN_INDICATOR.format(value=record["indicator"]))
    reason = reason_for(record.to_dict(), ctx.decimal)
    column, shown = str(record["column"]), value_text(record["value"])
    if "periode" in reason:
        shown = value_text(record["period"])
    elif "regiocode" in reason:
        shown = value_text(record["region"])
    if not reason and unknown_region:
        reason, shown = msg.ROW_UNKNOWN_REGION.format(value=region_code(record["region"])), region_code(
            record["region"])
        column = REGION_COLUMN
    return RowError(ctx.file, int(record["line"]), column, shown, reason or msg.ROW_BAD_VALUE.format(value=shown))


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"line": [], "indicator_id": [], "region_id": [], "period_kind": [], "period_start": [],
                         "value": [], "status": []})
