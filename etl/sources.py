"""Readers for CBS StatLine tables in the shapes CBS and its clients hand out, each giving a pipeline Plan.

- the per-entity OData download (a folder: data.csv, DataProperties.csv, TableInfos.csv, dimension CSVs),
  also without data.csv (a region dimension alone, e.g. 85318NED WijkenEnBuurten.csv);
- OData JSON: v3 TypedDataSet ({"value": [{"RegioS": "GM0141    ", "Perioden": "2020JJ00", "Measure_1": 1}]})
  with optional DataProperties.json / TableInfos.json beside it, and v4 Observations (Measure, Value,
  ValueAttribute) with optional MeasureCodes.json / Properties.json;
- StatLine's CSV export (semicolon, quoted, labels instead of keys, padded numbers, Dutch or English
  decimals, "2022*" provisional periods).

A table seen for the first time gets its indicators from its metadata (or, for a bare export, from its
column titles), marked `needs_review` for an admin. Indicators that already carry the table id and the
measure key (e.g. the demo's `jeugdhulp`) receive the figures instead.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from db.read.reference import bound_indicators, indicator_codes, regions_by_kind
from db.session import Session
from db.write.rows import REGION_CODE, IndicatorRow, RegionRow
from etl import cbs, messages
from etl.pipeline import Plan
from etl.reading import FileRefused, csv_rows, open_text, read_small_csv
from etl.validation import RECORD_COLUMNS, region_code, row_length_error
from indicators.enums import COUNTRY, RegionKind
from indicators.periods import Period, PeriodError
from indicators.values import ValueError_, clean_text, parse_value

CHUNK_ROWS = 20_000
CHUNK_CELLS = 200_000  # values per chunk for wide tables: bounds memory
NUMERIC_TYPES = {"double", "long", "integer", "int", "float", "decimal", "short", "single", "number"}
GEO_KEYS = ("RegioS", "WijkenEnBuurten", "Gemeenten", "Regio")
TABLE_ID = re.compile(r"(\d{5}[A-Za-z]{3})")
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", clean_text(text).lower()).strip("-")


def indicator_code(*parts: str) -> str:
    """A code within the indicator pattern (lower case, at most 80 characters, unique by a hash)."""
    code = "-".join(slug(p) for p in parts if p)
    if len(code) > 80:
        code = code[:71].rstrip("-") + "-" + hashlib.sha1(code.encode()).hexdigest()[:8]  # noqa: S324
    return code or "indicator"


def _region_kind(code: str) -> RegionKind | None:
    return {"NL": RegionKind.COUNTRY, "PV": RegionKind.PROVINCE, "GM": RegionKind.MUNICIPALITY,
            "WK": RegionKind.DISTRICT, "BU": RegionKind.NEIGHBOURHOOD}.get(code[:2])


def dimension_regions(rows: list[dict[str, str]]) -> list[RegionRow]:
    """Regions of a CBS geo dimension (Key, Title, optional Municipality); other area kinds are left out."""
    out: list[RegionRow] = []
    for rec in rows:
        code = region_code(rec.get("Key"))
        kind = _region_kind(code)
        if kind is None or not REGION_CODE.match(code):
            continue
        name = clean_text(rec.get("Title")) or code
        if kind is RegionKind.PROVINCE:
            name = re.sub(r"\s*\(PV\)$", "", name)
        parent = None
        if kind is RegionKind.DISTRICT:
            parent = region_code(rec.get("Municipality")) or "GM" + code[2:6]
        elif kind is RegionKind.NEIGHBOURHOOD:
            parent = "WK" + code[2:8]
        elif kind is RegionKind.PROVINCE:
            parent = COUNTRY
        out.append(RegionRow(code=code, name=name[:120], kind=kind, parent_code=parent))
    return out


def _decimals(raw: object) -> int:
    try:
        return max(0, min(6, int(str(raw).strip() or 1)))
    except ValueError:
        return 1


class _Measures:
    """Indicators of one table: one per measure, and per category of the table's other dimensions."""

    def __init__(self, session: Session, table_id: str | None, source: str, prefix: str) -> None:
        self.table_id = table_id
        self.source = source
        self.prefix = prefix
        self.bound = bound_indicators(session, table_id)
        self.known = indicator_codes(session)
        self.info: dict[str, dict] = {}
        self.new: dict[str, IndicatorRow] = {}

    def add(self, key: str, title: str, unit: str = "", decimals: object = 1, description: str = "") -> None:
        self.info[key] = {"title": clean_text(title) or key, "unit": clean_text(unit)[:40],
                          "decimals": _decimals(decimals), "definition": clean_text(description)}

    def code(self, key: str, categories: tuple[tuple[str, str, str], ...] = ()) -> str:
        """The indicator for a measure and the (dimension title, category key, category title) it is split by."""
        if not categories and key in self.bound:
            return self.bound[key]
        parts = [self.prefix, key] + [f"{dim}-{cat}" for dim, cat, _ in categories]
        code = indicator_code(*parts)
        if code not in self.known and code not in self.new:
            info = self.info.get(key) or {"title": key, "unit": "", "decimals": 1, "definition": ""}
            name = info["title"]
            if categories:
                name += " (" + "; ".join(title for _, _, title in categories) + ")"
            self.new[code] = IndicatorRow(
                code=code, name=name[:200], unit=info["unit"], source=self.source[:200],
                cbs_table_id=self.table_id, cbs_measure_key=None if categories else key[:80],
                decimals=info["decimals"], definition=info["definition"], needs_review=True)
        return code

    def take_new(self, plan: Plan) -> None:
        for code, row in self.new.items():
            plan.pending_indicators[code] = row
            self.known.add(code)
        self.new = {}


def _records(lines: np.ndarray, column: str, indicators: object, regions: list, periods: list, values: list,
             provisional: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"line": lines, "column": column, "indicator": indicators, "region": regions,
                         "period": periods, "value": values, "provisional": provisional}, columns=RECORD_COLUMNS)


# --------------------------------------------------------------------------------------------------
# The per-entity OData download (a folder of CSV files)
# --------------------------------------------------------------------------------------------------
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
    table = (table_id or clean_text(info.get("Identifier")) or _table_from_name(folder.name) or folder.name).upper()
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

    measures = _Measures(session, table, source, table)
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
        source_file = open_text(data_path)
        rows = csv_rows(source_file)
        try:
            _, header = next(rows)
        except StopIteration:
            raise FileRefused(messages.FILE_EMPTY.format(name=data_path.name)) from None
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
            pieces.append(_records(lines, key, codes, regions_col, periods_col, list(columns[header_pos[key]]),
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


def _table_from_name(name: str) -> str | None:
    m = TABLE_ID.search(name)
    return m.group(1).upper() if m else None


# --------------------------------------------------------------------------------------------------
# OData JSON (v3 TypedDataSet, v4 Observations)
# --------------------------------------------------------------------------------------------------
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
    table = (table_id or _table_from_name(context) or clean_text(info.get("Identifier"))
             or _table_from_name(data_path.name) or _table_from_name(folder.name) or "")
    table = table.upper() or None
    title = clean_text(info.get("Title"))
    source = f"CBS StatLine {table or data_path.stem}" + (f" – {title}" if title else "")
    is_v4 = bool(rows) and "Measure" in rows[0] and "Value" in rows[0]
    plan = Plan(kind="cbs", path=data_path, files=[data_path], source=source, table_id=table, decimal=".",
                chunks=lambda plan: iter(()), skip_foreign_regions=True, size=data_path.stat().st_size)
    if not rows:
        raise FileRefused(messages.FILE_NO_ROWS.format(name=data_path.name))
    measures = _Measures(session, table, source, table or slug(data_path.stem))
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
                frame = _records(lines, "Value", codes, regions_col, periods_col, values, provisional)
            else:
                pieces = []
                for key in numeric_keys:
                    codes = [measures.code(key, c) for c in combos] if other_dims else measures.code(key)
                    pieces.append(_records(lines, key, codes, regions_col, periods_col, [r.get(key) for r in part],
                                           np.zeros(len(part), dtype=bool)))
                frame = pd.concat(pieces, ignore_index=True)
            measures.take_new(plan)
            plan.bytes_read = int(plan.size * min(1.0, (start + len(part)) / len(rows)))
            yield frame

    plan.chunks = chunks
    return plan


# --------------------------------------------------------------------------------------------------
# StatLine CSV export (labels, semicolons)
# --------------------------------------------------------------------------------------------------
PERIOD_HEADERS = {"perioden", "periode", "jaar", "period", "periods"}
REGION_LABEL_HEADERS = {"regio's", "regios", "regio", "wijken en buurten", "gemeenten", "gemeente", "regions"}


def region_names(session: Session) -> dict[str, str]:
    """Label -> code for region labels in exports: gemeente names win over wijk/buurt names."""
    by_name: dict[str, str] = {}
    rank = {RegionKind.COUNTRY: 0, RegionKind.PROVINCE: 1, RegionKind.MUNICIPALITY: 2, RegionKind.DISTRICT: 3,
            RegionKind.NEIGHBOURHOOD: 4}
    rows = regions_by_kind(session)
    for code, name, kind in sorted(rows, key=lambda r: -rank[RegionKind(r[2])]):
        by_name[clean_text(name).lower()] = code
        if kind == RegionKind.PROVINCE:
            by_name[f"{clean_text(name).lower()} (pv)"] = code
    by_name["nederland"] = COUNTRY
    return by_name


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
                         period: str | None = None) -> Plan:
    text_file = open_text(path)
    rows = csv_rows(text_file)
    try:
        _, header = next(rows)
    except StopIteration:
        raise FileRefused(messages.FILE_EMPTY.format(name=path.name)) from None
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
    numeric = [i for i in range(width) if i not in (period_col, code_col, label_col)
               and _is_number_column([v for v in columns[i]])]
    dims = [i for i in range(width) if i not in (period_col, code_col, label_col) and i not in numeric]
    if not numeric:
        raise FileRefused(messages.NO_MEASURES.format(name=path.name))
    table = (table_id or _table_from_name(path.name) or "").upper() or None
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
    names = region_names(session) if code_col is None and label_col is not None else {}
    prefix = table or slug(path.stem)[:30]
    measures = _Measures(session, table, source, prefix)
    for i in numeric:
        unit = re.search(r"\(([^()]*)\)\s*$", header[i])
        measures.add(header[i], header[i], unit.group(1) if unit else "", 1, "")

    def chunks(plan: Plan) -> Iterator[pd.DataFrame]:
        def all_rows() -> Iterator[tuple[int, list[str]]]:
            yield from sample
            yield from rows
        buffer, lines = [], []
        for line, fields in all_rows():
            if len(fields) != width:
                if error := row_length_error(path.name, line, fields, width):
                    plan.errors.append(error)
                continue
            buffer.append(fields)
            lines.append(line)
            if len(buffer) * max(1, width) >= CHUNK_CELLS or len(buffer) >= CHUNK_ROWS:
                yield chunk_of(buffer, lines)
                buffer, lines = [], []
        if buffer:
            yield chunk_of(buffer, lines)
        plan.bytes_read = plan.size

    def chunk_of(buffer: list[list[str]], lines: list[int]) -> pd.DataFrame:
        cols = list(zip(*buffer, strict=True))
        if code_col is not None:
            regions_col = list(cols[code_col])
        elif label_col is not None:
            regions_col = [names.get(clean_text(v).lower(), clean_text(v)) for v in cols[label_col]]
        else:
            regions_col = [COUNTRY] * len(buffer)
        periods_col = list(cols[period_col]) if period_col is not None else [period] * len(buffer)
        combos = [tuple((header[d], clean_text(v), clean_text(v)) for d, v in zip(dims, vals, strict=True))
                  for vals in zip(*(cols[d] for d in dims), strict=True)] if dims else None
        pieces = []
        for i in numeric:
            codes = [measures.code(header[i], c) for c in combos] if combos else measures.code(header[i])
            pieces.append(_records(np.asarray(lines), header[i], codes, regions_col, periods_col, list(cols[i]),
                                   np.zeros(len(buffer), dtype=bool)))
        measures.take_new(plan)
        plan.bytes_read = min(plan.size, plan.bytes_read + sum(len(";".join(f)) for f in buffer))
        return pd.concat(pieces, ignore_index=True)

    plan.chunks = chunks
    return plan


# --------------------------------------------------------------------------------------------------
def read_cbs(path: Path, session: Session, table_id: str | None = None, period: str | None = None) -> Plan:
    """Pick the reader for a CBS path: OData folder, OData JSON (file or folder) or a StatLine CSV export."""
    if not path.exists():
        raise FileRefused(messages.FILE_MISSING.format(path=path))
    if path.is_dir():
        if any((path / n).exists() for n in ("TypedDataSet.json", "Observations.json", "UntypedDataSet.json")):
            return read_odata_json(path, session, table_id, period)
        return read_odata_folder(path, session, table_id, period)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_odata_json(path, session, table_id, period)
    if path.name == "data.csv" and (path.parent / "DataProperties.csv").exists():
        return read_odata_folder(path.parent, session, table_id, period)
    if suffix in (".csv", ".txt", ""):
        return read_statline_export(path, session, table_id, period)
    raise FileRefused(messages.FILE_UNKNOWN_TYPE.format(name=path.name))
