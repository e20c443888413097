from django.apps import AppConfig


class DuplicatesConfig(AppConfig):
    """Duplicate organisations ("Dubletten"): the list of likely pairs, merging and keeping
    apart. A merge moves rows of every app that points at an organisation (memberships,
    people, notes, registrations, projects, partner answers), so it lives above all of them."""

    name = "clusterhub.duplicates"
    label = "duplicates"
