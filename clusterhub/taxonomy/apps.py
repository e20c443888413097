from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "clusterhub.taxonomy"
    label = "taxonomy"
