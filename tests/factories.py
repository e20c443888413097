"""factory_boy factories for the registry; people are Faker de_DE, never real persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from clusterhub.accounts.models import Account
from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.directory.models import Affiliation, Consent, Membership, Organisation, Person
from clusterhub.directory.services import build_search_text
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
