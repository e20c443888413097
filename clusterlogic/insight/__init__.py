"""Figures across the clusters: comparisons with the period before, overlaps of membership,
theme × cluster tables, the collaboration network and topic proposals. Plain data in and out."""
