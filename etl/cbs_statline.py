"""Reader for StatLine's CSV export of a CBS table: semicolon, quoted, labels instead of keys (region labels resolved
through the CBS region list, etl.cbs_regions), padded numbers, Dutch or English decimals, "2022*" provisional
periods."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from db.read.reference import regions_by_kind
from db.session import Session
from db.write.rows import REGION_CODE
from etl import messages
from etl.cbs_measures import (
    CHUNK_CELLS,
    CHUNK_ROWS,
    Measures,
    Selection,
    records,
    slug,
    table_from_name,
    total_category,
)
from etl.cbs_regions import Match, RowRegions, region_list
from etl.pipeline import Plan
from etl.reading import FileRefused, csv_rows, header_and_rows, open_text
from etl.validation import region_code, row_length_error
from indicators.enums import COUNTRY
from indicators.values import ValueError_, clean_text, parse_value

PERIOD_HEADERS = {"perioden", "periode", "jaar", "period", "periods"}


REGION_LABEL_HEADERS = {"regio's", "regios", "regio", "wijken en buurten", "gemeenten", "gemeente", "regions"}


def _is_number_column(values: list[str]) -> bool:
    """Mostly figures (at least 90% of the sampled cells): a column of labels is not, a typo in figures is.

    The cells that are no figure are then reported row by row by the validation."""
    numbers = bad = 0
    for v in values:
        try:
            value, _ = parse_value(v, decimal=None)
        except ValueError_:
            bad += 1
            continue
        numbers += value is not None
    return numbers > 0 and bad * 10 <= numbers + bad


def _decimal_of(values: list[str]) -> str:
    return "," if any("," in v for v in values) else "."


def read_statline_export(path: Path, session: Session, table_id: str | None = None,
                         period: str | None = None, selection: Selection | None = None) -> Plan:
    text_file = open_text(path)
    header, rows = header_and_rows(path, csv_rows(text_file))
    header = [clean_text(h.lstrip("\ufeff")) for h in header]
    sample: list[tuple[int, list[str]]] = []
    for item in rows:
        sample.append(item)
        if len(sample) >= 500:
            break
    if not sample:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=path.name))
    width = len(header)
    columns = list(zip(*[f for _, f in sample if len(f) == width], strict=True)) or [()] * width
    lower = [h.lower() for h in header]
    period_col = next((i for i, h in enumerate(lower) if h in PERIOD_HEADERS), None)
    code_col = next((i for i, h in enumerate(lower) if "(code)" in h or h in {"regiocode", "codering"}), None)
    if code_col is None:
        code_col = next((i for i in range(width) if i != period_col and columns[i]
                         and all(REGION_CODE.match(region_code(v)) for v in columns[i][:50])), None)
    label_col = next((i for i, h in enumerate(lower) if h in REGION_LABEL_HEADERS), None)
    # CBS's row number ("ID", 0, 1, 2 …) is a key, never a figure
    row_key = next((i for i, h in enumerate(lower) if h == "id"), None)
    skip = (period_col, code_col, label_col, row_key)
    numeric = [i for i in range(width) if i not in skip and _is_number_column([v for v in columns[i]])]
    dims = [i for i in range(width) if i not in skip and i not in numeric]
    if not numeric:
        raise FileRefused(messages.NO_MEASURES.format(name=path.name))
    table = (table_id or table_from_name(path.name) or "").upper() or None
    source = f"CBS StatLine {table}" if table else f"CBS StatLine-export {path.name}"
    decimal = _decimal_of([v for i in numeric for v in columns[i]])
    plan = Plan(kind="cbs", path=path, files=[path], source=source, table_id=table, decimal=decimal,
                chunks=lambda plan: iter(()), size=path.stat().st_size, notices=list(text_file.notices))
    plan.notices.append(messages.NOTICE_DECIMAL.format(sep="komma" if decimal == "," else "punt",
                                                       example="1,5" if decimal == "," else "1.5"))
    if period_col is None:
        fixed_period = period
        if not fixed_period:
            raise FileRefused(messages.NO_PERIOD.format(name=path.name))
    if code_col is None and label_col is None:
        plan.notices.append(messages.NOTICE_NO_REGION_COLUMN)
    region_col = code_col if code_col is not None else label_col
    plan.region_column = header[region_col] if region_col is not None else "regio"
    plan.period_column = header[period_col] if period_col is not None else "--periode"
    resolved = None
    if code_col is None and label_col is not None:  # labels: resolved through the region list, like cbsodata files
        regions = region_list(regions_by_kind(session))
        labels = dict.fromkeys(f[label_col] for _, f in header_and_rows(path, csv_rows(open_text(path)))[1]
                               if len(f) == width)
        resolved = {label: regions.resolve(label) for label in labels}
        plan.regions = regions.rows_for({r.code: label for label, r in resolved.items() if r.match is Match.FOUND})
        plan.skip_foreign_regions = True
    prefix = table or slug(path.stem)[:30]
    measures = Measures(session, table, source, prefix, selection)
    measures.check_selection([header[i] for i in numeric], path.name)
    if selection is not None:
        numeric = [i for i in numeric if header[i] in selection]
    for d in dims:
        measures.totals[header[d]] = total_category({clean_text(v): clean_text(v) for v in columns[d]})
    for i in numeric:
        unit = re.search(r"\(([^()]*)\)\s*$", header[i])
        measures.add(header[i], header[i], unit.group(1) if unit else "", 1, "")

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        def all_rows() -> Iterator[tuple[int, list[str]]]:
            yield from sample
            yield from rows
        buffer, lines, regions_col = [], [], []
        row_regions = RowRegions(path.name, plan.region_column, resolved)
        for line, fields in all_rows():
            if len(fields) != width:
                if error := row_length_error(path.name, line, fields, width):
                    plan.errors.append(error)
                continue
            if resolved is not None:
                region = row_regions.region(fields[label_col], line, any(fields[i].strip() for i in numeric),
                                            plan.errors)
                if region is None:
                    continue
            else:
                region = fields[code_col] if code_col is not None else COUNTRY
            buffer.append(fields)
            lines.append(line)
            regions_col.append(region)
            if len(buffer) * max(1, width) >= CHUNK_CELLS or len(buffer) >= CHUNK_ROWS:
                yield chunk_of(buffer, lines, regions_col)
                buffer, lines, regions_col = [], [], []
        if buffer:
            yield chunk_of(buffer, lines, regions_col)
        plan.bytes_read = plan.size
        plan.notices.extend(row_regions.notices())

    def chunk_of(buffer: list[list[str]], lines: list[int], regions_col: list[str]) -> pd.DataFrame:
        cols = list(zip(*buffer, strict=True))
        periods_col = list(cols[period_col]) if period_col is not None else [period] * len(buffer)
        combos = [tuple((header[d], clean_text(v), clean_text(v)) for d, v in zip(dims, vals, strict=True))
                  for vals in zip(*(cols[d] for d in dims), strict=True)] if dims else None
        pieces = []
        for i in numeric:
            codes = [measures.code(header[i], c) for c in combos] if combos else measures.code(header[i])
            pieces.append(records(np.asarray(lines), header[i], codes, regions_col, periods_col, list(cols[i]),
                                  np.zeros(len(buffer), dtype=bool)))
        measures.take_new(plan)
        plan.bytes_read = min(plan.size, plan.bytes_read + sum(len(";".join(f)) for f in buffer))
        return pd.concat(pieces, ignore_index=True)

    plan.chunks = chunks
    return plan
