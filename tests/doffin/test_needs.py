"""The need vocabulary (advisor/doffin/needs.yaml) and how the similar-notice search uses it."""

from __future__ import annotations

import pytest

from advisor.config import Settings
from advisor.doffin.needs import load_needs, read_need
from advisor.doffin.similar import NoticeIndex, _boost_need_cpv, rank_notices
from advisor.errors import AdvisorError


def test_the_shipped_vocabulary_loads_and_covers_the_main_purchase_areas():
    entries = load_needs()
    assert len(entries) >= 50
    divisions = {c[:2] for e in entries for c in e.cpv}
    # works, goods (medical, IT, vehicles, furniture, clothing, food), services (IT, business, research, waste, health)
    assert {"45", "33", "30", "34", "39", "18", "15", "72", "79", "73", "90", "85", "60", "71", "77"} <= divisions


def test_a_need_in_everyday_words_gives_what_is_bought_and_its_cpv_area():
    need = read_need("Kommunen ønsker at eldre som bor hjemme kan tilkalle hjelp.")
    assert "trygghetsalarm" in need.words and "velferdsteknologi" in need.words
    assert "3512" in need.cpv
    snow = read_need("Hvem holder veiene fri for snø?")
    assert "brøyting" in snow.words and "9062" in snow.cpv


def test_words_the_text_already_has_are_not_added_and_an_unknown_need_gives_nothing():
    need = read_need("Vi skal kjøpe brøyting av parkeringsplassen når det kommer snø")
    assert "brøyting" not in need.words and "strøing" in need.words
    assert not read_need("Vi trenger noe helt annet enn dette")


def test_patterns_match_at_the_start_of_a_word_only_and_common_words_are_no_need():
    assert not read_need("Krisesenteret")  # «is» is a need only as a word of its own, not inside «krise»
    # «skriver» (writes) is not a printer, «dekke behovet» not a road surface, «trygg drift» not a safety alarm
    assert not read_need("Leverandøren skriver en rapport om omfanget og skal dekke behovet")
    assert not read_need("Vi trenger en trygg drift av eldre bygg")
    assert "9062" in read_need("Veiene må strøs når det er is").cpv


@pytest.mark.parametrize("body, message", [
    ("entries: [{when: ['snø'], cpv: ['9062']}]", "'buys'"),
    ("entries: [{when: ['(snø'], buys: brøyting}]", "bad pattern"),
    ("entries: [{when: ['snø'], buys: brøyting, cpv: ['90-62']}]", "CPV prefixes"),
    ("other: []", "no 'entries'"),
])
def test_a_malformed_vocabulary_is_a_clear_error(tmp_path, body, message):
    path = tmp_path / "needs.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(AdvisorError, match=message):
        load_needs(path)


def test_the_need_cpv_boost_lifts_only_candidates_in_the_areas():
    index = NoticeIndex.build([{"notice_key": f"k{i}", "title": f"t {i}", "main_cpv": c}
                               for i, c in enumerate(["35120000", "79711000", "73200000", "85311000"])])
    fused = {i: 1.0 / (60 + i) for i in range(4)}
    before = dict(fused)
    _boost_need_cpv(fused, index, ("3512", "79711"), 60, 2.0)
    assert {i for i in fused if fused[i] > before[i]} == {0, 1}
    _boost_need_cpv(fused, index, (), 60, 2.0)  # no areas: nothing changes
    assert fused[2] == before[2]


def test_with_the_vocabulary_on_the_word_search_finds_the_notice_that_names_the_purchase_rather_than_the_need():
    rows = [
        {"notice_key": "a", "title": "Områdegjennomgang av boliger for eldre som bor hjemme", "main_cpv": "73200000"},
        {"notice_key": "b", "title": "Trygghetsalarmer og responssenter", "main_cpv": "35120000"},
        {"notice_key": "c", "title": "Kontormøbler", "main_cpv": "39130000"},
    ]
    index = NoticeIndex.build(rows)
    text = "Eldre som bor hjemme skal kunne tilkalle hjelp"
    on = Settings().with_overrides(doffin={"need_vocabulary": True})
    assert 1 in [i for i, *_ in rank_notices(text, index, on, 3, mode="bm25")]  # shares no word with the text
    # Off (the default: it did not generalise to the frozen unseen texts) the search is the text's own words.
    assert 1 not in [i for i, *_ in rank_notices(text, index, Settings(), 3, mode="bm25")]
