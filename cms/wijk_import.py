"""Import wijk boundaries from the CBS 'Wijk- en buurtkaart' (GeoJSON), all or nothing.

The CBS publishes the file in EPSG:28992 (RD New, metres) and, on request, in WGS84. Both are
read: the coordinate system comes from the file's `crs` member, or else from the size of the
numbers. RD coordinates are converted with pyproj. Each feature needs `gemeentecode`,
`wijkcode` and `wijknaam` (older files: `GM_CODE`, `WK_CODE`, `WK_NAAM`); water-only parts
(`water` = "JA") are skipped. A wijk is found by its CBS code, else by its name (then the code
is recorded). Boundaries are stored with the RFC 7946 winding order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.log_actions import log
from wagtail.signals import page_published

from cms.models import Place, WijkPage
from places import geo

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"
PROPERTY_NAMES = {
    "gemeentecode": ("gemeentecode", "GM_CODE"),
    "wijkcode": ("wijkcode", "WK_CODE"),
    "wijknaam": ("wijknaam", "WK_NAAM"),
}


class WijkImportError(ValueError):
    """The file cannot be used; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class CbsWijk:
    code: str
    name: str
    geometry: dict


@dataclass(frozen=True)
class WijkResult:
    wijk: CbsWijk
    page: WijkPage | None
    action: str  # "bijgewerkt", "ongewijzigd" or "niet gevonden"


@dataclass
class ImportReport:
    crs: str
    results: list[WijkResult] = field(default_factory=list)
    places_moved: int = 0
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)


def _prop(properties: dict, key: str) -> str:
    for name in PROPERTY_NAMES[key]:
        value = properties.get(name)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def _first_position(coordinates):
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    return coordinates


def detect_crs(collection: dict) -> str:
    name = str(((collection.get("crs") or {}).get("properties") or {}).get("name", ""))
    if "28992" in name:
        return RD_NEW
    if "4326" in name or "CRS84" in name.upper():
        return WGS84
    for feature in collection.get("features") or []:
        position = _first_position((feature.get("geometry") or {}).get("coordinates"))
        if isinstance(position, list) and len(position) >= 2:
            x, y = position[0], position[1]
            if isinstance(x, int | float) and isinstance(y, int | float):
                return RD_NEW if abs(x) > 180 or abs(y) > 90 else WGS84
    raise WijkImportError("Het bestand heeft geen coördinaten. Is het de wijk- en buurtkaart?")


def _rd_to_wgs84():
    from pyproj import Transformer

    transformer = Transformer.from_crs(RD_NEW, WGS84, always_xy=True)

    def convert(coordinates):
        if coordinates and isinstance(coordinates[0], int | float):
            lon, lat = transformer.transform(coordinates[0], coordinates[1])
            return [round(lon, 7), round(lat, 7)]
        return [convert(part) for part in coordinates]

    return convert


def read_cbs_wijken(raw: bytes | str, gemeentecode: str) -> tuple[str, list[CbsWijk]]:
    """The wijken of one gemeente from a CBS GeoJSON file. Raises WijkImportError (Dutch)."""
    try:
        collection = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise WijkImportError("Dit is geen geldig GeoJSON-bestand.") from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise WijkImportError("Het bestand moet een GeoJSON FeatureCollection zijn.")
    features = [f for f in collection.get("features") or [] if isinstance(f, dict)]
    code = gemeentecode.strip().upper()
    mine = [
        f
        for f in features
        if _prop(f.get("properties") or {}, "gemeentecode").upper() == code
        and str((f.get("properties") or {}).get("water", "NEE")).upper() != "JA"
    ]
    if not mine:
        raise WijkImportError(
            f"Er staan geen wijken van gemeente {code} in het bestand. Klopt de gemeentecode?"
        )
    crs = detect_crs(collection)
    convert = _rd_to_wgs84() if crs == RD_NEW else None
    wijken, problems = [], []
    for number, feature in enumerate(mine, start=1):
        properties = feature.get("properties") or {}
        wijkcode, name = _prop(properties, "wijkcode"), _prop(properties, "wijknaam")
        label = f"{wijkcode or '?'} {name or '?'}"
        if not wijkcode or not name:
            problems.append(f"Wijk {number} ({label}): wijkcode of wijknaam ontbreekt.")
            continue
        geometry = feature.get("geometry") or {}
        try:
            if convert is not None:
                geometry = {**geometry, "coordinates": convert(geometry.get("coordinates") or [])}
            clean = geo.rewind_rfc7946(geo.validate_polygon(geometry))
        except (geo.GeoError, TypeError, IndexError) as error:
            problems.append(f"Wijk {number} ({label}): {error}")
            continue
        wijken.append(CbsWijk(wijkcode, name, clean))
    if problems:
        raise WijkImportError("Er is niets geïmporteerd:\n" + "\n".join(problems))
    return crs, wijken


def _find_page(wijk: CbsWijk) -> WijkPage | None:
    page = WijkPage.objects.filter(cbs_code__iexact=wijk.code).first()
    return page or WijkPage.objects.filter(title__iexact=wijk.name).first()


def _store(page: WijkPage, wijk: CbsWijk, user) -> None:
    """Live page and revisions get the boundary, without publishing someone's draft."""
    if not page.has_unpublished_changes:
        page.boundary, page.cbs_code = wijk.geometry, wijk.code
        page.save_revision(user=user, log_action=True).publish(user=user)
        return
    WijkPage.objects.filter(pk=page.pk).update(boundary=wijk.geometry, cbs_code=wijk.code)
    for revision in {page.live_revision, page.latest_revision} - {None}:
        revision.content["boundary"] = wijk.geometry
        revision.content["cbs_code"] = wijk.code
        revision.save(update_fields=["content"])
    page.refresh_from_db()
    log(instance=page, action="wagtail.edit", user=user, data={"cbs_import": wijk.code})
    if page.live:
        page_published.send(sender=WijkPage, instance=page, revision=page.live_revision)


def _rederive_places() -> int:
    moved = 0
    for place in Place.objects.select_related("wijk"):
        if place.derive_wijk() != place.wijk:
            place.save()
            moved += 1
    return moved


def import_wijken(raw, gemeentecode: str, *, dry_run: bool = False, user=None) -> ImportReport:
    """Read, check and apply in one transaction; a dry run rolls everything back."""
    crs, wijken = read_cbs_wijken(raw, gemeentecode)
    report = ImportReport(crs=crs, dry_run=dry_run)
    with transaction.atomic():
        for wijk in wijken:
            page = _find_page(wijk)
            if page is None:
                report.results.append(WijkResult(wijk, None, "niet gevonden"))
                continue
            if page.boundary == wijk.geometry and page.cbs_code == wijk.code:
                report.results.append(WijkResult(wijk, page, "ongewijzigd"))
                continue
            _store(page, wijk, user)
            report.results.append(WijkResult(wijk, page, "bijgewerkt"))
        report.places_moved = _rederive_places()
        if dry_run:
            transaction.set_rollback(True)
    return report
