"""Places (locaties): buildings where services happen. The wijk is derived, never typed."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.search import index

from places import geo

from .in_language import ShownInLanguage
from .towns import Town
from .wijken import wijk_at


class Place(ShownInLanguage, index.Indexed, models.Model):
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), max_length=120, unique=True)
    street = models.CharField(_("straat"), max_length=120)
    number = models.CharField(_("huisnummer"), max_length=12)
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        help_text=_("Bijvoorbeeld 1422 AA. Spaties en kleine letters mogen."),
    )
    town = models.CharField(_("plaats"), max_length=20, choices=Town.choices, default=Town.UITHOORN)
    latitude = models.FloatField(
        _("breedtegraad"),
        help_text=_("Bijvoorbeeld 52.2346. Rechtsklik op een online kaart om dit te vinden."),
    )
    longitude = models.FloatField(_("lengtegraad"), help_text=_("Bijvoorbeeld 4.8270."))
    wheelchair_accessible = models.BooleanField(_("toegankelijk met een rolstoel"), default=False)
    description = models.CharField(_("korte beschrijving"), max_length=255, blank=True)
    description_en = models.CharField(
        _("korte beschrijving in het Engels"), max_length=255, blank=True
    )
    bag_id = models.CharField(
        _("BAG-nummer"),
        max_length=16,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{16}\Z", _("Een BAG-nummer bestaat uit 16 cijfers."))],
        help_text=_(
            "Het nummer van het gebouw (verblijfsobject) in de Basisregistratie Adressen en "
            "Gebouwen, 16 cijfers. Mag leeg blijven. Andere systemen vinden de plek hiermee."
        ),
    )
    wijk = models.ForeignKey(
        "cms.WijkPage",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="places",
        help_text=_("Wordt automatisch bepaald uit de coördinaten."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("street"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
            ],
            heading=_("Adres"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(_("De wijk wordt automatisch bepaald uit deze coördinaten.")),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Plek op de kaart"),
        ),
        FieldPanel("wheelchair_accessible"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("bag_id"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("street"),
        index.AutocompleteField("name"),
        index.FilterField("town"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.postcode = geo.normalise_postcode(self.postcode)
        self.wijk = self.derive_wijk()
        super().save(*args, **kwargs)

    @property
    def point(self) -> geo.Point:
        return geo.Point(self.latitude, self.longitude)

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}, {self.postcode} {self.town}"

    def clean_fields(self, exclude=None):
        # Normalise first, so "1422aa" is valid; a postcode that cannot be normalised gets
        # its one clear message from clean() instead of a generic length error.
        exclude = set(exclude or ())
        try:
            self.postcode = geo.normalise_postcode(self.postcode or "")
        except geo.GeoError:
            exclude.add("postcode")
        super().clean_fields(exclude=exclude)

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.postcode = geo.normalise_postcode(self.postcode or "")
        except geo.GeoError as error:
            errors["postcode"] = str(error)
        if self.latitude is not None and self.longitude is not None:
            try:
                geo.validate_coordinates(self.latitude, self.longitude)
            except geo.GeoError as error:
                errors["latitude"] = str(error)
        if errors:
            raise ValidationError(errors)

    def derive_wijk(self):
        """Find the wijk whose boundary contains this place (point in polygon)."""
        return wijk_at(self.point)
