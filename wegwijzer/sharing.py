"""A mailto: link with the wegwijzer's result, so people can send it to themselves or others."""

from __future__ import annotations

from urllib.parse import quote

from django.utils.translation import gettext as _

MAX_BODY = 1800  # mail programs cut long mailto: links


def mail_link(advice, result_url: str, absolute) -> str:
    """``absolute``: turns a site path into a full URL (request.build_absolute_uri)."""
    lines = [_("Deze hulp kan passen:"), ""]
    lines += [f"- {item.title}: {absolute(item.url)}" for item in advice.services]
    if advice.loket:
        lines += ["", _("Binnenlopen zonder afspraak:"), f"- {advice.loket.service.title}"]
    lines += ["", _("Alles bij elkaar:"), result_url]
    body = "\n".join(lines)
    if len(body) > MAX_BODY:
        body = "\n".join([_("Bekijk de hulp die bij u past:"), result_url])
    subject = _("Hulp die bij u past – Sociale kaart Uithoorn")
    return f"mailto:?subject={quote(subject)}&body={quote(body)}"
