from django.urls import path

from clusterhub.api import views

app_name = "api_tokens"

urlpatterns = [
    path("konto/api-tokens/", views.token_list, name="list"),
    path("konto/api-tokens/<int:pk>/widerrufen/", views.token_revoke, name="revoke"),
]
