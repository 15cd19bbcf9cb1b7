"""Readers for CBS StatLine tables in the shapes CBS and its clients hand out, each giving a pipeline Plan
(`read_cbs` picks one: etl.cbs_odata, etl.cbs_statline; what they share is in etl.cbs_measures).

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

from pathlib import Path

from db.session import Session
from etl import messages
from etl.cbs_odata import read_odata_folder, read_odata_json
from etl.cbs_statline import read_statline_export
from etl.pipeline import Plan
from etl.reading import FileRefused


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
