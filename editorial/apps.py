from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redactie")

    def ready(self):
        from wagtail.signals import page_published

        from cms import page_actions
        from cms.models import ServiceIndexPage

        from . import signals
        from .views.corrections import correction_form, correction_thanks

        post_migrate.connect(signals.roles_after_migrate, sender=self)
        page_published.connect(signals.roles_for_new_service_index, sender=ServiceIndexPage)
        page_actions.register("correction", correction_form)
        page_actions.register("correction_thanks", correction_thanks)
