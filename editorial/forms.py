"""Public forms (corrections, feedback, login) and the admin import form.

Residents type anything: very long text, NUL bytes, emoji, HTML. `CleanTextField` removes
control characters before validation and explains a length problem in plain words; the text
is stored as plain text and always escaped on output.
"""

import re
import unicodedata

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import CorrectionKind

# C0 control characters except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return unicodedata.normalize("NFC", value).strip()


class CleanTextField(forms.CharField):
    def __init__(self, *, max_length, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        super().__init__(max_length=None, **kwargs)
        self.limit = max_length
        self.widget.attrs["maxlength"] = str(max_length)

    def to_python(self, value):
        return clean_text(super().to_python(value) or "")

    def validate(self, value):
        super().validate(value)
        if len(value) > self.limit:
            raise forms.ValidationError(
                ngettext(
                    "Uw tekst is %(count)d teken lang. Dat is te lang: het mag %(limit)d teken "
                    "zijn. Maakt u de tekst wat korter?",
                    "Uw tekst is %(count)d tekens lang. Dat is te lang: het mag %(limit)d tekens "
                    "zijn. Maakt u de tekst wat korter?",
                    len(value),
                )
                % {"count": len(value), "limit": self.limit},
                code="too_long",
            )


class HoneypotMixin(forms.Form):
    """A field people never see or fill in; software that fills in every field does."""

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())


class CorrectionForm(HoneypotMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat klopt er niet?"),
        choices=CorrectionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er niet klopt.")},
    )
    explanation = CleanTextField(
        label=_("Wat is er anders?"),
        help_text=_("Bijvoorbeeld: 'Het spreekuur is nu op dinsdag.' Noem geen namen van klanten."),
        max_length=2000,
        required=False,
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres (niet verplicht)"),
        help_text=_(
            "Alleen als u een antwoord wilt. We gebruiken het alleen voor dit antwoord en "
            "wissen het daarna."
        ),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk het nog eens na.")},
    )

    def clean(self):
        data = super().clean()
        needs_explanation = data.get("kind") and data["kind"] != CorrectionKind.GONE
        if needs_explanation and not data.get("explanation") and "explanation" not in self.errors:
            self.add_error(
                "explanation", _("Schrijf kort wat er niet klopt, dan kunnen we het aanpassen.")
            )
        return data


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=(("ja", _("Ja")), ("nee", _("Nee"))),
        coerce=lambda value: value == "ja",
    )
    page = forms.IntegerField(required=False, min_value=1)
    q = forms.CharField(required=False)

    def clean_q(self):
        return clean_text(self.cleaned_data.get("q") or "")[:200]


class MissingForm(HoneypotMixin, forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    missing = CleanTextField(
        label=_("Wat miste u?"),
        help_text=_("Schrijf geen naam, adres of andere gegevens over uzelf."),
        max_length=1000,
        required=False,
    )


class ProfessionalLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met de redactie."),
    }


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("Een bestand met dezelfde kolommen als de export."),
    )
    dry_run = forms.BooleanField(
        label=_("Alleen controleren, nog niets veranderen"),
        required=False,
        initial=True,
    )
