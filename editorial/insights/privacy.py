"""Small counts are never shown: anything under THRESHOLD becomes "< 5"."""

from __future__ import annotations

THRESHOLD = 5
SMALL = f"< {THRESHOLD}"


def is_small(count: int) -> bool:
    return 0 < count < THRESHOLD


def shown(count: int) -> str:
    """The text for a count: "0", "< 5" or the number."""
    return SMALL if is_small(count) else str(count)


def share(part: int, whole: int) -> str:
    """A percentage, or "" when it could give a small count away (either side under 5)."""
    if whole <= 0 or is_small(part) or is_small(whole - part) or whole < THRESHOLD:
        return ""
    return f"{round(100 * part / whole)}%"
