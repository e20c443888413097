from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from clusterhub.accounts.roles import viewer_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    """What the page header needs to know about who is looking."""
    return {"viewer": viewer_for(request.user)}
