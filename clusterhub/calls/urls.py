from django.urls import path

from clusterhub.calls import views

app_name = "calls"
urlpatterns = [
    path("foerderaufrufe/", views.call_list, name="list"),
    path("foerderaufrufe/neu/", views.call_create, name="create"),
    path("foerderaufrufe/<int:pk>/", views.call_detail, name="detail"),
    path("foerderaufrufe/<int:pk>/bearbeiten/", views.call_edit, name="edit"),
    path("foerderaufrufe/<int:pk>/weiterleiten/", views.call_forward, name="forward"),
]
