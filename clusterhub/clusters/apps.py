from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "clusterhub.clusters"
    label = "clusters"
