"""`python -m etl load-iv3` on the real Iv3 files (etl/data/iv3, CBS via BZK's begrotingsanalysetool), on SQLite and
PostgreSQL: all four load, a second load changes nothing, Almelo's known sums, refusals with row numbers and nothing
loaded, CBS's raw layout, corrections with history, and the taakveld groups across the 2025 code change."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest
from etl_support import CBS_DATA, assert_clean_refusal, snapshot
from sqlalchemy import func, select

from db.models import DataLoad, Iv3Amount, Iv3AmountHistory, Iv3GroupTotal, Iv3Statement, Region, Taakveld
from db.session import session_scope
from etl.iv3 import CODE_LIST, DEMO_FILES, GROUP_TABLE, assignments
from indicators.taakveld_groups import NAMED_GROUPS, groups_per_scheme

FILES = {f.stem: f for f in DEMO_FILES}
ALMELO = "GM0141"


def _file_sum(path: Path, gemeente: str, prefix: str, column: str = "Lasten") -> float:
    """Independent of the loader: the plain sum of a column over a gemeente's rows whose taakveld starts with prefix."""
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(float(r[column]) for r in csv.DictReader(fh, delimiter=";")
                   if r["Gemeenten"] == gemeente and r["Taakveld"].startswith(prefix))


def _db_sum(url: str, region: str, year: int, kind: str, prefix: str = "6.") -> float:
    with session_scope(url) as s:
        return s.scalar(select(func.sum(Iv3Amount.lasten)).join(Iv3Statement).join(Taakveld)
                        .join(Region, Region.id == Iv3Statement.region_id)
                        .where(Region.code == region, Iv3Statement.year == year, Iv3Statement.kind == kind,
                               Taakveld.code.startswith(prefix)))


@pytest.fixture
def regions_db(db_url: str, run_etl) -> str:  # noqa: ANN001 - the run_etl fixture
    """A database (SQLite and PostgreSQL) with the real region list loaded, as a gemeente's first load does."""
    assert run_etl(db_url, "load-cbs", CBS_DATA / "85067NED", "-q").code == 0
    return db_url


def test_all_four_files_load_and_give_almelos_known_sums(regions_db: str, run_etl) -> None:  # noqa: ANN001
    for stem in ("2023_begroting", "2023_jaarrekening", "2024_begroting", "2025_begroting"):
        result = run_etl(regions_db, "load-iv3", FILES[stem])
        assert result.code == 0, result.err
        assert "342 gemeenten" in result.out
        assert "rijen ‘Nederland’ niet geladen" in result.err  # the file maker's sums are not loaded
    assert _db_sum(regions_db, ALMELO, 2023, "begroting") == 168_007
    assert _db_sum(regions_db, ALMELO, 2023, "realisatie") == 192_732
    assert _db_sum(regions_db, ALMELO, 2024, "begroting") == 184_519
    assert _db_sum(regions_db, ALMELO, 2025, "begroting") == 201_399
    assert _db_sum(regions_db, ALMELO, 2023, "realisatie", "7.1") == 3_672  # README: volksgezondheid gerealiseerd
    with session_scope(regions_db) as s:
        almelo = s.scalar(select(Iv3Statement).join(Region, Region.id == Iv3Statement.region_id)
                          .where(Region.code == ALMELO, Iv3Statement.year == 2023,
                                 Iv3Statement.kind == "realisatie"))
        assert almelo.inhabitants == 73_949 and almelo.table_id == "45063NED"
        assert almelo.source.startswith("CBS Iv3") and len(almelo.file_hash) == 64
        # 342 gemeenten × 4 statements; Voorne aan Zee (new in 2023) resolved through the added gemeente
        assert s.scalar(select(func.count()).select_from(Iv3Statement)) == 4 * 342
        assert s.scalar(select(Region.name).where(Region.code == "GM1992")) == "Voorne aan Zee"
        # negative amounts are kept (Almelo 0.5 Treasury 2023: lasten −1.012)
        assert _db_sum(regions_db, ALMELO, 2023, "begroting", "0.5") == -1_012
    before = snapshot(regions_db)
    again = run_etl(regions_db, "load-iv3", FILES["2023_jaarrekening"])
    assert again.code == 0 and "0 nieuw, 0 gewijzigd, 24.282 ongewijzigd" in again.out
    assert snapshot(regions_db) == before  # a second load changes nothing


def _copy_with(tmp_path: Path, stem: str, line: int, column: str, value: str) -> Path:
    """The real file with one cell changed (line counts like an editor: the header is line 1)."""
    with open(FILES[stem], encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    rows[line - 1][rows[0].index(column)] = value
    target = tmp_path / f"{stem}.csv"
    with open(target, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\n").writerows(rows)
    return target


@pytest.mark.parametrize(("column", "value", "reason"), [
    ("Gemeenten", "Almeloo", "staat niet in de regiolijst"),
    ("Lasten", "12x5", "is geen bedrag"),
    ("Taakveld", "6.99z Bestaat niet", "bestaat niet in de Iv3-codelijst van boekjaar 2023"),
])
def test_a_bad_row_refuses_the_whole_file_with_its_row_number(regions_db: str, run_etl, tmp_path: Path,  # noqa: ANN001
                                                              column: str, value: str, reason: str) -> None:
    assert run_etl(regions_db, "load-iv3", FILES["2023_begroting"]).code == 0
    before = snapshot(regions_db)
    bad = _copy_with(tmp_path, "2023_begroting", 1_234, column, value)
    result = run_etl(regions_db, "load-iv3", bad)
    assert_clean_refusal(result)
    assert f"2023_begroting.csv;1234;{column};" in result.err and reason in result.err
    assert snapshot(regions_db) == before  # nothing loaded
    with session_scope(regions_db) as s:
        log = s.scalars(select(DataLoad).order_by(DataLoad.id.desc())).first()
        assert log.status == "geweigerd" and log.kind == "iv3" and "regel 1234" in log.error_report


def test_a_corrected_file_replaces_amounts_and_keeps_the_old_ones(regions_db: str, run_etl, tmp_path: Path) -> None:  # noqa: ANN001
    assert run_etl(regions_db, "load-iv3", FILES["2023_jaarrekening"]).code == 0
    with open(FILES["2023_jaarrekening"], encoding="utf-8") as fh:
        line = next(i for i, row in enumerate(fh, start=1) if row.startswith("Almelo;6.3 "))
    corrected = _copy_with(tmp_path, "2023_jaarrekening", line, "Lasten", "62000.0")
    result = run_etl(regions_db, "load-iv3", corrected)
    assert result.code == 0 and "1 gewijzigd" in result.out, result.out + result.err
    assert _db_sum(regions_db, ALMELO, 2023, "realisatie", "6.3") == 62_000
    with session_scope(regions_db) as s:
        old = s.scalars(select(Iv3AmountHistory)).all()
        assert [h.lasten for h in old] == [_file_sum(FILES["2023_jaarrekening"], "Almelo", "6.3 ")]
        # the group totals follow the correction (6.3 is the group 'inkomen' on its own)
        total = s.scalar(select(Iv3GroupTotal.lasten).join(Iv3Statement)
                         .join(Region, Region.id == Iv3Statement.region_id)
                         .where(Region.code == ALMELO, Iv3GroupTotal.group_code == "inkomen"))
        assert total == 62_000


def test_year_and_kind_come_from_the_command_when_the_name_does_not_say(regions_db: str, run_etl,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    nameless = tmp_path / "export.csv"
    nameless.write_bytes(FILES["2025_begroting"].read_bytes())
    assert_clean_refusal(run_etl(regions_db, "load-iv3", nameless))
    result = run_etl(regions_db, "load-iv3", nameless, "--soort", "begroting", "--jaar", "2025")
    assert result.code == 0, result.err
    assert _db_sum(regions_db, ALMELO, 2025, "begroting") == 201_399


def _raw_file(tmp_path: Path) -> Path:
    """Almelo's jaarrekening 2023 written in CBS's raw layout (padded keys, one row per category, comma CSV), with
    what the raw download also holds: balance rows, quarter figures, Primo/Ultimo, and −99998 for 'geen opgave'.
    L1.1 (salaries) and the rest of the lasten go in two categories, so the loader must add them up."""
    header = ["ID", "Verslagsoort", "Gemeenten", "TaakveldBalanspost", "Categorie", "k_1ePlaatsing_1",
              "k_2ePlaatsing_2"]
    rows, n = [], 0
    with open(FILES["2023_jaarrekening"], encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            if r["Gemeenten"] != "Almelo":
                continue
            code = r["Taakveld"].split(" ", 1)[0]
            salaries = float(r["L1.1 Salarissen en sociale lasten"] or 0)
            for category, value in (("L1.1", salaries), ("L3.1", float(r["Lasten"]) - salaries),
                                    ("B3.1", float(r["Baten"]))):
                n += 1
                rows.append([n, "2023X005", "GM0141    ", f"{code:<6}", f"{category:<8}", "0", repr(value)])
    rows += [[n + 1, "2023X005", "GM0141    ", "A1311 ", "Ultimo  ", "0", "1234.0"],
             [n + 2, "2023X001", "GM0141    ", "6.1   ", "L1.1    ", "0", "999.0"],
             [n + 3, "2023X005", "GM0141    ", "6.1   ", "Primo   ", "0", "5.0"],
             [n + 4, "2023X005", "GM0141    ", "6.1   ", "L4.3.1  ", "0", "-99998"]]
    target = tmp_path / "2023005.csv"
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        writer.writerows(rows)
    return target


def test_cbs_raw_layout_sums_the_categories(regions_db: str, run_etl, tmp_path: Path) -> None:  # noqa: ANN001
    result = run_etl(regions_db, "load-iv3", _raw_file(tmp_path))
    assert result.code == 0, result.err
    assert "1 balansregels" in result.err and "1 kwartaalcijfers" in result.err and "1 zonder opgave" in result.err
    assert _db_sum(regions_db, ALMELO, 2023, "realisatie") == pytest.approx(192_732)
    with open(FILES["2023_jaarrekening"], encoding="utf-8", newline="") as fh:
        expected = {r["Taakveld"].split(" ", 1)[0]: float(r["Lasten"])
                    for r in csv.DictReader(fh, delimiter=";") if r["Gemeenten"] == "Almelo"}
    with session_scope(regions_db) as s:
        loaded = dict(s.execute(select(Taakveld.code, Iv3Amount.lasten).join(Iv3Amount).join(Iv3Statement)).all())
        statement = s.scalar(select(Iv3Statement))
    assert loaded == pytest.approx(expected)
    assert statement.kind == "realisatie" and statement.year == 2023 and statement.inhabitants is None
    # asked for a soort the file does not hold: refused, nothing loaded
    assert_clean_refusal(run_etl(regions_db, "load-iv3", _raw_file(tmp_path), "--soort", "begroting"))


def test_an_empty_region_list_is_refused_with_what_to_do(db_url: str, run_etl) -> None:  # noqa: ANN001
    result = run_etl(db_url, "load-iv3", FILES["2023_begroting"])
    assert_clean_refusal(result)
    assert "regiolijst is leeg" in result.err and "load-cbs" in result.err


# --- the groups across the 2025 code change ------------------------------------------------------------------
def test_the_documented_mapping_is_the_derivation_from_the_code_list() -> None:
    """etl/data/iv3/taakveld_groepen.csv is generated (python -m etl.iv3) from CBS's code list; it must stay equal."""
    with open(GROUP_TABLE, encoding="utf-8", newline="") as fh:
        table = [(r["code"], r["omschrijving"], int(r["eerste_boekjaar"]), r["groep"])
                 for r in csv.DictReader(fh, delimiter=";")]
    with open(CODE_LIST, encoding="utf-8", newline="") as fh:
        listed = sum(1 for r in csv.DictReader(fh) if not r["code"].endswith("."))
    assert table == [(a.taakveld.code, a.taakveld.name, a.taakveld.first_year, a.group) for a in assignments()]
    assert len(table) == listed  # every taakveld of the code list has a group
    sociaal = [row for row in table if row[0].startswith("6.")]
    assert sociaal and all(not g.startswith("tv-") for *_, g in sociaal)


@pytest.mark.parametrize("group", [g.code for g in NAMED_GROUPS])
def test_a_group_of_2024_is_there_in_2025_with_money(group: str) -> None:
    """Per group: the code lists of 2023–24 and 2025–26 both have codes in it, and Almelo's begroting 2024 and
    2025 (the real files) both have lasten in it, so a series of the group runs across the change."""
    schemes = groups_per_scheme(assignments())
    assert group in schemes[(2023, 2024)] and group in schemes[(2025, 2026)]
    codes = defaultdict(set)
    for a in assignments():
        if a.group == group:
            for year in (2024, 2025):
                if a.taakveld.first_year <= year <= a.taakveld.last_year:
                    codes[year].add(a.taakveld.code)
    assert codes[2024] and codes[2025]
    for year in (2024, 2025):
        total = sum(_file_sum(FILES[f"{year}_begroting"], "Almelo", f"{code} ") for code in codes[year])
        assert total > 0, (group, year, sorted(codes[year]))
    if group in ("wmo", "jeugd", "toegang"):  # the reorganised groups: the codes really changed
        assert codes[2024] != codes[2025]
