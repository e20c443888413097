from django.urls import path

from clusterhub.support import views

app_name = "support"
urlpatterns = [
    path("beratung/", views.offers, name="offers"),
    path("beratung/angebot/<slug:slug>/", views.offer, name="offer"),
    path("beratung/termin/<str:token>/", views.manage, name="manage"),
    path("intern/beratung/", views.staff_bookings, name="staff_bookings"),
    path("intern/beratung/<int:pk>/", views.booking_detail, name="booking_detail"),
]
