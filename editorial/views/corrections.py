"""'Klopt er iets niet?': the correction form at <service URL>wijziging/ (a ServicePage route)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from editorial import ratelimit
from editorial.corrections import create_report
from editorial.forms import CorrectionForm


def rate_limited(request, page=None):
    return TemplateResponse(request, "editorial/rate_limited.html", {"page": page}, status=429)


def correction_form(request, page):
    form = CorrectionForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.CORRECTIONS):
            return rate_limited(request, page)
        if form.is_spam():
            # Pretend all went well; a bot learns nothing and nothing is stored.
            return HttpResponseRedirect(_thanks_url(request, page))
        if form.is_valid():
            create_report(
                page,
                kind=form.cleaned_data["kind"],
                explanation=form.cleaned_data["explanation"],
                email=form.cleaned_data["email"],
            )
            return HttpResponseRedirect(_thanks_url(request, page))
    return TemplateResponse(
        request,
        "editorial/correction_form.html",
        {"page": page, "self": page, "form": form},
        status=200,
    )


def correction_thanks(request, page):
    return TemplateResponse(
        request, "editorial/correction_thanks.html", {"page": page, "self": page}
    )


def _thanks_url(request, page) -> str:
    return page.get_url(request) + page.reverse_subpage("correction_thanks_route")
