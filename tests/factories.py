"""factory_boy factories for every app; people are Faker de_DE, never real persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from clusterhub.accounts.models import Account
from clusterhub.audit.models import AuditEntry
from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.directory.models import Affiliation, Consent, Membership, Organisation, Person
from clusterhub.directory.services import build_search_text
from clusterhub.events.models import Event, EventMail, Feedback, Format, Invitation, Registration
from clusterhub.matchmaking.models import (
    MatchmakingSession,
    Meeting,
    MeetingRequest,
    Participant,
    ScheduleRun,
    Table,
)
from clusterhub.partners.models import Introduction, SuggestionFeedback
from clusterhub.projects.models import Participation, Project
from clusterhub.taxonomy.models import Theme

factory.Faker._DEFAULT_LOCALE = "de_DE"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", "geheim-123")

    @factory.post_generation
    def save_password(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save()


class AccountFactory(factory.django.DjangoModelFactory[Account]):
    class Meta:
        model = Account

    user = factory.SubFactory(UserFactory)
    role = Account.Role.STAFF_READER


class ThemeFactory(factory.django.DjangoModelFactory[Theme]):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"thema-{n}")
    label_de = factory.Sequence(lambda n: f"Thema {n}")
    label_en = factory.Sequence(lambda n: f"Theme {n}")
    scheme = Theme.Scheme.CROSS_CUTTING


class ClusterFactory(factory.django.DjangoModelFactory[Cluster]):
    class Meta:
        model = Cluster

    slug = factory.Sequence(lambda n: f"cluster-{n}")
    name = factory.Sequence(lambda n: f"Cluster {n}")
    kind = Cluster.Kind.OWN
    description_de = "Ein Cluster der Wirtschaftsförderung."


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Faker("company")
    kind = Organisation.Kind.SME
    city = "Mannheim"
    postcode = "68159"
    country = "DE"
    offers = factory.Faker("sentence", nb_words=8)
    seeks = factory.Faker("sentence", nb_words=8)
    status = Organisation.Status.MEMBER

    @classmethod
    def _create(cls, model_class: type[Organisation], **kwargs: Any) -> Organisation:
        organisation = model_class(**kwargs)
        organisation.search_text = build_search_text(organisation)
        organisation.save()
        return organisation


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    cluster = factory.SubFactory(ClusterFactory)
    started_on = dt.date(2022, 1, 1)


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    # ASCII on purpose: Faker's umlauts would make addresses the e-mail validator rejects.
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class AffiliationFactory(factory.django.DjangoModelFactory[Affiliation]):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    function = "Geschäftsführung"


class ConsentFactory(factory.django.DjangoModelFactory[Consent]):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    purpose = Consent.Purpose.NEWSLETTER
    given_at = factory.LazyFunction(timezone.now)
    source = "Anmeldeformular"


class InteractionFactory(factory.django.DjangoModelFactory[Interaction]):
    class Meta:
        model = Interaction

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = Interaction.Kind.CALL
    occurred_on = dt.date(2026, 11, 2)
    subject = "Gespräch über Förderprogramm"
    notes = "Vertraulich: plant Erweiterung der Produktion."


class FollowUpFactory(factory.django.DjangoModelFactory[FollowUp]):
    class Meta:
        model = FollowUp

    interaction = factory.SubFactory(InteractionFactory)
    assignee = factory.SubFactory(UserFactory)
    due_on = dt.date(2026, 12, 1)
    description = "Förderantrag nachfassen"


# --- audit ------------------------------------------------------------------------------------


class AuditEntryFactory(factory.django.DjangoModelFactory[AuditEntry]):
    """An entry as ``audit.services.record`` writes it (tests of the log's display and filters;
    services write their own)."""

    class Meta:
        model = AuditEntry

    actor = factory.SubFactory(UserFactory)
    action = AuditEntry.Action.UPDATE
    object_type = "directory.organisation"
    object_id = factory.Sequence(str)
    object_repr = factory.Faker("company")
    changes = factory.LazyFunction(lambda: {"city": ["Mannheim", "Heidelberg"]})


# --- events -----------------------------------------------------------------------------------


def _in_days(days: int, hour: int = 18) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class FormatFactory(factory.django.DjangoModelFactory[Format]):
    class Meta:
        model = Format

    name = factory.Sequence(lambda n: f"Netzwerkabend {n}")
    slug = factory.Sequence(lambda n: f"format-{n}")
    default_venue = "Hafen 49, Mannheim"


class EventFactory(factory.django.DjangoModelFactory[Event]):
    """A public event in two weeks, open for registration now (``tests.support.events``'s
    ``make_event`` is the same for tests that want its defaults by keyword)."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Wasserstoff-Frühstück {n}")
    starts_at = factory.LazyFunction(lambda: _in_days(14))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=2))
    venue = "MAFINEX, Mannheim"
    capacity = 20


class RegistrationFactory(factory.django.DjangoModelFactory[Registration]):
    """A confirmed registration with what the registrant typed (no registry match)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"teilnehmer{n}@example.org")
    organisation_name = factory.Faker("company")
    status = Registration.Status.CONFIRMED


class InvitationFactory(factory.django.DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)


class FeedbackFactory(factory.django.DjangoModelFactory[Feedback]):
    class Meta:
        model = Feedback

    registration = factory.SubFactory(RegistrationFactory)
    rating = 4
    comment = "Gute Gespräche, gerne wieder."


class EventMailFactory(factory.django.DjangoModelFactory[EventMail]):
    """A confirmation owed to a registration (not yet sent)."""

    class Meta:
        model = EventMail

    registration = factory.SubFactory(RegistrationFactory)
    kind = EventMail.Kind.CONFIRMATION


# --- matchmaking ------------------------------------------------------------------------------


class MatchmakingSessionFactory(factory.django.DjangoModelFactory[MatchmakingSession]):
    class Meta:
        model = MatchmakingSession

    event = factory.SubFactory(EventFactory)
    name = "B2B-Gespräche"
    date = factory.LazyAttribute(lambda session: timezone.localdate(session.event.starts_at))
    starts_at = dt.time(10)
    ends_at = dt.time(12)


class ParticipantFactory(factory.django.DjangoModelFactory[Participant]):
    """A matchmaking participant behind a confirmed registration of the same event."""

    class Meta:
        model = Participant

    event = factory.SubFactory(EventFactory)
    registration = factory.SubFactory(RegistrationFactory, event=factory.SelfAttribute("..event"))
    offers = factory.Faker("sentence", nb_words=6)
    seeks = factory.Faker("sentence", nb_words=6)


class TableFactory(factory.django.DjangoModelFactory[Table]):
    class Meta:
        model = Table

    event = factory.SubFactory(EventFactory)
    label = factory.Sequence(lambda n: f"Tisch {n + 1}")


class MeetingRequestFactory(factory.django.DjangoModelFactory[MeetingRequest]):
    """A request between two participants of one event, open for three days."""

    class Meta:
        model = MeetingRequest

    event = factory.SubFactory(EventFactory)
    sender = factory.SubFactory(ParticipantFactory, event=factory.SelfAttribute("..event"))
    recipient = factory.SubFactory(ParticipantFactory, event=factory.SelfAttribute("..event"))
    message = "Gerne sprechen wir über eine Zusammenarbeit."
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=3))


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    """An accepted request placed at a table of its event."""

    class Meta:
        model = Meeting

    event = factory.SubFactory(EventFactory)
    request = factory.SubFactory(
        MeetingRequestFactory,
        event=factory.SelfAttribute("..event"),
        status=MeetingRequest.Status.ACCEPTED,
    )
    table = factory.SubFactory(TableFactory, event=factory.SelfAttribute("..event"))
    # The first slot of a session that starts at 10:00 on the event's day (``slots.slot_id``).
    slot_id = factory.LazyAttribute(
        lambda meeting: f"{timezone.localdate(meeting.event.starts_at):%Y-%m-%d}T1000"
    )


class ScheduleRunFactory(factory.django.DjangoModelFactory[ScheduleRun]):
    class Meta:
        model = ScheduleRun

    event = factory.SubFactory(EventFactory)


# --- projects and partners --------------------------------------------------------------------


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    class Meta:
        model = Project

    source = Project.Source.LOCAL
    acronym = factory.Sequence(lambda n: f"PROJ{n}")
    title = factory.Faker("sentence", nb_words=5)
    start_date = dt.date(2021, 1, 1)


class ParticipationFactory(factory.django.DjangoModelFactory[Participation]):
    class Meta:
        model = Participation

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Participation.Role.PARTNER


class IntroductionFactory(factory.django.DjangoModelFactory[Introduction]):
    """An introduction as logged (``partners.services.introduce`` also writes the two notes)."""

    class Meta:
        model = Introduction

    cluster = factory.SubFactory(ClusterFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    partner = factory.SubFactory(OrganisationFactory)
    introduced_by = factory.SubFactory(UserFactory)
    introduced_on = dt.date(2026, 11, 2)


class SuggestionFeedbackFactory(factory.django.DjangoModelFactory[SuggestionFeedback]):
    class Meta:
        model = SuggestionFeedback

    organisation = factory.SubFactory(OrganisationFactory)
    suggested = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    useful = True
    answered_at = factory.LazyFunction(timezone.now)
