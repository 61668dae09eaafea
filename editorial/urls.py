"""Public URLs of the editorial app (the correction form is a route of each service page)."""

from django.urls import path

from editorial.views import public

app_name = "editorial"

urlpatterns = [
    path("feedback/", public.feedback_answer, name="feedback"),
    path("feedback/wat-miste-u/", public.feedback_missing, name="feedback_missing"),
    path("feedback/bedankt/", public.feedback_thanks, name="feedback_thanks"),
    path("inloggen/", public.login, name="login"),
    path("uitloggen/", public.logout, name="logout"),
    path("professionals/wie-doet-wat/", public.whos_who, name="whos_who"),
]
