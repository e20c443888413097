"""Registrations keep what the registrant typed; the registry link becomes optional.

Existing rows get their person's name and address copied and count as reviewed (their person
and organisation were in the registry already). Where one event has two live rows whose
people share an address in different case, only the first keeps the typed address, so the
new one-live-per-address constraint holds; the other still reaches its person's address.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


def copy_person_into_typed_fields(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    taken = set()
    rows = Registration.objects.select_related("person").order_by("pk")
    for registration in rows.iterator(chunk_size=2000):
        person = registration.person
        registration.first_name = person.first_name[:100]
        registration.last_name = person.last_name[:100]
        key = (registration.event_id, person.email.lower())
        live = registration.status != "cancelled"
        if person.email and (not live or key not in taken):
            registration.email = person.email
            if live:
                taken.add(key)
        registration.registry_reviewed_at = registration.updated_at
        Registration.objects.filter(pk=registration.pk).update(
            first_name=registration.first_name,
            last_name=registration.last_name,
            email=registration.email,
            registry_reviewed_at=registration.registry_reviewed_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_search_index"),
        ("events", "0002_invitations_feedback"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="eventmail",
            name="eventmail_once_per_kind",
        ),
        migrations.RemoveConstraint(
            model_name="registration",
            name="registration_one_live_per_person",
        ),
        migrations.AddField(
            model_name="registration",
            name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="E-Mail (Angabe)"),
        ),
        migrations.AddField(
            model_name="registration",
            name="first_name",
            field=models.CharField(blank=True, max_length=100, verbose_name="Vorname (Angabe)"),
        ),
        migrations.AddField(
            model_name="registration",
            name="last_name",
            field=models.CharField(blank=True, max_length=100, verbose_name="Nachname (Angabe)"),
        ),
        migrations.AddField(
            model_name="registration",
            name="registry_reviewed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Abgleich geprüft am"),
        ),
        migrations.AlterField(
            model_name="eventmail",
            name="kind",
            field=models.CharField(
                choices=[
                    ("confirmation", "Anmeldebestätigung"),
                    ("waitlisted", "Wartelistenplatz"),
                    ("offer", "Nachrückplatz"),
                    ("reminder", "Erinnerung"),
                    ("invitation", "Einladung"),
                    ("feedback", "Bitte um Rückmeldung"),
                    ("link", "Link zur Anmeldung"),
                ],
                max_length=20,
                verbose_name="Art",
            ),
        ),
        migrations.AlterField(
            model_name="registration",
            name="person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="event_registrations",
                to="directory.person",
                verbose_name="Person",
            ),
        ),
        migrations.RunPython(copy_person_into_typed_fields, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="eventmail",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "link"), _negated=True),
                fields=("registration", "kind"),
                name="eventmail_once_per_kind",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                models.F("event"),
                condition=models.Q(
                    models.Q(("status", "cancelled"), _negated=True),
                    models.Q(("email", ""), _negated=True),
                ),
                name="registration_one_live_per_email",
            ),
        ),
    ]
