"""Real periods (year, half year, quarter, month) as values, with CBS and Dutch parsing; quarters as the quarter
report names them; moments in UTC.

A period is stored as its kind plus its first day; everything else derives from that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from indicators.enums import PeriodKind

_MONTHS_PER_KIND = {
    PeriodKind.YEAR: 12,
    PeriodKind.HALF_YEAR: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
}

MONTH_NAMES_NL = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]
MONTH_ABBR_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

_CBS_CODE = re.compile(r"^(\d{4})(JJ|HJ|KW|MM)(\d{2})$")
_ISO_CODE = re.compile(r"^(\d{4})(?:[-\s]?(H|Q|KW|K)\s?(\d)|-(\d{1,2}))?$", re.IGNORECASE)
_PART_FIRST = re.compile(r"^(H|Q|KW|K)\s?([1-4])[-\s]+(\d{4})$", re.IGNORECASE)  # "Q3 2026", "K3-2026"
_NL_HALF = re.compile(r"^([12])e\s*half\s*jaar\s+(\d{4})$", re.IGNORECASE)
_NL_QUARTER = re.compile(r"^([1-4])e\s*kwartaal\s+(\d{4})$", re.IGNORECASE)
_NL_MONTH = re.compile(r"^(\d{4})\s+([a-z]+\.?)$|^([a-z]+\.?)\s+(\d{4})$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class PeriodError(ValueError):
    """A text that is not a period we understand."""


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: `start` is its first day, `kind` its length."""

    start: date
    kind: PeriodKind

    def __post_init__(self) -> None:
        step = _MONTHS_PER_KIND[self.kind]
        if self.start.day != 1 or (self.start.month - 1) % step:
            raise PeriodError(f"{self.start} is geen begin van een {self.kind.value}")

    # constructors -----------------------------------------------------------------
    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), PeriodKind.YEAR)

    @classmethod
    def half_year(cls, year: int, half: int) -> Period:
        if half not in (1, 2):
            raise PeriodError(f"halfjaar {half} bestaat niet")
        return cls(date(year, 1 + 6 * (half - 1), 1), PeriodKind.HALF_YEAR)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"kwartaal {quarter} bestaat niet")
        return cls(date(year, 1 + 3 * (quarter - 1), 1), PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise PeriodError(f"maand {month} bestaat niet")
        return cls(date(year, month, 1), PeriodKind.MONTH)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse a CBS key (2019JJ00, 2020KW01, 2021MM03, 2020HJ01), an ISO-like code
        (2020, 2020-Q3, 2020-H1, 2020-03) or a Dutch label (1e halfjaar 2021, 2018 maart, mrt 2023)."""
        try:
            return cls._parse(text)
        except PeriodError:
            raise
        except (ValueError, OverflowError) as exc:  # e.g. year 0 from datetime
            raise PeriodError(f"onbekende periode {text!r}") from exc

    @classmethod
    def _parse(cls, text: str) -> Period:
        raw = (text or "").strip().rstrip("*").strip()
        if m := _CBS_CODE.match(raw.upper()):
            year, kind, n = int(m[1]), m[2], int(m[3])
            if kind == "JJ":
                if n != 0:
                    raise PeriodError(f"onbekende periodecode {text!r}")
                return cls.year(year)
            return {"HJ": cls.half_year, "KW": cls.quarter, "MM": cls.month}[kind](year, n)
        if m := _ISO_CODE.match(raw):
            year = int(m[1])
            if m[2]:
                part = int(m[3])
                return cls.half_year(year, part) if m[2].upper() == "H" else cls.quarter(year, part)
            if m[4]:
                return cls.month(year, int(m[4]))
            return cls.year(year)
        if m := _PART_FIRST.match(raw):
            year, part = int(m[3]), int(m[2])
            return cls.half_year(year, part) if m[1].upper() == "H" else cls.quarter(year, part)
        if m := _NL_HALF.match(raw):
            return cls.half_year(int(m[2]), int(m[1]))
        if m := _NL_QUARTER.match(raw):
            return cls.quarter(int(m[2]), int(m[1]))
        if m := _NL_MONTH.match(raw):
            year = int(m[1] or m[4])
            name = (m[2] or m[3]).lower()
            if name in MONTH_NAMES_NL:
                return cls.month(year, MONTH_NAMES_NL.index(name) + 1)
            if name.rstrip(".") in MONTH_ABBR_NL:
                return cls.month(year, MONTH_ABBR_NL.index(name.rstrip(".")) + 1)
        raise PeriodError(f"onbekende periode {text!r}")

    # derived ----------------------------------------------------------------------
    @property
    def end(self) -> date:
        """The last day of the period."""
        months = self.start.year * 12 + self.start.month - 1 + _MONTHS_PER_KIND[self.kind]
        nxt = date(months // 12, months % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)

    @property
    def number(self) -> int:
        """Half, quarter or month number within the year (0 for a year)."""
        if self.kind is PeriodKind.YEAR:
            return 0
        return (self.start.month - 1) // _MONTHS_PER_KIND[self.kind] + 1

    @property
    def code(self) -> str:
        """Stable, URL-safe code: 2023, 2023-H1, 2023-Q3, 2023-03."""
        return _CODES[self.kind](self)

    @property
    def label(self) -> str:
        """Dutch label for people: 2023, 1e halfjaar 2023, 3e kwartaal 2023, mrt 2023."""
        return _LABELS[self.kind](self)

    @property
    def short_label(self) -> str:
        """Compact label for chart axes: 2023, 2023-H1, K3 2023, mrt 2023."""
        if self.kind is PeriodKind.QUARTER:
            return f"K{self.number} {self.start.year}"
        if self.kind is PeriodKind.HALF_YEAR:
            return f"H{self.number} {self.start.year}"
        return self.label

    def previous(self) -> Period:
        months = self.start.year * 12 + self.start.month - 1 - _MONTHS_PER_KIND[self.kind]
        return Period(date(months // 12, months % 12 + 1, 1), self.kind)

    def next(self) -> Period:
        months = self.start.year * 12 + self.start.month - 1 + _MONTHS_PER_KIND[self.kind]
        return Period(date(months // 12, months % 12 + 1, 1), self.kind)

    def __str__(self) -> str:
        return self.code


# How a period is written, per kind: its code and its Dutch label.
_CODES = {PeriodKind.YEAR: lambda p: f"{p.start.year}", PeriodKind.HALF_YEAR: lambda p: f"{p.start.year}-H{p.number}",
          PeriodKind.QUARTER: lambda p: f"{p.start.year}-Q{p.number}",
          PeriodKind.MONTH: lambda p: f"{p.start.year}-{p.start.month:02d}"}
_LABELS = {PeriodKind.YEAR: lambda p: f"{p.start.year}",
           PeriodKind.HALF_YEAR: lambda p: f"{p.number}e halfjaar {p.start.year}",
           PeriodKind.QUARTER: lambda p: f"{p.number}e kwartaal {p.start.year}",
           PeriodKind.MONTH: lambda p: f"{MONTH_ABBR_NL[p.start.month - 1]} {p.start.year}"}


# --- quarters as the quarter report and its URLs name them -------------------------------------------------------
def parse_quarter(code: str) -> Period:
    """'2026-Q3' -> the quarter; anything else raises PeriodError (URLs use exactly this form)."""
    m = _QUARTER.match(code or "")
    if not m:
        raise PeriodError(f"geen kwartaal: {code!r}")
    return Period.quarter(int(m[1]), int(m[2]))


def quarter_of(day: date) -> Period:
    return Period.quarter(day.year, (day.month - 1) // 3 + 1)


def last_ended_quarter(today: date) -> Period:
    return quarter_of(today).previous()


# --- moments -----------------------------------------------------------------------------------------------------
def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(at: datetime | None) -> datetime | None:
    """A stored moment as an aware UTC datetime: SQLite hands back the naive UTC value of a DateTime(timezone=True)
    column, PostgreSQL an aware one."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at
