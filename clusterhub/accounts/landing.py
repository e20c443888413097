"""Where a person lands after logging in: the page their role works on, or the page they
asked for (``?next=``) when it is on this site and their role may open it."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path

from clusterhub.accounts.roles import viewer_for


def role_landing(user: AbstractBaseUser | AnonymousUser) -> str:
    """Member editors work on their organisation's profile, staff on their overview."""
    viewer = viewer_for(user)
    if viewer.is_member_editor:
        return reverse("directory:my_profile")
    if viewer.is_agency_staff:
        return reverse("core:dashboard")
    return reverse("core:home")


def may_open(user: AbstractBaseUser | AnonymousUser, path: str) -> bool:
    """Whether ``user`` passes the role gate of the page at ``path``.

    Pages gated by role carry their gate (``core.decorators.require_viewer``); Django's admin
    wants a staff user. Pages checked object by object open and decide for themselves.
    """
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return False
    if match.app_name == "admin":
        return bool(getattr(user, "is_staff", False))
    gate = getattr(match.func, "viewer_test", None)
    return gate is None or bool(gate(viewer_for(user)))


def landing_after_login(request: HttpRequest, wanted: str) -> str:
    """``wanted`` (from ``?next=``) if it is on this site and the role may open it, else the
    role's landing page."""
    user = request.user
    on_this_site = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if wanted and on_this_site and may_open(user, urlsplit(wanted).path):
        return wanted
    return role_landing(user)
