from django.urls import path

from . import views

urlpatterns = [
    path("api/zoeken/", views.api_search, name="api-search"),
    path("api/suggesties/", views.api_suggest, name="api-suggest"),
    path("zoeken/", views.results_page, name="search"),
]
