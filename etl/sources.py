"""Readers for CBS StatLine tables in the shapes CBS and its clients hand out, each giving a pipeline Plan
(`read_cbs` picks one: etl.cbs_odata, etl.cbs_client_csv, etl.cbs_statline; what they share is in etl.cbs_measures),
and `load_cbs`, the one load of a CBS file that `python -m etl load-cbs` and the demo both run.

- the per-entity OData download (a folder: data.csv, DataProperties.csv, TableInfos.csv, dimension CSVs),
  also without data.csv (a region dimension alone, e.g. 85318NED WijkenEnBuurten.csv);
- OData JSON: v3 TypedDataSet ({"value": [{"RegioS": "GM0141    ", "Perioden": "2020JJ00", "Measure_1": 1}]})
  with optional DataProperties.json / TableInfos.json beside it, and v4 Observations (Measure, Value,
  ValueAttribute) with optional MeasureCodes.json / Properties.json;
- one CSV as CBS's clients write a table (`ID;RegioS;Perioden;Key_1…`): the typed data set without metadata, or
  the labels of the Python cbsodata client ("Almelo", "1e halfjaar 2021"), resolved through the region list;
- StatLine's CSV export (semicolon, quoted, labels instead of keys, padded numbers, Dutch or English
  decimals, "2022*" provisional periods).

A table seen for the first time gets its indicators from its metadata (or, without it, from its column keys or
titles), marked `needs_review` for an admin. Indicators that already carry the table id and the measure key (e.g.
the demo's `jeugdhulp`) receive the figures of the measure's totals instead.
"""

from __future__ import annotations

from pathlib import Path

from db.session import Session
from etl import messages
from etl.cbs_client_csv import is_client_csv, read_client_csv
from etl.cbs_measures import Selection
from etl.cbs_odata import read_odata_folder, read_odata_json
from etl.cbs_statline import read_statline_export
from etl.pipeline import Outcome, Plan, run_load
from etl.progress import Progress
from etl.reading import FileRefused, csv_rows, header_and_rows, open_text


def read_cbs(path: Path, session: Session, table_id: str | None = None, period: str | None = None,
             selection: Selection | None = None) -> Plan:
    """Pick the reader for a CBS path: OData folder, OData JSON (file or folder), a CBS client's CSV or a StatLine
    CSV export."""
    if not path.exists():
        raise FileRefused(messages.FILE_MISSING.format(path=path))
    if path.is_dir():
        if any((path / n).exists() for n in ("TypedDataSet.json", "Observations.json", "UntypedDataSet.json")):
            return read_odata_json(path, session, table_id, period, selection)
        return read_odata_folder(path, session, table_id, period, selection)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_odata_json(path, session, table_id, period, selection)
    if path.name == "data.csv" and (path.parent / "DataProperties.csv").exists():
        return read_odata_folder(path.parent, session, table_id, period, selection)
    if suffix in (".csv", ".txt", ""):
        header, _ = header_and_rows(path, csv_rows(open_text(path)))
        if is_client_csv(header):
            return read_client_csv(path, session, table_id, period, selection)
        return read_statline_export(path, session, table_id, period, selection)
    raise FileRefused(messages.FILE_UNKNOWN_TYPE.format(name=path.name))


def load_cbs(url: str, path: Path, *, table_id: str | None = None, period: str | None = None,
             selection: Selection | None = None, skip_invalid: bool = False, rejected_path: Path | None = None,
             progress: Progress | None = None, door: str = messages.DEFAULT_DOOR) -> Outcome:
    """Load one CBS file or folder in one transaction (etl.pipeline.run_load); a refusal is an Outcome too. The
    audit trail names `door` (the command's --door) with the load."""
    return run_load(url, lambda session: read_cbs(path, session, table_id, period, selection),
                    skip_invalid=skip_invalid, rejected_path=rejected_path, progress=progress, door=door)
