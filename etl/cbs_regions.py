"""The CBS region list that region *labels* are resolved through ("Almelo" -> GM0141, "Beek (L.)" -> GM0888,
"Friesland (PV)" -> PV21), built from the region files shipped in etl/data/cbs and the regions in the database.

CBS's clients write a table's region dimension as labels: gemeenten by name (85067NED *Gebieden in Nederland
2022*, and 70739ned, every gemeente since 1830 with its code: those formed since 2022 are added, those that no
longer exist are recognised as former and skipped), disambiguated with CBS's suffixes (`(L.)`, `(NH.)`,
`(gemeente)`, `(PV)`), wijken and buurten by title (85318NED). Labels of other area kinds that Perspectief does
not store (landsdelen `(LD)`, COROP `(CR)`, jeugdregio's `(JZ)`, politie-eenheden `(RE)`, arbeidsmarktregio's
`(AM)`, size classes, "Niet in te delen") are recognised as such, so a loader can skip them instead of calling
them unknown.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

from db.write.rows import REGION_CODE, RegionRow
from etl import cbs, messages
from etl.validation import RowError, region_code
from indicators.enums import COUNTRY, RegionKind
from indicators.values import clean_code, clean_text

CBS_DIR = Path(__file__).resolve().parent / "data" / "cbs"
GEMEENTEN_SINCE_1830 = CBS_DIR / "70739ned.csv"  # CBS 70739ned: every gemeente since 1830, landsdelen, COROP
NOT_A_GEMEENTE = {"GM0998", "GM0999"}  # "Buitenland", "Niet-gemeentelijk ingedeeld"

# the better the rank, the more a label means that region: a gemeente's name beats a wijk of the same name
_RANK = {RegionKind.COUNTRY: 0, RegionKind.PROVINCE: 1, RegionKind.MUNICIPALITY: 2, RegionKind.DISTRICT: 4,
         RegionKind.NEIGHBOURHOOD: 5}

_OTHER_AREA = [
    re.compile(r"\s\((?!PV\))[A-Z]{2}\)$"),  # Twente (JZ), Noord-Nederland (LD), Twente (CR), Amsterdam (RE)
    re.compile(r"\bniet in te delen\b", re.IGNORECASE),
    # size classes and urbanity, also as "Gemeenten: 50 000 tot 100 000 inwoners"
    re.compile(r"^(gemeenten[:;] )?(minder dan )?[\d. ]+( tot [\d. ]+)? inwoners( of meer)?$", re.IGNORECASE),
    re.compile(r"^(gemeenten[:;] )?(zeer sterk|sterk|matig|weinig|niet) stedelijk$", re.IGNORECASE),
]
_WIJK_PREFIX = re.compile(r"^wijk \d{2} ", re.IGNORECASE)  # "Wijk 10 Binnenstad" in the Wmo tables per wijk


class Match(Enum):
    FOUND = "gevonden"
    OTHER_AREA = "ander soort gebied"  # a landsdeel, COROP-gebied, jeugdregio …: skipped
    FORMER = "opgeheven gemeente"  # Appingedam (until 2021): known to CBS, skipped – we compare today's gemeenten
    UNKNOWN = "onbekend"
    AMBIGUOUS = "dubbelzinnig"


@dataclass(frozen=True)
class Resolved:
    match: Match
    code: str | None = None
    candidates: tuple[str, ...] = ()  # the codes an ambiguous label may mean


def _key(label: str) -> str:
    return clean_text(label).casefold()


def is_other_area(label: str) -> bool:
    text = clean_text(label)
    return any(p.search(text) for p in _OTHER_AREA)


@dataclass
class RegionList:
    """Regions by code and labels by their best rank (label -> rank -> codes), optionally on top of a base list
    (the bundled one) that it does not copy."""

    rows: dict[str, RegionRow] = field(default_factory=dict)
    labels: dict[str, dict[int, set[str]]] = field(default_factory=lambda: defaultdict(dict))
    other_areas: set[str] = field(default_factory=set)
    former: dict[str, tuple[str, str]] = field(default_factory=dict)  # label -> (code, end date as CBS writes it)
    former_codes: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (label, end date)
    base: RegionList | None = None

    def add(self, row: RegionRow, rank: int | None = None, *labels: str) -> None:
        self.rows.setdefault(row.code, row)
        rank = _RANK[row.kind] if rank is None else rank
        for label in labels or (row.name,):
            self.labels[_key(label)].setdefault(rank, set()).add(row.code)

    def row(self, code: str) -> RegionRow | None:
        return self.rows.get(code) or (self.base.row(code) if self.base else None)

    def _codes_by_rank(self, key: str) -> dict[int, set[str]]:
        merged = {rank: set(codes) for rank, codes in (self.base._codes_by_rank(key) if self.base else {}).items()}
        for rank, codes in self.labels.get(key, {}).items():
            merged.setdefault(rank, set()).update(codes)
        return merged

    def resolve(self, label: str) -> Resolved:
        """The code a region label stands for; a code itself ("GM0141    ", "NL00") is taken as it is."""
        code = clean_code(label)
        if code == "NL00":
            code = COUNTRY
        if REGION_CODE.match(code):
            return Resolved(Match.FOUND, code)
        key = _key(label)
        by_rank = self._codes_by_rank(key)
        former = next((r.former[key] for r in (self, self.base) if r and key in r.former), None)
        if former and (not by_rank or min(by_rank) >= _RANK[RegionKind.DISTRICT]):  # a gemeente's name first
            return Resolved(Match.FORMER, former[0], (former[1],))
        if by_rank:
            codes = sorted(by_rank[min(by_rank)])
            if len(codes) == 1:
                return Resolved(Match.FOUND, codes[0])
            return Resolved(Match.AMBIGUOUS, None, tuple(codes))
        if is_other_area(label) or any(key in r.other_areas for r in (self, self.base) if r):
            return Resolved(Match.OTHER_AREA)
        return Resolved(Match.UNKNOWN)

    def former_code(self, code: str) -> tuple[str, str] | None:
        """(name, end date) when this code is a gemeente that no longer exists (GM0003 Appingedam) or one of its
        wijken or buurten (WK000301), else None."""
        code = "GM" + code[2:6] if code[:2] in ("WK", "BU") else code
        return next((r.former_codes[code] for r in (self, self.base) if r and code in r.former_codes), None)

    def rows_for(self, codes: dict[str, str]) -> list[RegionRow]:
        """The regions a file's rows belong to (code -> the label beside it), Nederland and everything above them,
        so that a fresh database gets them all; a code the list does not know becomes a new region."""
        codes = {COUNTRY: "Nederland", **{c: label for c, label in codes.items() if self.former_code(c) is None}}
        new = [new_region(code, label) for code, label in codes.items() if self.row(code) is None]
        parents = [r.parent_code for r in new if r.parent_code]
        return self.with_ancestors([*(c for c in codes if self.row(c) is not None), *parents]) + new

    def with_ancestors(self, codes: Iterable[str]) -> list[RegionRow]:
        """The rows of these codes and of every region above them (so a fresh database gets their parents too)."""
        out: dict[str, RegionRow] = {}
        for code in codes:
            while code and code not in out and (row := self.row(code)) is not None:
                out[code] = row
                code = row.parent_code
        return list(out.values())


def _read(path: Path, delimiter: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _gemeenten_since_1830(regions: RegionList) -> None:
    """70739ned: every gemeente since 1830 under CBS's own label, the provinces under both of their names.

    A gemeente of 85067NED is also known by its CBS label ("Groningen (gemeente)"); one formed since (Voorne aan
    Zee, 2023) becomes a region; one that no longer exists (Appingedam, until 2021) is remembered as former, so that
    its rows are skipped with a notice rather than refused as unknown."""
    records = _read(GEMEENTEN_SINCE_1830, ";")
    province_of: dict[str, str] = {}  # the table's province names ("Friesland") -> PV code
    for rec in records:
        code = clean_code(rec.get("GebiedsOfGemeentecode_3"))
        if code.startswith("PV"):
            province_of[clean_text(rec.get("Provincie_4"))] = code
            regions.add(regions.rows[code], None, clean_text(rec["RegioS"]), f"{clean_text(rec['Provincie_4'])} (PV)")
    for rec in records:
        code, label = clean_code(rec.get("GebiedsOfGemeentecode_3")), clean_text(rec.get("RegioS"))
        if code.startswith(("LD", "CR")) or code in NOT_A_GEMEENTE:
            regions.other_areas.add(_key(label))
        elif code.startswith("GM") and REGION_CODE.match(code):
            if code in regions.rows:  # a current gemeente: its CBS label ("Groningen (gemeente)") means it too
                regions.add(regions.rows[code], None, label)
            elif clean_text(rec.get("Einddatum_2")):
                regions.former[_key(label)] = (code, clean_text(rec.get("Einddatum_2")))
                name = re.sub(r"\s*\(gemeente\)$", "", label)
                regions.former_codes[code] = (name, clean_text(rec.get("Einddatum_2")))
            else:
                name = re.sub(r"\s*\(gemeente\)$", "", label)
                parent = province_of.get(clean_text(rec.get("Provincie_4")))
                regions.add(RegionRow(code=code, name=name, kind=RegionKind.MUNICIPALITY, parent_code=parent),
                            None, label)


@lru_cache(maxsize=1)
def bundled() -> RegionList:
    """The region list shipped with Perspectief (85067NED, 70739ned, 85318NED); built once per process."""
    regions = RegionList()
    for row in cbs.read_regions_85067(CBS_DIR / "85067NED"):
        labels = [f"{row.name} (PV)"] if row.kind is RegionKind.PROVINCE else [row.name]
        regions.add(row, None, *labels)
    _gemeenten_since_1830(regions)
    for row in cbs.read_wijken_buurten(CBS_DIR / "85318NED" / "WijkenEnBuurten.csv"):
        labels = [row.name]
        if row.kind is RegionKind.DISTRICT:
            labels.append(f"Wijk {row.code[-2:]} {row.name}")
        regions.add(row, None, *labels)
    return regions


def region_list(known: Iterable[tuple[str, str, RegionKind]] = ()) -> RegionList:
    """The bundled list plus the regions a database holds as (code, name, kind) under a name the bundled list does
    not give them (e.g. a newer region table an operator loaded); a label found in both with different codes is
    ambiguous at the same rank."""
    base = bundled()
    regions = RegionList(base=base)
    for code, name, kind in known:
        kind = RegionKind(kind)
        bundled_row = base.rows.get(code)
        if bundled_row is not None and bundled_row.name == name and kind is not RegionKind.PROVINCE:
            continue
        labels = {RegionKind.PROVINCE: [f"{name} (PV)"], RegionKind.COUNTRY: [name, "Nederland"]}.get(kind, [name])
        regions.add(bundled_row or RegionRow(code=code, name=name[:120] or code, kind=kind), None, *labels)
    return regions


def new_region(code: str, label: str) -> RegionRow:
    """A region a CBS table names by code that the list does not know yet (e.g. a wijk of a newer year)."""
    kind = {"GM": RegionKind.MUNICIPALITY, "WK": RegionKind.DISTRICT, "BU": RegionKind.NEIGHBOURHOOD,
            "PV": RegionKind.PROVINCE}.get(code[:2], RegionKind.COUNTRY)
    parent = {"WK": "GM" + code[2:6], "BU": "WK" + code[2:8], "PV": COUNTRY}.get(code[:2])
    name = _WIJK_PREFIX.sub("", clean_text(label)) or code
    return RegionRow(code=code, name=name[:120], kind=kind, parent_code=parent)


class RowRegions:
    """The region of each row of a CBS file, from its code column or its label column (resolved beforehand),
    collecting the row errors and counting the rows it skips (other area kinds; no region and no figures)."""

    def __init__(self, file: str, column: str, resolved: dict[str, Resolved] | None,
                 regions: RegionList | None = None) -> None:
        self.file, self.column, self.resolved = file, column, resolved  # resolved: None for a code column
        self.regions = regions  # for a code column: the list that knows the former gemeenten' codes
        self.other_areas = self.empty = self.former_rows = 0
        self.former: dict[str, str] = {}  # label -> end date of the former gemeenten skipped

    def region(self, raw: str, line: int, has_figures: bool, errors: list[RowError]) -> str | None:
        text = clean_text(raw)
        if not text:
            if has_figures:
                errors.append(RowError(self.file, line, self.column, "",
                                       messages.ROW_NO_REGION.format(column=self.column)))
            else:
                self.empty += 1
            return None
        if self.resolved is None:
            code = region_code(raw)
            gone = self.regions.former_code(code) if self.regions is not None else None
            if gone is not None:  # the same rule as for a label: only today's gemeenten are compared
                self.former.setdefault(gone[0], gone[1])
                self.former_rows += 1
                return None
            if REGION_CODE.match(code):
                return code
            errors.append(RowError(self.file, line, self.column, text, messages.ROW_BAD_REGION.format(value=text)))
            return None
        found = self.resolved[raw]
        if found.match is Match.FOUND:
            return found.code
        if found.match is Match.OTHER_AREA:
            self.other_areas += 1
            return None
        if found.match is Match.FORMER:
            self.former.setdefault(text, found.candidates[0])
            self.former_rows += 1
            return None
        reason = (messages.ROW_UNKNOWN_LABEL.format(value=text) if found.match is Match.UNKNOWN else
                  messages.ROW_AMBIGUOUS_LABEL.format(value=text, count=len(found.candidates),
                                                      codes=", ".join(found.candidates[:5])))
        errors.append(RowError(self.file, line, self.column, text, reason))
        return None

    def notices(self) -> list[str]:
        out = [messages.NOTICE_OTHER_AREA_ROWS.format(count=self.other_areas)] if self.other_areas else []
        if self.former_rows:
            label, end = next(iter(self.former.items()))
            out.append(messages.NOTICE_FORMER_GEMEENTEN.format(count=self.former_rows, gemeenten=len(self.former),
                                                               example=label, end=end.strip().lstrip("0")))
        return out + ([messages.NOTICE_EMPTY_ROWS.format(count=self.empty)] if self.empty else [])
