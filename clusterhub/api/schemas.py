"""What the API answers and accepts (pydantic schemas; the OpenAPI schema is built from them)."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from clusterhub.directory.models import Membership, Organisation, Person
from clusterhub.events.models import Event


class Error(Schema):
    detail: str | dict[str, list[str]]


class ThemeOut(Schema):
    id: int
    slug: str
    label_de: str
    label_en: str


class ClusterOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    description_de: str
    description_en: str
    website: str
    focus_themes: list[ThemeOut]


class PublicOrganisationOut(Schema):
    id: int
    name: str
    legal_form: str
    kind: str
    postcode: str
    city: str
    country: str
    website: str
    description_de: str
    description_en: str
    offers: str
    seeks: str
    themes: list[ThemeOut]
    clusters: list[str] = Field(description="Kennungen der Cluster, in denen sie Mitglied ist")

    @staticmethod
    def resolve_clusters(obj: Organisation) -> list[str]:
        return [m.cluster.slug for m in obj.memberships.all() if m.ended_on is None]


class OrganisationOut(PublicOrganisationOut):
    size_band: str
    founding_year: int | None
    status: str
    street: str
    latitude: Decimal | None
    longitude: Decimal | None
    listed_publicly: bool
    updated_at: dt.datetime


class OrganisationIn(Schema):
    """The organisation form's fields; on PATCH only those sent change."""

    name: str | None = None
    legal_form: str | None = None
    kind: str | None = None
    size_band: str | None = None
    founding_year: int | None = None
    status: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    website: str | None = None
    description_de: str | None = None
    description_en: str | None = None
    offers: str | None = None
    seeks: str | None = None
    themes: list[int] | None = None
    listed_publicly: bool | None = None


class PublicEventOut(Schema):
    id: int
    title: str
    description: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    address: str
    online_url: str
    language: str
    audience: str
    status: str
    clusters: list[str]
    themes: list[ThemeOut]

    @staticmethod
    def resolve_clusters(obj: Event) -> list[str]:
        return [cluster.slug for cluster in obj.clusters.all()]


class EventOut(PublicEventOut):
    capacity: int
    registration_opens_at: dt.datetime | None
    registration_closes_at: dt.datetime | None


class AffiliationOut(Schema):
    organisation_id: int
    organisation: str
    function: str


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    preferred_language: str
    affiliations: list[AffiliationOut]

    @staticmethod
    def resolve_affiliations(obj: Person) -> list[dict[str, object]]:
        return [
            {
                "organisation_id": a.organisation_id,
                "organisation": a.organisation.name,
                "function": a.function,
            }
            for a in obj.affiliations.all()
        ]


class PersonIn(Schema):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_language: str | None = None


class MembershipOut(Schema):
    id: int
    organisation_id: int
    cluster: str
    role: str
    started_on: dt.date | None
    ended_on: dt.date | None

    @staticmethod
    def resolve_cluster(obj: Membership) -> str:
        return obj.cluster.slug


class MembershipIn(Schema):
    cluster: str = Field(description="Kennung des Clusters")
    role: str = "member"
    started_on: dt.date | None = None


class RegistrationOut(Schema):
    id: int
    event_id: int
    status: str
    first_name: str
    last_name: str
    email: str
    organisation_name: str
    person_id: int | None
    organisation_id: int | None
    waitlist_position: int | None
    checked_in_at: dt.datetime | None
    created_at: dt.datetime


class RegistrationIn(Schema):
    """A participant added by staff, as on the page "Teilnehmende hinzufügen"."""

    first_name: str
    last_name: str
    email: str
    organisation: str = ""
    country: str = "DE"
    language: str = "de"
    consent: bool = Field(
        description="Die Person hat in die Verarbeitung zur Veranstaltungsorganisation "
        "eingewilligt."
    )


class AttendanceIn(Schema):
    attended: bool
