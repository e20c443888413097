from django.urls import path

from clusterhub.partners import views

app_name = "partners"
urlpatterns = [
    path(
        "organisationen/<int:pk>/partner/",
        views.organisation_partners,
        name="organisation_partners",
    ),
    path(
        "organisationen/<int:pk>/partner/<int:partner_pk>/bewertung/",
        views.suggestion_feedback,
        name="suggestion_feedback",
    ),
    path(
        "organisationen/<int:pk>/partner/<int:partner_pk>/vorstellen/",
        views.introduce,
        name="introduce",
    ),
    path("partner/suche/", views.need_search, name="need_search"),
]
