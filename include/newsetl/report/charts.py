"""Inline SVG charts of a story's coverage, drawn in Python: the page needs no script and no network.

Every piece of text that comes from the warehouse (outlet, actor, place) goes
through ``markupsafe.escape``; an outlet named ``<script>`` is drawn as text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from markupsafe import Markup, escape

from newsetl.report.data import ActorCoverage, FigureReport

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
OUTLET_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442")
AGREEMENT_FILLS = {"conflict": "#fde2dd", "agree": "#e3f2e1", "single_source": "#f3f3f3"}
AGREEMENT_INKS = {"conflict": "#b3261e", "agree": "#1e6b2a", "single_source": "#555555"}
AGREEMENT_WORDS = {"conflict": "CONFLICT", "agree": "agree", "single_source": "one outlet only"}
AGREEMENT_ORDER = {"conflict": 0, "agree": 1, "single_source": 2}
QUALIFIER_WORDS = {"more_than": "more than ", "at_least": "at least ", "fewer_than": "fewer than ",
                   "about": "about ", "nearly": "nearly ", "exact": ""}

WIDTH = 960
LABEL_WIDTH = 340
PLOT_LEFT = 360
PLOT_RIGHT = 900
LANE_HEIGHT = 20
BAND_GAP = 6
AXIS_HEIGHT = 28
FONT = "font-family='system-ui, sans-serif' font-size='12'"
LABEL_CHARS = 46
CHAR_WIDTH = 7.0  # a generous average width of a 12px sans-serif character, to cut labels before the edge
BOLD_CHAR_WIDTH = 7.2
LABEL_GAP = 10  # between a band's key and its agreement word
MAX_ACTORS_CHARTED = 20
# The longest actor bar: short enough that the words after it ("2 mentions · 4 quotes ·
# <outlet>") fit for outlet names of about 40 characters, the length of
# "(unknown outlet) <file name>".
ACTOR_BAR_MAX = 120


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """A stable colour per outlet, in the order given."""
    return {outlet: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, outlet in enumerate(outlets)}


def format_value(value: float) -> str:
    """1714.0 -> '1,714'; 2.5 -> '2.5'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def format_period(start: date | None, end: date | None, label: str | None) -> str:
    """The compared period, or the phrase whose period could not be resolved."""
    if start and end:
        return f"{start.isoformat()} – {end.isoformat()}"
    return f"period unresolved (“{label}”)" if label else "no period"


def _qualified(value: float, qualifiers: str | None) -> str:
    words = [QUALIFIER_WORDS.get(q.strip(), q.strip() + " ") for q in (qualifiers or "exact").split(",")]
    prefix = words[0] if len(words) == 1 else ""
    return prefix + format_value(value)


def _text(x: float, y: float, content: str, *, anchor: str = "start", weight: str = "normal",
          fill: str = "#222222", limit: int = LABEL_CHARS, css: str = "") -> str:
    """An escaped SVG text element; text longer than ``limit`` is cut, the full text kept in a tooltip."""
    shown = content if len(content) <= limit else content[: limit - 1] + "…"
    title = f"<title>{escape(content)}</title>" if shown != content else ""
    css_class = f" class='{css}'" if css else ""
    return (f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' font-weight='{weight}' "
            f"fill='{fill}'{css_class}>{title}{escape(shown)}</text>")


def _log_scale(top: float):
    """x position of a value on log10(1 + v), so 0 fits and 320 vs 4,300 both stay readable."""
    span = math.log10(1 + top)

    def position(value: float) -> float:
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * math.log10(1 + max(value, 0.0)) / span

    return position


def _axis_top(values: Iterable[float]) -> float:
    largest = max([10.0, *values])
    return float(10 ** math.ceil(math.log10(largest)))


def figures_chart(figures: list[FigureReport], colours: dict[str, str]) -> Markup:
    """Dot plot: one band per metric × place × period, one lane and one dot per outlet; conflicts first, in red."""
    if not figures:
        return Markup("")
    groups: dict[tuple, list[FigureReport]] = {}
    for figure in figures:
        groups.setdefault(figure.key, []).append(figure)
    ordered = sorted(groups.values(), key=lambda rows: AGREEMENT_ORDER.get(rows[0].agreement, 3))
    top = _axis_top(f.value for f in figures)
    x = _log_scale(top)
    heights = [max(len(rows), 2) * LANE_HEIGHT for rows in ordered]
    height = AXIS_HEIGHT + sum(heights) + BAND_GAP * len(ordered) + 8
    parts = [_axis(x, top, height)]
    y = AXIS_HEIGHT
    for rows, band in zip(ordered, heights, strict=True):
        parts.append(_figure_band(rows, y, band, x, colours))
        y += band + BAND_GAP
    return _svg("figures-chart", height, "Crime figures reported by each outlet", parts)


def _axis(x, top: float, height: float) -> str:
    ticks = [0.0] + [10.0**k for k in range(0, int(round(math.log10(top))) + 1)]
    parts = []
    for tick in ticks:
        position = x(tick)
        parts.append(f"<line x1='{position:.1f}' x2='{position:.1f}' y1='{AXIS_HEIGHT - 6}' y2='{height - 4}' "
                      "stroke='#d0d0d0' stroke-dasharray='2,3'/>")
        parts.append(_text(position, AXIS_HEIGHT - 10, format_value(tick), anchor="middle", fill="#666666"))
    parts.append(_text(8, AXIS_HEIGHT - 10, "value (log scale)", fill="#666666"))
    return "".join(parts)


def _counting(group: str | None) -> str:
    """"Israeli · " before the period of a count of a named people."""
    return f"{group[:1].upper()}{group[1:]} · " if group else ""


def _figure_band(rows: list[FigureReport], y: float, band: float, x, colours: dict[str, str]) -> str:
    first = rows[0]
    agreement = first.agreement
    ink = AGREEMENT_INKS.get(agreement, "#555555")
    place = first.location or "place unknown"
    word = AGREEMENT_WORDS.get(agreement, agreement)
    parts = [
        f"<g class='figure-key {escape(agreement)}' data-metric='{escape(first.metric)}'>",
        f"<rect x='0' y='{y:.1f}' width='{WIDTH}' height='{band:.1f}' rx='4' "
        f"fill='{AGREEMENT_FILLS.get(agreement, '#f3f3f3')}'"
        + (f" stroke='{ink}' stroke-width='1.5'" if agreement == "conflict" else "") + "/>",
        # The key's words stop before the agreement word right-aligned on the same line.
        _text(8, y + 14, f"{first.metric} · {place}", weight="bold", css="key",
              limit=int((LABEL_WIDTH - 8 - LABEL_GAP - len(word) * BOLD_CHAR_WIDTH) / BOLD_CHAR_WIDTH)),
        _text(8, y + 30, _counting(first.counted_group)
              + format_period(first.period_start, first.period_end, first.period_label), fill="#444444"),
        _text(LABEL_WIDTH, y + 14, word, anchor="end", weight="bold", fill=ink, css="agreement"),
    ]
    if agreement == "conflict":
        low, high = min(r.value for r in rows), max(r.value for r in rows)
        parts.append(f"<rect x='{x(low):.1f}' y='{y + 2:.1f}' width='{max(x(high) - x(low), 2):.1f}' "
                     f"height='{band - 4:.1f}' fill='{ink}' fill-opacity='0.18'/>")
    for lane, row in enumerate(rows):
        centre = y + lane * LANE_HEIGHT + LANE_HEIGHT / 2
        position = x(row.value)
        colour = colours.get(row.outlet, "#777777")
        parts.append(f"<line x1='{PLOT_LEFT}' x2='{PLOT_RIGHT}' y1='{centre:.1f}' y2='{centre:.1f}' stroke='#c8c8c8'/>")
        detail = f" · said by {row.attributed_to}" if row.attributed_to and row.attributed_to != row.outlet else ""
        parts.append(f"<circle class='mark' cx='{position:.1f}' cy='{centre:.1f}' r='6' fill='{colour}' "
                     f"stroke='#222222'><title>{escape(row.outlet)}: {escape(_qualified(row.value, row.qualifiers))}"
                     f"{escape(detail)}</title></circle>")
        label = f"{_qualified(row.value, row.qualifiers)} · {row.outlet}"
        left = position > (PLOT_LEFT + PLOT_RIGHT) / 2
        room = (position - 10 - PLOT_LEFT) if left else (WIDTH - position - 10)
        parts.append(_text(position + (-10 if left else 10), centre + 4, label, anchor="end" if left else "start",
                           limit=int(room / CHAR_WIDTH), css="mark-label"))
    parts.append("</g>")
    return "".join(parts)


def actors_chart(actors: list[ActorCoverage], outlets: list[str], colours: dict[str, str]) -> Markup:
    """Bars per actor and outlet: mentions (pale) with quotes (solid) over them; actors some outlets never quote are marked."""
    if not actors:
        return Markup("")
    by_actor: dict[str, dict[str, ActorCoverage]] = {}
    for row in actors:
        by_actor.setdefault(row.actor, {})[row.outlet] = row
    ranked = sorted(by_actor.items(), key=lambda item: (
        -sum(r.quotes for r in item[1].values()), -sum(r.mentions for r in item[1].values()), item[0]))
    shown = ranked[:MAX_ACTORS_CHARTED]
    largest = max(max(r.mentions, r.quotes) for _, rows in shown for r in rows.values()) or 1
    band = max(len(outlets), 2) * LANE_HEIGHT
    height = 8 + (band + BAND_GAP) * len(shown)
    parts = []
    y = 4.0
    for actor, rows in shown:
        parts.append(_actor_band(actor, rows, outlets, y, band, largest, colours))
        y += band + BAND_GAP
    return _svg("actors-chart", height, "Actors each outlet mentions and quotes", parts)


def _actor_band(actor: str, rows: dict[str, ActorCoverage], outlets: list[str], y: float, band: float,
                largest: int, colours: dict[str, str]) -> str:
    quoting = sum(1 for r in rows.values() if r.quotes)
    partial = len(outlets) > 1 and 0 < quoting < len(outlets)
    fill = "#fff1d6" if partial else "#f6f6f6"
    note = f"quoted by {quoting} of {len(outlets)} outlet{'s' if len(outlets) > 1 else ''}" if quoting else "not quoted"
    parts = [
        f"<g class='actor' data-quoted-by='{quoting}'>",
        f"<rect x='0' y='{y:.1f}' width='{WIDTH}' height='{band:.1f}' rx='4' fill='{fill}'/>",
        _text(8, y + 14, actor, weight="bold", css="actor-name"),
        _text(8, y + 30, note, fill="#8a5a00" if partial else "#444444"),
    ]
    scale = ACTOR_BAR_MAX / largest
    for lane, outlet in enumerate(outlets):
        centre = y + lane * LANE_HEIGHT + LANE_HEIGHT / 2
        colour = colours.get(outlet, "#777777")
        row = rows.get(outlet)
        mentions, quotes = (row.mentions, row.quotes) if row else (0, 0)
        parts.append(f"<rect x='{PLOT_LEFT}' y='{centre - 7:.1f}' width='{mentions * scale:.1f}' height='14' "
                     f"fill='{colour}' fill-opacity='0.35'/>")
        parts.append(f"<rect class='quotes-bar' x='{PLOT_LEFT}' y='{centre - 4:.1f}' width='{quotes * scale:.1f}' "
                     f"height='8' fill='{colour}'/>")
        words = (f"{mentions} mention{'' if mentions == 1 else 's'} · {quotes} quote{'' if quotes == 1 else 's'}"
                 if row else "not mentioned")
        start = PLOT_LEFT + max(mentions, quotes) * scale + 8
        parts.append(_text(start, centre + 4, f"{words} · {outlet}", limit=int((WIDTH - start) / CHAR_WIDTH),
                           fill="#222222" if row else "#888888"))
    parts.append("</g>")
    return "".join(parts)


def _svg(css: str, height: float, label: str, parts: list[str]) -> Markup:
    return Markup(
        f"<svg class='{css}' xmlns='http://www.w3.org/2000/svg' role='img' aria-label='{escape(label)}' "
        f"width='{WIDTH}' height='{height:.0f}' viewBox='0 0 {WIDTH} {height:.0f}' {FONT}>"
        + "".join(parts) + "</svg>"
    )
