"""Propensities learned from the past ties, for askers that have few or no ties of their own.

A newcomer has a kind, a country and perhaps a few themes; what the tie graph says about
organisations *like it* is then the best evidence there is:

- ``theme_lift``: which themes work with which (positive pointwise mutual information of ties
  between organisations holding theme ``t`` and organisations holding theme ``u``), so that a
  query's themes reach partners with complementary themes, not only the same ones;
- ``newcomers_into_kind`` / ``newcomers_into_country_kind``: how many partners of each kind
  (and country + kind) an organisation took in during their first year of ties.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

# Pairs of themes seen together fewer times than this say nothing reliable.
_MIN_THEME_TIES = 2.0


def theme_lift(has_theme: sp.csr_matrix, binary: sp.csr_matrix) -> sp.csr_matrix:
    """Theme × theme positive PMI of ties: ``log(observed / expected)`` where above 0.

    ``has_theme`` is organisations × themes (0/1), ``binary`` the symmetric tie graph.
    """
    themes = has_theme.shape[1]
    observed = sp.csr_matrix(has_theme.T @ binary @ has_theme)
    observed.data[observed.data < _MIN_THEME_TIES] = 0.0
    observed.eliminate_zeros()
    total = float(observed.sum())
    if total == 0 or themes == 0:
        return sp.csr_matrix((themes, themes))
    margin = np.asarray(observed.sum(axis=1)).ravel()
    coo = observed.tocoo()
    expected = margin[coo.row] * margin[coo.col] / total
    pmi = np.log(coo.data / expected)
    keep = pmi > 0
    return sp.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=(themes, themes), dtype=np.float64
    )


def onehot(codes: NDArray[np.int32], size: int) -> sp.csr_matrix:
    """Organisations × categories, 1 where an organisation belongs (code -1: none)."""
    known = codes >= 0
    return sp.csr_matrix(
        (np.ones(int(known.sum())), (np.flatnonzero(known), codes[known])),
        shape=(len(codes), max(size, 1)),
    )


def partners_by_category(
    partners: sp.csr_matrix, codes: NDArray[np.int32], size: int
) -> sp.csc_matrix:
    """For each organisation (row) the number of its partners in each category (column)."""
    return sp.csc_matrix(partners @ onehot(codes, size))
