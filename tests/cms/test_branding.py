"""Huisstijl: name, logo and brand colours an editor sets reach every page through
/huisstijl.css (no inline style); colours that are too light are refused in Dutch."""

import pytest
from django.core.exceptions import ValidationError

from cms import colours
from cms.models import BrandSettings, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def brand(home):
    return BrandSettings.for_site(home.get_site())


def test_contrast_follows_wcag():
    assert round(colours.contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(colours.contrast("#767676", "#ffffff"), 2) == 4.54


def test_a_too_light_brand_colour_is_refused_in_dutch(brand):
    brand.primary_colour = "#7fb2d0"
    brand.accent_colour = "#ffe000"
    with pytest.raises(ValidationError) as error:
        brand.full_clean()
    assert "te licht" in str(error.value.message_dict["primary_colour"])
    assert "te licht" in str(error.value.message_dict["accent_colour"])
    brand.primary_colour = "rood"
    with pytest.raises(ValidationError, match="zes tekens"):
        brand.full_clean()


def test_name_and_colours_reach_the_page_without_inline_style(client, brand):
    brand.site_name = "Wegwijs Uithoorn"
    brand.primary_colour = "#5b2a86"
    brand.save()
    html = client.get("/").content.decode()
    assert "Wegwijs Uithoorn" in html and " style=" not in html and "<style" not in html
    assert f'href="/huisstijl.css?v={brand.version}"' in html
    response = client.get(f"/huisstijl.css?v={brand.version}")
    css = response.content.decode()
    assert response["Content-Type"].startswith("text/css")
    assert "--uithoorn-brand-primary: #5b2a86;" in css and "--uithoorn-brand-accent:" in css
    assert "max-age=31536000" in response["Cache-Control"]
    # An old version is only cached briefly.
    assert "max-age=300" in client.get("/huisstijl.css?v=oud")["Cache-Control"]


def test_a_colour_broken_in_the_database_falls_back_to_the_default(client, brand):
    BrandSettings.objects.filter(pk=brand.pk).update(primary_colour="#ffffff")
    css = client.get("/huisstijl.css").content.decode()
    assert "--uithoorn-brand-primary: #1d5a7a;" in css


def test_robots_txt_keeps_example_data_out_of_search_engines(client, home):
    site_settings = SiteSettings.for_site(home.get_site())
    assert site_settings.example_data
    assert client.get("/robots.txt").content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /",
    ]
    assert '<meta name="robots" content="noindex, nofollow">' in client.get("/").content.decode()
    site_settings.example_data = False
    site_settings.save()
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in text and "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /\n" not in text
    assert 'content="noindex, nofollow"' not in client.get("/").content.decode()
