"""Material streams: code fit, quantity, distance, hazardous waste, own offers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from clusterlogic.symbiosis import CodeFit, Stream, distance_km, match_streams

MANNHEIM = (49.4891, 8.46694)
LUDWIGSHAFEN = (49.48121, 8.44641)
HEIDELBERG = (49.40768, 8.69079)
HAMBURG = (53.5511, 9.9937)


def stream(
    id: int, org: int, code: str, tonnes: float, place: tuple[float, float] = MANNHEIM, **kw: object
) -> Stream:
    return Stream(id, org, code, tonnes, place[0], place[1], **kw)  # type: ignore[arg-type]


def test_the_distance_between_mannheim_and_heidelberg_is_about_18_km() -> None:
    assert 17 < distance_km(*MANNHEIM, *HEIDELBERG) < 19
    assert distance_km(*MANNHEIM, *MANNHEIM) == 0


def test_an_exact_code_nearby_ranks_first_with_its_reasons() -> None:
    need = stream(100, 1, "170405", 500, MANNHEIM)
    offers = [
        stream(1, 2, "170405", 400, HEIDELBERG),  # exact, 18 km
        stream(2, 3, "170405", 400, LUDWIGSHAFEN),  # exact, 2 km
        stream(3, 4, "170407", 900, LUDWIGSHAFEN),  # same group only
        stream(4, 5, "170405", 900, HAMBURG),  # too far
        stream(5, 6, "020101", 900, MANNHEIM),  # another chapter
    ]
    matches = match_streams(offers, [need])
    assert [m.offer_id for m in matches] == [2, 1]  # group fit not accepted by this need
    best = matches[0]
    assert best.code_fit is CodeFit.EXACT and best.distance_km is not None
    assert dict(best.reasons)["code"] == "exact"
    assert dict(best.reasons)["coverage"] == 0.8


def test_a_need_that_accepts_its_group_also_gets_the_neighbour_codes() -> None:
    need = stream(100, 1, "170405", 500, accepts=CodeFit.GROUP)
    offers = [stream(1, 2, "170407", 500), stream(2, 3, "170405", 500), stream(3, 4, "170101", 9)]
    matches = match_streams(offers, [need])
    assert [(m.offer_id, m.code_fit) for m in matches] == [
        (2, CodeFit.EXACT),
        (1, CodeFit.GROUP),
    ]


def test_hazardous_waste_goes_only_to_a_need_that_may_take_it_and_never_to_oneself() -> None:
    offers = [stream(1, 2, "170409", 50, hazardous=True), stream(2, 1, "170409", 50)]
    plain = stream(100, 1, "170409", 50)
    permitted = stream(101, 3, "170409", 50, accepts_hazardous=True)
    matches = match_streams(offers, [plain, permitted])
    assert [(m.need_id, m.offer_id) for m in matches] == [(101, 1), (101, 2)]


def test_a_stream_available_later_counts_half() -> None:
    need = stream(100, 1, "150101", 10)
    now = stream(1, 2, "150101", 10)
    later = stream(2, 3, "150101", 10, available_from=dt.date(2028, 1, 1))
    [first, second] = match_streams([later, now], [need], today=dt.date(2027, 1, 1))
    assert first.offer_id == 1 and second.score == first.score / 2
    assert ("from", dt.date(2028, 1, 1)) in second.reasons


codes = st.sampled_from(["170405", "170407", "170101", "150101", "150102", "020101"])
places = st.tuples(st.floats(47.0, 55.0), st.floats(6.0, 15.0))


@given(
    st.lists(st.tuples(codes, st.floats(0.1, 1e4), places, st.booleans()), max_size=15),
    st.lists(
        st.tuples(codes, st.floats(0.1, 1e4), places, st.sampled_from(list(CodeFit))), max_size=5
    ),
)
def test_every_match_keeps_the_rules(
    offer_rows: list[tuple[str, float, tuple[float, float], bool]],
    need_rows: list[tuple[str, float, tuple[float, float], CodeFit]],
) -> None:
    offers = [
        Stream(i, i % 4, code, t, lat, lon, hazardous=h)
        for i, (code, t, (lat, lon), h) in enumerate(offer_rows)
    ]
    needs = [
        Stream(1000 + i, i % 4, code, t, lat, lon, accepts=fit)
        for i, (code, t, (lat, lon), fit) in enumerate(need_rows)
    ]
    by_id = {s.id: s for s in [*offers, *needs]}
    matches = match_streams(offers, needs, max_km=300)
    for match in matches:
        offer, need = by_id[match.offer_id], by_id[match.need_id]
        assert offer.organisation_id != need.organisation_id
        assert not offer.hazardous
        assert match.distance_km is not None and match.distance_km <= 300
        assert offer.code[:2] == need.code[:2]
        assert 0 < match.score <= 1
    for need in needs:
        scores = [m.score for m in matches if m.need_id == need.id]
        assert scores == sorted(scores, reverse=True)
