"""`python -m etl` on the real CBS files: the shapes CBS hands out, their quirks, provenance, history, status."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from etl_support import CBS_DATA, PROJECT, TEST_DATA, assert_clean_refusal, copy_sqlite, snapshot
from openpyxl import Workbook
from sqlalchemy import func, select

from db.migrate import upgrade
from db.models import DataLoad, Indicator, Measurement, MeasurementHistory, Observation, ObservationHistory, Region
from db.session import session_scope
from etl import cli
from etl.demo import load_demo
from etl.templates import TEMPLATE_DIR
from indicators.enums import ObservationStatus, RegionKind
from indicators.periods import Period

ALMELO, ALMERE = "GM0141", "GM0034"


def _obs(session, indicator_code: str, region: str, period: Period) -> Observation | None:  # noqa: ANN001
    return session.scalar(
        select(Observation).join(Indicator).join(Region, Region.id == Observation.region_id)
        .where(Indicator.code == indicator_code, Region.code == region,
               Observation.period_kind == period.kind, Observation.period_start == period.start))


def _count(session, indicator_code: str) -> int:  # noqa: ANN001
    return session.scalar(select(func.count()).select_from(Observation).join(Indicator)
                          .where(Indicator.code == indicator_code))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def regions_url(tmp_path: Path) -> str:
    """A SQLite database holding the real region list (85067NED), as every gemeente's first load does."""
    url = f"sqlite:///{tmp_path / 'regions.db'}"
    assert cli.main(["--database-url", url, "load-cbs", str(CBS_DATA / "85067NED"), "--quiet"]) == 0
    return url


# ---------------------------------------------------------------------------------------------------------
# 1. the real OData downloads and recorded JSON shapes
# ---------------------------------------------------------------------------------------------------------
def test_85067ned_folder_loads_345_gemeenten_with_their_measures(db_url: str, run_etl) -> None:  # noqa: ANN001
    result = run_etl(db_url, "load-cbs", CBS_DATA / "85067NED", "--quiet")
    assert result.code == 0, result.err
    props = list(csv.DictReader(open(CBS_DATA / "85067NED" / "DataProperties.csv", encoding="utf-8")))
    numeric = [p["Key"] for p in props if p["Type"] == "Topic" and p["Datatype"] in ("Double", "Long", "Integer")]
    assert numeric, "the table's metadata names numeric measures"
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Region)
                        .where(Region.kind == RegionKind.MUNICIPALITY)) == 345
        indicators = s.scalars(select(Indicator).where(Indicator.cbs_table_id == "85067NED")).all()
        assert sorted(i.cbs_measure_key for i in indicators) == sorted(numeric)
        assert all(i.needs_review for i in indicators), "a table not seen before is marked for review"
        for ind in indicators:
            assert _count(s, ind.code) == 345, ind.code
        inhabitants = next(i for i in indicators if i.cbs_measure_key == "Inwonertal_54")
        almelo = _obs(s, inhabitants.code, ALMELO, Period.year(2022))
        assert almelo is not None and almelo.value == 73155
        # provenance on every observation: source, table id, file hash, load time
        assert almelo.table_id == "85067NED" and "85067NED" in almelo.source
        assert almelo.loaded_at is not None and almelo.load_id is not None
        load = s.get(DataLoad, almelo.load_id)
        assert load.status == "gereed" and load.rows_loaded == 345 * len(numeric)
        assert len(almelo.file_hash) == 64 and almelo.file_hash == load.file_hash  # over data + metadata files
    assert "345" in result.out or "690" in result.out


def test_85318ned_wijken_en_buurten_dimension_gives_18003_regions_with_parents(db_url: str, run_etl) -> None:  # noqa: ANN001
    assert run_etl(db_url, "load-cbs", CBS_DATA / "85067NED", "--quiet").code == 0
    result = run_etl(db_url, "load-cbs", CBS_DATA / "85318NED", "--quiet")
    assert result.code == 0, result.err
    with open(CBS_DATA / "85318NED" / "WijkenEnBuurten.csv", encoding="utf-8") as fh:
        keys = [r["Key"].strip() for r in csv.DictReader(fh)]
    assert len(keys) == 18_003
    with session_scope(db_url) as s:
        codes = set(s.scalars(select(Region.code)))
        assert {k for k in keys if not k.startswith("NL")} <= codes and "NL01" in codes  # NL00 is Nederland
        by_kind = dict(s.execute(select(Region.kind, func.count()).group_by(Region.kind)).all())
        assert by_kind[RegionKind.DISTRICT] == sum(k.startswith("WK") for k in keys) == 3340
        assert by_kind[RegionKind.NEIGHBOURHOOD] == sum(k.startswith("BU") for k in keys) == 14_317
        wijk = s.scalar(select(Region).where(Region.code == "WK014110"))
        buurt = s.scalar(select(Region).where(Region.code == "BU01411000"))
        parent = s.get(Region, wijk.parent_id)
        assert parent.code == ALMELO and parent.name == "Almelo"
        assert s.get(Region, buurt.parent_id).code == "WK014110"
        almelo_wijken = s.scalar(select(func.count()).select_from(Region).where(Region.parent_id == parent.id))
        assert almelo_wijken == 12


@pytest.mark.parametrize("shape", ["85098NED-v3", "85098NED-v4"])
def test_odata_json_shapes_load(regions_url: str, run_etl, shape: str) -> None:  # noqa: ANN001
    result = run_etl(regions_url, "load-cbs", TEST_DATA / "cbs" / shape, "--quiet")
    assert result.code == 0, result.err
    with session_scope(regions_url) as s:
        ind = s.scalar(select(Indicator).where(Indicator.cbs_table_id == "85098NED",
                                               Indicator.cbs_measure_key == "JongerenMetJeugdhulpInNatura_1"))
        assert ind is not None and ind.name == "Jongeren met jeugdhulp in natura"
        assert _obs(s, ind.code, ALMELO, Period.year(2023)).value == pytest.approx(15.3)
        assert _obs(s, ind.code, ALMERE, Period.year(2023)).value == pytest.approx(13.7)
        assert _obs(s, ind.code, ALMELO, Period.half_year(2021, 1)).value == pytest.approx(12.5)
        assert _obs(s, ind.code, "NL01", Period.half_year(2024, 1)).value == pytest.approx(11.5)
        assert _count(s, ind.code) == 30  # 3 regions x 10 periods
        last = s.scalar(select(Indicator).where(Indicator.cbs_measure_key == "JongerenMetJeugdreclassering_5"))
        secret = _obs(s, last.code, ALMERE, Period.half_year(2024, 1))
        # v3 publishes an unknown figure as null, v4 says Confidential: never a 0
        assert secret.value is None
        assert secret.status == (ObservationStatus.MISSING if shape.endswith("v3") else ObservationStatus.SECRET)


# ---------------------------------------------------------------------------------------------------------
# 2. real-world quirks, on real files
# ---------------------------------------------------------------------------------------------------------
def test_statline_export_with_padded_codes_markers_and_negative_values(regions_url: str, run_etl) -> None:  # noqa: ANN001
    path = TEST_DATA / "formats" / "statline-export-ses-woa-amsterdam" / \
        "SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv"
    assert run_etl(regions_url, "load-cbs", CBS_DATA / "85318NED", "--quiet").code == 0
    result = run_etl(regions_url, "load-cbs", path, "--table", "85539NED", "--quiet")
    assert result.code == 0, result.err
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, data = rows[0], rows[1:]
    score_col = header.index("SES-WOA/Totaalscore/Gemiddelde score (Getal)")
    dots = [r for r in data if r[score_col].strip() == "."]
    assert dots, "the real file has '.' cells"
    with session_scope(regions_url) as s:
        score = s.scalar(select(Indicator).where(Indicator.cbs_table_id == "85539NED",
                                                 Indicator.name.like("%Totaalscore%")))
        assert score is not None and score.needs_review
        amsterdam = _obs(s, score.code, "GM0363", Period.year(2019))
        assert amsterdam.value == pytest.approx(-0.100)  # "  -0.100", padded and negative
        dot_row = dots[0]
        missing = _obs(s, score.code, dot_row[2].strip(), Period.parse(dot_row[0]))
        assert missing.value is None and missing.status == ObservationStatus.MISSING
        assert s.scalar(select(func.count()).select_from(Observation).where(
            Observation.indicator_id == score.id, Observation.value == 0)) == sum(
            1 for r in data if r[score_col].strip() in ("0", "0.000"))


def test_statline_export_provisional_period_marker(regions_url: str, run_etl) -> None:  # noqa: ANN001
    url = regions_url  # the export has no region column: its figures are for Nederland
    path = TEST_DATA / "formats" / "statline-export-donorregister" / "data.csv"
    result = run_etl(url, "load-cbs", path, "--table", "85428NED", "--quiet")
    assert result.code == 0, result.err
    lines = [r for r in csv.reader(open(path, encoding="utf-8-sig"), delimiter=";")][1:]
    starred = [r for r in lines if r[2].endswith("*")]
    assert starred, "the real export marks provisional periods with *"
    with session_scope(url) as s:
        indicators = s.scalars(select(Indicator).where(Indicator.cbs_table_id == "85428NED")).all()
        assert len(indicators) == len({r[0] for r in lines}) == 7  # one per Donorregistratie category
        registered = next(i for i in indicators if "Geregistreerd in donorregister" in i.name)
        by_year = {o.period_start.year: o for o in s.scalars(
            select(Observation).where(Observation.indicator_id == registered.id))}
        assert len(by_year) == 9
        assert by_year[2022].status == ObservationStatus.PROVISIONAL and by_year[2022].value == pytest.approx(14019.3)
        assert by_year[2014].status == ObservationStatus.DEFINITIVE and by_year[2014].value == pytest.approx(5768.6)


def test_period_codes_markers_dutch_numbers_bom_and_cp1252(regions_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    """Own figures with CBS period codes, every marker, Dutch thousands and decimals, in cp1252 and UTF-8+BOM."""
    rows = [("gemeentenaam-test", "GM0141    ", "2019JJ00", "1.234,5"),
            ("gemeentenaam-test", "GM0141    ", "2020KW01", "12,25"),
            ("gemeentenaam-test", "GM0141    ", "2021MM03", "-3,5"),
            ("gemeentenaam-test", "GM0141    ", "2021HJ02", "0"),
            ("gemeentenaam-test", "GM0034", "2019JJ00", "."),
            ("gemeentenaam-test", "GM0034", "2020KW01", "x"),
            ("gemeentenaam-test", "GM0034", "2021MM03", "-"),
            ("gemeentenaam-test", "GM0034", "2021HJ02", "?"),
            ("gemeentenaam-test", "GM0034", "2022JJ00", "")]
    header = "indicator;regio;periode;waarde;indicator_naam;eenheid\n"
    body = "".join(f"{a};{b};{c};{d};Inwoners in Súdwest-Fryslân-stijl;€\n" for a, b, c, d in rows)
    for encoding, name in (("cp1252", "ansi.csv"), ("utf-8-sig", "bom.csv")):
        path = tmp_path / name
        path.write_bytes((header + body).encode(encoding))
        result = run_etl(regions_url, "load-table", path, "--quiet")
        assert result.code == 0, result.err
        if encoding == "cp1252":
            assert "Windows-1252" in result.err
    expected = {("GM0141", Period.year(2019)): (1234.5, ObservationStatus.DEFINITIVE),
                ("GM0141", Period.quarter(2020, 1)): (12.25, ObservationStatus.DEFINITIVE),
                ("GM0141", Period.month(2021, 3)): (-3.5, ObservationStatus.DEFINITIVE),
                ("GM0141", Period.half_year(2021, 2)): (0.0, ObservationStatus.DEFINITIVE),
                ("GM0034", Period.year(2019)): (None, ObservationStatus.MISSING),
                ("GM0034", Period.quarter(2020, 1)): (None, ObservationStatus.SECRET),
                ("GM0034", Period.month(2021, 3)): (None, ObservationStatus.MISSING),
                ("GM0034", Period.half_year(2021, 2)): (None, ObservationStatus.MISSING),
                ("GM0034", Period.year(2022)): (None, ObservationStatus.MISSING)}
    with session_scope(regions_url) as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "gemeentenaam-test"))
        assert ind.name == "Inwoners in Súdwest-Fryslân-stijl" and ind.unit == "€" and ind.needs_review
        for (region, period), (value, status) in expected.items():
            obs = _obs(s, "gemeentenaam-test", region, period)
            assert (obs.value, obs.status) == (value, status), (region, period)
        assert _count(s, "gemeentenaam-test") == len(expected)


def test_renamed_and_extra_columns_are_recognised(regions_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    path = tmp_path / "hernoemd.csv"
    path.write_text("Gemeente,Jaar,Kengetal,Aantal,Opmerking,Naam\nGM0141,2023,bijstand-eigen,3680,uit 84066NED,"
                    "Bijstandsuitkeringen\n", encoding="utf-8")
    result = run_etl(regions_url, "load-table", path, "--quiet")
    assert result.code == 0, result.err
    assert "Opmerking" in result.err  # the extra column is named as ignored
    with session_scope(regions_url) as s:
        assert _obs(s, "bijstand-eigen", ALMELO, Period.year(2023)).value == 3680


def test_renamed_column_in_a_real_odata_download(regions_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    """85067NED with an extra column CBS added and its Perioden renamed: extra ignored, table still loads."""
    folder = tmp_path / "85067NED"
    folder.mkdir()
    for f in (CBS_DATA / "85067NED").iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    with open(CBS_DATA / "85067NED" / "data.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[0].append("NieuweKolom_999")
    for r in rows[1:]:
        r.append("abc")
    with open(folder / "data.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, quoting=csv.QUOTE_ALL).writerows(rows)
    result = run_etl(regions_url, "load-cbs", folder, "--quiet")
    assert result.code == 0, result.err
    with session_scope(regions_url) as s:
        assert s.scalar(select(func.count()).select_from(Indicator).where(
            Indicator.cbs_measure_key == "NieuweKolom_999")) == 0


def test_identical_duplicates_load_once_conflicting_duplicates_are_refused(regions_url: str, tmp_path: Path,
                                                                          run_etl) -> None:  # noqa: ANN001
    same = tmp_path / "dubbel.csv"
    same.write_text("indicator;regio;periode;waarde;indicator_naam\nd;GM0141;2023;1,5;D\nd;GM0141;2023;1,5;D\n",
                    encoding="utf-8")
    result = run_etl(regions_url, "load-table", same, "--quiet")
    assert result.code == 0 and "dubbele" in result.err
    before = snapshot(regions_url)
    other = tmp_path / "tegenstrijdig.csv"
    other.write_text("indicator;regio;periode;waarde\nd;GM0141;2024;1,5\nd;GM0141;2024;2,5\n", encoding="utf-8")
    refused = run_etl(regions_url, "load-table", other, "--quiet")
    assert_clean_refusal(refused)
    assert "tegenstrijdig.csv;3;" in refused.err and "regel 2" in refused.err
    assert snapshot(regions_url) == before


def test_unknown_regions_and_indicators_are_named_in_the_report(regions_url: str, tmp_path: Path,
                                                               run_etl) -> None:  # noqa: ANN001
    path = tmp_path / "onbekend.csv"
    path.write_text("indicator;regio;periode;waarde\nbestaat-niet;GM0141;2023;1\n", encoding="utf-8")
    before = snapshot(regions_url)
    result = run_etl(regions_url, "load-table", path, "--quiet")
    assert_clean_refusal(result)
    assert "onbekend.csv;2;" in result.err and "onbekende indicator 'bestaat-niet'" in result.err
    path.write_text("indicator;regio;periode;waarde;indicator_naam\nx-test;GM9999;2023;1;X\n", encoding="utf-8")
    result = run_etl(regions_url, "load-table", path, "--quiet")
    assert_clean_refusal(result)
    assert "onbekend.csv;2;regio;GM9999;onbekende regio" in result.err
    assert snapshot(regions_url) == before


# ---------------------------------------------------------------------------------------------------------
# 3. nothing lost, nothing doubled: idempotence, corrections with history, skip-invalid, status
# ---------------------------------------------------------------------------------------------------------
def test_loading_the_same_folder_twice_changes_nothing(db_url: str, run_etl) -> None:  # noqa: ANN001
    assert run_etl(db_url, "load-cbs", CBS_DATA / "85067NED", "--quiet").code == 0
    before = snapshot(db_url)
    again = run_etl(db_url, "load-cbs", CBS_DATA / "85067NED", "--quiet")
    assert again.code == 0
    assert "0 nieuw, 0 gewijzigd, 690 ongewijzigd" in again.out
    assert snapshot(db_url) == before


def test_a_corrected_file_replaces_values_and_keeps_history(db_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    assert run_etl(db_url, "load-cbs", CBS_DATA / "85067NED", "--quiet").code == 0
    first = tmp_path / "eenzaamheid-v1.csv"
    first.write_text("indicator;regio;periode;waarde;indicator_naam;eenheid\n"
                     "eenzaamheid;GM0141;2022;14,2;Sterke eenzaamheid;%\n"
                     "eenzaamheid;GM0034;2022;11,0;Sterke eenzaamheid;%\n",
                     encoding="utf-8")
    assert run_etl(db_url, "load-table", first, "--quiet").code == 0
    corrected = tmp_path / "eenzaamheid-v2.csv"
    corrected.write_text("indicator;regio;periode;waarde\neenzaamheid;GM0141;2022;14,8\neenzaamheid;GM0034;2022;11,0\n",
                         encoding="utf-8")
    result = run_etl(db_url, "load-table", corrected, "--quiet")
    assert result.code == 0 and "1 gewijzigd, 1 ongewijzigd" in result.out
    with session_scope(db_url) as s:
        obs = _obs(s, "eenzaamheid", ALMELO, Period.year(2022))
        assert obs.value == pytest.approx(14.8) and obs.file_hash == _sha256(corrected)
        history = s.scalars(select(ObservationHistory).where(ObservationHistory.observation_id == obs.id)).all()
        assert len(history) == 1
        old = history[0]
        assert old.value == pytest.approx(14.2) and old.file_hash == _sha256(first)
        assert "eenzaamheid-v1.csv" in old.source or "eenzaamheid-v1.csv" in s.get(DataLoad, old.load_id).path
        assert old.replaced_by_load_id == obs.load_id and old.replaced_at >= old.loaded_at
        untouched = _obs(s, "eenzaamheid", ALMERE, Period.year(2022))
        assert s.scalar(select(func.count()).select_from(ObservationHistory)
                        .where(ObservationHistory.observation_id == untouched.id)) == 0


def test_skip_invalid_loads_good_rows_and_writes_the_rejected_ones(regions_url: str, tmp_path: Path,
                                                                   run_etl) -> None:  # noqa: ANN001
    path = tmp_path / "half-goed.csv"
    path.write_text("indicator;regio;periode;waarde;indicator_naam\n"
                    "s;GM0141;2023;1,5;S\ns;GM0141;2024;veel;S\ns;GM9999;2023;2;S\ns;GM0034;2023;2,5;S\n"
                    "s;GM0034;twintig;3;S\n", encoding="utf-8")
    rejected = tmp_path / "afgekeurd.csv"
    before = snapshot(regions_url)
    refused = run_etl(regions_url, "load-table", path, "--quiet")
    assert_clean_refusal(refused)
    assert snapshot(regions_url) == before
    result = run_etl(regions_url, "load-table", path, "--skip-invalid", "--rejected", rejected, "--quiet")
    assert result.code == 0, result.err
    with session_scope(regions_url) as s:
        assert _count(s, "s") == 2
        assert _obs(s, "s", ALMERE, Period.year(2023)).value == 2.5
    lines = list(csv.reader(open(rejected, encoding="utf-8-sig"), delimiter=";"))
    reported = {int(r[1]) for r in lines[1:]}
    assert reported == {3, 4, 6}, lines
    assert any("veel" in r for r in lines[1:]) and any("twintig" in " ".join(r) for r in lines[1:])


def test_status_lists_loads_with_counts_errors_and_duration(regions_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    bad = tmp_path / "kapot.csv"
    bad.write_text("indicator;regio;periode;waarde\nbestaat-niet;GM0141;2023;1\n", encoding="utf-8")
    run_etl(regions_url, "load-table", bad, "--quiet")
    result = run_etl(regions_url, "status")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["nr", "begonnen", "(UTC)"]
    refused_line = next(line for line in lines if "kapot.csv" in line)
    assert "geweigerd" in refused_line and " s " in refused_line + " "
    assert any("onbekende indicator" in line for line in lines)  # the first error is shown under it
    ok_line = next(line for line in lines if "85067NED" in line and "gereed" in line)
    assert "690" in ok_line
    with session_scope(regions_url) as s:
        loads = s.scalars(select(DataLoad).order_by(DataLoad.id)).all()
        assert [ld.status for ld in loads] == ["gereed", "geweigerd"]
        assert loads[1].rows_rejected == 1 and "bestaat-niet" in loads[1].error_report
        assert loads[0].duration_s is not None and loads[0].duration_s >= 0


def test_the_command_line_runs_as_a_module_with_dutch_help(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}"}
    helped = subprocess.run([sys.executable, "-m", "etl", "--help"], cwd=PROJECT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0 and "load-cbs" in helped.stdout and "Laad een CBS StatLine-tabel" in helped.stdout
    missing = subprocess.run([sys.executable, "-m", "etl", "load-cbs", str(tmp_path / "bestaat-niet")], cwd=PROJECT,
                             env=env, capture_output=True, text=True, timeout=120)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert "niet gevonden" in missing.stderr


# ---------------------------------------------------------------------------------------------------------
# templates for the gemeente's own figures and results
# ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["cijfers.csv", "cijfers.xlsx", "resultaten.csv", "resultaten.xlsx"])
def test_shipped_templates_load_with_their_example_row(demo_sqlite_url: str, tmp_path: Path, run_etl,
                                                       name: str) -> None:  # noqa: ANN001
    url = copy_sqlite(demo_sqlite_url, tmp_path / "demo.db")
    result = run_etl(url, "load-table", TEMPLATE_DIR / name, "--quiet")
    assert result.code == 0, result.err
    with session_scope(url) as s:
        if name.startswith("cijfers"):
            assert _obs(s, "eenzaamheid", ALMELO, Period.year(2024)).value == pytest.approx(14.2)
        else:
            m = s.scalar(select(Measurement).where(Measurement.period_kind == "kwartaal",
                                                   Measurement.period_start == Period.quarter(2026, 3).start,
                                                   Measurement.realised == 11, Measurement.target == 12))
            assert m is not None and m.explanation == "Twee nieuwe partners in september"


def test_results_sheet_changes_keep_measurement_history(demo_sqlite_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    url = copy_sqlite(demo_sqlite_url, tmp_path / "demo.db")
    wb = Workbook()
    ws = wb.active
    ws.append(["Project", "Resultaat", "Kwartaal", "Streefwaarde", "Gerealiseerd", "Toelichting"])
    ws.append(["Pact Scheiden Zonder Schade", "Partners in het Pact", "3e kwartaal 2026", 12, 9, "eerste opgave"])
    wb.save(tmp_path / "r1.xlsx")
    ws["E2"] = 10
    ws["F2"] = "gecorrigeerd"
    wb.save(tmp_path / "r2.xlsx")
    assert run_etl(url, "load-table", tmp_path / "r1.xlsx", "--quiet").code == 0
    assert run_etl(url, "load-table", tmp_path / "r2.xlsx", "--quiet").code == 0
    with session_scope(url) as s:
        m = s.scalar(select(Measurement).where(Measurement.period_start == Period.quarter(2026, 3).start,
                                               Measurement.explanation == "gecorrigeerd"))
        assert m.realised == 10
        olds = s.scalars(select(MeasurementHistory).where(MeasurementHistory.measurement_id == m.id)).all()
        assert 9 in [o.realised for o in olds]


# ---------------------------------------------------------------------------------------------------------
# fetch by table id (a local server replaying recorded CBS OData v3 replies; never the live network)
# ---------------------------------------------------------------------------------------------------------
class _ReplayCbs(BaseHTTPRequestHandler):
    folder = TEST_DATA / "cbs" / "85098NED-v3"
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        self.hits.append(self.path)
        path, _, query = self.path.partition("?")
        parts = path.strip("/").split("/")
        if len(parts) != 2 or parts[0] != "85098NED" or not (self.folder / f"{parts[1]}.json").exists():
            self.send_response(404)
            self.end_headers()
            return
        doc = json.loads((self.folder / f"{parts[1]}.json").read_text(encoding="utf-8"))
        if parts[1] == "TypedDataSet":  # CBS pages long tables; replay that in pages of 7 rows
            skip = int(dict(p.split("=") for p in query.split("&") if "=" in p).get("$skip", 0))
            rows = doc["value"]
            doc = {"value": rows[skip:skip + 7]}
            if skip + 7 < len(rows):
                doc["odata.nextLink"] = f"http://{self.headers['Host']}{path}?$format=json&$skip={skip + 7}"
        body = json.dumps(doc).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def replay_server():  # noqa: ANN201
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ReplayCbs)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_fetch_cbs_pages_through_odata_and_loads(regions_url: str, tmp_path: Path, run_etl, replay_server: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from settings import get_settings

    monkeypatch.setenv("CBS_ODATA_URL", replay_server)
    get_settings.cache_clear()
    try:
        result = run_etl(regions_url, "fetch-cbs", "85098NED", "--out", tmp_path / "85098NED", "--quiet")
        assert result.code == 0, result.err
        assert sum("$skip=" in h for h in _ReplayCbs.hits) == 4  # 30 rows in pages of 7
        with session_scope(regions_url) as s:
            assert s.scalar(select(func.count()).select_from(Observation).where(
                Observation.table_id == "85098NED")) == 150
        unknown = run_etl(regions_url, "fetch-cbs", "12345NED", "--out", tmp_path / "x", "--quiet")
        assert_clean_refusal(unknown)
        assert "404" in unknown.err
        malformed = run_etl(regions_url, "fetch-cbs", "rm -rf", "--quiet")
        assert_clean_refusal(malformed)
    finally:
        get_settings.cache_clear()


def test_fetch_without_network_says_so(tmp_path: Path, run_etl, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from settings import get_settings

    monkeypatch.setenv("CBS_ODATA_URL", "http://127.0.0.1:9")  # discard port: connection refused
    get_settings.cache_clear()
    try:
        result = run_etl(f"sqlite:///{tmp_path / 'f.db'}", "fetch-cbs", "85098NED", "--out", tmp_path / "o",
                         "--quiet")
        assert_clean_refusal(result)
        assert "geen verbinding" in result.err
    finally:
        get_settings.cache_clear()


def test_each_real_load_is_one_data_load_with_file_hash(db_url: str) -> None:
    upgrade(db_url)
    load_demo(db_url)
    with session_scope(db_url) as s:
        loads = s.scalars(select(DataLoad)).all()
        assert loads and all(ld.status == "gereed" for ld in loads)
        orphans = s.scalar(select(func.count()).select_from(Observation).where(Observation.load_id.is_(None)))
        assert orphans == 0


def _texts(component: object) -> str:
    """All text in a Dash component tree (what a screen reader would read, roughly)."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_texts(c) for c in component)
    return _texts(getattr(component, "children", None))


def test_indicator_page_shows_provenance_and_corrections(tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    from dashboard.pages.indicator import page
    from db.read.indicator import indicator_view

    url = f"sqlite:///{tmp_path / 'p.db'}"
    assert run_etl(url, "load-cbs", CBS_DATA / "85067NED", "--quiet").code == 0
    v1, v2 = tmp_path / "wmo-maart.csv", tmp_path / "wmo-april.csv"
    v1.write_text("indicator;regio;periode;waarde;indicator_naam;eenheid\nwmo-eigen;GM0141;2024;71,5;Wmo eigen;"
                  "per 1.000\nwmo-eigen;GM0141;2023;69,0;Wmo eigen;per 1.000\n", encoding="utf-8")
    v2.write_text("indicator;regio;periode;waarde\nwmo-eigen;GM0141;2024;72,25\nwmo-eigen;GM0141;2023;69,0\n",
                  encoding="utf-8")
    assert run_etl(url, "load-table", v1, "--quiet").code == 0
    assert run_etl(url, "load-table", v2, "--quiet").code == 0
    with session_scope(url) as s:
        view = indicator_view(s, "wmo-eigen", ALMELO, [])
        assert [(c.period, c.old_value, c.new_value, c.old_file, c.new_file) for c in view.corrections] == [
            (Period.year(2024), 71.5, 72.25, "wmo-maart.csv", "wmo-april.csv")]
        text = _texts(page(view))
    assert "Correcties" in text and "71,5" in text and ("72,3" in text or "72,25" in text)
    assert "wmo-maart.csv" in text and "wmo-april.csv" in text
    assert _sha256(v2)[:12] in text and _sha256(v1)[:12] in text  # every load's file hash
    assert "Eigen cijfers (wmo-april.csv)" in text


def test_odata_download_with_extra_dimensions_gives_one_indicator_per_category(regions_url: str, run_etl) -> None:  # noqa: ANN001
    """cbsodataR's raw download of 71426NED (traffic deaths by sex × age per province, 1996JJ00 keys)."""
    folder = TEST_DATA / "formats" / "cbsodatar-raw-vd-prov"
    result = run_etl(regions_url, "load-cbs", folder, "--quiet")
    assert result.code == 0, result.err
    with open(folder / "data.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    combos = {(r["Geslacht"].strip(), r["Leeftijd"].strip()) for r in rows}
    with session_scope(regions_url) as s:
        indicators = s.scalars(select(Indicator).where(Indicator.cbs_table_id == "71426NED")).all()
        assert len(indicators) == len(combos) == 30
        total = next(i for i in indicators if i.name == "Totaal verkeersdoden (Totaal mannen en vrouwen; "
                                                        "Totaal alle leeftijden)")
        nl_1996 = next(r for r in rows if r["RegioS"].strip() == "NL01" and r["Perioden"] == "1996JJ00"
                       and r["Geslacht"].strip() == "3" and r["Leeftijd"].strip() == "99")
        assert _obs(s, total.code, "NL01", Period.year(1996)).value == float(nl_1996["TotaalVerkeersdoden_1"])
        assert s.scalar(select(func.count()).select_from(Observation).where(
            Observation.table_id == "71426NED")) == len(rows)
