"""Whom a participant might meet: the partner engine's ranking, narrowed to the event.

Optional by design: the stored partner index is read as it is (never built or rebuilt from a
page); while there is none, there are no recommendations.
"""

from __future__ import annotations

from clusterhub.matchmaking.access import active_participants
from clusterhub.matchmaking.models import Participant
from clusterhub.partners import index_store
from clusterhub.partners.engine_input import engine_id
from clusterlogic.matching import Query, UnknownOrganisation

LIMIT = 5
# The engine ranks the whole registry; the event's participants are a small part of it.
_CANDIDATES = 300


def _query_for(participant: Participant) -> Query | None:
    organisation_id = participant.registration.organisation_id
    if organisation_id is not None:
        return Query(id=f"matchmaking-{participant.pk}", org=engine_id(organisation_id))
    if participant.seeks.strip():
        return Query(id=f"matchmaking-{participant.pk}", text=participant.seeks)
    return None


def recommended_for(participant: Participant, limit: int = LIMIT) -> list[Participant]:
    """Other participants of the event whose organisation the engine ranks high for this
    participant's organisation (or, without one, for what they seek), best first."""
    stored = index_store.load()
    query = _query_for(participant)
    if stored is None or query is None:
        return []
    try:
        ranked = stored.index.rank(query, k=_CANDIDATES)
    except UnknownOrganisation:
        # An organisation added since the index was built is not in it yet.
        return []
    rank_of = {int(r.id): position for position, r in enumerate(ranked) if r.id.isdigit()}
    others = (
        active_participants(participant.event_id)
        .filter(registration__organisation_id__in=list(rank_of))
        .exclude(pk=participant.pk)
        .select_related("registration__person", "registration__organisation")
    )
    own = participant.registration.organisation_id
    if own is not None:
        # Colleagues are not recommended to each other.
        others = others.exclude(registration__organisation_id=own)
    chosen = sorted(
        others, key=lambda other: (rank_of[other.registration.organisation_id or 0], other.pk)
    )
    return chosen[:limit]
