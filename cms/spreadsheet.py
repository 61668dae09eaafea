"""Cells for CSV and Excel files that a spreadsheet never runs as a formula.

Text starting with = + - @ (or a tab or carriage return) is read by Excel and LibreOffice as
a formula (CSV/formula injection). Such a cell gets a leading apostrophe, which spreadsheets
show as plain text; ``unescape`` takes it off again when the file is imported back.
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]


def unescape(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value
