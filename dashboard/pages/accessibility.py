"""/toegankelijkheid: the accessibility statement in the structure of the Dutch model statement (status, evaluated
scope and date, method, results per criterion, known limitations with planned measures, contact), generated from
the evaluation in dashboard/accessibility/evaluation.toml – never claiming more than it shows."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard.accessibility import texts
from dashboard.accessibility.evaluation import Evaluation, Method, Result, load
from dashboard.components import nl
from dashboard.components.controls import scroll_region
from indicators.formatting import format_date

RESULT_CLASS = {Result.PASSED: nl.STATUS_SUCCESS, Result.FAILED: nl.STATUS_DANGER,
                Result.NOT_APPLICABLE: nl.STATUS_NEUTRAL, Result.NOT_TESTED: nl.STATUS_WARNING}


def _section(key: str, title: str, *children) -> html.Section:  # noqa: ANN002 - Dash components
    return html.Section(className="statement-part", **{"aria-labelledby": f"verklaring-{key}"},
                        children=[nl.H2(title, id=f"verklaring-{key}"), *children])


def _status(ev: Evaluation, today: date) -> html.Section:
    s = ev.statement
    status = ev.status(today)
    return _section("status", texts.STATUS_TITLE,
                    html.P(texts.STATUS[status.value].format(next=format_date(s.next_evaluation)
                                                             if s.next_evaluation else "–"),
                           className="statement-status", id="verklaring-nalevingsstatus"),
                    html.P(texts.COUNTS.format(passed=ev.count(Result.PASSED), na=ev.count(Result.NOT_APPLICABLE),
                                               failed=ev.count(Result.FAILED), untested=ev.count(Result.NOT_TESTED))))


def _scope(ev: Evaluation) -> html.Section:
    rows = [html.Tr([html.Th(p.name, scope="row"), html.Td(html.Code(p.path)), html.Td(texts.SAMPLE_KIND[p.kind]),
                     html.Td(texts.YES if p.signed_in else texts.NO)]) for p in ev.sample]
    table = html.Table(className=nl.TABLE_COMPACT, children=[
        html.Caption(texts.SAMPLE_CAPTION),
        html.Thead(html.Tr([html.Th(c, scope="col") for c in texts.SAMPLE_COLS])), html.Tbody(rows)])
    return _section("onderzocht", texts.SCOPE_TITLE,
                    html.P(texts.SCOPE.format(date=format_date(ev.statement.evaluated),
                                              evaluator=ev.statement.evaluator)),
                    scroll_region(table, texts.SAMPLE_CAPTION))


def _method(ev: Evaluation) -> html.Section:
    s = ev.statement
    return _section("methode", texts.METHOD_TITLE, html.P(s.method), html.P(texts.TOOLS, className="mb-1"),
                    html.Ul([html.Li(t) for t in s.tools]),
                    html.P(texts.BASELINE.format(baseline=s.baseline)),
                    html.P(texts.METHOD_COUNTS.format(auto=ev.count_method(Method.AUTOMATED),
                                                      manual=ev.count_method(Method.MANUAL),
                                                      both=ev.count_method(Method.BOTH),
                                                      none=ev.count_method(Method.NONE))),
                    html.P(texts.AUTOMATED_NOTE, className=nl.DESCRIPTION))


def _results(ev: Evaluation) -> html.Section:
    rows = [html.Tr(id=f"eis-{sc}", children=[
        html.Th(f"{sc} {name}", scope="row"), html.Td(level),
        html.Td(html.Span(c.result.value, className=RESULT_CLASS[c.result])), html.Td(c.method.value),
        html.Td(" ".join(x for x in (c.evidence, c.note) if x))]) for sc, level, name, c in ev.ordered()]
    table = html.Table(className=f"{nl.TABLE_COMPACT} statement-results", children=[
        html.Caption(texts.RESULTS_CAPTION),
        html.Thead(html.Tr([html.Th(c, scope="col") for c in texts.RESULTS_COLS])), html.Tbody(rows)])
    return _section("resultaten", texts.RESULTS_TITLE, scroll_region(table, texts.RESULTS_CAPTION))


def _limitations(ev: Evaluation) -> html.Section:
    items = [html.Li(id=f"beperking-{sc}", children=[
        html.Strong(f"{sc} {name} ({c.result.value})"), html.Br(), c.limitation, html.Br(),
        texts.LIMIT_MEASURE.format(measure=c.measure), " ",
        texts.LIMIT_PLANNED.format(date=format_date(c.planned))]) for sc, name, c in ev.limitations()]
    return _section("beperkingen", texts.LIMITS_TITLE,
                    html.Ul(items, className="statement-limitations") if items else html.P(texts.LIMITS_NONE))


def _contact(ev: Evaluation) -> html.Section:
    s = ev.statement
    email = nl.A(s.contact_email, href=f"mailto:{s.contact_email}")
    before, after = texts.CONTACT.split("{email}")
    return _section("contact", texts.CONTACT_TITLE,
                    html.P([before, email, after.format(days=s.response_days)]),
                    html.P(nl.A(texts.CONTACT_LINK, href=s.contact_url)) if s.contact_url else None,
                    nl.H3(texts.ENFORCEMENT_TITLE),
                    html.P([texts.ENFORCEMENT, " ", nl.A(texts.OMBUDSMAN, href=texts.OMBUDSMAN_URL)]))


def statement(ev: Evaluation, today: date) -> html.Div:
    """The whole statement for `today` (the status depends on the evaluation's age and the planned one)."""
    s = ev.statement
    return html.Div(className="container page-statement", children=[
        nl.H1(texts.TITLE),
        html.P(texts.INTRO.format(organisation=s.organisation, website=s.website, scope=s.scope), className=nl.LEAD),
        _status(ev, today), _scope(ev), _method(ev), _limitations(ev), _results(ev), _contact(ev),
        html.P(texts.DATES.format(statement=format_date(s.statement_date), evaluated=format_date(s.evaluated)),
               className=nl.DESCRIPTION),
    ])


def layout(**_query: str) -> html.Div:
    return statement(load(), date.today())
