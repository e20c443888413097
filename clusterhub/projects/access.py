"""The only door to the agency's innovation projects (source "local"; CORDIS projects are
read by the matching engine only).

Agency staff read every project; administrators edit all, cluster managers the projects of
their clusters (a consortium's project belongs to the consortium and to the initiative above
it); member editors read the projects their organisation takes part in.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.clusters.models import Cluster
from clusterhub.projects.models import CallFollow, Project, ProjectDocument


def local_projects() -> QuerySet[Project]:
    return Project.objects.filter(source=Project.Source.LOCAL)


def projects_visible_to(viewer: Viewer) -> QuerySet[Project]:
    if viewer.is_agency_staff:
        return local_projects()
    if viewer.is_member_editor and viewer.organisation_id:
        return local_projects().filter(participations__organisation_id=viewer.organisation_id)
    return Project.objects.none()


def project_cluster_ids(project: Project) -> set[int]:
    ids = {cluster.pk for cluster in project.clusters.all()}
    if project.consortium_id is not None:
        ids.add(project.consortium_id)
        if project.consortium is not None and project.consortium.parent_id is not None:
            ids.add(project.consortium.parent_id)
    return ids


def can_create_projects(viewer: Viewer) -> bool:
    return viewer.is_admin or (viewer.is_manager and bool(viewer.managed_cluster_ids))


def can_edit_project(viewer: Viewer, project: Project) -> bool:
    if viewer.is_admin:
        return True
    return viewer.is_manager and bool(project_cluster_ids(project) & viewer.managed_cluster_ids)


def clusters_for_projects(viewer: Viewer) -> QuerySet[Cluster]:
    """The clusters (and consortia) a viewer may file a project under: those they manage
    and the consortia below them."""
    if viewer.is_admin:
        return Cluster.objects.all()
    if not viewer.is_manager:
        return Cluster.objects.none()
    managed = viewer.managed_cluster_ids
    return Cluster.objects.filter(Q(pk__in=managed) | Q(parent_id__in=managed))


def get_project_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, write: bool = False
) -> Project:
    viewer = viewer_for(user)
    project = (
        projects_visible_to(viewer)
        .filter(pk=pk)
        .select_related("consortium", "call", "owner")
        .prefetch_related("clusters", "themes")
        .first()
    )
    if project is None:
        raise Http404
    if write and not can_edit_project(viewer, project):
        raise PermissionDenied
    return project


def get_document_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> ProjectDocument:
    document = ProjectDocument.objects.filter(pk=pk).first()
    if document is None:
        raise Http404
    get_project_for_user(user, document.project_id)
    return document


def follows_of(viewer: Viewer) -> QuerySet[CallFollow]:
    """The calls whose deadlines the viewer follows."""
    if viewer.user_id is None:
        return CallFollow.objects.none()
    return CallFollow.objects.filter(user_id=viewer.user_id).select_related("call")
