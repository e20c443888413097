from django.urls import path

from clusterhub.matchmaking import agenda_views, schedule_views, views

app_name = "matchmaking"
urlpatterns = [
    path("matchmaking/<str:token>/", views.home, name="home"),
    path("matchmaking/<str:token>/profil/", views.profile, name="profile"),
    path("matchmaking/<str:token>/teilnehmende/", views.directory, name="directory"),
    path("matchmaking/<str:token>/anfragen/<int:pk>/", views.send_request, name="send_request"),
    path(
        "matchmaking/<str:token>/anfragen/<int:pk>/antwort/",
        views.answer_request,
        name="answer_request",
    ),
    path("matchmaking/<str:token>/buchen/", views.booking, name="booking"),
    path("matchmaking/<str:token>/buchen/<int:pk>/", views.book, name="book"),
    path("matchmaking/<str:token>/treffen.ics", views.agenda_ics, name="agenda_ics"),
    path("matchmaking/<str:token>/agenda.pdf", agenda_views.agenda_pdf_download, name="agenda_pdf"),
    path("intern/veranstaltungen/<int:pk>/matchmaking/", views.organiser, name="organiser"),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/runden/", views.add_session, name="add_session"
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/tische/", views.add_tables, name="add_tables"
    ),
    path("intern/veranstaltungen/<int:pk>/matchmaking/uebernehmen/", views.enroll, name="enroll"),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/berechnen/",
        schedule_views.compute_schedule,
        name="compute_schedule",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/berechnungen/<int:run_pk>/",
        schedule_views.schedule_run,
        name="schedule_run",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/veroeffentlichen/",
        views.publish,
        name="publish",
    ),
    path("intern/veranstaltungen/<int:pk>/matchmaking/zeitplan/", views.grid, name="grid"),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/agenden-versenden/",
        agenda_views.send_agendas,
        name="send_agendas",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/teilnehmende/<int:participant_pk>/",
        agenda_views.participant_detail,
        name="participant",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/treffen/<int:meeting_pk>/",
        views.meeting_detail,
        name="meeting",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/treffen/<int:meeting_pk>/verschieben/",
        views.move_meeting,
        name="move_meeting",
    ),
    path(
        "intern/veranstaltungen/<int:pk>/matchmaking/treffen/<int:meeting_pk>/anwesenheit/",
        views.mark_no_shows,
        name="mark_no_shows",
    ),
]
