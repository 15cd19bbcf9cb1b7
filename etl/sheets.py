"""What the gemeente's own spreadsheets (the cijfers, resultaten and financien templates, CSV or .xlsx) share: a
sheet opened with its header and line numbers, columns matched loosely by name (case, spaces, synonyms), every row
checked by its pydantic model, the outcome of a load and the file of rejected rows (--skip-invalid)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ValidationError

from etl import messages
from etl.reading import ByteCounter, FileRefused, csv_rows, header_and_rows, open_text, xlsx_rows
from etl.validation import RowError
from indicators.values import clean_text


def norm_header(header: object) -> str:
    return re.sub(r"[\s_\-]+", " ", str(header or "").lstrip("\ufeff").strip().lower())


def match_columns(header: list[object], required: dict[str, tuple], optional: dict[str, tuple],
                  name: str) -> tuple[dict[str, int], list[str]]:
    """Column positions by our names; notices for renamed and ignored columns. Refuses missing ones."""
    normalised = [norm_header(h) for h in header]
    found: dict[str, int] = {}
    renamed: list[str] = []
    for ours, synonyms in {**required, **optional}.items():
        for i, h in enumerate(normalised):
            if i in found.values():
                continue
            if h in {norm_header(s) for s in synonyms}:
                found[ours] = i
                if h != norm_header(ours):
                    renamed.append(f"{header[i]} → {ours}")
                break
    missing = [c for c in required if c not in found]
    if missing:
        raise FileRefused(messages.MISSING_COLUMNS.format(
            name=name, missing=", ".join(missing), found=", ".join(str(h) for h in header[:12])))
    notices = []
    if renamed:
        notices.append(messages.NOTICE_RENAMED_COLUMNS.format(columns=", ".join(renamed)))
    ignored = [str(header[i]) for i in range(len(header)) if i not in found.values() and str(header[i]).strip()]
    if ignored:
        notices.append(messages.NOTICE_IGNORED_COLUMNS.format(columns=", ".join(ignored[:10])))
    return found, notices


def cell(value: object) -> object:
    """Excel cells: whole-number floats as ints (2023.0 -> 2023), dates as ISO text."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return value


@dataclass
class Table:
    """The rows of a spreadsheet, CSV or Excel, with its header and line numbers."""

    path: Path
    header: list[object]
    rows: Iterator[tuple[int, list[object]]]
    notices: list[str] = field(default_factory=list)
    is_excel: bool = False
    counter: ByteCounter | None = None  # bytes read so far (CSV)


def open_table(path: Path) -> Table:
    if not path.exists():
        raise FileRefused(messages.FILE_MISSING.format(path=path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = xlsx_rows(path)
        counter = None
        is_excel = True
        notices: list[str] = []
    elif path.suffix.lower() in (".csv", ".txt", ".tsv", ""):
        text_file = open_text(path)
        counter = ByteCounter(path)
        rows = csv_rows(text_file, counter)
        is_excel = False
        notices = list(text_file.notices)
    else:
        raise FileRefused(messages.FILE_UNKNOWN_TYPE.format(name=path.name))
    header, rows = header_and_rows(path, rows)
    return Table(path, list(header), rows, notices, is_excel, counter)


CleanText = Annotated[str, BeforeValidator(clean_text)]  # a text cell without padding, single spaces


@dataclass
class SheetOutcome:
    """What a template load did: counts, refused rows and notices (the CLI reports it)."""

    load_id: int | None
    status: str
    rows_read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejected_path: Path | None = None
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""


def check_rows(table: Table, cols: dict[str, int], field_column: dict[str, str], model: type[BaseModel]
               ) -> tuple[list[tuple[int, BaseModel]], list[RowError], int]:
    """Every row of a sheet through its pydantic model (`field_column`: model field -> our column name): the rows
    that pass with their line, a RowError for each that does not (the column and value of its first problem), and
    how many rows were read."""
    checked: list[tuple[int, BaseModel]] = []
    errors: list[RowError] = []
    rows_read = 0
    for line, fields in table.rows:
        rows_read += 1
        fields = list(fields) + [""] * (len(table.header) - len(fields))
        data = {ours: fields[cols[col]] for ours, col in field_column.items() if col in cols}
        try:
            checked.append((line, model(**data)))
        except ValidationError as exc:
            first = exc.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            errors.append(RowError(table.path.name, line, field_column.get(key, ""), clean_text(data.get(key, "")),
                                   str(first["msg"]).removeprefix("Value error, ")))
    return checked, errors, rows_read


def write_rejected(table: Table, errors: list[RowError], path: Path | None) -> Path:
    """--skip-invalid: the rejected rows with their reasons, next to the input unless a path is given."""
    path = path or table.path.with_name(table.path.name + ".afgekeurd.csv")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(messages.REPORT_HEADER.split(";"))
        writer.writerows([e.file, e.line, e.column, e.value, e.reason] for e in errors)
    return path
