"""The rules of an entered measurement on SQLite and PostgreSQL, wherever a figure comes in: a result counted in
things ("bezoekers") takes whole numbers, and a status other than op koers needs a toelichting – in the editing
service (one measurement and the quarter grid), on the edit form's field, and in the results template (row and
column named). A refused entry saves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from editing_support import actors, build_world, snapshot
from flask import Flask

from dashboard.components.edit_form import error_summary, field_block
from dashboard.data import CONFIG_KEY
from dashboard.pages.edit_item import handle
from db import write as ed
from db.session import session_factory
from indicators.enums import ItemKind
from indicators.measurement_rules import is_count
from tests.dash_tree import strings

WHOLE = "Vul een geheel getal in: bezoekers tel je in hele aantallen (dus geen 20,5)."
OFF_TRACK = "Vul een toelichting in: bij de status ‘niet op koers’ hoort uitleg voor de raad."
ATTENTION = "Vul een toelichting in: bij de status ‘aandacht nodig’ hoort uitleg voor de raad."


@pytest.fixture
def setup(db_url: str) -> Iterator[tuple]:
    factory = session_factory(db_url)
    with factory() as session:
        world = build_world(session)
        session.commit()
    yield factory, world, db_url


def _refused(factory, call) -> dict[str, str]:  # noqa: ANN001
    with factory() as s:
        before = snapshot(s)
        with pytest.raises(ed.Invalid) as raised:
            call(s)
        s.rollback()
        assert snapshot(s) == before, "nothing is saved"
    return raised.value.errors


def test_units_that_count_things() -> None:
    for unit in ("bezoekers", "partners", "kinderen", "Huishoudens", "aantal", "acties"):
        assert is_count(unit), unit
    for unit in ("%", "procent", "per 1.000 inwoners", "€", "euro", "dagen", "rapportcijfer", "uren per week", "",
                 "gemiddeld aantal dagen", "km"):
        assert not is_count(unit), unit


def test_the_editing_service_refuses_broken_rules_on_the_field(setup: tuple) -> None:
    factory, world, _ = setup
    editor = actors(world)["editor_a"]
    result = world.result_a  # unit "bezoekers": a count
    cases = [
        ({"period": "2026-Q3", "realised": "20,5", "status": "op_koers"}, {"realised": WHOLE}),
        ({"period": "2026-Q3", "target": 20.5, "realised": 20, "status": "op_koers"}, {"target": WHOLE}),
        ({"period": "2026-Q3", "target": 30, "realised": 20, "status": "niet_op_koers"}, {"explanation": OFF_TRACK}),
        ({"period": "2026-Q3", "target": 30, "realised": 28, "status": "aandacht", "explanation": "  "},
         {"explanation": ATTENTION}),
    ]
    for values, errors in cases:
        assert _refused(factory, lambda s, v=values: ed.create_measurement(s, editor, result, v)) == errors
    unknown = _refused(factory, lambda s: ed.create_measurement(s, editor, result, {"period": "2026-Q3",
                                                                                      "realised": 20}))
    assert "gerealiseerde waarde" in unknown["explanation"] and "nog niet bekend" in unknown["explanation"]
    # the stored measurement (aandacht, "Zomer") may not lose its toelichting
    assert _refused(factory, lambda s: ed.update_measurement(s, editor, world.measurement_a, 1,
                                                              {"explanation": ""})) == {"explanation": ATTENTION}

    with factory() as s:  # what the rules allow
        ed.create_measurement(s, editor, result, {"period": "2026-Q3", "target": 30, "realised": "20",
                                                  "status": "niet_op_koers", "explanation": "Buurthuis verbouwd"})
        ed.create_measurement(s, editor, result, {"period": "2026-Q4", "target": 40})  # a target for later
        ed.update_measurement(s, editor, world.measurement_a, 1, {"realised": 95, "status": "op_koers",
                                                                  "explanation": ""})
        share = ed.create_result(s, editor, world.project_a, {"name": "Tevreden bezoekers", "kind": "hoe_goed",
                                                              "unit": "%"})
        ref = ed.create_measurement(s, editor, share.id, {"period": "2026-Q3", "realised": "20,5",
                                                          "status": "op_koers"})
        assert ed.get_item(s, editor, "meting", ref.id).values["realised"] == 20.5
        s.commit()


def test_the_quarter_grid_refuses_every_broken_row_and_saves_nothing(setup: tuple) -> None:
    factory, world, _ = setup
    editor = actors(world)["editor_a"]
    with factory() as s:
        share = ed.create_result(s, editor, world.project_a, {"name": "Tevreden", "kind": "hoe_goed", "unit": "%"}).id
        s.commit()
        before = snapshot(s)
        with pytest.raises(ed.BulkRefused) as raised:
            ed.save_quarter(s, editor, "prog-a", "2026-Q3", [
                {"result_id": world.result_a, "expected_version": None, "target": 30, "realised": "20,5",
                 "status": "op_koers"},
                {"result_id": share, "expected_version": None, "target": 80, "realised": 60,
                 "status": "niet_op_koers"},
            ])
        assert raised.value.rows[0].errors == {"realised": WHOLE}
        assert raised.value.rows[1].errors == {"explanation": OFF_TRACK}
        s.rollback()
        assert snapshot(s) == before
        refs = ed.save_quarter(s, editor, "prog-a", "2026-Q3", [
            {"result_id": world.result_a, "expected_version": None, "target": 30, "realised": 20,
             "status": "op_koers"},
            {"result_id": share, "expected_version": None, "target": 80, "realised": 60.5,
             "status": "niet_op_koers", "explanation": "Enquête in de zomer"},
        ])
        assert len(refs) == 2


def test_the_edit_form_shows_the_error_on_its_field(setup: tuple) -> None:
    factory, world, url = setup
    editor = actors(world)["editor_a"]
    server = Flask(__name__)
    server.config[CONFIG_KEY] = url
    item = {"kind": ItemKind.MEASUREMENT.value, "id": world.measurement_a, "version": 1, "path": "/bewerken/meting/1"}
    with factory() as s:
        before = snapshot(s)
    with server.test_request_context("/"):
        out = handle("save", {"target": "100", "realised": "20,5", "status": "aandacht", "explanation": "Zomer"},
                     None, item, editor)
        assert out["errors"] == {"realised": WHOLE}
        form = strings(field_block(ItemKind.MEASUREMENT, "realised", "20,5", error=out["errors"]["realised"]))
        assert WHOLE in form
        assert any(WHOLE in text for text in strings(out["message"]))  # the summary at the top names it too
        assert strings(out["message"]) == strings(error_summary(out["errors"]))
        out = handle("save", {"target": "100", "realised": "60", "status": "niet_op_koers", "explanation": ""},
                     None, item, editor)
        assert out["errors"] == {"explanation": OFF_TRACK}
        assert OFF_TRACK in strings(field_block(ItemKind.MEASUREMENT, "explanation", "",
                                                error=out["errors"]["explanation"]))
    with factory() as s:
        assert snapshot(s) == before


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("project;resultaat;periode;streefwaarde;gerealiseerd;toelichting;status\n" + "\n".join(rows)
                    + "\n", encoding="utf-8")
    return path


def test_the_results_template_refuses_the_same_rows_naming_row_and_column(setup: tuple, tmp_path: Path,
                                                                          run_etl) -> None:  # noqa: ANN001
    factory, _world, url = setup
    with factory() as s:
        before = snapshot(s)
    bad = _write(tmp_path / "resultaten.csv", [
        "Buurtkamers A;Bezoekers A;2026-Q3;100;20,5;Goed bezocht;op koers",
        "Buurtkamers A;Bezoekers A;2026-Q4;100;50;;niet op koers",
        "Buurtkamers A;Bezoekers A;2026-Q1;100;95;;",  # no status: it follows from the figures (aandacht)
        "Buurtkamers A;Bezoekers A;2025-Q4;100,5;99;;op koers",
    ])
    done = run_etl(url, "load-table", bad)
    assert done.code == 1, done.out + done.err
    lines = done.err.splitlines()
    assert "resultaten.csv;2;gerealiseerd;20,5;'20,5' is geen geheel getal: bezoekers tel je in hele aantallen" in lines
    assert ("resultaten.csv;3;toelichting;;bij de status 'niet op koers' hoort een toelichting voor de raad: vul de "
            "kolom toelichting in") in lines
    assert any(line.startswith("resultaten.csv;4;toelichting;;bij de status 'aandacht nodig'") for line in lines)
    assert any(line.startswith("resultaten.csv;5;streefwaarde;100,5;") for line in lines)
    with factory() as s:  # nothing written but the refusal in the load log and the audit trail (issue 13), which
        after = snapshot(s)  # raises the data version (issue 15)
        logged = after.pop("data_load"), after.pop("audit_entry")
        assert after.pop("data_version") != before["data_version"]
        assert after == {k: v for k, v in before.items() if k not in ("data_load", "audit_entry", "data_version")}
        assert [row[1] for row in logged[0]] == ["Resultaten (resultaten.csv)"] and len(logged[1]) == 1

    good = _write(tmp_path / "goed.csv", ["Buurtkamers A;Bezoekers A;2026-Q3;100;20;Goed bezocht;op koers",
                                          "Buurtkamers A;Bezoekers A;2026-Q4;100;50;Buurthuis dicht;niet op koers"])
    done = run_etl(url, "load-table", good)
    assert done.code == 0, done.err

