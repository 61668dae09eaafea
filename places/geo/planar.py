"""Plane geometry on GeoJSON positions ``(lon, lat)``: signed area, segment intersection and
ray casting. No knowledge of GeoJSON objects or of the Netherlands."""

from __future__ import annotations

from collections.abc import Sequence

Position = tuple[float, float]  # (lon, lat), GeoJSON order
Ring = list[Position]

MIN_AREA = 1e-12
EPS = 1e-15


def signed_area(ring: Sequence[Position]) -> float:
    """Shoelace area in square degrees; positive for counter-clockwise rings."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        total += x1 * y2 - x2 * y1
    return total / 2.0


def all_collinear(ring: Sequence[Position]) -> bool:
    first, second = ring[0], ring[1]
    return all(orientation(first, second, position) == 0 for position in ring[2:])


def orientation(p: Position, q: Position, r: Position) -> int:
    value = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    if abs(value) <= EPS:
        return 0
    return 1 if value > 0 else -1


def on_segment(p: Position, q: Position, r: Position) -> bool:
    """True when r (known to be collinear with p-q) lies within the box of segment p-q."""
    return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])


def segments_intersect(p1: Position, p2: Position, q1: Position, q2: Position) -> bool:
    """Classic orientation test; touching and collinear overlap count as intersecting."""
    o1 = orientation(p1, p2, q1)
    o2 = orientation(p1, p2, q2)
    o3 = orientation(q1, q2, p1)
    o4 = orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and on_segment(p1, p2, q1))
        or (o2 == 0 and on_segment(p1, p2, q2))
        or (o3 == 0 and on_segment(q1, q2, p1))
        or (o4 == 0 and on_segment(q1, q2, p2))
    )


def ring_self_intersects(ring: Ring) -> bool:
    """True when two edges of a closed ring (without repeated points) cross or touch.

    Neighbouring edges share one corner; they only count when they fold back over each
    other (a spike). A sweep over the x-axis keeps this fast for rings with many points.
    """
    n = len(ring) - 1  # number of edges
    edges = [(ring[i], ring[i + 1]) for i in range(n)]

    for i in range(n):
        p, q = edges[i]
        r = edges[(i + 1) % n][1]
        if orientation(p, q, r) == 0:
            # Collinear corner: fine when going straight on, a spike when turning back.
            dot = (q[0] - p[0]) * (r[0] - q[0]) + (q[1] - p[1]) * (r[1] - q[1])
            if dot < 0:
                return True

    order = sorted(range(n), key=lambda k: min(edges[k][0][0], edges[k][1][0]))
    for index, i in enumerate(order):
        a1, a2 = edges[i]
        max_x = max(a1[0], a2[0])
        min_y, max_y = min(a1[1], a2[1]), max(a1[1], a2[1])
        for j in order[index + 1 :]:
            b1, b2 = edges[j]
            if min(b1[0], b2[0]) > max_x:
                break
            if abs(i - j) == 1 or abs(i - j) == n - 1:
                continue  # neighbours, handled above
            if max(b1[1], b2[1]) < min_y or min(b1[1], b2[1]) > max_y:
                continue
            if segments_intersect(a1, a2, b1, b2):
                return True
    return False


def point_on_boundary(x: float, y: float, ring: Sequence[Position]) -> bool:
    for p, q in zip(ring, ring[1:], strict=False):
        if orientation(p, q, (x, y)) == 0 and on_segment(p, q, (x, y)):
            return True
    return False


def ray_cast(x: float, y: float, ring: Sequence[Position]) -> bool:
    """Even-odd rule: count how many edges a ray to the east crosses."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > y) != (y2 > y):
            x_cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < x_cross:
                inside = not inside
    return inside


def strictly_outside(position: Position, ring: Ring) -> bool:
    x, y = position
    return not point_on_boundary(x, y, ring) and not ray_cast(x, y, ring)
