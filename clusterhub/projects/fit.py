"""Which call for whom: for a call, the organisations best suited (``clusterlogic.calls``:
the call's text and themes, partners of those already in projects for it, experience; with
reasons), the projects whose themes it fits and
the partner kinds they lack; for an organisation or a project, the open calls that fit."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from django.db.models import Max, Q
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import Viewer
from clusterhub.calls.models import FundingCall
from clusterhub.directory.models import Organisation
from clusterhub.partners import engine_input, queries
from clusterhub.partners.queries import Suggestions
from clusterhub.projects.access import projects_visible_to
from clusterhub.projects.models import Project
from clusterhub.projects.stages import Stage
from clusterlogic import matching
from clusterlogic.calls import CallQuery, build_network, rank_for_call

# A call's text is long; the engine is asked with its title, keywords, themes and opening
# (80 words keep ranking 100,000 profiles within 200 ms: bench/calls/rank_calls.py).
_CALL_WORDS = 80
_ACTIVE = (Stage.IDEA, Stage.FORMING, Stage.PROPOSAL)
RESEARCH_KINDS = {Organisation.Kind.RESEARCH, Organisation.Kind.UNIVERSITY}
SME_KINDS = {Organisation.Kind.STARTUP, Organisation.Kind.SME}
# Horizon Europe collaborative actions need partners from three countries.
_CONSORTIUM_ACTIONS = {"RIA", "IA"}


def call_query_text(call: FundingCall) -> str:
    words = call.text.split()[:_CALL_WORDS]
    themes = " ".join(theme.label_de + " " + theme.label_en for theme in call.themes.all())
    return " ".join([call.title, " ".join(call.keywords), themes, " ".join(words)])


def organisations_for_call(viewer: Viewer, call: FundingCall, limit: int = 15) -> Suggestions:
    """Organisations for the call (``clusterlogic.calls.rank_for_call``, as bench/calls
    measures it): its wording and themes, who worked with the partners of projects already
    aiming at the call or its programme part, and experience; each with its reasons."""
    stored = queries.current_index()
    if stored is None:
        return Suggestions(items=(), index_ready=False)
    network = stored.network or build_network(stored.index, [])
    query = CallQuery(
        id=f"call-{call.pk}",
        text=call_query_text(call),
        calls=engine_input.call_keys(call.pk, call.identifier),
        parts=engine_input.part_keys(call.programme_part, call.call_identifier),
    )
    ranked = rank_for_call(stored.index, network, query, k=limit)
    return queries.ranked_suggestions(stored, ranked, set(viewer.managed_cluster_ids))


@dataclass(frozen=True)
class ProjectFit:
    project: Project
    shared_themes: list[str]
    missing: list[str]


def missing_partner_kinds(call: FundingCall, project: Project) -> list[str]:
    """Partner kinds the call asks for that the consortium lacks."""
    partners = list(project.participations.select_related("organisation"))
    kinds = {p.organisation.kind for p in partners}
    text = f"{call.title} {call.text} {call.action_type}".lower()
    missing: list[str] = []
    asks_research = call.action_type in _CONSORTIUM_ACTIONS or any(
        word in text for word in ("research", "forschung", "wissenschaft", "universit")
    )
    if asks_research and not kinds & RESEARCH_KINDS:
        missing.append(_("Forschungseinrichtung oder Hochschule"))
    if any(word in text for word in (" sme", "smes", "kmu", "start-up", "startup")) and not (
        kinds & SME_KINDS
    ):
        missing.append(_("KMU oder Start-up"))
    countries = {p.organisation.country for p in partners}
    consortium_action = call.level == FundingCall.Level.EU and (
        call.action_type in _CONSORTIUM_ACTIONS
    )
    if consortium_action and len(countries) < 3:
        missing.append(
            _("Partner aus mindestens drei Ländern (bisher %(count)d)") % {"count": len(countries)}
        )
    return missing


def projects_for_call(viewer: Viewer, call: FundingCall, limit: int = 10) -> list[ProjectFit]:
    """Active projects (and those already aiming at the call) whose themes the call shares."""
    theme_ids = {theme.pk for theme in call.themes.all()}
    projects = (
        projects_visible_to(viewer)
        .filter(Q(stage__in=_ACTIVE) | Q(call=call))
        .filter(Q(themes__in=theme_ids) | Q(consortium__focus_themes__in=theme_ids) | Q(call=call))
        .distinct()
        .prefetch_related("themes", "consortium__focus_themes")
    )
    fits: list[ProjectFit] = []
    for project in projects:
        themes = {t.pk: t.label for t in project.themes.all()}
        if project.consortium is not None:
            themes |= {t.pk: t.label for t in project.consortium.focus_themes.all()}
        shared = sorted(label for pk, label in themes.items() if pk in theme_ids)
        fits.append(ProjectFit(project, shared, missing_partner_kinds(call, project)))
    fits.sort(key=lambda fit: (fit.project.call_id != call.pk, -len(fit.shared_themes)))
    return fits[:limit]


@dataclass(frozen=True)
class CallFit:
    call: FundingCall
    reasons: list[str]
    next_deadline: dt.date | None


class _CallIndex:
    """The open calls as the engine's profiles, rebuilt when the calls change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[object, ...] | None = None
        self._index: matching.MatchIndex | None = None

    def get(self, today: dt.date) -> matching.MatchIndex | None:
        calls = FundingCall.objects.filter(
            Q(final_deadline__gte=today) | Q(final_deadline__isnull=True)
        )
        key = (today, calls.count(), calls.aggregate(last=Max("updated_at"))["last"])
        with self._lock:
            if key != self._key:
                profiles = [
                    matching.Organisation(
                        id=str(call.pk),
                        name=call.title,
                        text=" ".join([" ".join(call.keywords), *call.text.split()[:_CALL_WORDS]]),
                        themes=tuple(theme.label_de for theme in call.themes.all()),
                    )
                    for call in calls.prefetch_related("themes")
                ]
                self._index = matching.build_index(profiles) if profiles else None
                self._key = key
            return self._index


_CALL_INDEX = _CallIndex()


def _reasons(parts: tuple[matching.ReasonPart, ...]) -> list[str]:
    words: list[str] = []
    for part in parts:
        if part.code == "shared_themes":
            words.append(_("Gemeinsame Themen: %(themes)s") % {"themes": ", ".join(part.values)})
        elif part.code == "text_match":
            words.append(_("Passende Begriffe: %(words)s") % {"words": ", ".join(part.values)})
    return words


def calls_for_text(text: str, today: dt.date, limit: int = 10) -> list[CallFit]:
    """Open calls for a profile or project text, best first, with the engine's reasons."""
    index = _CALL_INDEX.get(today)
    if index is None or not text.strip():
        return []
    ranked = [r for r in index.rank(matching.Query(id="calls", text=text), k=limit) if r.score > 0]
    calls = FundingCall.objects.in_bulk([int(r.id) for r in ranked])
    fits: list[CallFit] = []
    for result in ranked:
        call = calls.get(int(result.id))
        reasons = _reasons(result.reasons)
        if call is not None and reasons:
            fits.append(CallFit(call, reasons, call.next_deadline_on(today)))
    return fits


def organisation_text(organisation: Organisation) -> str:
    themes = " ".join(t.label_de for t in organisation.themes.all())
    return " ".join(
        [organisation.description_de, organisation.description_en, organisation.offers, themes]
    )


def project_text(project: Project) -> str:
    themes = [t.label_de for t in project.themes.all()]
    if project.consortium is not None:
        themes += [t.label_de for t in project.consortium.focus_themes.all()]
        themes.append(project.consortium.description_de)
    return " ".join([project.title, project.summary, *themes])
