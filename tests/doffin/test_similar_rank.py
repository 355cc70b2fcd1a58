"""How the similar search ranks: one notice per procurement in hybrid mode, the need vocabulary's CPV areas as a soft
lift in every mode when switched on, and CPV feedback that yields to those areas (advisor.doffin.similar)."""

from __future__ import annotations

from advisor.config import Settings
from advisor.doffin.similar import (
    NoticeIndex,
    _boost_common_cpv,
    procurement_groups,
    procurement_key,
    rank_notices,
)

HASH = {"index": {"embedding_backend": "hash"}}


def notice(key: str, title: str, buyer: str = "Bergen kommune", day: str = "2022-03-01", cpv: str = "90620000") -> dict:
    return {"notice_key": key, "title": title, "buyer_name": buyer, "publication_date": day, "main_cpv": cpv}


def test_a_re_announcement_or_qualification_stage_is_the_same_procurement_another_buyer_is_not():
    same = procurement_key(notice("a", "Vintervedlikehold av kommunale veier"))
    assert procurement_key(notice("b", "Vintervedlikehold av kommunale veier - ny utlysning")) == same
    assert procurement_key(notice("c", "Vintervedlikehold av kommunale veier (1)")) == same
    assert procurement_key(notice("d", "Kvalifisering: VINTERVEDLIKEHOLD av kommunale veier.")) == same
    assert procurement_key(notice("e", "Vintervedlikehold av kommunale veier", buyer="Molde kommune")) != same
    assert procurement_key(notice("f", "Vintervedlikehold av kommunale veier og plasser")) != same
    assert procurement_key({"notice_key": "g", "title": ""}) == ""


def test_notices_a_year_or_more_apart_are_separate_purchases_and_untitled_notices_stand_alone():
    rows = [notice("a", "Brøyting", day="2020-10-01"), notice("b", "Brøyting - ny utlysning", day="2020-11-15"),
            notice("c", "Brøyting", day="2022-10-01"), notice("d", "", day="2020-10-01"),
            notice("e", "", day="2020-10-01")]
    groups = procurement_groups(rows)
    assert groups[0] == groups[1] and groups[2] != groups[0]  # a renewed agreement two years on is a new purchase
    assert len({groups[3], groups[4], groups[0]}) == 3


def test_the_ranking_shows_the_best_notice_of_each_procurement_once():
    rows = [notice("a", "Vintervedlikehold brøyting strøing veier"),
            notice("b", "Vintervedlikehold brøyting strøing veier - 2. gangs utlysning", day="2022-04-01"),
            notice("c", "Brøyting av veier", buyer="Molde kommune"),
            notice("d", "Kontormøbler", cpv="39130000")]
    index = NoticeIndex.build(rows)
    text, settings = "brøyting strøing vintervedlikehold veier", Settings(**HASH)
    ranked = [i for i, *_ in rank_notices(text, index, settings, 3)]
    assert ranked[:2] in ([0, 2], [1, 2]) and len({0, 1} & set(ranked)) == 1
    # BM25 alone stays the retriever's own list, for comparing the retrievers
    assert {0, 1, 2} <= {i for i, *_ in rank_notices(text, index, settings, 3, mode="bm25")}


def test_the_need_cpv_areas_lift_candidates_in_every_mode_when_switched_on():
    # Two notices the words find equally well; the need («snø») names winter maintenance (9062), not the other.
    rows = [notice("a", "Avtale om veier og plasser", cpv="45233000"),
            notice("b", "Avtale om veier og plasser i sentrum", cpv="90620000")]
    index = NoticeIndex.build(rows)
    text = "Vi trenger noen som holder veier og plasser fri for snø"
    off, on = Settings(**HASH), Settings(**HASH).with_overrides(doffin={"need_cpv": True})
    assert not off.doffin.need_vocabulary and not off.doffin.need_cpv  # the defaults: neither generalised
    assert [i for i, *_ in rank_notices(text, index, on, 2, mode="bm25")][0] == 1
    assert [i for i, *_ in rank_notices(text, index, off, 2, mode="bm25")][0] == 0


def test_cpv_feedback_yields_when_the_need_names_other_areas():
    rows = [notice(str(i), f"t {i}", cpv="33100000") for i in range(8)] + [notice("x", "x", cpv="33600000")]
    index = NoticeIndex.build(rows)
    fused = {i: 1.0 / (60 + i) for i in range(9)}
    before = dict(fused)
    _boost_common_cpv(fused, index, 60, 2.0, need_cpv=("336",))  # medicines named, the hits voted for equipment
    assert fused == before
    _boost_common_cpv(fused, index, 60, 2.0, need_cpv=("331",))
    assert fused[0] > before[0] and fused[8] == before[8]
    fused = dict(before)
    _boost_common_cpv(fused, index, 60, 2.0)  # no need areas: the vote stands as before
    assert fused[0] > before[0]
