"""Duplicate organisations: normalise German names, block, score, say why.

Plain data in and out (``OrgRecord`` → ``Pair`` / ``Candidate``); used by ``clusterhub
dedupe``, the import, the organisation form and the "Dubletten" page.
"""

from clusterlogic.dedupe.index import DedupeIndex, build_index, find_candidates, find_pairs
from clusterlogic.dedupe.model import Candidate, OrgRecord, Pair, Reason, ReasonCode
from clusterlogic.dedupe.normalise import NormalisedName, normalise_name
from clusterlogic.dedupe.reasons import describe
from clusterlogic.dedupe.scoring import DEFAULT_THRESHOLD, Weights

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "DedupeIndex",
    "NormalisedName",
    "OrgRecord",
    "Pair",
    "Reason",
    "ReasonCode",
    "Weights",
    "build_index",
    "describe",
    "find_candidates",
    "find_pairs",
    "normalise_name",
]
