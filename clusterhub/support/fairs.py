"""Joint trade-fair stands: co-exhibitors accepted up to the stand's places (then a waiting
list in order), cost shares by the stand's rule, logistics deadlines mailed as reminders to
the co-exhibitors' contacts, and the leads collected at the stand landing as interactions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.audit import services as audit
from clusterhub.audit.services import UserActor
from clusterhub.clusters.access import can_manage_cluster
from clusterhub.clusters.models import Cluster
from clusterhub.core.locks import lock_joint_stand
from clusterhub.crm import services as crm
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation
from clusterhub.events.outbox import owe_mail_about
from clusterhub.support.models import CoExhibitor, FairDeadline, FairLead, JointStand
from clusterlogic.booking.costs import split_cost

DEADLINE_REMINDER = "fair_deadline_reminder"


def can_manage_stand(viewer: Viewer, stand: JointStand) -> bool:
    """Administrators and the managers of the stand's cluster."""
    return can_manage_cluster(viewer, stand.cluster_id)


def can_apply_for(viewer: Viewer, stand: JointStand, organisation: Organisation) -> bool:
    """The stand's team for any organisation; a member editor for their own."""
    if can_manage_stand(viewer, stand):
        return True
    return viewer.is_member_editor and viewer.organisation_id == organisation.pk


def _require(actor: UserActor, stand: JointStand) -> None:
    if not can_manage_stand(viewer_for(actor), stand):
        raise PermissionDenied


@dataclass(frozen=True)
class StandData:
    fair: str
    slug: str
    starts_on: dt.date
    ends_on: dt.date
    cluster: Cluster
    places: int
    total_cost: Decimal
    cost_rule: str = JointStand.CostRule.EQUAL
    place: str = ""


def create_stand(actor: UserActor, data: StandData) -> JointStand:
    """A joint stand of a cluster the actor manages; refused when the fair ends before it
    begins or the short name is taken."""
    if not can_manage_cluster(viewer_for(actor), data.cluster.pk):
        raise PermissionDenied
    if data.ends_on < data.starts_on:
        raise ValidationError(_("Der letzte Messetag liegt vor dem ersten."))
    if JointStand.objects.filter(slug=data.slug).exists():
        raise ValidationError(_("Der Kurzname ist schon vergeben."))
    stand = JointStand(
        fair=data.fair,
        slug=data.slug,
        place=data.place,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        cluster=data.cluster,
        places=data.places,
        total_cost=data.total_cost,
        cost_rule=data.cost_rule,
    )
    with transaction.atomic():
        audit.audited_save(
            actor, stand, ["fair", "starts_on", "ends_on", "cluster", "places", "total_cost"]
        )
    return stand


@dataclass(frozen=True)
class Application:
    organisation: Organisation
    area_sqm: Decimal | None = None
    contact_name: str = ""
    contact_email: str = ""


def apply_for_stand(actor: UserActor, stand: JointStand, data: Application) -> CoExhibitor:
    """The organisation's application: accepted while the stand has places, else on the
    waiting list in the order of application. Refused (nothing stored) for an organisation
    that has applied already, after the fair has begun, or without an area when the costs
    are shared by area."""
    if not can_apply_for(viewer_for(actor), stand, data.organisation):
        raise PermissionDenied
    if timezone.localdate() >= stand.starts_on:
        raise ValidationError(_("Die Messe hat schon begonnen; Anmeldungen sind geschlossen."))
    if stand.cost_rule == JointStand.CostRule.AREA and not data.area_sqm:
        raise ValidationError(_("Die Kosten werden nach Fläche geteilt: bitte die m² angeben."))
    with transaction.atomic():
        lock_joint_stand(stand.pk)
        if CoExhibitor.objects.filter(stand=stand, organisation=data.organisation).exists():
            raise ValidationError(
                _("%(name)s ist für diesen Stand schon angemeldet.")
                % {"name": data.organisation.name}
            )
        accepted = CoExhibitor.objects.filter(
            stand=stand, status=CoExhibitor.Status.ACCEPTED
        ).count()
        exhibitor = CoExhibitor(
            stand=stand,
            organisation=data.organisation,
            status=(
                CoExhibitor.Status.ACCEPTED
                if accepted < stand.places
                else CoExhibitor.Status.WAITING
            ),
            area_sqm=data.area_sqm,
            contact_name=data.contact_name,
            contact_email=data.contact_email,
        )
        try:
            with transaction.atomic():
                audit.audited_save(actor, exhibitor, ["stand", "organisation", "status"])
        except IntegrityError as error:  # the unique constraint, should the lock be skipped
            raise ValidationError(_("Diese Organisation ist schon angemeldet.")) from error
    return exhibitor


def withdraw(actor: UserActor, exhibitor: CoExhibitor) -> CoExhibitor | None:
    """Withdraw an application; a freed place goes to the first on the waiting list, who is
    returned."""
    stand = exhibitor.stand
    if not can_apply_for(viewer_for(actor), stand, exhibitor.organisation):
        raise PermissionDenied
    with transaction.atomic():
        lock_joint_stand(stand.pk)
        exhibitor.refresh_from_db()
        if exhibitor.status == CoExhibitor.Status.WITHDRAWN:
            return None
        freed = exhibitor.status == CoExhibitor.Status.ACCEPTED
        exhibitor.status = CoExhibitor.Status.WITHDRAWN
        audit.audited_save(actor, exhibitor, ["status"])
        if not freed:
            return None
        first = waiting_list(stand).first()
        if first is not None:
            first.status = CoExhibitor.Status.ACCEPTED
            audit.audited_save(actor, first, ["status"])
        return first


def accepted_exhibitors(stand: JointStand) -> list[CoExhibitor]:
    return list(
        CoExhibitor.objects.filter(stand=stand, status=CoExhibitor.Status.ACCEPTED)
        .select_related("organisation")
        .order_by("applied_at", "pk")
    )


def waiting_list(stand: JointStand) -> QuerySet[CoExhibitor]:
    return (
        CoExhibitor.objects.filter(stand=stand, status=CoExhibitor.Status.WAITING)
        .select_related("organisation")
        .order_by("applied_at", "pk")
    )


def cost_shares(stand: JointStand) -> list[tuple[CoExhibitor, Decimal]]:
    """Each accepted co-exhibitor's share of the stand's cost, by the stand's rule; exact
    to the cent (the shares sum to the total)."""
    exhibitors = accepted_exhibitors(stand)
    if not exhibitors:
        return []
    if stand.cost_rule == JointStand.CostRule.AREA:
        weights = [exhibitor.area_sqm or Decimal(0) for exhibitor in exhibitors]
        if not any(weights):
            weights = [Decimal(1)] * len(exhibitors)
    else:
        weights = [Decimal(1)] * len(exhibitors)
    return list(zip(exhibitors, split_cost(stand.total_cost, weights), strict=True))


def add_deadline(
    actor: UserActor, stand: JointStand, title: str, due_on: dt.date, remind_days: int = 7
) -> FairDeadline:
    _require(actor, stand)
    deadline = FairDeadline(stand=stand, title=title, due_on=due_on, remind_days=remind_days)
    with transaction.atomic():
        audit.audited_save(actor, deadline, ["stand", "title", "due_on", "remind_days"])
    return deadline


def queue_due_reminders(today: dt.date | None = None) -> int:
    """Owe a reminder to every accepted co-exhibitor's contact for each deadline whose
    reminder day has come and that is not yet past; each deadline is reminded once.
    Returns how many mails were owed."""
    today = today or timezone.localdate()
    owed = 0
    due = FairDeadline.objects.filter(reminded_at__isnull=True, due_on__gte=today)
    for deadline in due.select_related("stand"):
        if deadline.due_on - dt.timedelta(days=deadline.remind_days) > today:
            continue
        with transaction.atomic():
            for exhibitor in accepted_exhibitors(deadline.stand):
                if exhibitor.contact_email:
                    owe_mail_about(exhibitor, DEADLINE_REMINDER, occasion=f"deadline-{deadline.pk}")
                    owed += 1
            deadline.reminded_at = timezone.now()
            deadline.save(update_fields=["reminded_at"])
    return owed


@dataclass(frozen=True)
class Lead:
    organisation: Organisation | None
    organisation_name: str = ""
    contact: str = ""
    note: str = ""


def record_lead(actor: UserActor, stand: JointStand, data: Lead) -> FairLead:
    """A contact made at the stand; one with a registry organisation lands as an
    interaction of the stand's cluster on that organisation."""
    _require(actor, stand)
    if data.organisation is None and not data.organisation_name.strip():
        raise ValidationError(
            _("Bitte eine Organisation aus dem Register oder einen Namen angeben.")
        )
    lead = FairLead(
        stand=stand,
        organisation=data.organisation,
        organisation_name=data.organisation_name
        or (data.organisation.name if data.organisation else ""),
        contact=data.contact,
        note=data.note,
    )
    with transaction.atomic():
        if data.organisation is not None:
            notes = "\n".join(part for part in (data.contact, data.note) if part)
            lead.interaction = crm.log_interaction(
                actor,
                data.organisation,
                {
                    "cluster": stand.cluster,
                    "kind": Interaction.Kind.MEETING,
                    "occurred_on": min(stand.ends_on, timezone.localdate()),
                    "subject": _("Kontakt am Gemeinschaftsstand: %(fair)s") % {"fair": stand.fair},
                    "notes": notes,
                },
            )
        audit.audited_save(actor, lead, ["stand", "organisation", "organisation_name"])
    return lead
