from django.urls import path

from clusterhub.exports import views

app_name = "exports"
urlpatterns = [
    path("intern/export/<slug:list_name>.<str:file_format>", views.export_list, name="list"),
    path("intern/export/auftrag/<int:pk>/", views.job, name="job"),
    path("intern/export/auftrag/<int:pk>/datei", views.job_download, name="job_download"),
    path("intern/export/kalender/", views.feed_settings, name="feed_settings"),
    path("intern/export/kalender/erneuern/", views.feed_renew, name="feed_renew"),
    path("intern/export/kalender/widerrufen/", views.feed_revoke, name="feed_revoke"),
    path("kalender/wiedervorlagen/<str:token>.ics", views.follow_up_feed, name="follow_up_feed"),
]
