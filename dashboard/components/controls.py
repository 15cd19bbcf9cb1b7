"""Accessible selection controls: labelled native checkboxes and radios in fieldsets (Dash Checklist /
RadioItems, with their ARIA repaired by assets/20-a11y.js), and keyboard-reachable scroll regions."""

from __future__ import annotations

from itertools import groupby

from dash import dcc, html

from dashboard import texts
from dashboard.components import nl
from indicators.views import RegionOption


def scroll_region(child, label: str) -> html.Div:  # noqa: ANN001 - a Dash component
    """A horizontally scrollable wrapper that keyboard users can reach and scroll."""
    return html.Div(child, className="perspectief-table-scroll", tabIndex="0", role="region", **{"aria-label": label})


def group_label(group: str) -> str:
    return texts.REGION_GROUP_LABELS.get(group, group)


def region_checklists(id_type: str, options: list[RegionOption], selected: list[str]) -> html.Details:
    """Comparison regions grouped (land, jeugdregio, vergelijkbare gemeenten, wijken), one checklist each.

    Component ids are {"type": id_type, "group": n} so one pattern-matching callback reads them all."""
    chosen = [o.name for o in options if o.code in selected]
    summary = texts.COMPARE_SUMMARY.format(regions=", ".join(chosen) if chosen else texts.COMPARE_NONE)
    sets = []
    for n, (group, items) in enumerate(groupby(options, key=lambda o: o.group)):
        items = list(items)
        sets.append(html.Fieldset(className="region-group", children=[
            html.Legend(group_label(group)),
            dcc.Checklist(id={"type": id_type, "group": n}, className="region-options",
                          options=[{"label": o.name, "value": o.code} for o in items],
                          value=[o.code for o in items if o.code in selected],
                          inputClassName=nl.CHECKBOX, labelClassName="region-option"),
        ]))
    return html.Details(className="compare-details", children=[
        html.Summary(summary, id=f"{id_type}-samenvatting"),
        html.P(texts.COMPARE_HELP, className=nl.DESCRIPTION),
        *sets,
    ])


def radio_group(component_id: str, legend: str, options: list[tuple[str, str]], value: str) -> html.Fieldset:
    return html.Fieldset(className="radio-group", children=[
        html.Legend(legend),
        dcc.RadioItems(id=component_id, value=value, inline=True, inputClassName=nl.RADIO,
                       options=[{"label": label, "value": v} for v, label in options]),
    ])


def shown(*controls: object) -> list:
    """What a page shows, in the form its update callback compares with the values its controls report (lists of
    region codes sorted). Dash 4's checklists and radio items report their value when they mount, which fires
    the callback despite prevent_initial_call; a page keeps `shown(...)` in a Store and its callback does nothing
    while the controls report that same state (else it would build the page a second time on every visit)."""
    return [sorted(c) if isinstance(c, list | tuple) else c for c in controls]


def flatten(values: list[list[str] | None]) -> list[str]:
    """Selected values of several checklists, in order, without duplicates."""
    out: list[str] = []
    for group in values:
        for v in group or []:
            if v not in out:
                out.append(v)
    return out
