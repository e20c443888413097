from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "clusterhub.directory"
    label = "directory"
