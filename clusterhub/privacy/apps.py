from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """A person's data rights (DSGVO Art. 15, 17, 20): export and erasure reach into every app
    that stores something about a person, so they live above all of them, not in the registry."""

    name = "clusterhub.privacy"
    label = "privacy"
