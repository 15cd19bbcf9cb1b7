"""Readers for CBS files as CBS and its clients hand them out, yielding validated rows.

- the per-entity OData download of `cbsodataR` (data.csv, DataProperties.csv, dimension CSVs),
- the label CSVs of the Python `cbsodata` client (`;`, BOM, labels instead of codes).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from db.write.rows import ObservationRow, RegionRow
from etl import messages
from etl.reading import FileRefused
from indicators.enums import COUNTRY, ObservationStatus, RegionKind
from indicators.periods import Period, PeriodError
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
    """Every wijk and buurt of the 85318NED dimension, with its parent (gemeente or wijk)."""
    rows: list[RegionRow] = []
    for rec in read_csv(path):
        code = clean_code(rec["Key"])
        if code.startswith("WK"):
            rows.append(RegionRow(code=code, name=rec["Title"], kind=RegionKind.DISTRICT,
                                  parent_code=clean_code(rec["Municipality"])))
        elif code.startswith("BU"):
            rows.append(RegionRow(code=code, name=rec["Title"], kind=RegionKind.NEIGHBOURHOOD,
                                  parent_code="WK" + code[2:8]))
    return rows


_PROVINCE_SUFFIX = re.compile(r"\s*\((?:[A-Z]{1,2}\.|gemeente|GM)\)$")


@dataclass
class LabelResolver:
    """Maps the region labels of `cbsodata` label files to CBS codes ("Almelo" -> GM0141)."""

    by_name: dict[str, str]
    unresolved: Counter = field(default_factory=Counter)

    @classmethod
    def from_regions(cls, regions: Iterable[RegionRow]) -> LabelResolver:
        by_name: dict[str, str] = {}
        for r in regions:
            if r.kind is RegionKind.MUNICIPALITY:
                by_name[r.name] = r.code
                by_name.setdefault(_PROVINCE_SUFFIX.sub("", r.name), r.code)
            elif r.kind is RegionKind.PROVINCE:
                by_name[f"{r.name} (PV)"] = r.code
            elif r.kind is RegionKind.COUNTRY:
                by_name[r.name] = r.code
        return cls(by_name)

    def code(self, label: str) -> str | None:
        label = clean_text(label)
        code = self.by_name.get(label) or self.by_name.get(_PROVINCE_SUFFIX.sub("", label))
        if code is None:
            self.unresolved[label] += 1
        return code


def read_label_table(
    path: Path,
    measures: dict[str, str],
    resolver: LabelResolver,
    filters: dict[str, str] | None = None,
    year_only: bool = False,
    code_column: str | None = None,
    known_codes: set[str] | None = None,
) -> Iterator[ObservationRow]:
    """Observations from a `cbsodata` label CSV.

    `measures` maps a column key to our indicator code; `filters` keeps only rows whose column has
    the given label (e.g. {"SoortMisdrijf": "Misdrijven, totaal"}); rows of regions that are not a
    gemeente, province or Nederland are skipped (counted in `resolver.unresolved`). Tables per wijk
    carry the code in a column (`code_column`, e.g. Codering_3); codes not in `known_codes` are skipped.
    """
    for rec in read_csv(path, delimiter=";"):
        if filters and any(clean_text(rec.get(col)) != want for col, want in filters.items()):
            continue
        if code_column:
            region_code = clean_code(rec.get(code_column))
            if known_codes is not None and region_code not in known_codes:
                resolver.unresolved[region_code] += 1
                continue
        else:
            region_code = resolver.code(rec["RegioS"])
        if region_code is None:
            continue
        try:
            period = Period.parse(rec["Perioden"])
        except PeriodError:
            continue  # e.g. reference dates such as "31 december 2020" are not periods
        if year_only and period.kind.value != "jaar":
            continue
        provisional = rec["Perioden"].strip().endswith("*")
        for column, indicator_code in measures.items():
            value, status = parse_value(rec.get(column), decimal=".")
            if provisional and status is ObservationStatus.DEFINITIVE:
                status = ObservationStatus.PROVISIONAL
            yield ObservationRow(indicator_code=indicator_code, region_code=region_code,
                                 period=period, value=value, status=status)
