"""Project-wide request handling: a request id for every log line, and refusing control
characters (NUL included) in the address before any view or database sees them."""

from __future__ import annotations

import re
import uuid

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

from cms.views import bad_request

from . import log_format

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy (nginx: $request_id) is kept when it looks like one.
_INCOMING_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,64}$", re.ASCII)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.id = incoming if _INCOMING_ID_RE.match(incoming) else uuid.uuid4().hex
        token = log_format.request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            log_format.request_id.reset(token)
        response[REQUEST_ID_HEADER] = request.id
        return response


class RejectControlCharactersMiddleware:
    """A 400 in plain Dutch (JSON on the API) for control characters in the path or query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *request.GET.keys()]
        values += [value for key in request.GET for value in request.GET.getlist(key)]
        if any(_CONTROL_RE.search(value) for value in values):
            message = _(
                "Het adres bevat een teken dat er niet in hoort (een stuurteken). "
                "Haal het weg en probeer het opnieuw."
            )
            return bad_request(request, BadRequest(message))
        return self.get_response(request)
