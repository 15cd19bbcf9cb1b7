"""The quarter report as one print-ready HTML document (cover, contents, per programme the three parts with
charts as SVG images and tables, story summaries with links); weasyprint turns it into the PDF.

Deterministic: the same report gives the same bytes, so a published report's HTML never changes."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from pathlib import Path

from dashboard import texts
from dashboard.components.quarter_parts import (
    anchor,
    change_anchor,
    change_text,
    chart_alt,
    chart_svg,
    latest_text,
    measurement_cells,
    note_meta,
    story_href,
    trend_change,
)
from dashboard.components.svg_chart import data_uri
from dashboard.theme import current_theme
from indicators.enums import MeasurementStatus, StoryKind
from indicators.formatting import MEASUREMENT_STATUS_LABELS, STORY_KIND_LABELS, format_date, format_number
from indicators.quarter import ProgrammeReport, QuarterReport

REPORT_CSS = Path(__file__).with_name("report.css")


@lru_cache
def report_css() -> str:
    """The print stylesheet (dashboard/exports/report.css), read once."""
    return REPORT_CSS.read_text(encoding="utf-8")


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def _example(flag: bool, label: str = texts.EXAMPLE_LABEL) -> str:
    return f' <span class="example">{_e(label)}</span>' if flag else ""


def _part(slug: str, key: str, title: str, body: str, empty: str) -> str:
    """One part of a programme's section: its heading, then `body`, or the sentence `empty` when there is none."""
    return f'<h3 id="{anchor(slug, key, "")}">{_e(title)}</h3>' + (body or f"<p>{_e(empty)}</p>")


def _trends(p: ProgrammeReport, label: str) -> str:
    if not p.trends:
        return ""
    figures = '<div class="figures">' + "".join(
        f'<figure id="{anchor(p.slug, "trend", t.code)}"><img src="{data_uri(chart_svg(t, p.baseline_year))}" '
        f'alt="{_e(chart_alt(t))}">'
        f"<figcaption><strong>{_e(t.name)}</strong>{_example(t.has_example)}<br>{_e(t.sentence)}</figcaption>"
        f"</figure>" for t in p.trends) + "</div>"
    head = [texts.QUARTER_COL_TREND, texts.QUARTER_COL_LATEST, texts.QUARTER_COL_BASELINE.format(year=p.baseline_year),
            texts.QUARTER_COL_CHANGE, texts.QUARTER_COL_VERDICT]
    return figures + _table(texts.QUARTER_TRENDS_CAPTION.format(name=p.name, label=label), head, [
        [(t.name, "th"), (latest_text(t), "num"), (format_number(t.baseline_value, t.decimals, t.unit), "num"),
         (trend_change(t), "num"), (t.verdict, "")] for t in p.trends])


def _results(p: ProgrammeReport, label: str) -> str:
    if not p.results:
        return ""
    head = [texts.COL_PROJECT, texts.COL_MEASURE, texts.COL_TARGET, texts.COL_REALISED, texts.COL_STATUS,
            texts.COL_EXPLANATION]
    rows = []
    for r in p.results:
        target, realised, note = measurement_cells(r)
        status = MEASUREMENT_STATUS_LABELS[MeasurementStatus(r.current.status)] if r.current else "–"
        rows.append(([(r.project_name, ""), (r.name, "th"), (target, "num"), (realised, "num"), (status, ""),
                      (note, "")], anchor(p.slug, "resultaat", r.id)))
    return _table(texts.QUARTER_RESULTS_CAPTION.format(name=p.name, label=label), head, rows)


def _programme(p: ProgrammeReport, report: QuarterReport) -> str:
    label, previous = report.period.label, report.previous_period.label
    changes = '<ul class="changes">' + "".join(
        f'<li><span class="kind">{_e(texts.CHANGE_KIND_LABELS[c.kind.value])}</span> '
        f'<a href="#{change_anchor(p.slug, c)}">{_e(change_text(c))}</a></li>' for c in p.changes) + "</ul>" \
        if p.changes else ""
    stories = "".join(
        f'<div class="story" id="{anchor(p.slug, "verhaal", s.id)}"><h4>{_e(s.title)}</h4>'
        f'<p class="meta">{_e(STORY_KIND_LABELS[StoryKind(s.kind)])} · {_e(format_date(s.story_date))}'
        f"{_example(s.is_example, texts.EXAMPLE_STORY)}</p><p>{_e(s.summary)}</p>"
        f'<p><a href="{_e(story_href(s, p.slug))}">{_e(texts.PDF_STORY_LINK)}</a></p></div>' for s in p.stories)
    notes = "<ul>" + "".join(
        f"<li><strong>{_e(texts.NOTE_KIND_LABELS[n.kind])}:</strong> {_e(n.text)}"
        + (f" ({_e(note_meta(n))})" if note_meta(n) else "") + "</li>" for n in p.notes) + "</ul>" if p.notes else ""
    return "".join([
        f'<section class="programme" id="{anchor(p.slug, "programma", "")}">', f"<h2>{_e(p.name)}</h2>",
        f'<p class="meta">{_e(p.region_name)} · {_e(texts.QUARTER_COL_BASELINE.format(year=p.baseline_year))}</p>',
        _part(p.slug, "veranderd", texts.QUARTER_CHANGES.format(previous=previous), changes, texts.QUARTER_NO_CHANGES),
        _part(p.slug, "trends", texts.SECTION_TRENDS, _trends(p, label), texts.QUARTER_NO_TRENDS),
        _part(p.slug, "resultaten", texts.SECTION_RESULTS, _results(p, label), texts.QUARTER_NO_RESULTS),
        _part(p.slug, "verhalen", texts.SECTION_STORIES, stories, texts.QUARTER_NO_STORIES),
        _part(p.slug, "besluiten", texts.QUARTER_NOTES, notes, texts.QUARTER_NO_NOTES),
        "</section>"])


def _table(caption: str, head: list[str], rows: list) -> str:
    out = [f"<table><caption>{_e(caption)}</caption><thead><tr>",
           "".join(f'<th scope="col">{_e(h)}</th>' for h in head), "</tr></thead><tbody>"]
    for row in rows:
        cells, row_id = row if isinstance(row, tuple) else (row, None)
        out.append(f'<tr id="{row_id}">' if row_id else "<tr>")
        for text, kind in cells:
            if kind == "th":
                out.append(f'<th scope="row">{_e(text)}</th>')
            else:
                out.append(f'<td class="{kind}">{_e(text)}</td>' if kind else f"<td>{_e(text)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def status_line(report: QuarterReport) -> str:
    if report.published_at is None:
        return texts.QUARTER_DRAFT
    by = texts.QUARTER_PUBLISHED_BY.format(name=report.published_by) if report.published_by else ""
    return texts.QUARTER_PUBLISHED.format(date=format_date(report.published_at), by=by)


def render_html(report: QuarterReport) -> str:
    """The whole report as a standalone HTML document (UTF-8 text, lang nl)."""
    label, previous = report.period.label, report.previous_period.label
    title = texts.QUARTER_TITLE.format(label=label)
    compared = (texts.QUARTER_COMPARED_PUBLISHED if report.previous_published else texts.QUARTER_COMPARED_LIVE)
    toc = []
    for p in report.programmes:
        subs = [(anchor(p.slug, "veranderd", ""), texts.QUARTER_CHANGES.format(previous=previous)),
                (anchor(p.slug, "trends", ""), texts.SECTION_TRENDS),
                (anchor(p.slug, "resultaten", ""), texts.SECTION_RESULTS),
                (anchor(p.slug, "verhalen", ""), texts.SECTION_STORIES),
                (anchor(p.slug, "besluiten", ""), texts.QUARTER_NOTES)]
        toc.append(f'<li><a href="#{anchor(p.slug, "programma", "")}">{_e(p.name)}</a><ol>'
                   + "".join(f'<li><a href="#{h}">{_e(t)}</a></li>' for h, t in subs) + "</ol></li>")
    demo = any(p.is_demo for p in report.programmes)
    return "".join([
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{current_theme().css_variables()}{report_css()}</style></head><body>",
        '<section class="cover">', f'<p class="brand">{_e(texts.APP_TITLE)}</p>', f"<h1>{_e(title)}</h1>",
        f"<p>{_e(texts.PDF_COVER_TAGLINE)}</p>",
        f'<p class="status">{_e(status_line(report))}</p>',
        f"<p>{_e(texts.QUARTER_INTRO.format(label=label, previous=previous))} {_e(compared.format(previous=previous))}"
        "</p>",
        f'<p class="demo">{_e(texts.DEMO_BANNER)}</p>' if demo else "",
        "</section>",
        f'<nav class="toc"><h2>{_e(texts.QUARTER_CONTENTS)}</h2><ol>{"".join(toc)}</ol></nav>',
        *[_programme(p, report) for p in report.programmes],
        "</body></html>",
    ])
