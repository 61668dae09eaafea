"""``{% json_ld page %}``: the page's schema.org JSON-LD in a data block.

A ``<script type="application/ld+json">`` is data, never run, so the strict CSP allows it.
``<``, ``>`` and ``&`` are escaped so no text from an editor can close the element."""

import json

from django import template
from django.utils.safestring import mark_safe

from opendata import jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    request = context.get("request")
    if request is None or page is None:
        return ""
    document = jsonld.for_page(page.specific, request.build_absolute_uri)
    if document is None:
        return ""
    text = json.dumps(document, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
