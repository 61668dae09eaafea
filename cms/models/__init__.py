from .branding import BrandSettings
from .organisations import OrganisationIndexPage, OrganisationPage
from .pages import HomePage, LoketOverviewPage, StandardPage
from .places import Place
from .services import (
    Access,
    Cost,
    LegalFramework,
    ServiceIndexPage,
    ServiceOpeningRule,
    ServicePage,
    ServicePhrase,
    ServiceScheduleException,
)
from .site_settings import SiteSettings
from .taxonomy import TargetGroup, Theme
from .towns import Town
from .wijken import Sleutelpersoon, WijkIndexPage, WijkPage

__all__ = [
    "Access",
    "BrandSettings",
    "Cost",
    "HomePage",
    "LegalFramework",
    "LoketOverviewPage",
    "OrganisationIndexPage",
    "OrganisationPage",
    "Place",
    "ServiceIndexPage",
    "ServiceOpeningRule",
    "ServicePage",
    "ServicePhrase",
    "ServiceScheduleException",
    "SiteSettings",
    "Sleutelpersoon",
    "StandardPage",
    "TargetGroup",
    "Theme",
    "Town",
    "WijkIndexPage",
    "WijkPage",
]
