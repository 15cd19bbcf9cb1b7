"""The money chart of "Financiën": per boekjaar a bar for the budget (begroot: light, dashed edge) and one for the
realisation (gerealiseerd: solid), each with its amount written on it – a small standalone SVG built straight from
the figures (no plotly: the same image on the page and in print), with a text alternative."""

from __future__ import annotations

from xml.sax.saxutils import escape

from dashboard import texts
from dashboard.components.svg_lines import FONT
from dashboard.theme import current_theme
from indicators.axis import nice_step
from indicators.enums import StatementKind
from indicators.finance import NBSP, TOTAL, ProgrammeFinance, format_money
from indicators.formatting import format_number


def bars(finance: ProgrammeFinance) -> list[tuple[int, StatementKind, float]]:
    """(year, kind, lasten in € 1.000) of the programme total, oldest year first, budget before realisation."""
    out = []
    for year in finance.years:
        for kind in (StatementKind.BUDGET, StatementKind.ACTUAL):
            value = finance.amount(year, kind, TOTAL)
            if value is not None:
                out.append((year, kind, value))
    return out


def chart_alt(finance: ProgrammeFinance) -> str:
    words = {StatementKind.BUDGET: texts.FIN_LEGEND_BUDGET, StatementKind.ACTUAL: texts.FIN_LEGEND_ACTUAL}
    listed = "; ".join(f"{year} {words[kind]} {format_money(v)}" for year, kind, v in bars(finance))
    return texts.FIN_CHART_ALT.format(region=finance.region_name, name=finance.name, bars=listed)


def _tick(thousands: float, step_millions: float) -> str:
    """An axis label without needless decimals ('€ 0', '€ 20 mln', '€ 7,5 mln'), so it fits beside the axis."""
    if thousands == 0:
        return f"€{NBSP}0"
    decimals = next(d for d in (0, 1, 2) if abs(step_millions * 10**d - round(step_millions * 10**d)) < 1e-9 or d == 2)
    return f"€{NBSP}{format_number(thousands / 1_000, decimals)}{NBSP}mln"


def finance_svg(finance: ProgrammeFinance, width: int = 560, height: int = 320) -> str:
    """Sized for a phone as well: at 560 px drawn into 350 the 15 px labels still read as 9 px."""
    theme = current_theme()
    home, grid, text = theme.colour("chart-1"), theme.colour("chart-grid"), theme.colour("chart-text")
    budget_fill, background = theme.colour("surface-strong"), theme.colour("chart-background")
    data = bars(finance)
    years = finance.years
    left, right, top, bottom = 78, 8, 30, 62
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = max([v for *_, v in data] + [1.0])
    step = nice_step(top_value / 1_000)  # in millions
    y_max = 4 * step * 1_000

    def sy(v: float) -> float:
        return round(top + plot_h - max(v, 0) / y_max * plot_h, 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
           f' role="img" font-family="{FONT}" font-size="15"><title>{escape(chart_alt(finance))}</title>',
           f'<rect width="{width}" height="{height}" fill="{background}"/>']
    for i in range(5):
        v = step * i * 1_000
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{sy(v)}" y2="{sy(v)}" stroke="{grid}"/>')
        out.append(f'<text x="{left - 6}" y="{sy(v) + 4}" text-anchor="end" fill="{text}">'
                   f'{escape(_tick(v, step))}</text>')
    slot = plot_w / max(len(years), 1)
    bar_w = min(64.0, slot / 2.6)
    for i, year in enumerate(years):
        centre = left + slot * (i + 0.5)
        out.append(f'<text x="{round(centre, 1)}" y="{top + plot_h + 20}" text-anchor="middle" fill="{text}" '
                   f'font-weight="bold">{year}</text>')
        for kind, offset in ((StatementKind.BUDGET, -1), (StatementKind.ACTUAL, 0)):
            value = finance.amount(year, kind, TOTAL)
            if value is None:
                continue
            x = round(centre + offset * bar_w + (2 if offset == 0 else -2), 1)
            y = sy(value)
            h = round(top + plot_h - y, 1)
            style = (f'fill="{budget_fill}" stroke="{home}" stroke-width="1.5" stroke-dasharray="5 3"'
                     if kind is StatementKind.BUDGET else f'fill="{home}"')
            out.append(f'<rect x="{x}" y="{y}" width="{round(bar_w, 1)}" height="{h}" {style}/>')
            label = escape(format_money(value).replace("€" + NBSP, ""))  # the axis says euro; narrower labels
            out.append(f'<text x="{round(x + bar_w / 2, 1)}" y="{round(y - 5, 1)}" text-anchor="middle" '
                       f'fill="{text}" font-size="14">{label}</text>')
    ly = height - 10
    out.append(f'<rect x="{left}" y="{ly - 12}" width="18" height="14" fill="{budget_fill}" stroke="{home}" '
               f'stroke-dasharray="5 3"/><text x="{left + 22}" y="{ly}" fill="{text}">{texts.FIN_LEGEND_BUDGET}</text>')
    lx = left + 130
    out.append(f'<rect x="{lx}" y="{ly - 12}" width="18" height="14" fill="{home}"/>'
               f'<text x="{lx + 22}" y="{ly}" fill="{text}">{texts.FIN_LEGEND_ACTUAL}</text>')
    out.append("</svg>")
    return "".join(out)
