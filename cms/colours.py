"""Brand colours: parse hex colours, measure WCAG contrast, derive lighter and darker shades.

Pure Python. Editors choose the two brand colours; these checks keep the site readable
whatever they choose (WCAG 1.4.3 for text, 1.4.11 for borders and icons).
"""

from __future__ import annotations

import re

WHITE = "#ffffff"
TEXT_CONTRAST = 4.5  # text and buttons with white text
GRAPHIC_CONTRAST = 3.0  # lines, borders, icons
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


class ColourError(ValueError):
    """A colour that cannot be used. The message is Dutch (B1) and meant for editors."""


def parse(value: str) -> tuple[int, int, int]:
    match = _HEX.match((value or "").strip())
    if not match:
        raise ColourError("Schrijf de kleur als # met zes tekens, bijvoorbeeld #1f5a80.")
    digits = match.group(1)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(value: str) -> float:
    r, g, b = parse(value)
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """``share`` of ``other`` mixed into ``colour`` (0: colour, 1: other)."""
    a, b = parse(colour), parse(other)
    return to_hex(tuple(x + (y - x) * share for x, y in zip(a, b, strict=True)))


def check_on_white(value: str, minimum: float) -> None:
    ratio = contrast(value, WHITE)
    if ratio < minimum:
        raise ColourError(
            f"Deze kleur is te licht op wit (contrast {ratio:.1f} : 1, nodig is "
            f"{minimum:.1f} : 1). Kies een donkerdere kleur."
        )


def soft(value: str) -> str:
    """The light background shade of a brand colour (cards, filter panels)."""
    return mix(value, WHITE, 0.92)


def check_primary(value: str) -> None:
    """White text on it, and it as text on white and on its own light shade."""
    check_on_white(value, TEXT_CONTRAST)
    ratio = contrast(value, soft(value))
    if ratio < TEXT_CONTRAST:
        raise ColourError(
            f"Deze kleur is te licht (contrast {ratio:.1f} : 1 op de lichte achtergrond, "
            f"nodig is {TEXT_CONTRAST:.1f} : 1). Kies een donkerdere kleur."
        )
