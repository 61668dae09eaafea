"""Both logins share one limit: ten wrong passwords, and the 11th try is refused on either
login, even with the right password."""

import pytest

from editorial.ratelimit import LOGIN

LOGINS = ["/inloggen/", "/beheer/login/"]
RIGHT = "geheim-wachtwoord-123"


@pytest.mark.parametrize("path", LOGINS)
def test_the_11th_wrong_password_is_refused(client, make_user, path):
    user = make_user("redactie")
    for _ in range(LOGIN.max_requests):
        response = client.post(path, {"username": user.username, "password": "fout"})
        assert response.status_code == 200  # the form again, with "klopt niet"
    response = client.post(path, {"username": user.username, "password": RIGHT})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Te vaak geprobeerd in te loggen" in html and "15 minuten" in html
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("first", "second"), [LOGINS, LOGINS[::-1]])
def test_wrong_passwords_on_one_login_count_on_the_other(client, make_user, first, second):
    user = make_user("redactie")
    for number in range(LOGIN.max_requests):
        path = first if number % 2 else second
        client.post(path, {"username": user.username, "password": "fout"})
    response = client.post(second, {"username": user.username, "password": RIGHT})
    assert response.status_code == 429


def test_another_address_can_still_log_in_to_the_admin(client, make_user):
    user = make_user("redactie")
    for _ in range(LOGIN.max_requests + 1):
        client.post("/beheer/login/", {"username": user.username, "password": "fout"})
    response = client.post(
        "/beheer/login/",
        {"username": user.username, "password": RIGHT},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(user.pk)
