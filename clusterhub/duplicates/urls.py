from django.urls import path

from clusterhub.duplicates import views

app_name = "duplicates"

urlpatterns = [
    path("intern/dubletten/", views.pair_list, name="pair_list"),
    path("intern/dubletten/<int:first>/<int:second>/", views.merge, name="merge"),
    path(
        "intern/dubletten/<int:first>/<int:second>/getrennt/",
        views.keep_apart,
        name="keep_apart",
    ),
    path("intern/dubletten/<int:first>/<int:second>/ueberspringen/", views.skip, name="skip"),
]
