"""Charts as accessible SVG, drawn on the server: no JavaScript, no third-party script.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>``; the exact numbers
are in the table beside it. A count under 5 is never drawn to scale: it gets no bar, only the
label "< 5", so its height cannot give it away.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .privacy import THRESHOLD, is_small, shown

COLOURS = ("#1d5fa8", "#b8590b", "#2f7d32")  # ≥ 4.5:1 on white, told apart by the legend too
WIDTH = 720
PLOT_HEIGHT = 200


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False  # categories (themes, services) as horizontal bars


def _drawable(value: int) -> int:
    return 0 if is_small(value) else value


def _maximum(chart: Chart) -> int:
    return max([_drawable(v) for s in chart.series for v in s.values] + [1])


def _desc(chart: Chart) -> str:
    parts = []
    for series in chart.series:
        if not series.values:
            continue
        top = max(range(len(series.values)), key=lambda i: _drawable(series.values[i]))
        parts.append(
            _("%(series)s: het hoogst bij %(label)s (%(value)s).")
            % {
                "series": series.name,
                "label": chart.labels[top],
                "value": shown(series.values[top]),
            }
        )
    parts.append(
        _("De getallen staan in de tabel naast de grafiek. 1 tot en met 4 staat er als < 5.")
    )
    return " ".join(parts)


def _legend(chart: Chart, y: int) -> list[str]:
    if len(chart.series) < 2:
        return []
    out, x = [], 0
    for number, series in enumerate(chart.series):
        colour = COLOURS[number % len(COLOURS)]
        out.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{colour}"/>')
        out.append(f'<text x="{x + 20}" y="{y + 12}">{escape(series.name)}</text>')
        x += 40 + 9 * len(series.name)
    return out


def _vertical(chart: Chart) -> tuple[list[str], int]:
    left, top = 48, 24 if len(chart.series) > 1 else 8
    plot_width = WIDTH - left - 8
    maximum = _maximum(chart)
    out = _legend(chart, 0)
    count = max(len(chart.labels), 1)
    slot = plot_width / count
    bar = max(2.0, (slot * 0.8) / max(len(chart.series), 1))
    base = top + PLOT_HEIGHT
    out.append(f'<line x1="{left}" y1="{base}" x2="{WIDTH - 8}" y2="{base}" stroke="#555"/>')
    for fraction in (0.5, 1):
        y = base - PLOT_HEIGHT * fraction
        value = round(maximum * fraction)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - 8}" y2="{y:.1f}" stroke="#ddd"/>')
        if value >= THRESHOLD:  # an axis label is never a small number either
            out.append(
                f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="as">{value}</text>'
            )
    longest = max((len(label) for label in chart.labels), default=1)
    every = max(1, math.ceil((longest * 7 + 10) / slot))  # labels never overlap
    for position, label in enumerate(chart.labels):
        x0 = left + position * slot + slot * 0.1
        for number, series in enumerate(chart.series):
            value = series.values[position]
            x = x0 + number * bar
            if is_small(value):
                out.append(
                    f'<text x="{x + bar / 2:.1f}" y="{base - 4}" text-anchor="middle" '
                    f'class="waarde klein">{escape(shown(value))}</text>'
                )
                continue
            height = PLOT_HEIGHT * value / maximum
            colour = COLOURS[number % len(COLOURS)]
            out.append(
                f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="{colour}"/>'
            )
        if position % every == 0:
            out.append(
                f'<text x="{left + position * slot + slot / 2:.1f}" y="{base + 16}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    return out, base + 24


def _horizontal(chart: Chart) -> tuple[list[str], int]:
    label_width, row, top = 220, 22 * max(len(chart.series), 1) + 8, 24
    plot_width = WIDTH - label_width - 60
    maximum = _maximum(chart)
    out = _legend(chart, 0) if len(chart.series) > 1 else []
    top = top if out else 4
    for position, label in enumerate(chart.labels):
        y0 = top + position * row
        text = label if len(label) <= 30 else label[:29] + "…"
        out.append(
            f'<text x="{label_width - 8}" y="{y0 + 15}" text-anchor="end">{escape(text)}</text>'
        )
        for number, series in enumerate(chart.series):
            value = series.values[position]
            y = y0 + number * 22
            width = 0 if is_small(value) else plot_width * value / maximum
            if width:
                colour = COLOURS[number % len(COLOURS)]
                out.append(
                    f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="18" '
                    f'fill="{colour}"/>'
                )
            out.append(
                f'<text x="{label_width + width + 6:.1f}" y="{y + 14}" class="waarde">'
                f"{escape(shown(value))}</text>"
            )
    return out, top + len(chart.labels) * row


def render(chart: Chart) -> SafeString:
    body, height = _horizontal(chart) if chart.horizontal else _vertical(chart)
    title_id, desc_id = f"grafiek-{chart.key}-titel", f"grafiek-{chart.key}-uitleg"
    return mark_safe(
        f'<svg class="inzicht-grafiek" role="img" viewBox="0 0 {WIDTH} {max(height, 40)}" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(_desc(chart))}</desc>' + "".join(body) + "</svg>"
    )
