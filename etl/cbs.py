"""The region tables shipped with Perspectief as region rows: 85067NED *Gebieden in Nederland* (Nederland, the
provinces and every gemeente with its CBS groupings and inhabitants) and the 85318NED wijken-en-buurten dimension."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from db.write.rows import REGION_CODE, RegionRow
from etl import messages
from etl.reading import FileRefused
from indicators.enums import COUNTRY, RegionKind
from indicators.values import ValueError_, clean_code, clean_text, parse_value

# 85067NED "Gebieden in Nederland": topic key of each grouping -> (our group kind, name column)
GROUP_COLUMNS_85067 = {
    "provincie": ("Code_26", "Naam_27"),
    "landsdeel": ("Code_24", "Naam_25"),
    "corop": ("Code_8", "Naam_9"),
    "ggd_regio": ("Code_14", "Naam_15"),
    "jeugdregio": ("Code_16", "Naam_17"),
    "arbeidsmarktregio": ("Code_4", "Naam_5"),
    "veiligheidsregio": ("Code_46", "Naam_47"),
    "veilig_thuis_regio": ("Code_44", "Naam_45"),
    "zorgkantoorregio": ("Code_48", "Naam_49"),
    "gemeentegrootte": ("Code_50", "Omschrijving_51"),
    "stedelijkheid": ("Code_52", "Omschrijving_53"),
}
COUNTRY_NAME = "Nederland"


def read_csv(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    """Rows of a CBS CSV (UTF-8 with or without BOM; quoted fields may hold line breaks)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh, delimiter=delimiter)


def read_regions_85067(folder: Path) -> list[RegionRow]:
    """Nederland, the provinces and every gemeente with its CBS groupings and inhabitants."""
    gemeenten: list[RegionRow] = []
    provinces: dict[str, str] = {}
    for line, rec in enumerate(read_csv(folder / "data.csv"), start=2):
        try:
            gemeenten.append(_gemeente_85067(rec, provinces))
        except (KeyError, TypeError, ValueError, ValueError_, ValidationError):
            raise FileRefused(messages.REGION_ROW_BROKEN.format(name="data.csv", line=line)) from None
    country = RegionRow(code=COUNTRY, name=COUNTRY_NAME, kind=RegionKind.COUNTRY)
    province_rows = [
        RegionRow(code=code, name=name, kind=RegionKind.PROVINCE, parent_code=COUNTRY)
        for code, name in sorted(provinces.items())
    ]
    return [country, *province_rows, *gemeenten]


def _gemeente_85067(rec: dict[str, str], provinces: dict[str, str]) -> RegionRow:
    """One row of 85067NED; KeyError/TypeError when the row is cut short, ValueError on bad content."""
    if None in rec or None in rec.values():  # more or fewer fields than the header
        raise ValueError("row length")
    groups = {
        kind: (clean_code(rec[code_col]), clean_text(rec[name_col]))
        for kind, (code_col, name_col) in GROUP_COLUMNS_85067.items()
        if clean_code(rec.get(code_col))
    }
    province_code, province_name = groups["provincie"]
    provinces[province_code] = province_name
    try:
        population, _ = parse_value(rec.get("Inwonertal_54"), decimal=".")
    except ValueError_:  # reported as a bad figure by the validation of the measures
        population = None
    return RegionRow(
        code=rec["RegioS"],
        name=rec["Naam_2"],
        kind=RegionKind.MUNICIPALITY,
        parent_code=province_code,
        population=int(population) if population is not None else None,
        groups=groups,
    )


def read_wijken_buurten(path: Path) -> list[RegionRow]:
    """Every wijk and buurt of the 85318NED dimension, with its parent (gemeente or wijk).

    18 000 rows of a CBS file shipped with the app: built without pydantic's per-row validation (codes are checked
    against REGION_CODE here), which made this the slowest part of every load that resolves region labels."""
    rows: list[RegionRow] = []
    for rec in read_csv(path):
        code = clean_code(rec["Key"])
        if not REGION_CODE.match(code) or not code.startswith(("WK", "BU")):
            continue
        name = clean_text(rec["Title"])[:120] or code
        if code.startswith("WK"):
            rows.append(RegionRow.model_construct(code=code, name=name, kind=RegionKind.DISTRICT,
                                                  parent_code=clean_code(rec["Municipality"]) or None,
                                                  population=None, groups={}))
        else:
            rows.append(RegionRow.model_construct(code=code, name=name, kind=RegionKind.NEIGHBOURHOOD,
                                                  parent_code="WK" + code[2:8], population=None, groups={}))
    return rows
