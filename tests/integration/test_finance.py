"""Financiën, Actualiteit and project budgets on the demo database: the read side against the files (independent
sums, tests/finance_expect.py), on SQLite and PostgreSQL; the downloads; the admin setting with its history; the
`financien` template; the quarter report's status matrix and project money in its Excel and PDF."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from etl_support import assert_clean_refusal, copy_sqlite, snapshot
from openpyxl import load_workbook
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import finance_expect as fx  # noqa: E402

from db.accounts import Grant  # noqa: E402
from db.models import Project, ProjectBudget, ProjectBudgetHistory  # noqa: E402
from db.read.actuality import programme_actuality  # noqa: E402
from db.read.finance import programme_finance, programme_groups_view  # noqa: E402
from db.read.quarter import build_report  # noqa: E402
from db.session import session_scope  # noqa: E402
from db.write.finance import FinanceSettingError, set_programme_groups  # noqa: E402
from db.write.workflow import Actor, NotAllowed  # noqa: E402
from etl.demo import load_demo  # noqa: E402
from etl.templates import TEMPLATE_DIR  # noqa: E402
from indicators.enums import (
    Role,  # noqa: E402
    StatementKind,  # noqa: E402
)
from indicators.finance import TOTAL, Statement  # noqa: E402
from indicators.periods import parse_quarter  # noqa: E402

ADMIN = Actor(5, "Beheerder", frozenset({Grant(Role.ADMIN)}))
EDITOR = Actor(2, "Redacteur", frozenset({Grant(Role.EDITOR, 1)}))
STATEMENTS = [(2023, "begroting"), (2023, "realisatie"), (2024, "begroting"), (2025, "begroting")]


@pytest.mark.parametrize("slug", sorted(fx.PROGRAMMES))
def test_programme_money_equals_the_files(demo_sqlite_url: str, slug: str) -> None:
    """Every statement × group (and the total): Almelo's lasten, and per inwoner for Almelo, Nederland (all
    gemeenten added up) and the comparable gemeenten (same gemeentegrootte and stedelijkheid in 85067NED)."""
    with session_scope(demo_sqlite_url) as s:
        f = programme_finance(s, slug)
    groups = fx.PROGRAMMES[slug]
    assert [g.code for g in f.groups] == groups
    assert set(f.peer_names) == fx.peers() and len(f.peer_names) == 22
    for year, kind in STATEMENTS:
        statement = Statement(year, StatementKind(kind))
        for key, members in [(TOTAL, groups), *[(g, [g]) for g in groups]]:
            assert f.lasten[(statement, key)] == pytest.approx(fx.lasten(year, kind, {"Almelo"}, members)), (year, key)
            bench = f.benchmark(statement, key)
            assert bench.home == pytest.approx(fx.per_inhabitant(year, kind, {"Almelo"}, members))
            assert bench.country == pytest.approx(fx.per_inhabitant(year, kind, None, members))
            assert bench.peers == pytest.approx(fx.per_inhabitant(year, kind, set(fx.peers()), members))
            assert bench.country_count == 342 and bench.peer_count == 22
    whole = f.domain[Statement(2023, StatementKind.ACTUAL)]
    assert whole == 192_732 and f.inhabitants[Statement(2023, StatementKind.ACTUAL)] == 73_949  # README's values


def test_money_actuality_and_project_budgets_on_both_backends(db_url: str) -> None:
    load_demo(db_url)
    today = date.today()
    with session_scope(db_url) as s:
        f = programme_finance(s, "sociaal-en-vitaal")
        actual = Statement(2023, StatementKind.ACTUAL)
        groups = fx.PROGRAMMES["sociaal-en-vitaal"]
        assert f.lasten[(actual, TOTAL)] == pytest.approx(fx.lasten(2023, "realisatie", {"Almelo"}, groups))
        assert f.benchmark(actual).country == pytest.approx(fx.per_inhabitant(2023, "realisatie", None, groups))
        scores = programme_actuality(s, today, 2)
        for slug in fx.PROGRAMMES:
            assert scores[slug].score == fx.actuality_score(s, slug, today)
        report = build_report(s, parse_quarter("2026-Q3"))
        budgets = {(p.name, b.period_start): (b.budget, b.spent) for b, p in s.execute(
            select(ProjectBudget, Project).join(Project)).all()}
    money = [m for p in report.programmes for m in p.project_money]
    assert {m.period for m in money} == {"2026-Q1", "2026-Q2", "2026-Q3"} and len(money) == 9 * 3
    for m in money:
        assert budgets[(m.project, parse_quarter(m.period).start)] == (m.budget, m.spent)


def _download(url: str, fmt: str) -> bytes:
    from flask import Flask

    from dashboard.data import CONFIG_KEY
    from dashboard.downloads import register_downloads

    server = Flask("finance-download-test")
    server.config[CONFIG_KEY] = url
    register_downloads(server)
    response = server.test_client().get(f"/download/financien.{fmt}?programma=zorg-en-veiligheid")
    assert response.status_code == 200
    return response.data


def test_downloads_carry_the_financial_rows(demo_sqlite_url: str) -> None:
    groups = fx.PROGRAMMES["zorg-en-veiligheid"]
    names = {"jeugd": "Jeugd", "veiligheid": "Openbare orde en veiligheid", "volksgezondheid": "Volksgezondheid"}
    text = _download(demo_sqlite_url, "csv").decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0][:5] == ["Jaar", "Soort", "Taakveldgroep", "Taakvelden", "Lasten (€ 1.000)"]
    body = {(r[0], r[1], r[2]): r for r in table[1:]}
    assert len(body) == 4 * 4  # 4 statements × (total + 3 groups)
    for year, kind in STATEMENTS:
        word = "gerealiseerd" if kind == "realisatie" else "begroot"
        for key, members in [("Totaal", groups), *[(names[g], [g]) for g in groups]]:
            row = body[(str(year), word, key)]
            assert float(row[4].replace(",", ".")) == pytest.approx(fx.lasten(year, kind, {"Almelo"}, members))
            assert float(row[7].replace(",", ".")) == pytest.approx(fx.per_inhabitant(year, kind, None, members),
                                                                     abs=0.5)
    assert body[("2025", "begroot", "Jeugd")][3].startswith("6.751, 6.752")  # the 2025 codes, listed
    assert body[("2023", "gerealiseerd", "Totaal")][9] != ""  # the difference with the budget
    wb = load_workbook(io.BytesIO(_download(demo_sqlite_url, "xlsx")))
    ws = wb.active
    values = [r for r in ws.iter_rows(min_row=5, values_only=True)]
    assert len(values) == 16 and all(isinstance(r[4], float | int) for r in values)


def test_the_admin_setting_changes_the_groups_and_keeps_the_history(demo_sqlite_url: str, tmp_path: Path) -> None:
    url = copy_sqlite(demo_sqlite_url, tmp_path / "demo.db")
    with session_scope(url) as s, pytest.raises(NotAllowed):
        set_programme_groups(s, EDITOR, "sociaal-en-vitaal", ["wmo"], "alleen wmo")
    with session_scope(url) as s, pytest.raises(FinanceSettingError, match="reden"):
        set_programme_groups(s, ADMIN, "sociaal-en-vitaal", ["wmo"], " ")
    with session_scope(url) as s, pytest.raises(FinanceSettingError, match="Onbekende"):
        set_programme_groups(s, ADMIN, "sociaal-en-vitaal", ["wmo", "bestaat-niet"], "test")
    with session_scope(url) as s:
        change = set_programme_groups(s, ADMIN, "sociaal-en-vitaal", ["wmo", "inkomen", "tv-0.1"], "ook inkomen")
        assert change.changed and change.before == ["wmo", "participatie", "toegang"]
        assert not set_programme_groups(s, ADMIN, "sociaal-en-vitaal", ["wmo", "inkomen", "tv-0.1"], "nog eens").changed
    with session_scope(url) as s:
        view = programme_groups_view(s, "sociaal-en-vitaal")
        f = programme_finance(s, "sociaal-en-vitaal")
    assert view.groups == ["wmo", "inkomen", "tv-0.1"]
    assert [(h.user_name, h.after, h.reason) for h in view.history] == [
        ("Beheerder", ["wmo", "inkomen", "tv-0.1"], "ook inkomen"),
        ("systeem", ["wmo", "participatie", "toegang"], "demo: taakveldgroepen van het programma")]
    bestuur = sum(float(r["Lasten"]) for r in fx.rows("2023_jaarrekening")
                  if r["Gemeenten"] == "Almelo" and r["Taakveld"].startswith("0.1 "))
    assert f.lasten[(Statement(2023, StatementKind.ACTUAL), "tv-0.1")] == bestuur  # a single taakveld as a group
    assert [g.name for g in f.groups] == ["Wmo", "Inkomensregelingen", "0.1 Bestuur"]


def test_the_financien_template_loads_and_refuses_bad_rows(demo_sqlite_url: str, tmp_path: Path, run_etl) -> None:  # noqa: ANN001
    url = copy_sqlite(demo_sqlite_url, tmp_path / "demo.db")
    for name in ("financien.csv", "financien.xlsx"):
        result = run_etl(url, "load-table", TEMPLATE_DIR / name)
        assert result.code == 0, result.err
    with session_scope(url) as s:
        pact = s.execute(select(ProjectBudget).join(Project).where(
            Project.name == "Pact Scheiden Zonder Schade", ProjectBudget.period_start == date(2026, 7, 1))).scalar_one()
        assert (pact.budget, pact.spent, pact.is_example) == (45_000, 47_200, False)
        assert pact.explanation.startswith("Extra bijeenkomsten")
        assert len(s.scalars(select(ProjectBudgetHistory)).all()) == 2  # the example rows it replaced
    before = snapshot(url)
    bad = tmp_path / "financien.csv"
    bad.write_text("project;jaar;kwartaal;begroot;besteed\nLeeflab;2026;3;40000;1x\nBestaat niet;2026;2;1;1\n"
                   "Leeflab;2026;5;1;1\n", encoding="utf-8")
    result = run_etl(url, "load-table", bad)
    assert_clean_refusal(result)
    assert "financien.csv;2;besteed;1x;" in result.err and "financien.csv;3;project;Bestaat niet;" in result.err
    assert "financien.csv;4;kwartaal;5;" in result.err
    assert snapshot(url) == before


def test_quarter_report_has_the_status_matrix_and_project_money(demo_sqlite_url: str, tmp_path: Path) -> None:
    from dashboard.exports.pdf import render_pdf
    from dashboard.exports.xlsx import render_xlsx

    with session_scope(demo_sqlite_url) as s:
        report = build_report(s, parse_quarter("2026-Q3"))
    wb = load_workbook(io.BytesIO(render_xlsx(report)))
    matrix = list(wb["Status per kwartaal"].iter_rows(min_row=2, values_only=True))
    results = sum(len(p.results) for p in report.programmes)
    sv = [r for r in matrix if r[0] == "Sociaal en Vitaal"]
    assert len(sv) == 8 * 15  # 8 results × 2023 K1 … 2026 K3
    assert len([r for r in matrix if r[0] == "Zorg en Veiligheid"]) == 6 * 7  # 6 results × 2025 K1 … 2026 K3
    assert len({r[2] for r in matrix}) == results
    assert sum(1 for r in sv if r[4] == "niet gemeten") == 8 * 15 - (7 * 8 + 2)  # only the Pact has 2023 figures
    assert all(r[4] != "niet gemeten" for r in matrix if r[3] == "3e kwartaal 2026")
    money = list(wb["Projectfinanciën"].iter_rows(min_row=2, values_only=True))
    assert len(money) == 27 and all(isinstance(r[3], int | float) and isinstance(r[4], int | float) for r in money)
    path = tmp_path / "rapport.pdf"
    path.write_bytes(render_pdf(report))
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert text.count("Status per kwartaal") >= 2 and text.count("Projectfinanciën") >= 2  # contents and parts
    assert "niet gemeten" in text and "Projectfinanciën van Zorg en Veiligheid, 2026 tot en met 3e kwartaal" in text
