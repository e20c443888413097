"""Reviewing applications: weighted scores and a ranking."""

from clusterlogic.review.ranking import Criterion, Ranked, rank, weighted_score

__all__ = ["Criterion", "Ranked", "rank", "weighted_score"]
