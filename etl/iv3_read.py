"""Reading Iv3 files into checked statements, before anything touches the database.

Two shapes, recognised by their header:
- **per gemeente × taakveld** (`Gemeenten;Taakveld;…;Baten;Lasten;…;Inwonertal`, as in etl/data/iv3/iv3-per-gemeente):
  gemeente *names*, taakveld labels cut at 40 characters, trailing spaces, old titles, `Nederland` rows (the file
  maker's sum: skipped), negative amounts (kept). Year and kind come from the command or the file name.
- **CBS's onbewerkte Iv3-data** (`Verslagsoort, Gemeenten, TaakveldBalanspost, Categorie, k_1ePlaatsing_1,
  k_2ePlaatsing_2`): keys padded with spaces, year and kind in Verslagsoort (`2023X000` begroting, `2023X005`
  jaarrekening; X001–X004 quarters are skipped), balance rows A*/P* skipped, lasten = the sum of the L* categories
  and baten of the B* ones (as CBS's own totals and the BZK tool do), −99998 = no figure.

The code is leidend: a label that differs from CBS's code list (old title, abbreviation) is reported, not refused."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from etl import iv3_texts as t
from etl.reading import FileRefused
from etl.validation import RowError
from indicators.enums import StatementKind
from indicators.taakveld_groups import TaakveldDef, is_taakveld_code
from indicators.values import ValueError_, clean_text, parse_value

PIVOT_COLUMNS = {"gemeenten", "taakveld", "baten", "lasten"}
RAW_COLUMNS = {"verslagsoort", "gemeenten", "taakveldbalanspost", "categorie"}
RAW_MEASURES = ("k_2ePlaatsing_2", "k_1ePlaatsing_1", "k_1stePlaatsing_1")  # newest correction first
NO_FIGURE = -99998.0  # CBS's "geen opgave" in the raw Iv3 data
COUNTRY_ROW = "nederland"
_NAME_RE = re.compile(r"(?P<year>20\d\d)[_\- ]?(?P<kind>begroting|jaarrekening|realisatie|rekening)", re.IGNORECASE)
_VERSLAGSOORT = re.compile(r"^(?P<year>\d{4})X00(?P<n>[0-5])$")
_GM = re.compile(r"^GM\d{4}$")
KIND_WORDS = {"begroting": StatementKind.BUDGET, "realisatie": StatementKind.ACTUAL,
              "jaarrekening": StatementKind.ACTUAL, "rekening": StatementKind.ACTUAL}


def parse_kind(value: str | None) -> StatementKind | None:
    if not value:
        return None
    kind = KIND_WORDS.get(value.strip().lower())
    if kind is None:
        raise FileRefused(t.KIND_UNKNOWN.format(value=value))
    return kind


def kind_year_from_name(path: Path) -> tuple[int, StatementKind] | None:
    m = _NAME_RE.search(path.stem)
    return (int(m["year"]), KIND_WORDS[m["kind"].lower()]) if m else None


class CodeList:
    """CBS's taakveld codes by boekjaar: which codes exist in a year, and their names."""

    def __init__(self, rows: list[TaakveldDef]) -> None:
        self._by_year: dict[int, dict[str, TaakveldDef]] = defaultdict(dict)
        for r in rows:
            if is_taakveld_code(r.code):
                for year in range(r.first_year, r.last_year + 1):
                    self._by_year[year][r.code] = r

    def get(self, year: int, code: str) -> TaakveldDef | None:
        return self._by_year.get(year, {}).get(code)

    def has_year(self, year: int) -> bool:
        return year in self._by_year


@dataclass
class StatementData:
    """One gemeente's statement as read: (lasten, baten) per taakveld code and the line each came from."""

    gemeente: str  # CBS code
    year: int
    kind: StatementKind
    inhabitants: int | None = None
    amounts: dict[str, list[float | None]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class ReadResult:
    statements: dict[tuple[str, int, StatementKind], StatementData] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    rows_read: int = 0

    @property
    def what(self) -> list[tuple[int, StatementKind]]:
        return sorted({(y, k) for _, y, k in self.statements})


class Resolver:
    """Gemeente names or codes of a file -> CBS codes, through the region list."""

    def __init__(self, ids: dict[str, int], by_name: dict[str, str], by_folded: dict[str, str]) -> None:
        self.ids, self.by_name, self.by_folded = ids, by_name, by_folded

    def code(self, raw: str) -> str | None:
        text = clean_text(raw)
        if _GM.match(text.upper()):
            return text.upper() if text.upper() in self.ids else None
        return self.by_name.get(text) or self.by_folded.get(text.casefold()) or self.by_folded.get(
            re.sub(r"\s*\(gemeente\)$", "", text).casefold())


def _amount(raw: str, file: str, line: int, column: str, errors: list[RowError]) -> tuple[bool, float | None]:
    try:
        value, _ = parse_value(raw, decimal=".")
    except ValueError_:
        errors.append(RowError(file, line, column, str(raw).strip(), t.ROW_AMOUNT.format(value=str(raw).strip())))
        return False, None
    return True, value


class _Labels:
    """Taakveld labels that differ from the code list (reported once, with a few examples)."""

    def __init__(self) -> None:
        self.differ: dict[str, str] = {}

    def check(self, label: str, definition: TaakveldDef) -> None:
        shown = clean_text(label).removesuffix("..").strip()
        if shown and not clean_text(definition.name).startswith(shown) and definition.code not in self.differ:
            self.differ[definition.code] = f"{definition.code} ‘{shown}’ (codelijst: ‘{clean_text(definition.name)}’)"

    def notice(self) -> list[str]:
        if not self.differ:
            return []
        return [t.NOTICE_LABELS.format(count=len(self.differ), examples="; ".join(list(self.differ.values())[:3]))]


def _data_rows(name: str, header: list[str], rows: Iterator[tuple[int, list[str]]], result: ReadResult
               ) -> Iterator[tuple[int, list[str]]]:
    """The non-empty rows that have as many fields as the header (counted in `result`); a RowError for the others."""
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            continue
        result.rows_read += 1
        if len(fields) != len(header):
            result.errors.append(RowError(name, line, "", "", t.ROW_LENGTH.format(found=len(fields),
                                                                                   expected=len(header))))
            continue
        yield line, fields


def _keys(result: ReadResult, where: tuple[str, int], gemeente_cell: tuple[str, str],
          taakveld_cell: tuple[str, str], year: int, resolver: Resolver, codes: CodeList,
          labels: _Labels) -> tuple[str | None, str, TaakveldDef | None]:
    """The gemeente's CBS code and the taakveld (code, definition in the year's code list) of one row; a RowError for
    each that does not resolve. A label after the code is checked against the code list (reported, not refused)."""
    (name, line), (g_column, raw_name), (t_column, label) = where, gemeente_cell, taakveld_cell
    gemeente = resolver.code(raw_name)
    if gemeente is None:
        result.errors.append(RowError(name, line, g_column, clean_text(raw_name),
                                      t.ROW_GEMEENTE.format(value=clean_text(raw_name))))
    text = clean_text(label)
    code = text.split(" ", 1)[0]
    definition = codes.get(year, code) if is_taakveld_code(code) else None
    if not is_taakveld_code(code):
        result.errors.append(RowError(name, line, t_column, text, t.ROW_TAAKVELD.format(value=text)))
    elif definition is None:
        result.errors.append(RowError(name, line, t_column, code, t.ROW_TAAKVELD_YEAR.format(code=code, year=year)))
    elif " " in text:
        labels.check(text[len(code):], definition)
    return gemeente, code, definition


def _add(result: ReadResult, key: tuple[str, int, StatementKind], code: str, lasten: float | None,
         baten: float | None, line: int, file: str, duplicates: list[int]) -> None:
    data = result.statements.setdefault(key, StatementData(*key))
    if code in data.amounts:
        if data.amounts[code] == [lasten, baten]:
            duplicates.append(line)
        else:
            result.errors.append(RowError(file, line, "Taakveld", code, t.ROW_DUPLICATE.format(first=data.lines[code])))
        return
    data.amounts[code] = [lasten, baten]
    data.lines[code] = line


def read_pivoted(name: str, header: list[str], rows: Iterator[tuple[int, list[str]]], year: int,
                 kind: StatementKind, resolver: Resolver, codes: CodeList) -> ReadResult:
    """The per-gemeente × taakveld shape (see the module docstring)."""
    result = ReadResult()
    col = {h.strip().lower(): i for i, h in enumerate(header)}
    g, tv, baten_col, lasten_col = col["gemeenten"], col["taakveld"], col["baten"], col["lasten"]
    inh = col.get("inwonertal")
    if not codes.has_year(year):
        raise FileRefused(f"{name}: " + t.NO_CODE_LIST.format(year=year))
    labels, duplicates, country_rows = _Labels(), [], 0
    inhabitants: dict[str, dict[int, int]] = defaultdict(dict)  # gemeente -> {value: first line}
    for line, fields in _data_rows(name, header, rows, result):
        raw_name = fields[g]
        if clean_text(raw_name).lower() == COUNTRY_ROW:
            country_rows += 1
            continue
        gemeente, code, definition = _keys(result, (name, line), ("Gemeenten", raw_name), ("Taakveld", fields[tv]),
                                           year, resolver, codes, labels)
        ok_l, lasten = _amount(fields[lasten_col], name, line, header[lasten_col].strip(), result.errors)
        ok_b, baten = _amount(fields[baten_col], name, line, header[baten_col].strip(), result.errors)
        if inh is not None and gemeente and fields[inh].strip():
            try:
                value, _ = parse_value(fields[inh], decimal=".")
                if value is None or value < 0 or not float(value).is_integer():
                    raise ValueError_(fields[inh])
                inhabitants[gemeente].setdefault(int(value), line)
            except ValueError_:
                result.errors.append(RowError(name, line, header[inh].strip(), fields[inh].strip(),
                                              t.ROW_INHABITANTS.format(value=fields[inh].strip())))
        if gemeente and definition and ok_l and ok_b:
            _add(result, (gemeente, year, kind), code, lasten, baten, line, name, duplicates)
    for gemeente, values in inhabitants.items():
        key = (gemeente, year, kind)
        if key in result.statements:
            first = min(values, key=values.get)
            result.statements[key].inhabitants = first
            if len(values) > 1:
                result.notices.append(t.NOTICE_INHABITANTS.format(name=gemeente, values=", ".join(map(str, values))))
    if country_rows:
        result.notices.append(t.NOTICE_NEDERLAND.format(count=country_rows))
    if duplicates:
        result.notices.append(t.NOTICE_IDENTICAL.format(count=len(duplicates)))
    result.notices += labels.notice()
    return result


def read_raw(name: str, header: list[str], rows: Iterator[tuple[int, list[str]]], year: int | None,
             kind: StatementKind | None, resolver: Resolver, codes: CodeList) -> ReadResult:
    """CBS's onbewerkte Iv3-data (see the module docstring): sums L* into lasten and B* into baten."""
    result = ReadResult()
    col = {h.strip(): i for i, h in enumerate(header)}
    low = {h.strip().lower(): i for i, h in enumerate(header)}
    measure = next((m for m in RAW_MEASURES if m in col), None)
    if measure is None:
        raise FileRefused(t.FORMAT_UNKNOWN.format(name=name, found=", ".join(h.strip() for h in header[:10])))
    result.notices.append(t.NOTICE_RAW_MEASURE.format(column=measure))
    v_col, g_col, tv_col, c_col, m_col = (low["verslagsoort"], low["gemeenten"], low["taakveldbalanspost"],
                                          low["categorie"], col[measure])
    skipped = {"balance": 0, "quarters": 0, "other": 0, "missing": 0}
    sums: dict[tuple[str, int, StatementKind], dict[str, list]] = defaultdict(dict)
    first_line: dict[tuple[tuple[str, int, StatementKind], str], int] = {}
    labels = _Labels()
    for line, fields in _data_rows(name, header, rows, result):
        verslag = clean_text(fields[v_col])
        m = _VERSLAGSOORT.match(verslag.upper())
        if m is None:
            result.errors.append(RowError(name, line, "Verslagsoort", verslag, t.ROW_VERSLAGSOORT.format(
                value=verslag)))
            continue
        if m["n"] in "1234":
            skipped["quarters"] += 1
            continue
        row_year, row_kind = int(m["year"]), StatementKind.BUDGET if m["n"] == "0" else StatementKind.ACTUAL
        if (year is not None and row_year != year) or (kind is not None and row_kind != kind):
            continue
        post = clean_text(fields[tv_col])
        if post[:1].upper() in ("A", "P"):
            skipped["balance"] += 1
            continue
        category = clean_text(fields[c_col]).upper()
        if category[:1] not in ("L", "B"):
            skipped["other"] += 1
            continue
        gemeente, code, definition = _keys(result, (name, line), ("Gemeenten", fields[g_col]),
                                           ("TaakveldBalanspost", post), row_year, resolver, codes, labels)
        ok, value = _amount(fields[m_col], name, line, measure, result.errors)
        if ok and (value is None or value == NO_FIGURE):
            skipped["missing"] += 1
            continue
        if not (ok and gemeente and definition):
            continue
        key = (gemeente, row_year, row_kind)
        pair = sums[key].setdefault(code, [None, None])
        first_line.setdefault((key, code), line)
        side = 0 if category[0] == "L" else 1
        pair[side] = (pair[side] or 0.0) + value
    for key, amounts in sums.items():
        result.statements[key] = StatementData(*key, amounts=amounts,
                                               lines={c: first_line[(key, c)] for c in amounts})
    if any(skipped.values()):
        result.notices.append(t.NOTICE_RAW_SKIPPED.format(**skipped))
    result.notices += labels.notice()
    return result


def shape_of(name: str, header: list[str]) -> str:
    """'pivot' or 'raw' from the header; refuses anything else with the columns it found."""
    names = {h.strip().lower() for h in header}
    if "functiekostenplaatsbalanspost" in names:
        raise FileRefused(t.FORMAT_FUNCTIONS.format(name=name))
    if RAW_COLUMNS <= names:
        return "raw"
    if PIVOT_COLUMNS <= names:
        return "pivot"
    raise FileRefused(t.FORMAT_UNKNOWN.format(name=name, found=", ".join(h.strip() for h in header[:10])))
