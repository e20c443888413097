"""Every view that only acts on POST answers any other method with 405, before it acts.

The list is read from the URL resolver: a view counts as POST-only when it is wrapped in
Django's ``require_POST`` (``require_http_methods(["POST"])``), so a new POST-only view is
covered without anyone adding it here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from clusterhub.accounts.models import Account
from tests.factories import AccountFactory

pytestmark = pytest.mark.django_db


def url_patterns(
    resolver: URLResolver, namespaces: tuple[str, ...] = ()
) -> Iterator[tuple[str, URLPattern]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from url_patterns(pattern, inner)
        elif pattern.name:
            yield ":".join((*namespaces, pattern.name)), pattern


def allowed_methods(view: Callable[..., Any]) -> list[str] | None:
    """The method list of the ``require_http_methods`` wrapper around ``view``, if any."""
    wrapped: Any = view
    while wrapped is not None:
        code = getattr(wrapped, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = wrapped.__closure__[code.co_freevars.index("request_method_list")]
            return list(cell.cell_contents)
        wrapped = getattr(wrapped, "__wrapped__", None)
    return None


def sample_url(name: str, pattern: URLPattern) -> str:
    converters = getattr(pattern.pattern, "converters", {})
    kwargs = {
        key: 1 if isinstance(converter, IntConverter) else "token"
        for key, converter in converters.items()
    }
    return reverse(name, kwargs=kwargs)


POST_ONLY = sorted(
    (name, sample_url(name, pattern))
    for name, pattern in url_patterns(get_resolver())
    if allowed_methods(pattern.callback) == ["POST"]
)


def test_the_post_only_views_are_found() -> None:
    # A guard for the discovery itself: if require_POST's wrapper changed shape, the
    # parametrised test below would quietly cover nothing.
    assert len(POST_ONLY) >= 20
    assert "matchmaking:send_agendas" in dict(POST_ONLY)


@pytest.mark.parametrize("method", ["get", "put", "delete"])
@pytest.mark.parametrize(("name", "url"), POST_ONLY, ids=[name for name, _url in POST_ONLY])
def test_post_only_view_refuses_other_methods(
    client: Client, name: str, url: str, method: str
) -> None:
    client.force_login(AccountFactory.create(role=Account.Role.ADMINISTRATOR).user)
    response = getattr(client, method)(url)
    assert response.status_code == 405, name
    assert response["Allow"] == "POST"
