from django.urls import path

from clusterhub.privacy import views

app_name = "privacy"

urlpatterns = [
    path("intern/personen/<int:pk>/export/", views.person_export, name="person_export"),
    path("intern/personen/<int:pk>/loeschen/", views.person_erase, name="person_erase"),
]
