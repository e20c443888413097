from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "clusterhub.accounts"
    label = "accounts"
