"""A live server that compresses static files, as WhiteNoise does in production
(CompressedManifestStaticFilesStorage), so Lighthouse weighs what a resident downloads."""

import base64

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware

# The test settings point the map at a tile server that is not there; here every tile is one
# transparent pixel (a local tile server), so the browser logs no errors for missing tiles.
NO_TILES = settings.MAP_TILE_URL.split("{", 1)[0]
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class CompressedStaticFilesHandler(StaticFilesHandler):
    def get_response(self, request):
        if request.path.startswith(NO_TILES):
            return HttpResponse(BLANK_PNG, content_type="image/png")
        response = super().get_response(request)
        return GZipMiddleware(lambda _request: response).process_response(request, response)


def compressed_live_server(addr: str = "localhost"):
    """pytest-django's LiveServer (same database connection), with compressed static files."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(addr, start=False)
    server.thread.static_handler = CompressedStaticFilesHandler
    server.start()
    return server
