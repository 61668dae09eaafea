from django.urls import path

from . import views

urlpatterns = [
    path("", views.root, name="hsds-root"),
    path("openapi.json", views.openapi, name="hsds-openapi"),
    path("services", views.service_list, name="hsds-services"),
    path("services/<str:id>", views.service_item, name="hsds-service"),
    path("organizations", views.organization_list, name="hsds-organizations"),
    path("organizations/<str:id>", views.organization_item, name="hsds-organization"),
    path("service_at_locations", views.service_at_location_list, name="hsds-service-at-locations"),
    path(
        "service_at_locations/<str:id>",
        views.service_at_location_item,
        name="hsds-service-at-location",
    ),
    path("taxonomies", views.taxonomy_list, name="hsds-taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_item, name="hsds-taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="hsds-taxonomy-terms"),
    path("taxonomy_terms/<str:id>", views.taxonomy_term_item, name="hsds-taxonomy-term"),
]
