"""The wegwijzer's three steps. Thin: choices come from ``flow``, the result from ``advice``."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import advice as advice_module
from . import choicelog, flow, sharing


def _themes():
    from cms.models import Theme

    return Theme.objects.all()


def _step_one(request, notices=(), status=200):
    return render(
        request,
        "wegwijzer/step_theme.html",
        {"themes": _themes(), "notices": notices},
        status=status,
    )


@require_GET
def start(request):
    return _step_one(request)


@require_GET
def questions_step(request):
    choices = flow.read_choices(request.GET)
    if choices.theme is None:
        return _step_one(request, choices.notices, status=400 if choices.theme_given else 200)
    return render(
        request,
        "wegwijzer/step_questions.html",
        {
            "choices": choices,
            "questions": [(q, choices.answer_key(q.key)) for q in flow.questions()],
            "notices": choices.notices,
        },
    )


@require_GET
def result(request):
    choices = flow.read_choices(request.GET)
    if choices.theme is None:
        return _step_one(request, choices.notices, status=400 if choices.theme_given else 200)
    from cms.models import SiteSettings

    advice = advice_module.build_advice(choices, site_settings=SiteSettings.for_request(request))
    choicelog.record(choices.theme.slug, advice.wijk.slug if advice.wijk else "")
    result_url = request.build_absolute_uri(f"{reverse('wegwijzer-uitkomst')}?{choices.query()}")
    return render(
        request,
        "wegwijzer/result.html",
        {
            "choices": choices,
            "advice": advice,
            "notices": choices.notices,
            "result_url": result_url,
            "mail_link": sharing.mail_link(advice, result_url, request.build_absolute_uri),
        },
    )
