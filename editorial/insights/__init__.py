"""Inzicht: what residents look for and how the map is kept, for the gemeente and the Redactie.

Plain modules with typed results; the admin view (editorial/views/insights.py) only reads the
period from the request and renders. Every count under ``privacy.THRESHOLD`` is shown as
"< 5" in tables, charts and CSV files alike, so no resident can be singled out.

- ``period``: the date range and its time buckets (day, week or month).
- ``sources``: the one place that reads each anonymous log.
- ``report``: the sections and their tables.
- ``tables`` and ``charts``: a table as CSV, a chart as accessible SVG.
"""
