from django.contrib.auth import views as auth_views
from django.urls import path

from clusterhub.core.forms import KernAuthenticationForm

app_name = "accounts"
urlpatterns = [
    path(
        "anmelden/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=KernAuthenticationForm
        ),
        name="login",
    ),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
]
