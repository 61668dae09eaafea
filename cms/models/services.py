"""Services (voorzieningen): the heart of the sociale kaart."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from agenda import schedules
from cms import access, page_actions, paging
from cms import languages as language_codes
from cms import translations as page_translations
from cms.blocks import BaseStreamBlock

from .schedules import OpeningRule, ScheduleException
from .taxonomy import Theme


class Cost(models.TextChoices):
    FREE = "free", _("Gratis")
    SMALL_CONTRIBUTION = "small_contribution", _("Kleine bijdrage")
    OWN_CONTRIBUTION = "own_contribution", _("Eigen bijdrage")
    COVERED_AFTER_REFERRAL = "covered_after_referral", _("Vergoed na verwijzing")


class Access(models.TextChoices):
    WALK_IN = "walk_in", _("Loop binnen, zonder afspraak")
    SIGN_UP = "sign_up", _("Meld u zelf aan")
    VIA_GP = "via_gp", _("Via de huisarts")
    VIA_SOCIAAL_LOKET = "via_sociaal_loket", _("Via het sociaal loket")
    REFERRAL_NEEDED = "referral_needed", _("Verwijzing nodig")


class LegalFramework(models.TextChoices):
    WMO = "wmo2015", _("Wmo 2015")
    JEUGDWET = "jeugdwet", _("Jeugdwet")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")
    WGS = "wgs", _("Wet gemeentelijke schuldhulpverlening")
    INBURGERING = "wet_inburgering_2021", _("Wet inburgering 2021")


class ServiceIndexPage(RoutablePageMixin, Page):
    """'Sociale kaart': all services, plus a page per theme at thema/<slug>/."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ServicePage"]
    max_count = 1
    template = "cms/service_index_page.html"

    class Meta:
        verbose_name = _("sociale kaart (overzicht van voorzieningen)")

    PAGE_SIZE = 50

    @staticmethod
    def _live_services():
        return ServicePage.objects.live().select_related("organisation").prefetch_related("places")

    def services(self):
        """The Dutch services (also on a translation of this page: every service once)."""
        source = page_translations.source_of(self)
        return self._live_services().child_of(source).order_by("title")

    def _page_of(self, request, services):
        number = paging.page_number(request.GET.get("pagina"))
        found = paging.paginate(services, number, self.PAGE_SIZE)
        found.items = page_translations.localized(found.items, within=self._live_services())
        return found

    @path("")
    def index_route(self, request):
        services = self._page_of(request, self.services())
        return self.render(
            request, context_overrides={"services": services.items, "services_page": services}
        )

    @path("thema/<slug:theme_slug>/")
    def theme_route(self, request, theme_slug):
        theme = get_object_or_404(Theme, slug=theme_slug)
        services = self._page_of(request, self.services().filter(themes=theme))
        return self.render(
            request,
            template="cms/theme_page.html",
            context_overrides={
                "theme": theme,
                "services": services.items,
                "services_page": services,
            },
        )


class ServicePageForm(WagtailAdminPageForm):
    """An Aanbieder account can only choose its own organisation. Languages are ticked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "languages" in self.fields:
            self.fields["languages"] = forms.MultipleChoiceField(
                label=_("talen"),
                choices=language_codes.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("In welke talen kan iemand hier terecht?"),
            )
            if not self.instance.pk:
                self.initial.setdefault("languages", language_codes.default())
        field = self.fields.get("organisation")
        if field is not None and access.is_restricted_provider(self.for_user):
            organisation_id = access.provider_organisation_id(self.for_user)
            field.queryset = field.queryset.filter(pk=organisation_id)
            if not self.instance.organisation_id:
                self.initial.setdefault("organisation", organisation_id)


class ServicePage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("korte samenvatting"),
        max_length=300,
        help_text=_("Wat krijgt iemand? Eén of twee korte zinnen. Dit staat in de zoekresultaten."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("uitleg"), blank=True)
    organisation = models.ForeignKey(
        "cms.OrganisationPage",
        verbose_name=_("aanbieder"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    target_groups = ParentalManyToManyField(
        "cms.TargetGroup", verbose_name=_("doelgroepen"), blank=True
    )
    cost = models.CharField(_("kosten"), max_length=30, choices=Cost.choices, default=Cost.FREE)
    access = models.CharField(
        _("hoe krijgt u het?"), max_length=30, choices=Access.choices, default=Access.SIGN_UP
    )
    languages = models.JSONField(
        _("talen"),
        default=list,
        blank=True,
        help_text=_("In welke talen kan iemand hier terecht?"),
    )
    wheelchair_accessible = models.BooleanField(
        _("toegankelijk met een rolstoel"), null=True, blank=True
    )
    hearing_loop = models.BooleanField(_("ringleiding aanwezig"), default=False)
    accessibility_notes = models.TextField(_("meer over toegankelijkheid"), blank=True)
    places = ParentalManyToManyField(
        "cms.Place", verbose_name=_("locaties"), blank=True, related_name="services"
    )
    at_home = models.BooleanField(_("bij u thuis"), default=False)
    by_phone_or_online = models.BooleanField(_("telefonisch of online"), default=False)
    wijken = ParentalManyToManyField(
        "cms.WijkPage",
        verbose_name=_("voor de wijken"),
        blank=True,
        related_name="services",
        help_text=_("Laat leeg als het voor heel de gemeente is."),
    )
    whole_municipality = models.BooleanField(_("voor heel de gemeente"), default=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    closed_on_public_holidays = models.BooleanField(_("gesloten op feestdagen"), default=True)

    # Freshness
    last_checked = models.DateField(
        _("laatst gecontroleerd op"),
        default=datetime.date.today,
        help_text=_("De datum waarop iemand heeft gecontroleerd dat alles nog klopt."),
    )
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("controleren na (maanden)"), default=6
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verantwoordelijke redacteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Krijgt een e-mail als de informatie gecontroleerd moet worden."),
    )

    # Only for professionals: never rendered on the public site, API or index.
    referral_route = models.TextField(_("hoe verwijst u door?"), blank=True)
    referral_form_url = models.URLField(
        _("aanmeldformulier voor professionals"),
        max_length=500,
        blank=True,
        help_text=_(
            "Het webadres van het formulier waarmee een professional iemand aanmeldt. "
            "Alleen ingelogde professionals zien deze link."
        ),
    )
    intake_criteria = models.TextField(_("voorwaarden voor de intake"), blank=True)
    legal_framework = models.CharField(
        _("wettelijk kader"), max_length=30, choices=LegalFramework.choices, blank=True
    )
    contact_person_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_person_role = models.CharField(_("functie contactpersoon"), max_length=120, blank=True)
    contact_person_phone = models.CharField(_("telefoon contactpersoon"), max_length=20, blank=True)
    contact_person_email = models.EmailField(_("e-mail contactpersoon"), blank=True)

    PROFESSIONAL_FIELDS = (
        "referral_route",
        "referral_form_url",
        "intake_criteria",
        "legal_framework",
        "contact_person_name",
        "contact_person_role",
        "contact_person_phone",
        "contact_person_email",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        FieldPanel("summary"),
        InlinePanel(
            "phrases",
            heading=_("Helpt bij (in woorden van inwoners)"),
            label=_("zin"),
            help_text=_(
                "Schrijf zoals een inwoner het zou zeggen, bijvoorbeeld 'ik kan de huur niet "
                "betalen'. Deze zinnen tellen het zwaarst bij het zoeken."
            ),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("target_groups")], heading=_("Thema's en doelgroepen")
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("cost"), FieldPanel("access")]), FieldPanel("languages")],
            heading=_("Kosten en aanmelden"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("website")],
            heading=_("Contact"),
        ),
    ]
    where_panels = [
        FieldPanel("places"),
        FieldRowPanel([FieldPanel("at_home"), FieldPanel("by_phone_or_online")]),
        FieldPanel("whole_municipality"),
        FieldPanel("wijken"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("wheelchair_accessible"), FieldPanel("hearing_loop")]),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Toegankelijkheid"),
        ),
    ]
    schedule_panels = [
        FieldPanel("closed_on_public_holidays"),
        InlinePanel("opening_rules", heading=_("Vaste tijden"), label=_("vaste tijd")),
        InlinePanel(
            "schedule_exceptions",
            heading=_("Uitzonderingen (gesloten of extra spreekuur)"),
            label=_("uitzondering"),
        ),
    ]
    professional_panels = [
        HelpPanel(
            _(
                "Deze velden ziet alleen een ingelogde professional. "
                "Ze staan niet op de openbare site."
            )
        ),
        FieldPanel("legal_framework"),
        FieldPanel("referral_route"),
        FieldPanel("referral_form_url"),
        FieldPanel("intake_criteria"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("contact_person_name"), FieldPanel("contact_person_role")]
                ),
                FieldRowPanel(
                    [FieldPanel("contact_person_phone"), FieldPanel("contact_person_email")]
                ),
            ],
            heading=_("Direct contact voor een warme overdracht"),
        ),
    ]
    freshness_panels = [
        FieldRowPanel([FieldPanel("last_checked"), FieldPanel("review_interval_months")]),
        FieldPanel("responsible"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(where_panels, heading=_("Waar")),
            ObjectList(schedule_panels, heading=_("Openingstijden")),
            ObjectList(professional_panels, heading=_("Voor professionals")),
            ObjectList(freshness_panels, heading=_("Controle")),
            ObjectList(Page.promote_panels, heading=_("Promoten")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("organisation", [index.SearchField("title")]),
        index.FilterField("last_checked"),
    ]
    parent_page_types = ["cms.ServiceIndexPage"]
    subpage_types = []
    template = "cms/service_page.html"
    base_form_class = ServicePageForm

    # wagtail-localize: what is the same in every language is copied from the Dutch page at
    # every update of a translation, never offered for translation (a translator cannot
    # retype it wrongly). Texts (title, summary, body, accessibility notes, the professional
    # texts) are translated; e-mail, web address and choices are synchronised by default.
    override_translatable_fields = [
        SynchronizedField("phone", overridable=False),
        SynchronizedField("contact_person_name", overridable=False),
        SynchronizedField("contact_person_phone", overridable=False),
        SynchronizedField("opening_rules", overridable=False),
        SynchronizedField("schedule_exceptions", overridable=False),
        SynchronizedField("closed_on_public_holidays", overridable=False),
        SynchronizedField("last_checked", overridable=False),
    ]

    class Meta:
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")

    def permissions_for_user(self, user):
        return access.service_permissions_for_user(self, user)

    # Routes (the page itself is RoutablePageMixin's default "" route) ---------------
    @path("wijziging/")
    def correction_route(self, request):
        return page_actions.serve("correction", request, self)

    @path("wijziging/bedankt/")
    def correction_thanks_route(self, request):
        return page_actions.serve("correction_thanks", request, self)

    # Schedules -----------------------------------------------------------------
    def schedule(self) -> schedules.Schedule:
        # A session without its own place happens at the service's (first) place.
        first_place = next(iter(self.places.all()), None)
        default_place = first_place.name if first_place else ""
        return schedules.Schedule(
            rules=tuple(rule.to_rule(default_place) for rule in self.opening_rules.all()),
            exceptions=tuple(
                exc.to_exception(default_place) for exc in self.schedule_exceptions.all()
            ),
            closed_on_public_holidays=self.closed_on_public_holidays,
        )

    @property
    def has_schedule(self) -> bool:
        return self.opening_rules.exists() or self.schedule_exceptions.exists()

    def is_open(self, now=None) -> bool:
        return self.has_schedule and schedules.is_open(self.schedule(), now or timezone.now())

    def next_sessions(self, count=5, now=None):
        if not self.has_schedule:
            return []
        return schedules.next_sessions(self.schedule(), now or timezone.now(), count=count)

    @property
    def ical_url(self) -> str:
        from django.urls import reverse

        return reverse("ical-feed", args=[self.slug])

    @property
    def next_event_ical_url(self) -> str:
        """One event to download: the next session."""
        from django.urls import reverse

        return reverse("agenda-next-event", args=[self.slug])

    # Freshness -----------------------------------------------------------------
    @property
    def review_due_date(self) -> datetime.date:
        from dateutil.relativedelta import relativedelta

        return self.last_checked + relativedelta(months=self.review_interval_months)

    @property
    def overdue_by_a_year(self) -> bool:
        from dateutil.relativedelta import relativedelta

        return self.review_due_date + relativedelta(months=12) < timezone.localdate()


class ServicePhrase(TranslatableMixin, Orderable):
    """A 'helpt bij' phrase. Translatable: wagtail-localize offers its text for translation and
    links the English phrase to the Dutch one by ``translation_key``; the locale is the page's."""

    page = ParentalKey(ServicePage, related_name="phrases", on_delete=models.CASCADE)
    text = models.CharField(_("zin"), max_length=200)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("helpt bij")

    def __str__(self):
        return self.text


class ServiceOpeningRule(Orderable, OpeningRule):
    page = ParentalKey(ServicePage, related_name="opening_rules", on_delete=models.CASCADE)

    class Meta(Orderable.Meta):
        verbose_name = _("vaste tijd")
        verbose_name_plural = _("vaste tijden")


class ServiceScheduleException(Orderable, ScheduleException):
    page = ParentalKey(ServicePage, related_name="schedule_exceptions", on_delete=models.CASCADE)

    class Meta(Orderable.Meta):
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
        ordering = ["date"]
