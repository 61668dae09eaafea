"""Names the data licence on every open-data response (RFC 8288 ``Link`` header)."""

from . import licence

OPEN_DATA_PREFIXES = ("/api/", "/agenda/")


class LicenceLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(OPEN_DATA_PREFIXES) and response.status_code == 200:
            response.headers.setdefault("Link", licence.link_header())
        return response
