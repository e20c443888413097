from django.urls import path

from clusterhub.insight import crossviews, report_views, views

app_name = "insight"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("stadt/", views.city_dashboard, name="city"),
    path("cluster/<slug:slug>/", views.cluster_dashboard, name="cluster"),
    path("aktualisieren/", views.refresh, name="refresh"),
    path("ueberschneidungen/", crossviews.overlaps, name="overlaps"),
    path("themen/", crossviews.themes, name="themes"),
    path("netzwerk/", crossviews.network, name="network"),
    path("themenvorschlaege/", crossviews.topics, name="topics"),
    path("berichte/", report_views.reports, name="reports"),
    path("berichte/<int:pk>/", report_views.report_status, name="report"),
    path("berichte/<int:pk>/datei/", report_views.report_download, name="report_download"),
]
