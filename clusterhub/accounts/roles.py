"""Who is asking: the one place that turns a user into the facts every access check needs."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from clusterhub.accounts.models import Account

Role = Account.Role


@dataclass(frozen=True)
class Viewer:
    user_id: int | None
    role: str | None
    managed_cluster_ids: frozenset[int]
    organisation_id: int | None

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_manager(self) -> bool:
        return self.role == Role.CLUSTER_MANAGER

    @property
    def is_staff_reader(self) -> bool:
        return self.role == Role.STAFF_READER

    @property
    def is_member_editor(self) -> bool:
        return self.role == Role.MEMBER_EDITOR

    @property
    def is_agency_staff(self) -> bool:
        """Administrators, cluster managers and staff readers: the back office."""
        return self.role in {Role.ADMINISTRATOR, Role.CLUSTER_MANAGER, Role.STAFF_READER}


ANONYMOUS = Viewer(user_id=None, role=None, managed_cluster_ids=frozenset(), organisation_id=None)


def viewer_for(user: AbstractBaseUser | AnonymousUser) -> Viewer:
    """The role facts of ``user``, cached on the user object for the request."""
    if not user.is_authenticated:
        return ANONYMOUS
    cached: Viewer | None = getattr(user, "_clusterhub_viewer", None)
    if cached is not None:
        return cached
    account = Account.objects.filter(user_id=user.pk).first()
    if getattr(user, "is_superuser", False):
        role: str | None = Role.ADMINISTRATOR
    else:
        role = account.role if account else None
    managed = frozenset(
        user.managed_clusters.values_list("id", flat=True)  # type: ignore[attr-defined]
    )
    viewer = Viewer(
        user_id=int(user.pk),
        role=role,
        managed_cluster_ids=managed,
        organisation_id=account.organisation_id if account else None,
    )
    setattr(user, "_clusterhub_viewer", viewer)  # noqa: B010  (a per-request cache)
    return viewer
