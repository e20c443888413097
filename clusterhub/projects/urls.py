from django.urls import path

from clusterhub.projects import fit_views, parts_views, views

app_name = "projects"
urlpatterns = [
    path("projekte/", views.project_list, name="list"),
    path("projekte/neu/", views.project_create, name="create"),
    path("projekte/meine/", views.my_projects, name="mine"),
    path("projekte/pipeline/", views.board, name="board"),
    path("projekte/pipeline/<slug:slug>/", views.board, name="cluster_board"),
    path("projekte/<int:pk>/", views.project_detail, name="detail"),
    path("projekte/<int:pk>/bearbeiten/", views.project_edit, name="edit"),
    path("projekte/<int:pk>/phase/", views.project_move, name="move"),
    path("projekte/<int:pk>/partner/", parts_views.partner_add, name="partner_add"),
    path("projekte/<int:pk>/meilensteine/", parts_views.milestone_add, name="milestone_add"),
    path("projekte/<int:pk>/dokumente/", parts_views.document_add, name="document_add"),
    path("projekte/<int:pk>/notizen/", parts_views.note_add, name="note_add"),
    path("projekte/<int:pk>/aufruf/", parts_views.call_link, name="call_link"),
    path("projekte/dokumente/<int:pk>/", parts_views.document_download, name="document"),
    path("projekte/<int:pk>/foerderaufrufe/", fit_views.project_calls, name="project_calls"),
    path("foerderaufrufe/<int:pk>/passende/", fit_views.call_fit, name="call_fit"),
    path("foerderaufrufe/<int:pk>/folgen/", fit_views.call_follow, name="call_follow"),
    path(
        "organisationen/<int:pk>/foerderaufrufe/",
        fit_views.organisation_calls,
        name="organisation_calls",
    ),
    path("fristen/", fit_views.my_deadlines, name="my_deadlines"),
    path("fristen/<str:token>.ics", fit_views.deadline_feed, name="deadline_feed"),
]
