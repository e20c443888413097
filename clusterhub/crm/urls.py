from django.urls import path

from clusterhub.crm import views

app_name = "crm"
urlpatterns = [
    path(
        "organisationen/<int:organisation_pk>/kontakte/neu/",
        views.interaction_create,
        name="interaction_create",
    ),
    path("kontakte/<int:pk>/", views.interaction_detail, name="interaction_detail"),
    path("wiedervorlagen/", views.my_follow_ups, name="my_follow_ups"),
    path("wiedervorlagen/<int:pk>/erledigt/", views.follow_up_done, name="follow_up_done"),
]
