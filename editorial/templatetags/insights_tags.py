from django import template

from editorial.insights import charts

register = template.Library()


@register.filter
def insight_chart(chart) -> str:
    """The chart as inline, accessible SVG (see editorial.insights.charts)."""
    return charts.render(chart)


@register.filter
def has_notes(table) -> bool:
    return any(row.notes for row in table.rows)
