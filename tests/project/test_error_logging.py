"""A server error (500) in production is logged as one JSON line with its traceback and the
request id that the visitor's response carries; the visitor sees the Dutch 500 page."""

import io
import json
import logging
import logging.config

import pytest
from django.urls import path

from sociale_kaart import log_format


def broken_view(request):
    raise RuntimeError("database exploded")


urlpatterns = [path("kapot/", broken_view)]
handler500 = "cms.views.server_error"


@pytest.fixture
def json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        logging.config.DictConfigurator({}).configure_custom(dict(log_format.JSON_FORMATTER))
    )
    handler.addFilter(log_format.RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.urls(__name__)
def test_a_server_error_is_logged_with_traceback_and_request_id(client, json_log):
    client.raise_request_exception = False
    response = client.get("/kapot/", headers={"X-Request-ID": "incident-20261202-01"})
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert response["X-Request-ID"] == "incident-20261202-01"
    assert "<style" not in response.content.decode()
    line = json.loads(json_log.getvalue().splitlines()[0])
    assert line["level"] == "ERROR" and line["logger"] == "django.request"
    assert line["request_id"] == "incident-20261202-01" and line["path"] == "/kapot/"
    assert "RuntimeError: database exploded" in line["exc_info"]
