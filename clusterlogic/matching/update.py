"""One organisation's changed profile, applied to a built index without building it again.

A profile edit changes no ties, so the graph stays. What the profile itself feeds is replaced:
its row of the category codes and of the theme matrices, its BM25 document, its embedding row,
and the affinities where the organisation's categories reach them through its ties.

Kept as they were until the next full build (``build_index``, e.g. the nightly one):

- the theme idf weights (the organisation's new row is weighted with them, the others are
  not reweighted for the themes it gained or dropped);
- BM25's average profile length and the compound-splitting vocabulary (see
  ``text.replaced_document``; BM25's document frequencies are kept exact);
- the names of categories that no profile holds any more.

An organisation the index does not hold, or a kind, country or theme it has never seen (the
affinity matrices and the theme space are sized by them), raises :class:`RebuildNeeded`, and so
do indexes whose text statistics cannot be updated; a deleted organisation needs a rebuild too.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from clusterlogic.matching.features import (
    Affinities,
    Profiles,
    build_affinities,
    normalise_theme,
)
from clusterlogic.matching.index import MatchIndex, profile_text
from clusterlogic.matching.model import Organisation
from clusterlogic.matching.text import replaced_document


class RebuildNeeded(Exception):
    """The change cannot be applied in place; the index must be built again (says why)."""


def updated_index(index: MatchIndex, organisation: Organisation) -> MatchIndex:
    """A new index in which ``organisation`` (one the index holds, by id) has this profile.

    ``index`` is left as it was. Raises :class:`RebuildNeeded` where only a full build can
    take the change in (see the module's docstring)."""
    position = index.position.get(organisation.id)
    if position is None:
        raise RebuildNeeded(f"organisation {organisation.id!r} is not in the index")
    before = index.organisations[position]
    profiles = updated_profiles(index.profiles, position, organisation)
    text, embeddings = index.text, index.embeddings
    new_text = profile_text(organisation)
    if new_text != profile_text(before):
        replaced = replaced_document(index.text, position, new_text)
        if replaced is None:
            raise RebuildNeeded("the text index cannot replace a document")
        text = replaced
        if index.embeddings is not None:
            if index.encoder is None:
                raise RebuildNeeded("the index holds embeddings but no encoder")
            embeddings = index.embeddings.copy()
            embeddings[position] = np.asarray(index.encoder.encode([new_text])[0])
    organisations = (
        *index.organisations[:position],
        organisation,
        *index.organisations[position + 1 :],
    )
    return replace(
        index,
        organisations=organisations,
        profiles=profiles,
        affinities=_updated_affinities(index, profiles, position),
        text=text,
        embeddings=embeddings,
    )


def _known_code(names: tuple[str, ...], value: str, what: str) -> int:
    if not value:
        return -1
    try:
        return names.index(value)
    except ValueError:
        raise RebuildNeeded(f"{what} {value!r} is new to the index") from None


def updated_profiles(profiles: Profiles, position: int, organisation: Organisation) -> Profiles:
    """``profiles`` with the row at ``position`` taken from ``organisation``, coded and
    weighted as ``build_profiles`` does with the index's own names and theme idf."""
    kind = _known_code(profiles.kind_names, organisation.kind, "kind")
    country = _known_code(profiles.country_names, organisation.country.strip().upper(), "country")
    city_name = organisation.city.strip().lower()
    city_names = profiles.city_names
    # Cities are only ever compared for equality, so a new one may simply take the next code.
    if city_name and city_name not in city_names:
        city_names = (*city_names, city_name)
    city = city_names.index(city_name) if city_name else -1

    themes = sorted({normalise_theme(t) for t in organisation.themes if t.strip()})
    unknown = [t for t in themes if t not in profiles.theme_position]
    if unknown:
        raise RebuildNeeded(f"themes {unknown!r} are new to the index")
    columns = np.array([profiles.theme_position[t] for t in themes], dtype=np.int64)
    weights = profiles.theme_idf[columns]
    norm = float(np.sqrt((weights * weights).sum()))
    values = weights * (1.0 / norm) if norm > 0 else weights
    theme_rows = _replaced_row(profiles.themes, position, columns, values)
    has_theme = theme_rows.copy()
    has_theme.data = np.ones_like(has_theme.data)
    return replace(
        profiles,
        kind=_replaced(profiles.kind, position, kind),
        country=_replaced(profiles.country, position, country),
        city=_replaced(profiles.city, position, city),
        city_names=city_names,
        themes=theme_rows,
        themes_by_theme=sp.csr_matrix(theme_rows.T),
        has_theme_by_theme=sp.csr_matrix(has_theme.T),
    )


def _replaced(codes: NDArray[np.int32], position: int, code: int) -> NDArray[np.int32]:
    copied = codes.copy()
    copied[position] = code
    return copied


def _replaced_row(
    matrix: sp.csr_matrix, row: int, columns: NDArray[np.int64], values: NDArray[np.float64]
) -> sp.csr_matrix:
    """A copy of ``matrix`` whose ``row`` holds ``values`` at ``columns`` (ascending)."""
    start, end = int(matrix.indptr[row]), int(matrix.indptr[row + 1])
    data = np.concatenate([matrix.data[:start], values, matrix.data[end:]])
    indices = np.concatenate([matrix.indices[:start], columns, matrix.indices[end:]])
    indptr = matrix.indptr.astype(np.int64)
    indptr[row + 1 :] += len(columns) - (end - start)
    return sp.csr_matrix((data, indices.astype(matrix.indices.dtype), indptr), shape=matrix.shape)


def _theme_columns(profiles: Profiles, position: int) -> NDArray[np.int32]:
    themes = profiles.themes
    return np.asarray(themes.indices[themes.indptr[position] : themes.indptr[position + 1]])


def _updated_affinities(index: MatchIndex, profiles: Profiles, position: int) -> Affinities:
    """The affinities of the new profiles over the unchanged graph.

    An organisation's categories reach the affinities only through its ties (lifts between
    categories, its partners' counts per category); without ties, or with its categories
    unchanged, only its own number of themes changes. Otherwise they are computed again from
    the graph, which costs a fraction of a build (no text is analysed)."""
    before = index.profiles
    old_themes, new_themes = _theme_columns(before, position), _theme_columns(profiles, position)
    same_categories = (
        before.kind[position] == profiles.kind[position]
        and before.country[position] == profiles.country[position]
        and np.array_equal(np.sort(old_themes), np.sort(new_themes))
    )
    binary = index.graph.binary
    has_ties = binary.indptr[position + 1] > binary.indptr[position]
    if has_ties and not same_categories:
        return build_affinities(profiles, index.graph)
    inverse_theme_count = index.affinities.inverse_theme_count.copy()
    inverse_theme_count[position] = 1.0 / new_themes.size if new_themes.size else 0.0
    return replace(index.affinities, inverse_theme_count=inverse_theme_count)
