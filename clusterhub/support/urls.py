from django.urls import path

from clusterhub.support import (
    cohort_views,
    fair_views,
    mentoring_views,
    space_views,
    stream_views,
    views,
)

app_name = "support"
urlpatterns = [
    path("beratung/", views.offers, name="offers"),
    path("beratung/angebot/<slug:slug>/", views.offer, name="offer"),
    path("beratung/termin/<str:token>/", views.manage, name="manage"),
    path("intern/beratung/", views.staff_bookings, name="staff_bookings"),
    path("intern/beratung/<int:pk>/", views.booking_detail, name="booking_detail"),
]
urlpatterns += [
    path("intern/stoffstroeme/", stream_views.stream_list, name="streams"),
    path("intern/stoffstroeme/neu/", stream_views.stream_create, name="stream_create"),
    path(
        "intern/stoffstroeme/<int:pk>/zurueckziehen/",
        stream_views.stream_withdraw,
        name="stream_withdraw",
    ),
    path("intern/stoffstroeme/vorstellen/", stream_views.stream_introduce, name="stream_introduce"),
]
urlpatterns += [
    path("intern/raeume/", space_views.space_overview, name="space"),
    path("intern/raeume/<slug:slug>/", space_views.building_detail, name="building"),
    path("intern/raeume/<slug:slug>/vertrag/", space_views.tenancy_create, name="tenancy_create"),
    path(
        "intern/raeume/<slug:slug>/buchung/",
        space_views.room_booking_create,
        name="room_booking_create",
    ),
    path(
        "intern/raeume/<slug:slug>/warteliste/",
        space_views.waiting_list_add,
        name="waiting_list_add",
    ),
    path(
        "intern/raumbuchungen/<int:pk>/entscheiden/",
        space_views.room_booking_decide,
        name="room_booking_decide",
    ),
]
urlpatterns += [
    path("accelerator/<slug:slug>/", cohort_views.cohort_apply, name="cohort_apply"),
    path("intern/accelerator/", cohort_views.cohort_list, name="cohorts"),
    path("intern/accelerator/<slug:slug>/", cohort_views.cohort_detail, name="cohort"),
    path(
        "intern/accelerator/<slug:slug>/gutachtende/",
        cohort_views.cohort_reviewers,
        name="cohort_reviewers",
    ),
    path(
        "intern/accelerator/<slug:slug>/termine/",
        cohort_views.cohort_entry_add,
        name="cohort_entry_add",
    ),
    path(
        "intern/accelerator/termin/<int:pk>/erledigt/",
        cohort_views.cohort_entry_done,
        name="cohort_entry_done",
    ),
    path(
        "intern/accelerator/bewerbung/<int:pk>/",
        cohort_views.application_detail,
        name="cohort_application",
    ),
    path(
        "intern/accelerator/bewerbung/<int:pk>/entscheiden/",
        cohort_views.application_decide,
        name="cohort_application_decide",
    ),
]
urlpatterns += [
    path("intern/messen/", fair_views.fair_list, name="fairs"),
    path("intern/messen/neu/", fair_views.fair_create, name="fair_create"),
    path("intern/messen/<slug:slug>/", fair_views.fair_stand, name="fair_stand"),
    path("intern/messen/<slug:slug>/anmeldung/", fair_views.fair_apply, name="fair_apply"),
    path(
        "intern/messen/<slug:slug>/frist/", fair_views.fair_deadline_add, name="fair_deadline_add"
    ),
    path("intern/messen/<slug:slug>/kontakt/", fair_views.fair_lead_add, name="fair_lead_add"),
    path("mitglied/messen/", fair_views.fair_member, name="fair_member"),
    path(
        "mitglied/messen/<slug:slug>/anmelden/",
        fair_views.fair_member_apply,
        name="fair_member_apply",
    ),
    path(
        "intern/mitaussteller/<int:pk>/zurueckziehen/",
        fair_views.fair_withdraw,
        name="fair_withdraw",
    ),
]
urlpatterns += [
    path("intern/digi-pate/", mentoring_views.case_list, name="mentoring_cases"),
    path("intern/digi-pate/neu/", mentoring_views.case_create, name="mentoring_case_create"),
    path("intern/digi-pate/<int:pk>/", mentoring_views.case_detail, name="mentoring_case"),
    path(
        "intern/digi-pate/<int:pk>/sitzung/",
        mentoring_views.session_add,
        name="mentoring_session_add",
    ),
    path(
        "intern/digi-pate/<int:pk>/vorstellen/",
        mentoring_views.introduce,
        name="mentoring_introduce",
    ),
]
