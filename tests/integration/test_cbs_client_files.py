"""`python -m etl load-cbs` (a subprocess, as an operator runs it) on every real CBS file the demo shows, as CBS's
own clients wrote them: region labels instead of codes, BOM, `;`, half-year labels, the wijk code in Codering_3,
a table without periods. Expectations are computed here from the files themselves, not by the loader's code."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from etl_support import PROJECT, copy_sqlite, snapshot
from sqlalchemy import func, select

from db.models import Indicator, Observation, Region, RegionGeometry
from db.session import session_scope
from indicators.enums import ObservationStatus, RegionKind

SOCIAAL = PROJECT / "etl" / "data" / "sociaal-domein"
FILES = sorted(p.name for p in SOCIAAL.glob("*.csv"))
EXTRA_ARGS = {"84066NED.csv": ["--periode", "2017"]}  # its reference year is not in the file (region layout 2017)
# A few labels with the code CBS gives them (StatLine, 85067NED, 70739ned), written down here by hand.
KNOWN = {"Nederland": "NL01", "Almelo": "GM0141", "Almere": "GM0034", "Beek (L.)": "GM0888",
         "'s-Gravenhage (gemeente)": "GM0518", "Groningen (gemeente)": "GM0014", "Voorne aan Zee": "GM1992",
         "Fryslân (PV)": "PV21", "Friesland (PV)": "PV21", "Overijssel (PV)": "PV23"}
OTHER_AREA = re.compile(r"\((LD|CR|JZ|RE|AM|GG|VR)\)$|niet in te delen|inwoners( of meer)?$|stedelijk$", re.I)
TOPIC = re.compile(r"^[A-Za-z]\w*_\d+$")
REGION_TOPICS = ("Gemeentenaam", "SoortRegio", "Codering", "Indelingswijz")
GEO = ("RegioS", "Regiokenmerken", "Wijken")


def _former_gemeenten() -> tuple[set[str], set[str]]:
    """Labels and codes of gemeenten that no longer exist (an end date in 70739ned) and are not in the 2022 list
    (85067NED)."""
    cbs = PROJECT / "etl" / "data" / "cbs"
    with open(cbs / "85067NED" / "data.csv", encoding="utf-8", newline="") as fh:
        current = {r["RegioS"].strip() for r in csv.DictReader(fh)}
    with open(cbs / "70739ned.csv", encoding="utf-8-sig", newline="") as fh:
        gone = [r for r in csv.DictReader(fh, delimiter=";")
                if r["Einddatum_2"].strip() and r["GebiedsOfGemeentecode_3"].strip() not in current]
    return {r["RegioS"].strip() for r in gone}, {r["GebiedsOfGemeentecode_3"].strip() for r in gone}


FORMER, FORMER_CODES = _former_gemeenten()


def _etl(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=PROJECT, env=env, capture_output=True, text=True,
                          timeout=600)


def _rows(name: str) -> list[dict[str, str]]:
    with open(SOCIAAL / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def _period(label: str) -> tuple[str, str]:
    """(kind, start) of a CBS period label, parsed here by hand: 2023, 1e halfjaar 2021, 1e half jaar 2024 …"""
    label = label.strip().rstrip("*")
    if m := re.fullmatch(r"(\d)e half ?jaar (\d{4})", label):
        return "halfjaar", f"{m[2]}-{'01' if m[1] == '1' else '07'}-01"
    if m := re.fullmatch(r"(\d)e kwartaal (\d{4})", label):
        return "kwartaal", f"{m[2]}-{(int(m[1]) - 1) * 3 + 1:02d}-01"
    assert re.fullmatch(r"\d{4}", label), label
    return "jaar", f"{label}-01-01"


def _figure_topics(rows: list[dict[str, str]]) -> list[str]:
    """Topic columns holding figures (every filled cell a number), the region-naming ones of wijk tables aside."""
    out = []
    for key in rows[0]:
        if not TOPIC.match(key) or key.startswith(REGION_TOPICS):
            continue
        cells = [r[key].strip() for r in rows if r[key].strip()]
        if cells and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in cells):
            out.append(key)
    return out


def _stored(url: str, table: str) -> dict[tuple, tuple[float | None, str, str]]:
    """(region, period kind, period start, measure key, categories in the name) -> (value, status, name)."""
    with session_scope(url) as s:
        rows = s.execute(select(Region.code, Observation.period_kind, Observation.period_start, Observation.value,
                                Observation.status, Indicator.name, Indicator.code)
                         .join(Observation, Observation.region_id == Region.id)
                         .join(Indicator, Indicator.id == Observation.indicator_id)
                         .where(Indicator.cbs_table_id == table)).all()
    out = {}
    for region, kind, start, value, status, name, _code in rows:
        key = re.search(r"\((\w+_\d+)\)", name)[1]
        category = name.split(f"({key})", 1)[1].strip()
        out[(region, str(kind.value if hasattr(kind, "value") else kind), str(start), key, category)] = (
            value, str(status.value if hasattr(status, "value") else status), name)
    return out


@pytest.mark.parametrize("name", FILES)
def test_every_cbs_file_of_the_demo_loads_with_load_cbs(db_url: str, name: str) -> None:
    table = name[:8].upper()
    done = _etl(db_url, "load-cbs", str(SOCIAAL / name), "--quiet", *EXTRA_ARGS.get(name, []))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "bestand;regel" not in done.stderr, done.stderr[-2000:]
    loaded = int(re.search(r"Klaar: ([\d.]+) waarden geladen", done.stdout)[1].replace(".", ""))

    rows = _rows(name)
    topics = _figure_topics(rows)
    geo = next(k for k in GEO if k in rows[0])
    dims = [k for k in rows[0] if k not in ("ID", "Perioden", geo) and not TOPIC.match(k)]
    split = [d for d in dims if len({r[d] for r in rows}) > 1]
    by_code = "Codering_3" in rows[0]
    kept = [r for r in rows if (r["Codering_3"].strip() and "GM" + r["Codering_3"].strip()[2:6] not in FORMER_CODES
                                if by_code else
                                not OTHER_AREA.search(r[geo].strip()) and r[geo].strip() not in FORMER)]
    assert loaded == len(kept) * len(topics), "every row of a gemeente, province, wijk or Nederland, nothing else"
    former = {r[geo].strip() for r in rows if not by_code and r[geo].strip() in FORMER} | {
        r["Codering_3"].strip()[2:6] for r in rows if by_code and "GM" + r["Codering_3"].strip()[2:6] in FORMER_CODES}
    if former:  # "Appingedam" (until 2021): known to CBS, skipped with a notice, never stored
        assert f"over {len(former)} opgeheven gemeenten overgeslagen" in done.stderr, done.stderr

    stored = _stored(db_url, table)
    assert len(stored) == loaded
    assert not any(k[3] == "ID" for k in stored), "CBS's row number is not a figure"
    checked = Counter()
    for r in kept:
        label = r[geo].strip()
        region = r["Codering_3"].strip().replace("NL00", "NL01") if by_code else KNOWN.get(label)
        if region is None or by_code and not region.startswith(("GM0141", "WK0141", "NL01")):
            continue
        kind, start = _period(r["Perioden"]) if "Perioden" in r else ("jaar", "2017-01-01")
        category = "(" + "; ".join(r[d] for d in split) + ")" if split else ""
        for key in topics:
            value, status, _ = stored[(region, kind, start, key, category)]
            cell = r[key].strip()
            if cell:
                assert value == float(cell) and status == ObservationStatus.DEFINITIVE.value, (region, key, r)
            else:
                assert value is None and status == ObservationStatus.MISSING.value, (region, key, r)
            checked[region] += 1
    assert checked["GM0141"] > 0 and len(checked) >= 2, checked
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(Indicator).where(Indicator.cbs_measure_key == "ID")) == 0
        other = s.scalar(select(func.count()).select_from(Region).where(Region.name.like("%(LD)%")))
        assert other == 0, "landsdelen are not stored as regions"
        assert s.scalar(select(func.count()).select_from(Region).where(Region.code == "GM0003")) == 0


def test_almelo_jeugdhulp_2023_is_the_figure_the_demo_shows(demo_sqlite_url: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert _etl(url, "load-cbs", str(SOCIAAL / "85098NED.csv"), "--quiet").returncode == 0
    almelo_2023 = next(r for r in _rows("85098NED.csv") if r["RegioS"] == "Almelo" and r["Perioden"] == "2023")
    assert float(almelo_2023["JongerenMetJeugdhulpInNatura_1"]) == 15.3  # as INDEX.md of the shared data says
    fresh = _stored(url, "85098NED")
    with session_scope(demo_sqlite_url) as s:
        demo = dict(((region, str(start)), value) for region, start, value in s.execute(
            select(Region.code, Observation.period_start, Observation.value)
            .join(Observation, Observation.region_id == Region.id).join(Indicator)
            .where(Indicator.code == "jeugdhulp", Observation.table_id == "85098NED",
                   Observation.period_kind == "jaar")))
    assert demo[("GM0141", "2023-01-01")] == 15.3
    mine = {(k[0], k[2]): v[0] for k, v in fresh.items() if k[3] == "JongerenMetJeugdhulpInNatura_1" and k[1] == "jaar"}
    assert mine == demo, "the demo loads the same file through the same command path"


def test_the_demo_loads_wijk_boundaries_and_more_than_one_wijk_indicator(demo_sqlite_url: str) -> None:
    with session_scope(demo_sqlite_url) as s:
        almelo = s.scalar(select(Region).where(Region.code == "GM0141"))
        wijken = s.scalars(select(Region.id).where(Region.parent_id == almelo.id,
                                                   Region.kind == RegionKind.DISTRICT)).all()
        assert len(wijken) == 12
        shapes = s.scalar(select(func.count()).select_from(RegionGeometry).where(RegionGeometry.region_id.in_(wijken)))
        assert shapes == 12
        indicators = s.execute(select(Indicator.code, func.max(Observation.period_start))
                               .join(Observation).where(Observation.region_id.in_(wijken))
                               .group_by(Indicator.code)).all()
        newest = {code: str(start) for code, start in indicators}
        assert len(newest) >= 2, newest
        assert newest["wmo-clienten"] >= "2023-01-01" and newest["voorzieningen-sociaal-domein"] >= "2024-01-01"


def test_84066ned_needs_the_period_it_does_not_name(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    missing = _etl(url, "load-cbs", str(SOCIAAL / "84066NED.csv"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "--periode" in missing.stderr and "geen kolom Perioden" in missing.stderr
    bad = _etl(url, "load-cbs", str(SOCIAAL / "84066NED.csv"), "--periode", "vorig jaar")
    assert bad.returncode == 1 and "'vorig jaar' is geen periode" in bad.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text("\ufeff" + text, encoding="utf-8")
    return path


def test_unknown_and_ambiguous_labels_are_refused_with_their_row(db_url: str, tmp_path: Path) -> None:
    before = snapshot(db_url)
    labels = _write(tmp_path / "99999NED.csv", "ID;RegioS;Perioden;Aantal_1\n0;Nederland;2023;5.0\n"
                    "1;Noord-Nederland (LD);2023;1.0\n2;Atlantis;2023;2.0\n3;Almelo;2023;3.0\n4;Binnenstad;2023;4.0\n")
    done = _etl(db_url, "load-cbs", str(labels))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "99999NED.csv;4;RegioS;Atlantis;onbekende regio 'Atlantis'" in done.stderr
    assert "99999NED.csv;6;RegioS;Binnenstad;regio 'Binnenstad' is dubbelzinnig" in done.stderr
    assert "WK014110" in done.stderr  # Almelo's Binnenstad is one of the candidates named
    assert "Noord-Nederland" not in done.stderr.split("bestand;regel")[1], "a landsdeel is skipped, not an error"
    assert snapshot(db_url) == before

    wijken = _write(tmp_path / "99998NED.csv", "ID;Wijken;Perioden;Codering_3;Aantal_4\n"
                    "0;Almelo;2023;GM0141  ;7.0\n1;Wijk 10 Binnenstad;2023;WK014110;3.0\n"
                    "2;Wijk 99 Nergens;2023;        ;\n3;Wijk 98 Ergens;2023;        ;4.0\n")
    done = _etl(db_url, "load-cbs", str(wijken))
    assert done.returncode == 1
    assert "99998NED.csv;5;Codering_3;;de regel heeft cijfers maar geen regio" in done.stderr
    assert ";4;" not in done.stderr.split("bestand;regel")[1], "a row without code and without figures is no error"
    assert snapshot(db_url) == before


def test_a_typed_csv_without_metadata_loads_without_an_id_indicator(db_url: str, tmp_path: Path) -> None:
    """85067NED's typed data.csv on its own (no DataProperties.csv beside it): codes, a row key ID, no periods."""
    folder = tmp_path / "85067NED"
    folder.mkdir()
    shutil.copy(PROJECT / "etl" / "data" / "cbs" / "85067NED" / "data.csv", folder / "data.csv")
    done = _etl(db_url, "load-cbs", str(folder / "data.csv"), "--tabel", "85067NED", "--periode", "2022", "--quiet")
    assert done.returncode == 0, done.stderr[-2000:]
    with open(folder / "data.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    figures = [k for k in rows[0] if TOPIC.match(k)
               and all(re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", r[k]) for r in rows if r[k].strip())]
    assert "Inwonertal_54" in figures and "ID" not in figures
    with session_scope(db_url) as s:
        keys = set(s.scalars(select(Indicator.cbs_measure_key).where(Indicator.cbs_table_id == "85067NED")))
        assert keys == set(figures)
        assert s.scalar(select(func.count()).select_from(Indicator)
                        .where((Indicator.code.like("%-id")) | (Indicator.cbs_measure_key == "ID"))) == 0
        almelo = s.scalar(select(Observation.value).join(Indicator).join(Region, Region.id == Observation.region_id)
                          .where(Indicator.cbs_measure_key == "Inwonertal_54", Region.code == "GM0141"))
        assert almelo == float(next(r for r in rows if r["RegioS"].strip() == "GM0141")["Inwonertal_54"]) == 73155


def test_a_second_edition_joins_a_series_with_maatstaf(demo_sqlite_url: str, tmp_path: Path) -> None:
    url = copy_sqlite(demo_sqlite_url, tmp_path / "demo.db")
    again = _etl(url, "load-cbs", str(SOCIAAL / "82972NED.csv"), "--maatstaf",
                 "JongerenMetJeugdhulpInNatura_1=jeugdhulp", "--quiet")
    assert again.returncode == 0 and "0 nieuw, 0 gewijzigd" in again.stdout, again.stdout + again.stderr
    unknown = _etl(url, "load-cbs", str(SOCIAAL / "82972NED.csv"), "--maatstaf", "Bestaat_9=jeugdhulp")
    assert unknown.returncode == 1 and "maatstaf Bestaat_9 staat niet in dit bestand" in unknown.stderr
    target = _etl(url, "load-cbs", str(SOCIAAL / "82972NED.csv"), "--maatstaf",
                  "JongerenMetJeugdhulpInNatura_1=bestaat-niet")
    assert target.returncode == 1 and "indicator bestaat-niet bestaat niet" in target.stderr
