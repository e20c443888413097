from django.urls import path

from clusterhub.projects import views, views_parts

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
    path("projekte/<int:pk>/partner/", views_parts.partner_add, name="partner_add"),
    path("projekte/<int:pk>/meilensteine/", views_parts.milestone_add, name="milestone_add"),
    path("projekte/<int:pk>/dokumente/", views_parts.document_add, name="document_add"),
    path("projekte/<int:pk>/notizen/", views_parts.note_add, name="note_add"),
    path("projekte/<int:pk>/aufruf/", views_parts.call_link, name="call_link"),
    path("projekte/dokumente/<int:pk>/", views_parts.document_download, name="document"),
]
