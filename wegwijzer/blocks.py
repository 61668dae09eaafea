"""The answer to a wegwijzer question, and where it leads: target groups, extra themes and
whether it is urgent. Themes and target groups are stored by their slug, so the default flow
can be seeded before the taxonomy exists; editors tick them from the current lists."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def theme_choices():
    from cms.models import Theme

    return [(theme.slug, theme.name) for theme in Theme.objects.all()]


def target_group_choices():
    from cms.models import TargetGroup

    return [(group.slug, group.name) for group in TargetGroup.objects.all()]


class SlugChoiceBlock(blocks.MultipleChoiceBlock):
    """Choices read from the database when the form is built. Migrations freeze no choices
    (the stored value is a list of slugs either way), so they never import this module."""

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        return path, args, {key: value for key, value in kwargs.items() if key != "choices"}


class AnswerBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        label=_("korte naam in het webadres"),
        max_length=40,
        help_text=_("Kleine letters, cijfers en streepjes, bijvoorbeeld 'mijn-kind'."),
    )
    text = blocks.CharBlock(label=_("antwoord"), max_length=120)
    target_groups = SlugChoiceBlock(
        label=_("toon hulp voor deze doelgroepen"),
        choices=target_group_choices,
        required=False,
        help_text=_("Niets aangevinkt: hulp voor iedereen."),
    )
    themes = SlugChoiceBlock(
        label=_("toon ook hulp bij deze onderwerpen"),
        choices=theme_choices,
        required=False,
    )
    urgent = blocks.BooleanBlock(
        label=_("dringend: toon eerst waar iemand vandaag terecht kan"),
        required=False,
    )

    class Meta:
        icon = "radio-full"
        label = _("antwoord")

    def clean(self, value):
        value = super().clean(value)
        if not KEY_RE.match(value.get("key") or ""):
            raise StructBlockValidationError(
                block_errors={
                    "key": ValidationError(
                        _("Gebruik alleen kleine letters, cijfers en streepjes.")
                    )
                }
            )
        return value
