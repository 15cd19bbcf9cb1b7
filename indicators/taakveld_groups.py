"""Iv3 taakvelden in stable groups, so that a series of money runs across CBS's code changes (2017, 2023, 2025).

CBS renumbered the sociaal domein twice: 2023 split 6.71/6.72/6.81/6.82 into lettered detail codes, and 2025
replaced those by 6.21–6.23, 6.60, 6.711–6.92. The code lists themselves link nothing across the change. The groups
below are *derived* from CBS's own code lists (etl/data/iv3/iv3_taakvelden_gemeente_2017-2026.csv) by the rules in
RULES, which read only what CBS wrote: the code and its name (omschrijving). Nothing is assigned by hand; a test
keeps the generated table etl/data/iv3/taakveld_groepen.csv equal to `derive_groups` and checks that every group of
the 2023–24 scheme has codes in the 2025–26 scheme and the reverse.

Taakvelden outside the sociaal domein kept their codes 2017–2026 (a few were renamed), so each of them is its own
group ("tv-1.2"); 1.2 and 7.1 get the readable names the programmes use ("veiligheid", "volksgezondheid").
Pure: no database, files or settings."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

SCHEMES: tuple[tuple[int, int], ...] = ((2017, 2022), (2023, 2024), (2025, 2026))  # CBS's three code lists
SOCIAAL_DOMEIN = "6."
CODE_RE = re.compile(r"^\d\.\d+[a-z]?$")  # 0.1, 0.10, 6.71a, 6.711: a taakveld (not a hoofdtaakveld like "6.")


@dataclass(frozen=True)
class TaakveldDef:
    """One row of CBS's taakveld code list: a code with the name it had from `first_year` to `last_year`."""

    code: str
    name: str
    first_year: int
    last_year: int

    @property
    def scheme(self) -> tuple[int, int]:
        return scheme_of(self.first_year)


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    explanation: str  # which CBS taakvelden it holds, in words (shown to readers and admins)


# The named groups of the sociaal domein (and two other taakvelden the demo programmes use), in display order.
NAMED_GROUPS: tuple[Group, ...] = (
    Group("samenkracht", "Samenkracht en burgerparticipatie", "taakveld 6.1"),
    Group("toegang", "Toegang en wijkteams",
          "6.2 Wijkteams / Toegang en eerstelijnsvoorzieningen; vanaf 2025 6.21–6.23 (Wmo, Jeugd, Integraal)"),
    Group("inkomen", "Inkomensregelingen", "taakveld 6.3"),
    Group("participatie", "Participatie", "6.4 Begeleide participatie / WSW en beschut werk, 6.5 Arbeidsparticipatie"),
    Group("wmo", "Wmo",
          "maatwerkvoorzieningen en -dienstverlening 18+, beschermd wonen en opvang; vanaf 2025 ook pgb en "
          "coördinatie Wmo"),
    Group("jeugd", "Jeugd",
          "jeugdhulp (18-), jeugdbescherming en jeugdreclassering; vanaf 2025 ook pgb en coördinatie Jeugd"),
    Group("volksgezondheid", "Volksgezondheid", "taakveld 7.1"),
    Group("veiligheid", "Openbare orde en veiligheid", "taakveld 1.2"),
)
NAMED_CODES = {"7.1": "volksgezondheid", "1.2": "veiligheid"}  # outside 6.: a single taakveld, a readable code


@dataclass(frozen=True)
class Rule:
    id: str
    group: str | None  # None: the family rule (the group of the code's siblings)
    text: str  # the rule in Dutch, as documented in the table


RULES: tuple[Rule, ...] = (
    Rule("toegang", "toegang", "naam begint met ‘Wijkteams’ of ‘Toegang en eerstelijnsvoorzieningen’"),
    Rule("samenkracht", "samenkracht", "naam begint met ‘Samenkracht’"),
    Rule("inkomen", "inkomen", "naam begint met ‘Inkomensregelingen’"),
    Rule("participatie", "participatie", "naam bevat ‘participatie’ of ‘WSW’"),
    Rule("wmo", "wmo", "naam bevat ‘WMO’ of ‘18+’"),
    Rule("jeugd", "jeugd", "naam bevat ‘Jeugd’ of ‘18-’"),
    Rule("familie", None, "geen trefwoord: de groep van de codes met hetzelfde nummer zonder letter "
                          "(6.73a–c, 6.74a–c)"),
    Rule("eigen", None, "buiten het sociaal domein: het taakveld zelf (zelfde code 2017–2026)"),
)
_RULE = {r.id: r for r in RULES}


def scheme_of(year: int) -> tuple[int, int]:
    """The CBS code list (scheme) a boekjaar belongs to; years after 2026 count as the newest scheme."""
    for first, last in SCHEMES:
        if first <= year <= last:
            return first, last
    if year > SCHEMES[-1][1]:
        return SCHEMES[-1]
    raise ValueError(f"geen Iv3-taakveldindeling voor boekjaar {year}")


def is_taakveld_code(code: str) -> bool:
    return bool(CODE_RE.match(code))


def family(code: str) -> str:
    """6.73a -> 6.73; 6.711 -> 6.711 (the three-digit codes of 2025 are taakvelden in their own right)."""
    return code.rstrip("abcdefghijklmnopqrstuvwxyz")


def _keyword_rule(name: str) -> str | None:
    n = name.strip()
    low = n.lower()
    if low.startswith(("wijkteams", "toegang en eerstelijnsvoorzieningen")):
        return "toegang"
    if low.startswith("samenkracht"):
        return "samenkracht"
    if low.startswith("inkomensregelingen"):
        return "inkomen"
    if "participatie" in low or re.search(r"\bWSW\b", n):
        return "participatie"
    if re.search(r"\bWMO\b", n, re.IGNORECASE) or "18+" in n:
        return "wmo"
    if "jeugd" in low or "18-" in n:
        return "jeugd"
    return None


@dataclass(frozen=True)
class Assignment:
    taakveld: TaakveldDef
    group: str
    rule: str  # Rule.id


def derive_groups(codes: Iterable[TaakveldDef]) -> list[Assignment]:
    """The group of every taakveld row of CBS's code list, with the rule that decided it (list order kept).

    Raises ValueError when a sociaal-domein code matches no rule: the code list changed and the rules need a look."""
    rows = [c for c in codes if is_taakveld_code(c.code)]
    keyword = {(c.code, c.first_year): _keyword_rule(c.name) for c in rows if c.code.startswith(SOCIAAL_DOMEIN)}
    # groups found by keyword per (family, scheme): the family rule takes them when they agree
    by_family: dict[tuple[str, tuple[int, int]], set[str]] = defaultdict(set)
    for c in rows:
        group = keyword.get((c.code, c.first_year))
        if group:
            by_family[(family(c.code), c.scheme)].add(group)
    out = []
    for c in rows:
        if not c.code.startswith(SOCIAAL_DOMEIN):
            out.append(Assignment(c, NAMED_CODES.get(c.code, f"tv-{c.code}"), "eigen"))
            continue
        group = keyword[(c.code, c.first_year)]
        if group:
            out.append(Assignment(c, group, group))
            continue
        siblings = by_family.get((family(c.code), c.scheme), set())
        if len(siblings) != 1:
            raise ValueError(f"taakveld {c.code} {c.name!r} ({c.first_year}–{c.last_year}) past in geen groep")
        out.append(Assignment(c, next(iter(siblings)), "familie"))
    return out


def rule_text(rule_id: str) -> str:
    return _RULE[rule_id].text


def group_names(assignments: Iterable[Assignment]) -> dict[str, str]:
    """Every group code with its Dutch name: the named groups first (in their order), then the single taakvelden in
    code order, each named by its newest CBS name."""
    names = {g.code: g.name for g in NAMED_GROUPS}
    newest: dict[str, TaakveldDef] = {}
    for a in assignments:
        if a.group not in names and (a.group not in newest or a.taakveld.last_year > newest[a.group].last_year):
            newest[a.group] = a.taakveld
    singles = sorted(newest.items(), key=lambda kv: code_sort_key(kv[1].code))
    return {**names, **{g: f"{t.code} {t.name.strip()}" for g, t in singles}}


def code_sort_key(code: str) -> tuple:
    """The order of the code list file: hoofdtaakveld, then the digits after the dot as text (0.1, 0.10, 0.2)."""
    main, _, sub = code.partition(".")
    digits = re.match(r"\d*", sub)[0]
    return int(main), digits, sub[len(digits):]


def groups_per_scheme(assignments: Iterable[Assignment]) -> dict[tuple[int, int], set[str]]:
    """Which groups each code list has (a group is present in a scheme when one of its codes is valid there)."""
    out: dict[tuple[int, int], set[str]] = defaultdict(set)
    for a in assignments:
        for first, last in SCHEMES:
            if a.taakveld.first_year <= last and a.taakveld.last_year >= first:
                out[(first, last)].add(a.group)
    return dict(out)
