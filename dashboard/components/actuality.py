"""Actualiteit: the programme's score as a badge (overview card), with what is missing (programme page), and as a
to-do with links to where each gap is fixed (the managers' work list)."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.components import nl
from indicators.actuality import Actuality, ActualityItem
from indicators.enums import ActualityKind

KIND_ORDER = (ActualityKind.TREND, ActualityKind.MEASURED, ActualityKind.EXPLAINED, ActualityKind.STORY)


def score_text(actuality: Actuality) -> str:
    return texts.ACT_LABEL.format(score=actuality.score) if actuality.score is not None else texts.ACT_NONE


def badge(actuality: Actuality, element_id: str | None = None) -> html.Span:
    level = "none" if actuality.score is None else "high" if actuality.score >= 90 else \
        "mid" if actuality.score >= 60 else "low"
    extra = {"id": element_id} if element_id else {}
    return html.Span(score_text(actuality), className=f"actuality-badge actuality-{level}", **extra)


def _item_text(item: ActualityItem) -> str:
    if item.kind is ActualityKind.TREND:
        return (texts.ACT_ITEM_TREND if item.detail else texts.ACT_ITEM_TREND_NONE).format(subject=item.subject,
                                                                                     detail=item.detail)
    template = {ActualityKind.MEASURED: texts.ACT_ITEM_MEASURED, ActualityKind.EXPLAINED: texts.ACT_ITEM_EXPLAINED,
                ActualityKind.STORY: texts.ACT_ITEM_STORY}[item.kind]
    return template.format(subject=item.subject, detail=item.detail)


def _public_href(item: ActualityItem) -> str:
    return {ActualityKind.TREND: f"/indicator/{item.ref}", ActualityKind.STORY: f"/verhaal/{item.ref}"}.get(
        item.kind, f"#resultaat-{item.ref}")


def _kind_title(kind: ActualityKind, actuality: Actuality, oldest_year: int) -> str:
    return texts.ACT_KIND_TITLES[kind.value].format(oldest_before=oldest_year - 1, quarter=actuality.quarter_label)


def programme_block(actuality: Actuality, oldest_year: int) -> html.Section:
    """On the programme page: score, what it counts, and (folded) what is missing, each item linked."""
    missing = actuality.missing
    lists = []
    for kind in KIND_ORDER:
        items = [i for i in missing if i.kind is kind]
        if items:
            lists += [nl.H3(_kind_title(kind, actuality, oldest_year), className=f"{nl.HEADING_5} actuality-kind"),
                      html.Ul([html.Li(nl.A(_item_text(i), href=_public_href(i))) for i in items])]
    return html.Section(className="actuality", id="actualiteit", **{"aria-labelledby": "actualiteit-titel"}, children=[
        nl.H2(badge(actuality, "actualiteit-score"), id="actualiteit-titel", className=nl.HEADING_5),
        html.P([texts.ACT_EXPLAIN.format(quarter=actuality.quarter_label), " ",
                texts.ACT_COUNT.format(current=actuality.current, total=actuality.total) if actuality.total else ""],
               className="part-intro"),
        html.Details(className="actuality-missing", children=[html.Summary(f"{texts.ACT_MISSING} ({len(missing)})"),
                                                               *lists]) if missing
        else html.P(texts.ACT_ALL_CURRENT),
    ])


def todo(actuality: Actuality, name: str, slug: str, quarter_code: str, oldest_year: int) -> html.Section | None:
    """In the work list: what to do to bring the programme up to date, each with a link to where it is done."""
    missing = actuality.missing
    if not missing:
        return None
    entries = []
    for kind in KIND_ORDER:
        items = [i for i in missing if i.kind is kind]
        if not items:
            continue
        if kind is ActualityKind.MEASURED:
            action = nl.Link(texts.ACT_TODO_LINK_QUARTER.format(quarter=actuality.quarter_label),
                              href=f"/beheer/programma/{slug}/kwartaal/{quarter_code}")
            entries.append(html.Li([_kind_title(kind, actuality, oldest_year), ": ",
                                    ", ".join(i.subject for i in items), " – ", action]))
            continue
        links = []
        for i in items:
            if kind is ActualityKind.EXPLAINED:
                link = nl.Link(texts.ACT_TODO_LINK_EDIT, href=f"/beheer/meting/{i.ref}")
            elif kind is ActualityKind.STORY:
                link = nl.Link(texts.ACT_TODO_LINK_STORY, href=f"/beheer/verhaal/nieuw?programma={slug}")
            else:
                link = nl.Link(texts.ACT_TODO_LINK_TREND, href=f"/indicator/{i.ref}")
            links.append(html.Li([_item_text(i), " – ", link]))
        entries.append(html.Li([_kind_title(kind, actuality, oldest_year), html.Ul(links)]))
    return html.Section(className="worklist-actuality", **{"aria-labelledby": f"actualiteit-{slug}"}, children=[
        nl.H3(texts.ACT_TODO_TITLE.format(name=name, score=actuality.score), id=f"actualiteit-{slug}",
              className=nl.HEADING_5),
        html.Ul(entries),
    ])
