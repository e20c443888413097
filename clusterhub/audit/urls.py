from django.urls import path

from clusterhub.audit import views

app_name = "audit"
urlpatterns = [path("protokoll/", views.audit_log, name="log")]
