"""What the CBS readers share: chunk sizes and recognised keys, indicator codes from measure keys, regions from a
region dimension, the indicators of one table (one per measure and per category of its other dimensions), and the
record frame a reader yields."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from db.read.reference import bound_indicators, indicator_codes
from db.session import Session
from db.write.rows import REGION_CODE, IndicatorRow, RegionRow
from etl.pipeline import Plan
from etl.validation import RECORD_COLUMNS, region_code
from indicators.enums import COUNTRY, RegionKind
from indicators.values import clean_text

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


def decimals_of(raw: object) -> int:
    try:
        return max(0, min(6, int(str(raw).strip() or 1)))
    except ValueError:
        return 1


class Measures:
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
                          "decimals": decimals_of(decimals), "definition": clean_text(description)}

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


def records(lines: np.ndarray, column: str, indicators: object, regions: list, periods: list, values: list,
            provisional: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"line": lines, "column": column, "indicator": indicators, "region": regions,
                         "period": periods, "value": values, "provisional": provisional}, columns=RECORD_COLUMNS)


def table_from_name(name: str) -> str | None:
    m = TABLE_ID.search(name)
    return m.group(1).upper() if m else None
