from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "clusterhub.projects"
    label = "projects"

    def ready(self) -> None:
        # The one outbox asks each app how its kinds of mail are written.
        from clusterhub.events import outbox
        from clusterhub.events.models import EventMail
        from clusterhub.projects import deadlines

        outbox.register_preparer(
            EventMail.Kind.PROJECT_DEADLINE, deadlines.prepare_deadline_reminder
        )
