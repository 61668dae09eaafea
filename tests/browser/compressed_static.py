"""A live server that compresses static files, as WhiteNoise does in production
(CompressedManifestStaticFilesStorage), so Lighthouse weighs what a resident downloads."""

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.middleware.gzip import GZipMiddleware


class CompressedStaticFilesHandler(StaticFilesHandler):
    def get_response(self, request):
        response = super().get_response(request)
        return GZipMiddleware(lambda _request: response).process_response(request, response)


def compressed_live_server(addr: str = "localhost"):
    """pytest-django's LiveServer (same database connection), with compressed static files."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(addr, start=False)
    server.thread.static_handler = CompressedStaticFilesHandler
    server.start()
    return server
