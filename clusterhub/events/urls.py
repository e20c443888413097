from django.urls import path

from clusterhub.events.views import door, manage, participant_links, public, review, staff

app_name = "events"
urlpatterns = [
    path("veranstaltungen/", public.calendar, name="calendar"),
    path("veranstaltungen/<int:pk>/", public.detail, name="detail"),
    path("veranstaltungen/postfach/", public.check_mail, name="check_mail"),
    path("veranstaltungen/anmeldung/<str:token>/", public.registration, name="registration"),
    path("veranstaltungen/abmelden/<str:token>/", public.cancel, name="cancel"),
    path("veranstaltungen/platzangebot/<str:token>/", public.offer, name="offer"),
    path("veranstaltungen/feed/cluster/<slug:slug>.ics", public.cluster_feed, name="cluster_feed"),
    path("veranstaltungen/feed/format/<slug:slug>.ics", public.format_feed, name="format_feed"),
    path("veranstaltungen/einladung/<str:token>/", participant_links.invitation, name="invitation"),
    path(
        "veranstaltungen/rueckmeldung/<str:token>/",
        participant_links.give_feedback,
        name="feedback",
    ),
    path("intern/veranstaltungen/", staff.event_list, name="staff_list"),
    path("intern/veranstaltungen/neu/", manage.event_create, name="event_create"),
    path("intern/mails/fehlgeschlagen/", staff.failed_mails, name="failed_mails"),
    path("intern/veranstaltungen/<int:pk>/bearbeiten/", manage.event_edit, name="event_edit"),
    path("intern/veranstaltungen/<int:pk>/einladungen/", manage.invite, name="invite"),
    path(
        "intern/veranstaltungen/<int:pk>/nicht-erschienen/",
        door.mark_no_shows,
        name="mark_no_shows",
    ),
    path("intern/check-in/<str:signature>/", door.checkin, name="checkin"),
    path("intern/formate/neu/", manage.format_create, name="format_create"),
    path("intern/formate/<int:pk>/bearbeiten/", manage.format_edit, name="format_edit"),
    path("intern/formate/<int:pk>/planen/", manage.format_plan, name="format_plan"),
    path(
        "intern/formate/<int:pk>/statistik/",
        staff.format_statistics_page,
        name="format_statistics",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/teilnehmende/",
        staff.participant_list,
        name="participants",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/teilnehmende/export.<str:fmt>",
        staff.participant_export,
        name="participants_export",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/teilnehmende/neu/",
        staff.participant_add,
        name="participant_add",
    ),
    path(
        "intern/anmeldungen/<int:pk>/anwesenheit/",
        staff.mark_attendance,
        name="mark_attendance",
    ),
    path("intern/veranstaltungen/<int:pk>/statistik/", staff.statistics, name="statistics"),
    path(
        "intern/veranstaltungen/<int:pk>/anmeldungen-pruefen/",
        review.review_queue,
        name="review",
    ),
    path(
        "intern/anmeldungen/<int:pk>/pruefen/",
        review.review_registrant,
        name="review_registrant",
    ),
]
