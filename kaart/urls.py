from django.urls import path

from . import views

urlpatterns = [
    path("kaart/", views.map_page, name="kaart"),
    path("api/kaart.geojson", views.map_geojson, name="kaart-geojson"),
    path("api/kaart/wijken.geojson", views.wijken_geojson, name="kaart-wijken"),
]
