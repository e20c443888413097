"""Role gates for whole pages; object-level checks live in each app's access.py."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from clusterhub.accounts.roles import Viewer, viewer_for

View = Callable[..., HttpResponse]


def require_viewer(test: Callable[[Viewer], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not test(viewer_for(request.user)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        gated = login_required(wrapped)
        # The login page reads the gate to honour ``?next=`` only for pages the role may open.
        gated.viewer_test = test  # type: ignore[attr-defined]
        return gated

    return decorator


staff_required = require_viewer(lambda viewer: viewer.is_agency_staff)
admin_required = require_viewer(lambda viewer: viewer.is_admin)
member_editor_required = require_viewer(lambda viewer: viewer.is_member_editor)
