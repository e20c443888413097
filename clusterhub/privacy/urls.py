from django.urls import path

from clusterhub.privacy import views

app_name = "privacy"

urlpatterns = [
    path("intern/personen/<int:pk>/export/", views.person_export, name="person_export"),
    path("intern/personen/<int:pk>/export.pdf", views.person_export_pdf, name="person_export_pdf"),
    path("intern/personen/<int:pk>/loeschen/", views.person_erase, name="person_erase"),
    path("intern/datenschutz/anmeldungen/", views.registrants, name="registrants"),
    path(
        "intern/datenschutz/anmeldungen/export/",
        views.registrant_export,
        name="registrant_export",
    ),
    path(
        "intern/datenschutz/anmeldungen/loeschen/", views.registrant_erase, name="registrant_erase"
    ),
    path("intern/datenschutz/aufbewahrung/", views.retention, name="retention"),
    path(
        "intern/datenschutz/aufbewahrung/loeschen/",
        views.retention_erase,
        name="retention_erase",
    ),
]
