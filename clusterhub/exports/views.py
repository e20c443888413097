"""Export pages: a list as a file (at once, or as a background job with a download link),
and the secret-address feed of one's own follow-ups."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.decorators import require_viewer, staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.crm.access import follow_ups_for
from clusterhub.exports import cards, files, services
from clusterhub.exports.access import (
    feed_owner_for_token,
    feed_token_of,
    get_export_job_for_user,
)
from clusterhub.exports.lists import LISTS

note_writers = require_viewer(lambda viewer: viewer.is_admin or viewer.is_manager)


def _attachment(content: bytes, name: str, file_format: str) -> HttpResponse:
    response = HttpResponse(content, content_type=files.CONTENT_TYPES[file_format])
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    return response


@staff_required
def export_list(request: HttpRequest, list_name: str, file_format: str) -> HttpResponse:
    spec = LISTS.get(list_name)
    if spec is None or file_format not in files.formats_of(list_name):
        raise Http404
    if not spec.allowed(viewer_for(request.user)):
        raise PermissionDenied
    user = request.user
    assert isinstance(user, User)
    if files.is_large(files.count_rows(user, list_name, request.GET)):
        job = services.queue_export(user, list_name, file_format, request.GET)
        return redirect("exports:job", pk=job.pk)
    content, count = files.render(user, list_name, file_format, request.GET)
    title = files.title_of(list_name)
    services.record_export_now(user, list_name, title, file_format, request.GET, count)
    return _attachment(content, f"{list_name}.{file_format}", file_format)


@staff_required
def job(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    export = get_export_job_for_user(request.user, pk)
    template = "exports/partials/job_status.html" if request.htmx else "exports/job.html"
    return render(request, template, {"job": export, "title": LISTS[export.list_name].title})


@staff_required
def job_download(request: HttpRequest, pk: int) -> HttpResponse:
    export = get_export_job_for_user(request.user, pk)
    if not export.stored_file:
        raise Http404
    with default_storage.open(export.stored_file, "rb") as stream:
        return _attachment(stream.read(), str(export), export.file_format)


@note_writers
def feed_settings(request: HttpRequest) -> HttpResponse:
    token = feed_token_of(request.user)
    url = (
        request.build_absolute_uri(reverse("exports:follow_up_feed", args=[token.token]))
        if token
        else ""
    )
    return render(request, "exports/feed_settings.html", {"feed_url": url})


@require_POST
@note_writers
def feed_renew(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    services.renew_feed_token(request.user)
    return redirect("exports:feed_settings")


@require_POST
@note_writers
def feed_revoke(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    services.revoke_feed_token(request.user)
    return redirect("exports:feed_settings")


def follow_up_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A calendar program subscribes without a login: the secret address is the key."""
    owner = feed_owner_for_token(token)
    follow_ups = follow_ups_for(viewer_for(owner)).select_related("interaction__organisation")
    content = cards.follow_up_calendar(follow_ups.order_by("due_on", "id"), "Wiedervorlagen")
    return HttpResponse(content, content_type=files.CONTENT_TYPES["ics"])
