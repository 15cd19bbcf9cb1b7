"""A corpus of broken files and rows, most cut from the real CBS downloads: each is refused with a clear Dutch
message, never a traceback, and the database stays exactly as it was (only the load log records the refusal)."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from etl_support import CBS_DATA, TEST_DATA, assert_clean_refusal, copy_sqlite, snapshot
from openpyxl import Workbook

from etl import cli

REAL_DATA = (CBS_DATA / "85067NED" / "data.csv").read_bytes()
REAL_LINES = REAL_DATA.decode("utf-8").splitlines(keepends=True)
FIGURES_HEADER = "indicator;regio;periode;waarde\n"
GOOD_ROW = "jeugdhulp-eigen;GM0141;2023;15,3\n"


def _figures(*rows: str) -> bytes:
    return (FIGURES_HEADER + "".join(rows)).encode("utf-8")


def _odata_folder(tmp: Path, data: bytes | None = None, drop: tuple[str, ...] = ()) -> Path:
    folder = tmp / "85067NED"
    folder.mkdir()
    for f in (CBS_DATA / "85067NED").iterdir():
        if f.name not in drop:
            shutil.copy(f, folder / f.name)
    if data is not None:
        (folder / "data.csv").write_bytes(data)
    return folder


def _xlsx(tmp: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    path = tmp / "eigen.xlsx"
    wb.save(path)
    return path


def _write(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(content)
        return path

    return make


def _real_with(line_no: int, old: str, new: str) -> bytes:
    """The real 85067NED data.csv with one field of one line changed."""
    lines = list(REAL_LINES)
    assert old in lines[line_no], (old, lines[line_no][:80])
    lines[line_no] = lines[line_no].replace(old, new, 1)
    return "".join(lines).encode("utf-8")


ALMELO_LINE = next(i for i, line in enumerate(REAL_LINES) if '"GM0141    "' in line)
INHABITANTS = ",73155,"  # numbers are unquoted in this download

# (id, command, maker, words expected in the message)
CORPUS: list[tuple[str, str, Callable[[Path], Path], str]] = [
    # whole-file problems, own-figures template
    ("empty-file", "load-table", _write("leeg.csv", b""), "leeg"),
    ("only-whitespace", "load-table", _write("spaties.csv", b"  \n\n \n"), "leeg"),
    ("header-only", "load-table", _write("kop.csv", FIGURES_HEADER.encode()), "alleen een kopregel"),
    ("wrong-separator-pipe", "load-table", _write("pijp.csv", b"indicator|regio|periode|waarde\na|GM0141|2023|1\n"),
     "scheidingsteken"),
    ("missing-columns", "load-table", _write("kolommen.csv", b"indicator;regio\na;GM0141\n"), "ontbreken"),
    ("binary-garbage", "load-table", _write("ruis.csv", bytes(range(256)) * 40), "geen tekstbestand"),
    ("gzip-named-csv", "load-table", _write("ingepakt.csv", gzip.compress(_figures(GOOD_ROW))), "tekstbestand"),
    ("pdf-named-csv", "load-table", _write("rapport.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "PDF"),
    ("xlsx-renamed-csv", "load-table", lambda t: _xlsx(t, [["indicator"]]).rename(t / "excel.csv"), "Excel"),
    ("broken-xlsx", "load-table", _write("kapot.xlsx", b"PK\x03\x04 not really a zip"), "Excel"),
    ("unknown-extension", "load-table", _write("cijfers.docx", b"x"), "bestandstype"),
    ("utf8-then-latin1", "load-table",
     _write("gemengd.csv", _figures(*[GOOD_ROW.replace("2023", str(1900 + i)) for i in range(50)])
            + "jeugdhulp-eigen;GM0141;2024;1\nnaïef;GM0141;2024;1\n".encode("latin-1")), "UTF-8"),
    ("unclosed-quote", "load-table",
     _write("quote.csv", _figures(GOOD_ROW, '"jeugdhulp-eigen;GM0141;2024;1\n' + "x" * 1_100_000 + "\n")), "regel"),
    ("missing-file", "load-table", lambda t: t / "bestaat-niet.csv", "niet gevonden"),
    # row problems, own-figures template
    ("text-in-number-column", "load-table",
     _write("tekst.csv", _figures(GOOD_ROW, "jeugdhulp-eigen;GM0141;2024;veel\n")),
     "geen getal"),
    ("thousand-sep-ambiguous", "load-table", _write("punt.csv", _figures("jeugdhulp-eigen;GM0141;2024;1.2.3\n")),
     "geen getal"),
    ("bad-period", "load-table", _write("periode.csv", _figures("jeugdhulp-eigen;GM0141;2023-13;1\n")), "periode"),
    ("year-zero", "load-table", _write("jaar0.csv", _figures("jeugdhulp-eigen;GM0141;0000;1\n")), "periode"),
    ("bad-region-code", "load-table", _write("regio.csv", _figures("jeugdhulp-eigen;Almelo!;2023;1\n")), "regio"),
    ("unknown-region", "load-table", _write("onbekend.csv", _figures("jeugdhulp-eigen;GM9999;2023;1\n")),
     "onbekende regio"),
    ("unknown-indicator", "load-table",
     _write("indicator.csv", b"indicator;regio;periode;waarde\nnieuw;GM0141;2023;1\n"),
     "onbekende indicator"),
    ("empty-key", "load-table", _write("leegsleutel.csv", _figures(";GM0141;2023;1\n")), "leeg"),
    ("conflicting-duplicate", "load-table",
     _write("dubbel.csv", _figures(GOOD_ROW, "jeugdhulp-eigen;GM0141;2023;16,0\n")), "dubbele regel"),
    ("short-row-truncated", "load-table",
     _write("afgebroken.csv", _figures(GOOD_ROW, "jeugdhulp-eigen;GM0141;20")), "kolommen"),
    ("long-row", "load-table", _write("lang.csv", _figures("jeugdhulp-eigen;GM0141;2023;1;2;3\n")), "kolommen"),
    ("infinite-value", "load-table", _write("oneindig.csv", _figures("jeugdhulp-eigen;GM0141;2023;inf\n")),
     "geen getal"),
    ("nan-value", "load-table", _write("nan.csv", _figures("jeugdhulp-eigen;GM0141;2023;NaN\n")), "geen getal"),
    ("huge-number", "load-table", _write("groot.csv", _figures("jeugdhulp-eigen;GM0141;2023;1e400\n")), "geen getal"),
    ("xlsx-text-in-number", "load-table",
     lambda t: _xlsx(t, [["indicator", "regio", "periode", "waarde"], ["jeugdhulp-eigen", "GM0141", 2023, "veel"]]),
     "geen getal"),
    ("results-unknown-project", "load-table",
     _write("resultaten.csv", b"project;resultaat;periode;streefwaarde;gerealiseerd\nBestaat niet;X;2026-Q3;1;1\n"),
     "onbekend project"),
    ("results-bad-status", "load-table",
     _write("status.csv", b"project;resultaat;periode;streefwaarde;gerealiseerd;status\n"
                         b"Bestaat niet;X;2026-Q3;1;1;prima\n"),
     "status"),
    ("many-bad-rows", "load-table",
     _write("veel.csv", _figures(*[f"jeugdhulp-eigen;GM0141;{1900 + i};fout{i}\n" for i in range(5000)])),
     "5.000 fout"),
    # CBS shapes
    ("odata-truncated", "load-cbs", lambda t: _odata_folder(t, REAL_DATA[: len(REAL_DATA) // 2]), "onvolledig"),
    ("odata-text-in-measure", "load-cbs",
     lambda t: _odata_folder(t, _real_with(ALMELO_LINE, INHABITANTS, ',zeventig,')), "zeventig"),
    ("odata-duplicate-key", "load-cbs",
     lambda t: _odata_folder(t, REAL_DATA + REAL_LINES[ALMELO_LINE].replace(INHABITANTS, ',1,').encode()),
     "dubbele regel"),
    ("json-unknown-region", "load-cbs",
     _write("85098NED.json", json.dumps({"value": [{"ID": 0, "RegioS": "GM9998    ", "Perioden": "2023JJ00",
                                                     "Jeugdhulp_1": 15.3}]}).encode()), "onbekende regio 'GM9998'"),
    ("odata-no-dataproperties", "load-cbs", lambda t: _odata_folder(t, drop=("DataProperties.csv",)), "DataProperties"),
    ("odata-empty-folder", "load-cbs", lambda t: (t / "85067NED").mkdir() or t / "85067NED", "geen data.csv"),
    ("odata-semicolon-resaved", "load-cbs",
     lambda t: _odata_folder(t, REAL_DATA.replace(b'","', b'";"')), "scheidingsteken"),
    ("json-broken", "load-cbs", _write("85098NED.json", b'{"value": [{"RegioS": "GM0141", '), "geen geldige JSON"),
    ("json-wrong-shape", "load-cbs", _write("85098NED.json", json.dumps({"rows": [1, 2]}).encode()), "JSON-vorm"),
    ("json-text-value", "load-cbs",
     _write("85098NED.json", json.dumps({"value": [{"ID": 0, "RegioS": "GM0141    ", "Perioden": "2023JJ00",
                                                     "Jeugdhulp_1": 15.3},
                                                    {"ID": 1, "RegioS": "GM0034    ", "Perioden": "20XXJJ00",
                                                     "Jeugdhulp_1": 13.7}]}).encode()), "periode"),
    ("statline-export-latin1-garbage", "load-cbs",
     _write("export.csv", (TEST_DATA / "formats" / "statline-export-donorregister" / "data.csv").read_bytes()
            .replace(b'"  5768.6"', b'"  57\xff68"')), "UTF-8"),
    ("statline-export-text-value", "load-cbs",
     _write("export.csv", (TEST_DATA / "formats" / "statline-export-donorregister" / "data.csv").read_bytes()
            .replace(b'"  5768.6"', b'"  ca. 5800"')), "geen getal"),
]


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Regions (85067NED) and one own indicator with a value: a database with something to lose."""
    path = tmp_path_factory.mktemp("bad-input") / "base.db"
    url = f"sqlite:///{path}"
    assert cli.main(["--database-url", url, "load-cbs", str(CBS_DATA / "85067NED"), "--quiet"]) == 0
    seed = path.parent / "seed.csv"
    seed.write_text("indicator;regio;periode;waarde;indicator_naam\njeugdhulp-eigen;GM0141;2022;14,6;Jeugdhulp\n",
                    encoding="utf-8")
    assert cli.main(["--database-url", url, "load-table", str(seed), "--quiet"]) == 0
    return path


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30


@pytest.mark.parametrize(("command", "make", "expected"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_bad_input_is_refused_cleanly_and_changes_nothing(base_db: Path, tmp_path: Path, run_etl, command: str,
                                                          make: Callable[[Path], Path], expected: str) -> None:  # noqa: ANN001
    url = copy_sqlite(base_db, tmp_path / "db.db")
    work = tmp_path / "in"
    work.mkdir()
    path = make(work)
    before = snapshot(url)
    result = run_etl(url, command, path, "--quiet")
    assert_clean_refusal(result)
    assert expected.lower() in result.err.lower(), result.err
    assert snapshot(url) == before


def test_bad_input_on_postgresql_changes_nothing(postgres_database: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    """The same guarantee on PostgreSQL for a refusal found late (a conflicting duplicate in the last row)."""
    url = postgres_database
    assert run_etl(url, "load-cbs", CBS_DATA / "85067NED", "--quiet").code == 0
    before = snapshot(url)
    folder = _odata_folder(tmp_path, REAL_DATA + REAL_LINES[ALMELO_LINE].replace(INHABITANTS, ',1,').encode())
    result = run_etl(url, "load-cbs", folder, "--quiet")
    assert_clean_refusal(result)
    assert snapshot(url) == before
