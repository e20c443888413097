from django.urls import path

from clusterhub.core import legal, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("intern/", views.dashboard, name="dashboard"),
    path("impressum/", legal.legal_page, {"page": "impressum"}, name="impressum"),
    path("datenschutz/", legal.legal_page, {"page": "datenschutz"}, name="privacy"),
    path("barrierefreiheit/", legal.legal_page, {"page": "barrierefreiheit"}, name="accessibility"),
]
