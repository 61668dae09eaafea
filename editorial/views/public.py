"""Public views: feedback, the professionals' login and 'Wie doet wat'."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.views import account as wagtail_account
from wagtail.models import Page

from cms.access import can_see_professional_fields
from editorial import feedback, ratelimit
from editorial import whos_who as overview
from editorial.forms import FeedbackForm, MissingForm, ProfessionalLoginForm
from editorial.views.corrections import rate_limited


def _safe_next(request, value) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return "/"


# Feedback ---------------------------------------------------------------------------------
# The feedback forms are anonymous and change nothing for a user; they are exempt from CSRF so
# that public pages set no cookie at all. Abuse is kept in check by the rate limit.


@csrf_exempt
@require_POST
def feedback_answer(request):
    if not ratelimit.hit(request, ratelimit.FEEDBACK):
        return rate_limited(request)
    form = FeedbackForm(request.POST)
    back = _safe_next(request, request.POST.get("next"))
    if not form.is_valid():
        return TemplateResponse(
            request, "editorial/feedback_thanks.html", {"back": back, "error": True}, status=400
        )
    page = None
    if form.cleaned_data["page"]:
        page = Page.objects.live().public().filter(pk=form.cleaned_data["page"]).first()
    answer = feedback.record(
        helpful=form.cleaned_data["helpful"], page=page, query=form.cleaned_data["q"]
    )
    if answer.helpful:
        return HttpResponseRedirect(reverse("editorial:feedback_thanks") + _query(next=back))
    return HttpResponseRedirect(
        reverse("editorial:feedback_missing") + _query(t=feedback.token_for(answer), next=back)
    )


def _query(**params) -> str:
    return "?" + urlencode(params)


@csrf_exempt
def feedback_missing(request):
    back = _safe_next(request, request.GET.get("next") or request.POST.get("next"))
    if request.method == "POST":
        if not ratelimit.hit(request, ratelimit.FEEDBACK):
            return rate_limited(request)
        form = MissingForm(request.POST)
        if form.is_spam():
            return HttpResponseRedirect(reverse("editorial:feedback_thanks") + _query(next=back))
        if form.is_valid():
            if form.cleaned_data["missing"]:
                feedback.add_missing(form.cleaned_data["token"], form.cleaned_data["missing"])
            return HttpResponseRedirect(reverse("editorial:feedback_thanks") + _query(next=back))
    else:
        form = MissingForm(initial={"token": request.GET.get("t", "")})
    return TemplateResponse(
        request, "editorial/feedback_missing.html", {"form": form, "back": back}
    )


@require_GET
def feedback_thanks(request):
    back = _safe_next(request, request.GET.get("next"))
    return TemplateResponse(request, "editorial/feedback_thanks.html", {"back": back})


# Professionals ----------------------------------------------------------------------------


def login_blocked(request):
    minutes = ratelimit.LOGIN.window_seconds // 60
    return TemplateResponse(
        request, "editorial/login_blocked.html", {"minutes": minutes}, status=429
    )


class ThrottledLoginMixin:
    """Both logins (/inloggen/ and /beheer/login/) count failed attempts against one limit per
    address, so guessing passwords on one after the other gains nothing. A successful login
    does not count: colleagues behind one office address are not locked out by logging in."""

    def post(self, request, *args, **kwargs):
        if ratelimit.exceeded(request, ratelimit.LOGIN):
            return login_blocked(request)
        response = super().post(request, *args, **kwargs)
        if not request.user.is_authenticated:
            ratelimit.hit(request, ratelimit.LOGIN)
        return response


class LoginView(ThrottledLoginMixin, auth_views.LoginView):
    template_name = "editorial/login.html"
    authentication_form = ProfessionalLoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("editorial:whos_who")


class AdminLoginView(ThrottledLoginMixin, wagtail_account.LoginView):
    pass


class LogoutView(auth_views.LogoutView):
    next_page = "/"


login = LoginView.as_view()
admin_login = AdminLoginView.as_view()
logout = LogoutView.as_view()


@never_cache
def whos_who(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("editorial:login"))
    if not can_see_professional_fields(request.user):
        return TemplateResponse(request, "editorial/professionals_only.html", status=403)
    filters = overview.Filters.from_query(request.GET)
    found = overview.overview(filters)
    if request.GET.get("formaat") == "csv":
        response = HttpResponse(
            overview.to_csv(found.matching), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="wie-doet-wat.csv"'
        return response
    context = {
        "overview": found,
        "filters": filters,
        "csv_query": filters.query(formaat="csv"),
        **overview.filter_choices(),
    }
    return TemplateResponse(request, "editorial/whos_who.html", context)
