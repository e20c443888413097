"""What a participant's link answers once it is closed: a page saying why, with status 410
(Gone), never the content behind it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clusterhub.matchmaking.access import ParticipantLinkGone

P = ParamSpec("P")


def closed_link_answered(
    view: Callable[Concatenate[HttpRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Wrap a view that opens ``get_participant_for_token``: a closed link gets the 410 page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ParticipantLinkGone as gone:
            context = {"event": gone.event, "reason": gone.reason.value}
            return render(request, "matchmaking/link_gone.html", context, status=410)

    return wrapped
