from django.urls import path

from clusterhub.directory import views

app_name = "directory"
urlpatterns = [
    path("verzeichnis/", views.public_list, name="public_list"),
    path("verzeichnis/<int:pk>/", views.public_detail, name="public_detail"),
    path("mein-profil/", views.my_profile, name="my_profile"),
    path("intern/organisationen/", views.organisation_list, name="organisation_list"),
    path("intern/organisationen/neu/", views.organisation_create, name="organisation_create"),
    path("intern/organisationen/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path(
        "intern/organisationen/<int:pk>/bearbeiten/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path(
        "intern/organisationen/<int:pk>/mitgliedschaften/neu/",
        views.membership_add,
        name="membership_add",
    ),
    path("intern/mitgliedschaften/<int:pk>/beenden/", views.membership_end, name="membership_end"),
    path(
        "intern/organisationen/<int:pk>/personen/neu/",
        views.contact_create,
        name="contact_create",
    ),
    path("intern/personen/", views.person_list, name="person_list"),
    path("intern/personen/<int:pk>/einwilligungen/neu/", views.consent_add, name="consent_add"),
    path(
        "intern/einwilligungen/<int:pk>/widerrufen/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("intern/personen/<int:pk>/", views.person_detail, name="person_detail"),
    path("intern/personen/<int:pk>/bearbeiten/", views.person_edit, name="person_edit"),
]
