"""Wijken (neighbourhoods) with their boundary and sleutelpersonen ("gezichten in de wijk")."""

import json

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms import translations
from cms.boundary_map import BOUNDARY_PERMISSION, BoundaryMapPanel, BoundaryMapWidget
from places import geo

from .towns import Town


def wijk_at(point: geo.Point | None, wijken=None):
    """The wijk whose boundary contains the point, or None: the one wijk lookup.

    ``wijken``: where to look (default: every live Dutch wijk; a translation has the same
    boundary and is not a second wijk).
    """
    if point is None:
        return None
    candidates = translations.source_pages(WijkPage.objects.live()) if wijken is None else wijken
    return geo.find_containing(point, ((w, w.boundary) for w in candidates if w.boundary))


class WijkIndexPage(Page):
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.WijkPage"]
    max_count = 1
    template = "cms/wijk_index_page.html"

    class Meta:
        verbose_name = _("overzicht van wijken")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        source = translations.source_of(self)
        wijken = WijkPage.objects.child_of(source).live().order_by("title")
        context["wijken"] = translations.localized(wijken)
        return context


class WijkPage(Page):
    town = models.CharField(_("plaats"), max_length=20, choices=Town.choices, default=Town.UITHOORN)
    intro = models.TextField(
        _("inleiding"),
        help_text=_("Twee tot vier korte zinnen over de wijk en waar mensen elkaar ontmoeten."),
    )
    boundary = models.JSONField(
        _("grens van de wijk"),
        help_text=_(
            "Teken de grens op de kaart. Of importeer de wijkgrenzen van het CBS met "
            "'manage.py import_wijken'."
        ),
    )
    cbs_code = models.CharField(
        _("CBS-wijkcode"),
        max_length=10,
        blank=True,
        db_index=True,
        help_text=_(
            "Bijvoorbeeld WK045100. Hiermee vindt de import van de CBS-wijkkaart deze wijk."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("town"),
        FieldPanel("intro"),
        InlinePanel(
            "sleutelpersonen",
            heading=_("Gezichten in de wijk (sleutelpersonen)"),
            label=_("sleutelpersoon"),
            min_num=1,
        ),
        FieldPanel("boundary", widget=BoundaryMapWidget, permission=BOUNDARY_PERMISSION),
        FieldPanel("cbs_code", permission=BOUNDARY_PERMISSION),
        BoundaryMapPanel("boundary"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.WijkIndexPage"]
    subpage_types = []
    template = "cms/wijk_page.html"

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        permissions = [("change_wijk_boundary", _("Mag de grens van een wijk tekenen"))]

    def clean(self):
        super().clean()
        value = self.boundary
        if value in (None, "", {}):
            # Not tied to the field: a Redactie form has no boundary field to show it under.
            raise ValidationError(
                _(
                    "Deze wijk heeft nog geen grens. Teken de grens op de kaart, of vraag "
                    "Beheer gemeente om dat te doen."
                )
            )
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ValidationError(
                    {"boundary": _("Dit is geen geldige GeoJSON. Plak de veelhoek opnieuw.")}
                ) from None
        try:
            self.boundary = geo.rewind_rfc7946(geo.validate_polygon(value))
        except geo.GeoError as error:
            raise ValidationError({"boundary": str(error)}) from None

    def save(self, *args, **kwargs):
        # Stored in RFC 7946 order (outer ring counter-clockwise, holes clockwise), however
        # the boundary arrived (admin, import, demo loader).
        self.boundary = geo.rewind(self.boundary)
        return super().save(*args, **kwargs)

    @property
    def centre(self) -> geo.Point:
        return geo.centroid(self.boundary)

    def live_services(self):
        """The Dutch services for this wijk (also asked of its translation)."""
        from .services import ServicePage

        wijk = translations.source_of(self)
        return (
            translations.source_pages(ServicePage.objects.live())
            .filter(models.Q(wijken=wijk) | models.Q(places__wijk=wijk))
            .distinct()
            .select_related("organisation")
            .prefetch_related("places")
            .order_by("title")
        )

    def meeting_places(self):
        return translations.source_of(self).places.order_by("name")

    def get_context(self, request, *args, **kwargs):
        from .services import ServicePage

        context = super().get_context(request, *args, **kwargs)
        context["services"] = translations.localized(
            self.live_services(),
            within=ServicePage.objects.live()
            .select_related("organisation")
            .prefetch_related("places"),
        )
        context["sleutelpersonen"] = self.sleutelpersonen.all()
        context["meeting_places"] = self.meeting_places()
        return context


class Sleutelpersoon(TranslatableMixin, Orderable):
    """A face in the wijk. Translatable: wagtail-localize offers name, role and the three texts
    for translation; phone, e-mail, photo and consent date are copied from the Dutch row."""

    wijk = ParentalKey(WijkPage, related_name="sleutelpersonen", on_delete=models.CASCADE)
    name = models.CharField(
        _("naam of rol"),
        max_length=120,
        help_text=_("Alleen de naam die de persoon zelf wil laten zien, of alleen de rol."),
    )
    role = models.CharField(_("functie"), max_length=120, blank=True)
    helps_with = models.TextField(_("waarvoor kunt u bij deze persoon terecht?"))
    how_to_reach = models.TextField(_("hoe bereikt u deze persoon?"))
    when = models.CharField(_("wanneer"), max_length=200, blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_consent_date = models.DateField(
        _("toestemming voor de foto gegeven op"),
        null=True,
        blank=True,
        help_text=_("Verplicht als er een foto is. Zonder toestemming tonen we geen foto."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("helps_with"),
        FieldPanel("how_to_reach"),
        FieldPanel("when"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_consent_date")], heading=_("Foto")),
    ]

    # E-mail, photo and consent date are synchronised by wagtail-localize's defaults; a phone
    # number is a CharField (text), so it is named here to be copied, never retyped.
    override_translatable_fields = [SynchronizedField("phone", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("sleutelpersoon")
        verbose_name_plural = _("sleutelpersonen")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_consent_date:
            raise ValidationError(
                {
                    "photo_consent_date": _(
                        "Vul in wanneer deze persoon toestemming gaf voor de foto. "
                        "Zonder toestemming mag de foto er niet op."
                    )
                }
            )

    @property
    def public_photo(self):
        """The photo, only when consent was recorded."""
        return self.photo if self.photo_consent_date else None
