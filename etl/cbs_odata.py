"""Readers for the OData shapes of a CBS table: the per-entity download (a folder: data.csv, DataProperties.csv,
TableInfos.csv, dimension CSVs; also without data.csv, a region dimension alone), v3 JSON (TypedDataSet with optional
DataProperties.json / TableInfos.json beside it) and v4 JSON (Observations: Measure, Value, ValueAttribute, with
optional MeasureCodes.json / Properties.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from db.session import Session
from db.write.rows import REGION_CODE, RegionRow
from etl import cbs, messages
from etl.cbs_measures import (
    CHUNK_CELLS,
    CHUNK_ROWS,
    GEO_KEYS,
    NUMERIC_TYPES,
    Measures,
    dimension_regions,
    records,
    slug,
    table_from_name,
)
from etl.pipeline import Plan
from etl.reading import FileRefused, csv_rows, header_and_rows, open_text, read_small_csv
from etl.validation import RECORD_COLUMNS, region_code, row_length_error
from indicators.enums import COUNTRY
from indicators.periods import Period, PeriodError
from indicators.values import clean_text

# --- the per-entity download (a folder of CSV files) ---------------------------------------------------------


def read_odata_folder(folder: Path, session: Session, table_id: str | None = None,
                      period: str | None = None) -> Plan:
    props_path = folder / "DataProperties.csv"
    data_path = folder / "data.csv"
    if not props_path.exists():
        if data_path.exists():
            raise FileRefused(messages.FOLDER_NO_PROPERTIES.format(name=folder.name))
        raise FileRefused(messages.FOLDER_NO_DATA.format(name=folder.name))
    props = read_small_csv(props_path)
    infos = read_small_csv(folder / "TableInfos.csv") if (folder / "TableInfos.csv").exists() else []
    info = infos[0] if infos else {}
    table = (table_id or clean_text(info.get("Identifier")) or table_from_name(folder.name) or folder.name).upper()
    title = clean_text(info.get("Title"))
    source = f"CBS StatLine {table}" + (f" – {title}" if title else "")
    kinds = {p.get("Type", ""): p for p in props}
    geo_key = next((p["Key"] for p in props if p.get("Type") in ("GeoDimension", "GeoDetail")), None)
    time_key = next((p["Key"] for p in props if p.get("Type") == "TimeDimension"), None)
    other_dims = [p["Key"] for p in props if p.get("Type") == "Dimension" and p["Key"] not in GEO_KEYS]
    if geo_key is None:
        geo_key = next((p["Key"] for p in props if p.get("Type") == "Dimension" and p["Key"] in GEO_KEYS), None)
    del kinds
    files = [props_path]

    regions: list[RegionRow] = []
    authoritative = False
    if table == "85067NED" and data_path.exists():
        regions, authoritative = cbs.read_regions_85067(folder), True
    elif geo_key and (folder / f"{geo_key}.csv").exists():
        regions = dimension_regions(read_small_csv(folder / f"{geo_key}.csv"))
        files.append(folder / f"{geo_key}.csv")

    plan = Plan(kind="cbs", path=folder, files=files, source=source, table_id=table, decimal=".",
                chunks=lambda plan: iter(()), regions=regions, regions_authoritative=authoritative,
                skip_foreign_regions=True)
    if regions:
        plan.notices.append(messages.NOTICE_REGIONS_LOADED.format(count=len(regions)))
    if not data_path.exists():
        if not regions:
            raise FileRefused(messages.FOLDER_NO_DATA.format(name=folder.name))
        return plan
    plan.files.insert(0, data_path)
    plan.size = data_path.stat().st_size

    measures = Measures(session, table, source, table)
    numeric = [p for p in props if p.get("Type") == "Topic" and str(p.get("Datatype", "")).lower() in NUMERIC_TYPES]
    for p in numeric:
        measures.add(p["Key"], p.get("Title", ""), p.get("Unit", ""), p.get("Decimals", ""), p.get("Description", ""))
    if not numeric:
        raise FileRefused(messages.NO_MEASURES.format(name=folder.name))

    provisional_periods: set[str] = set()
    if time_key and (folder / f"{time_key}.csv").exists():
        for rec in read_small_csv(folder / f"{time_key}.csv"):
            if clean_text(rec.get("Status")).lower() == "voorlopig":
                provisional_periods.add(clean_text(rec.get("Key")))
    fixed_period = None
    if not time_key:
        fixed_period = period or clean_text(info.get("Period"))
        try:
            Period.parse(fixed_period)
        except PeriodError:
            raise FileRefused(messages.NO_PERIOD.format(name=folder.name)) from None
        plan.notices.append(messages.NOTICE_PERIOD_FROM_METADATA.format(period=fixed_period))
    categories: dict[str, dict[str, str]] = {}
    titles = {p["Key"]: clean_text(p.get("Title")) for p in props}
    for dim in other_dims:
        path = folder / f"{dim}.csv"
        cats = {clean_text(r.get("Key")): clean_text(r.get("Title")) for r in read_small_csv(path)} \
            if path.exists() else {}
        categories[dim] = cats

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        header, rows = header_and_rows(data_path, csv_rows(open_text(data_path)))
        header = [h.strip().lstrip("\ufeff") for h in header]
        position = {h: i for i, h in enumerate(header)}
        wanted = [k for k in (geo_key, time_key, *other_dims) if k]
        missing = [k for k in wanted if k not in position]
        if missing:
            raise FileRefused(messages.MISSING_COLUMNS.format(name=data_path.name, missing=", ".join(missing),
                                                              found=", ".join(header[:12])))
        present = [p["Key"] for p in numeric if p["Key"] in position]
        if not present:
            raise FileRefused(messages.NO_MEASURES.format(name=data_path.name))
        extra = [h for h in header if h not in {p["Key"] for p in props} | {"ID", "Id"}]
        if extra:
            plan.notices.append(messages.NOTICE_IGNORED_COLUMNS.format(columns=", ".join(extra[:10])))
        width = len(header)
        # a chunk holds about CHUNK_CELLS values, however wide the table (kerncijfers: 100+ measures per row)
        chunk_rows = max(100, min(CHUNK_ROWS, CHUNK_CELLS // max(1, len(present))))
        buffer: list[list[str]] = []
        line_numbers: list[int] = []
        for line, fields in rows:
            if len(fields) != width:
                if error := row_length_error(data_path.name, line, fields, width):
                    plan.errors.append(error)
                continue
            buffer.append(fields)
            line_numbers.append(line)
            if len(buffer) >= chunk_rows:
                plan.bytes_read = min(plan.size, plan.bytes_read + sum(map(len, map(";".join, buffer))))
                yield _wide_chunk(buffer, line_numbers)
                buffer, line_numbers = [], []
        if buffer:
            plan.bytes_read = plan.size
            yield _wide_chunk(buffer, line_numbers)

    def _wide_chunk(buffer: list[list[str]], line_numbers: list[int]) -> pd.DataFrame:
        header_pos = {h: i for i, h in enumerate(_header_cache)}
        columns = list(zip(*buffer, strict=True))
        lines = np.asarray(line_numbers)
        regions_col = list(columns[header_pos[geo_key]]) if geo_key else [COUNTRY] * len(buffer)
        if time_key:
            periods_col = [p.strip() for p in columns[header_pos[time_key]]]
            provisional = np.fromiter((p in provisional_periods for p in periods_col), dtype=bool,
                                      count=len(periods_col))
        else:
            periods_col = [fixed_period] * len(buffer)
            provisional = np.zeros(len(buffer), dtype=bool)
        combos = _combinations(columns, header_pos)
        pieces = []
        for key in [p["Key"] for p in numeric if p["Key"] in header_pos]:
            if combos is None:
                codes: object = measures.code(key)
            else:
                codes = [measures.code(key, c) for c in combos]
            pieces.append(records(lines, key, codes, regions_col, periods_col, list(columns[header_pos[key]]),
                                  provisional))
        measures.take_new(plan)
        return pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=RECORD_COLUMNS)

    def _combinations(columns: list[tuple], header_pos: dict[str, int]) -> list[tuple] | None:
        split = [d for d in other_dims if len(categories.get(d) or {}) != 1]
        if not split:
            return None
        keys = list(zip(*(columns[header_pos[d]] for d in split), strict=True))
        cache: dict[tuple, tuple] = {}
        out = []
        for k in keys:
            combo = cache.get(k)
            if combo is None:
                combo = tuple((titles.get(d, d), clean_text(c), categories.get(d, {}).get(clean_text(c), clean_text(c)))
                              for d, c in zip(split, k, strict=True))
                cache[k] = combo
            out.append(combo)
        return out

    _header_cache: list[str] = [h.strip().lstrip("\ufeff") for h in next(csv_rows(open_text(data_path)))[1]]
    plan.chunks = chunks
    return plan


# --- OData JSON (v3 TypedDataSet, v4 Observations) -------------------------------------------------------------


V4_STATUS = {"none": None, "": None, "confidential": "x", "secret": "x", "impossible": "-", "missing": ".",
             "unknown": ".", "notavailable": ".", "provisional": "*", "preliminary": "*"}


def _load_json(path: Path) -> object:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except UnicodeDecodeError:
        raise FileRefused(messages.FILE_ENCODING.format(name=path.name, pos="?")) from None
    except json.JSONDecodeError as exc:
        raise FileRefused(messages.FILE_JSON_BROKEN.format(name=path.name, error=exc)) from None


def _json_rows(doc: object) -> list[dict]:
    if isinstance(doc, dict) and isinstance(doc.get("value"), list):
        return [r for r in doc["value"] if isinstance(r, dict)]
    if isinstance(doc, list):
        return [r for r in doc if isinstance(r, dict)]
    return []


def read_odata_json(path: Path, session: Session, table_id: str | None = None, period: str | None = None) -> Plan:
    folder = path if path.is_dir() else path.parent
    if path.is_dir():
        data_path = next((folder / n for n in ("TypedDataSet.json", "Observations.json", "UntypedDataSet.json")
                          if (folder / n).exists()), None)
        if data_path is None:
            raise FileRefused(messages.FOLDER_NO_DATA.format(name=folder.name))
    else:
        data_path = path
    doc = _load_json(data_path)
    rows = _json_rows(doc)
    if not rows and not (isinstance(doc, dict) and "value" in doc):
        raise FileRefused(messages.FILE_JSON_SHAPE.format(name=data_path.name))
    context = str(doc.get("odata.metadata") or doc.get("@odata.context") or "") if isinstance(doc, dict) else ""
    side = {n: _json_rows(_load_json(folder / n)) for n in
            ("DataProperties.json", "TableInfos.json", "MeasureCodes.json", "Properties.json")
            if (folder / n).exists() and folder / n != data_path}
    info = (side.get("TableInfos.json") or side.get("Properties.json") or [{}])[0]
    if not info and (folder / "Properties.json").exists():
        props_doc = _load_json(folder / "Properties.json")
        info = props_doc if isinstance(props_doc, dict) else {}
    table = (table_id or table_from_name(context) or clean_text(info.get("Identifier"))
             or table_from_name(data_path.name) or table_from_name(folder.name) or "")
    table = table.upper() or None
    title = clean_text(info.get("Title"))
    source = f"CBS StatLine {table or data_path.stem}" + (f" – {title}" if title else "")
    is_v4 = bool(rows) and "Measure" in rows[0] and "Value" in rows[0]
    plan = Plan(kind="cbs", path=data_path, files=[data_path], source=source, table_id=table, decimal=".",
                chunks=lambda plan: iter(()), skip_foreign_regions=True, size=data_path.stat().st_size)
    if not rows:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=data_path.name))
    measures = Measures(session, table, source, table or slug(data_path.stem))
    dims_meta: set[str] = set()
    numeric_keys: list[str] = []
    for p in side.get("DataProperties.json", []):
        kind = str(p.get("Type", ""))
        if kind == "Topic" and str(p.get("Datatype", "")).lower() in NUMERIC_TYPES:
            measures.add(p["Key"], p.get("Title", ""), p.get("Unit", ""), p.get("Decimals", 1),
                         p.get("Description", ""))
            numeric_keys.append(p["Key"])
        elif kind.endswith("Dimension") or kind == "GeoDetail":
            dims_meta.add(p["Key"])
    for m in side.get("MeasureCodes.json", []):
        measures.add(str(m.get("Identifier")), m.get("Title", ""), m.get("Unit", ""), m.get("Decimals", 1),
                     m.get("Description", ""))
    keys = list(rows[0].keys())
    geo_key = next((k for k in keys if k in GEO_KEYS), None) or next(
        (k for k in keys if isinstance(rows[0][k], str) and REGION_CODE.match(region_code(rows[0][k]))), None)
    time_key = "Perioden" if "Perioden" in keys else None
    ignore = {"ID", "Id", "odata.type", geo_key, time_key}
    if is_v4:
        ignore |= {"Measure", "Value", "ValueAttribute", "StringValue"}
        other_dims = [k for k in keys if k not in ignore]
    else:
        if not numeric_keys:
            numeric_keys = [k for k in keys if k not in ignore and k not in dims_meta
                            and all(r.get(k) is None or isinstance(r.get(k), int | float) for r in rows[:200])]
            for k in numeric_keys:
                measures.add(k, k)
        other_dims = [k for k in keys if k not in ignore and k not in numeric_keys
                      and (k in dims_meta or all(isinstance(r.get(k), str) for r in rows[:50]))]
    fixed_period = None
    if time_key is None:
        fixed_period = period or clean_text(info.get("Period"))
        try:
            Period.parse(fixed_period)
        except PeriodError:
            raise FileRefused(messages.NO_PERIOD.format(name=data_path.name)) from None

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        for start in range(0, len(rows), CHUNK_ROWS):
            part = rows[start:start + CHUNK_ROWS]
            lines = np.arange(start + 1, start + 1 + len(part))  # the record's position in "value"
            regions_col = [r.get(geo_key) if geo_key else COUNTRY for r in part]
            periods_col = [r.get(time_key) if time_key else fixed_period for r in part]
            combos = [tuple((d, clean_text(r.get(d)), clean_text(r.get(d))) for d in other_dims) for r in part]
            if is_v4:
                values, provisional = [], np.zeros(len(part), dtype=bool)
                for i, r in enumerate(part):
                    attr = V4_STATUS.get(str(r.get("ValueAttribute") or "").strip().lower(), None)
                    value = r.get("Value")
                    if attr == "*":
                        provisional[i] = True
                    elif attr is not None:
                        value = attr
                    values.append(value)
                codes = [measures.code(str(r.get("Measure")), c if other_dims else ()) for r, c in zip(part, combos,
                                                                                                    strict=True)]
                frame = records(lines, "Value", codes, regions_col, periods_col, values, provisional)
            else:
                pieces = []
                for key in numeric_keys:
                    codes = [measures.code(key, c) for c in combos] if other_dims else measures.code(key)
                    pieces.append(records(lines, key, codes, regions_col, periods_col, [r.get(key) for r in part],
                                          np.zeros(len(part), dtype=bool)))
                frame = pd.concat(pieces, ignore_index=True)
            measures.take_new(plan)
            plan.bytes_read = int(plan.size * min(1.0, (start + len(part)) / len(rows)))
            yield frame

    plan.chunks = chunks
    return plan
