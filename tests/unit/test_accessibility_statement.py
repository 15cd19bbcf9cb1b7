"""The accessibility statement (/toegankelijkheid) comes from the evaluation in the repository and never claims
more than it shows: every one of the 50 WCAG 2.1 A/AA criteria needs a result (a missing one fails here), a
failure needs a measure, and the status follows the Dutch model's rules."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
from pydantic import ValidationError

from dashboard.accessibility import texts
from dashboard.accessibility.evaluation import CRITERIA, EVALUATION_FILE, Result, Status, load, parse
from dashboard.components.shell import STATEMENT_PATH, footer
from dashboard.pages.accessibility import statement
from tests.dash_tree import components, strings

TODAY = date(2026, 12, 3)
PASS = {"result": "voldoet", "method": "handmatig", "evidence": "bekeken"}


def _data() -> dict:
    return tomllib.loads(EVALUATION_FILE.read_text(encoding="utf-8"))


def _dump(data: dict) -> str:
    """TOML text for `data` (only what the evaluation uses: tables, strings, booleans, dates, lists)."""
    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, date | int):
            return str(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = ["[statement]", *(f"{k} = {value(v)}" for k, v in data["statement"].items())]
    for page in data["sample"]:
        out += ["[[sample]]", *(f"{k} = {value(v)}" for k, v in page.items())]
    for sc, c in data["criteria"].items():
        out += [f'[criteria."{sc}"]', *(f"{k} = {value(v)}" for k, v in c.items())]
    return "\n".join(out)


def test_the_repository_evaluation_judges_all_50_criteria() -> None:
    ev = load()
    assert len(CRITERIA) == 50
    assert sum(1 for level, _ in CRITERIA.values() if level == "A") == 30
    assert set(ev.criteria) == set(CRITERIA)
    assert sum(ev.count(r) for r in Result) == 50
    assert any(p.signed_in for p in ev.sample) and any(p.kind == "willekeurig" for p in ev.sample)
    assert any(p.path.endswith(".pdf") for p in ev.sample)


def test_a_criterion_without_a_result_fails() -> None:
    data = _data()
    del data["criteria"]["1.4.10"]
    with pytest.raises(ValidationError, match=r"zonder resultaat: 1\.4\.10"):
        parse(_dump(data))
    data = _data()
    data["criteria"]["2.4.7"] = {"method": "automatisch", "evidence": "x"}  # no result at all
    with pytest.raises(ValidationError, match="result"):
        parse(_dump(data))


def test_a_failure_needs_a_measure_and_a_pass_needs_evidence() -> None:
    data = _data()
    data["criteria"]["1.4.3"] = {"result": "voldoet niet", "method": "automatisch", "limitation": "te licht"}
    with pytest.raises(ValidationError, match="maatregel"):
        parse(_dump(data))
    data = _data()
    data["criteria"]["1.4.3"] = {"result": "voldoet", "method": "automatisch"}
    with pytest.raises(ValidationError, match="onderbouwing"):
        parse(_dump(data))
    data = _data()
    data["criteria"]["9.9.9"] = PASS
    with pytest.raises(ValidationError, match=r"onbekend: 9\.9\.9"):
        parse(_dump(data))


def test_the_status_never_claims_more_than_the_evaluation() -> None:
    data = _data()
    assert parse(_dump(data)).status(TODAY) is Status.C  # our own evaluation, an independent one planned
    data["statement"]["next_evaluation"] = TODAY + timedelta(days=400)
    assert parse(_dump(data)).status(TODAY) is Status.D  # nothing planned within six months
    data["statement"]["independent"] = True
    assert parse(_dump(data)).status(TODAY) is Status.B  # complete, but three criteria fail
    data["criteria"] = {sc: PASS for sc in CRITERIA}
    assert parse(_dump(data)).status(TODAY) is Status.A
    assert parse(_dump(data)).status(TODAY + timedelta(days=4 * 365)) is Status.D  # an evaluation counts 3 years
    data["criteria"]["1.1.1"] = {"result": "niet beoordeeld", "method": "niet getest", "limitation": "x",
                                 "measure": "y", "planned": TODAY}
    assert parse(_dump(data)).status(TODAY) is Status.D  # one criterion not judged: not complete


def test_the_page_is_generated_from_the_evaluation() -> None:
    ev = load()
    tree = statement(ev, TODAY)
    text = " ".join(strings(tree))
    for heading in (texts.STATUS_TITLE, texts.SCOPE_TITLE, texts.METHOD_TITLE, texts.LIMITS_TITLE,
                    texts.RESULTS_TITLE, texts.CONTACT_TITLE, texts.ENFORCEMENT_TITLE):
        assert heading in text
    assert texts.STATUS["C"].split(":")[0] in text and "31 mei 2027" in text
    ids = {c.id for c in components(tree) if getattr(c, "id", None)}
    assert {f"eis-{sc}" for sc in CRITERIA} <= ids  # a row per criterion
    assert {f"beperking-{sc}" for sc, _, _ in ev.limitations()} <= ids
    assert {"beperking-1.4.13", "beperking-2.2.1"} <= ids
    assert ev.statement.contact_email in text
    counts = texts.COUNTS.format(passed=ev.count(Result.PASSED), na=ev.count(Result.NOT_APPLICABLE),
                                 failed=ev.count(Result.FAILED), untested=ev.count(Result.NOT_TESTED))
    assert counts in text


def test_every_page_footer_links_to_the_statement() -> None:
    links = [c for c in components(footer()) if getattr(c, "href", None) == STATEMENT_PATH]
    assert len(links) == 1 and links[0].children == "Toegankelijkheid"
