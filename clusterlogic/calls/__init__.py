"""Which organisations for a funding call, with reasons a person can check.

Plain data in, plain data out; no Django. A call is asked with its wording and the keys under
which past projects name it and its programme part::

    from clusterlogic.calls import CallQuery, Collaboration, build_network, rank_for_call

    network = build_network(index, [Collaboration(id="p1", members=("o1", "o7"),
                                                  calls=("CL5-H2",), parts=("CL5",)), ...])
    for ranked in rank_for_call(index, network, CallQuery(id="c", text="…",
                                                          calls=("CL5-H2",), parts=("CL5",))):
        ranked.id, ranked.score, ranked.reasons

``index`` is the matching engine's index (``clusterlogic.matching.build_index``) over the same
organisations and ties. The score adds up, with weights learned on H2020 (``bench/calls``):
the engine's text and theme side over the call's wording; ties to the organisations already
in projects that targeted this call, and to those of its programme part; having worked in
the programme part oneself; and how many projects an organisation took part in. Reasons add
to the engine's (``shared_themes``, ``text_match``) ``worked_with`` (values: the tied
organisation, a project both were in or "", and "call" or "part") and ``projects`` (values:
the number of projects).
"""

from clusterlogic.calls.ranking import (
    SHIPPED_WEIGHTS,
    CallNetwork,
    CallQuery,
    CallSignals,
    CallWeights,
    Collaboration,
    build_network,
    call_signals,
    rank_for_call,
)

__all__ = [
    "SHIPPED_WEIGHTS",
    "CallNetwork",
    "CallQuery",
    "CallSignals",
    "CallWeights",
    "Collaboration",
    "build_network",
    "call_signals",
    "rank_for_call",
]
