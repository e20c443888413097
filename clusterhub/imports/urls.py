from django.urls import path

from clusterhub.imports import views

app_name = "imports"
urlpatterns = [
    path("intern/import/", views.start, name="start"),
    path("intern/import/<int:pk>/zuordnung/", views.mapping, name="mapping"),
    path("intern/import/<int:pk>/", views.run_detail, name="run"),
    path("intern/import/<int:pk>/abgelehnt.csv", views.refused_rows, name="refused"),
    path("intern/import/zeilen/<int:pk>/entscheiden/", views.decide, name="decide"),
]
