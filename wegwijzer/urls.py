from django.urls import path

from . import views

urlpatterns = [
    path("wegwijzer/", views.start, name="wegwijzer"),
    path("wegwijzer/vragen/", views.questions_step, name="wegwijzer-vragen"),
    path("wegwijzer/uitkomst/", views.result, name="wegwijzer-uitkomst"),
]
