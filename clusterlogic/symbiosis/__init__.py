"""Industrial symbiosis: which firm's waste or by-product stream another firm can use."""

from clusterlogic.symbiosis.matching import (
    CodeFit,
    Match,
    Stream,
    distance_km,
    match_streams,
)

__all__ = ["CodeFit", "Match", "Stream", "distance_km", "match_streams"]
