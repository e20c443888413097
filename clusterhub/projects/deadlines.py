"""Deadlines: reminders to the owners of projects that target a call (owed in the one
outbox, once per project, deadline and lead time) and the personal iCalendar feed."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from clusterhub.events import outbox
from clusterhub.events.conf import site_url
from clusterhub.events.models import EventMail
from clusterhub.projects.models import CallFollow, DeadlineReminder, Milestone, Project
from clusterhub.projects.stages import Stage

_FEED_SALT = "clusterhub.projects.deadline-feed"
# Projects that still work towards their call's deadline.
PREPARING = (Stage.IDEA, Stage.FORMING, Stage.PROPOSAL)


def reminder_days() -> list[int]:
    return sorted(int(days) for days in settings.CLUSTERHUB_CALL_REMINDER_DAYS)


@transaction.atomic
def owe_deadline_reminders(today: dt.date) -> int:
    """Owe each project owner a reminder 4 and 1 weeks before the call's next deadline
    (``CLUSTERHUB_CALL_REMINDER_DAYS``); only the nearest lead time is mailed when a project
    is first seen inside several. Returns how many mails were owed."""
    owed = 0
    projects = Project.objects.filter(
        source=Project.Source.LOCAL,
        stage__in=PREPARING,
        call__isnull=False,
        owner__isnull=False,
        call__final_deadline__gte=today,
    ).select_related("call")
    for project in projects:
        assert project.call is not None
        deadline = project.call.next_deadline_on(today)
        if deadline is None:
            continue
        left = (deadline - today).days
        applicable = [days for days in reminder_days() if left <= days]
        if not applicable:
            continue
        created = {
            days: DeadlineReminder.objects.get_or_create(
                project=project, deadline=deadline, days_before=days
            )
            for days in applicable
        }
        reminder, new = created[min(applicable)]
        if new:
            outbox.owe_person_mail(
                EventMail.Kind.PROJECT_DEADLINE,
                f"deadline-reminder:{reminder.pk}",
                user_id=project.owner_id,
            )
            owed += 1
    return owed


def prepare_deadline_reminder(mail: EventMail) -> outbox.Prepared | None:
    kind, _sep, pk = mail.occasion.partition(":")
    reminder = (
        DeadlineReminder.objects.select_related("project__call").filter(pk=int(pk)).first()
        if kind == "deadline-reminder" and pk.isdigit()
        else None
    )
    user = mail.user
    if reminder is None or user is None or not user.email or not user.is_active:
        return None
    project = reminder.project
    if project.stage not in PREPARING or project.call is None:
        return None
    body = render_to_string(
        "projects/mails/deadline_reminder.txt",
        {
            "project": project,
            "call": project.call,
            "deadline": reminder.deadline,
            "url": site_url() + reverse("projects:detail", args=[project.pk]),
        },
    )
    subject = _("Frist in %(days)d Tagen: %(title)s") % {
        "days": reminder.days_before,
        "title": project.title,
    }
    return outbox.Prepared(
        EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])
    )


def feed_token(user_id: int) -> str:
    return signing.dumps(user_id, salt=_FEED_SALT)


def user_for_feed_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=_FEED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _all_day(uid: str, day: dt.date, summary: str, url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", uid)
    entry.add("dtstamp", dt.datetime.now(dt.UTC))
    entry.add("dtstart", day)
    entry.add("dtend", day + dt.timedelta(days=1))
    entry.add("summary", summary)
    entry.add("url", url)
    return entry


def deadline_feed(user_id: int) -> bytes:
    """The deadlines a user follows: followed calls, the calls of their projects, and the
    milestones they own."""
    calendar = Calendar()
    calendar.add("prodid", "-//Wirtschaftsförderung Mannheim//clusterhub//DE")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Förderfristen"))
    base = site_url()
    calls = {
        follow.call for follow in CallFollow.objects.filter(user_id=user_id).select_related("call")
    }
    calls |= {
        p.call
        for p in Project.objects.filter(owner_id=user_id, call__isnull=False).select_related("call")
        if p.call is not None
    }
    for call in sorted(calls, key=lambda c: c.pk):
        for day in call.deadlines:
            calendar.add_component(
                _all_day(
                    f"call-{call.pk}-{day.isoformat()}@clusterhub",
                    day,
                    _("Frist: %(title)s") % {"title": call.title},
                    base + reverse("calls:detail", args=[call.pk]),
                )
            )
    for milestone in Milestone.objects.filter(owner_id=user_id, done=False).select_related(
        "project"
    ):
        calendar.add_component(
            _all_day(
                f"milestone-{milestone.pk}@clusterhub",
                milestone.due_on,
                f"{milestone.project.title}: {milestone.title}",
                base + reverse("projects:detail", args=[milestone.project_id]),
            )
        )
    return bytes(calendar.to_ical())
