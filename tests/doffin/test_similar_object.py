"""The purchase-object match behind ADVISOR_DOFFIN_OBJECT_RERANK_WEIGHT (advisor.doffin.objects)."""

from advisor.doffin.objects import key_in_title, need_object_keys, object_match, title_keys, word_keys


def _names(need: str, title: str) -> bool:
    keys = need_object_keys(need)
    whole, parts = title_keys(title)
    return any(key_in_title(k, whole, parts) for k in keys)


def test_plural_and_singular_of_an_el_noun_share_a_key():
    assert word_keys("sykler")[0] == word_keys("sykkel")[0]


def test_compound_head_and_hyphenated_compound_match():
    assert _names("Vi skal kjøpe elsykler til hjemmetjenesten", "Leasing av el-sykler")
    assert _names("Brannvesenet trenger nye kjøretøy", "Utrykningskjøretøy til brann og redning")


def test_compound_part_matches_its_word():
    assert _names("Kommunen trenger flere ladere til bilene", "Ladestasjoner for kommunale biler")


def test_framing_words_are_no_object():
    keys = need_object_keys("Vi trenger hjelp og bistand til en løsning")
    assert keys == ()


def test_unrelated_title_gets_no_share():
    keys = need_object_keys("Sykehjemmet trenger nye senger")
    assert object_match(keys, "Rammeavtale for asfaltering", {}) == 0.0
    assert object_match(keys, "Institusjonssenger til sykehjem", {}) > 0.0


def test_short_keys_match_only_whole_words():
    # «bil» must not match «bilag» by prefix nor «mobil» by suffix
    assert not _names("Vi trenger en bil", "Mobilabonnement og bilag")


def test_rerank_lifts_the_title_that_names_the_object_and_keeps_ties_in_order():
    from advisor.doffin.similar import NoticeIndex, _object_rerank

    titles = ["Utredning om eldre og velferd", "Kjøp av kaffe til kantinen", "Rammeavtale på institusjonssenger",
              "Konsulentbistand til omstilling"]
    index = NoticeIndex.build([{"notice_key": str(i), "title": t} for i, t in enumerate(titles)])
    fused = {0: 0.030, 1: 0.029, 2: 0.028, 3: 0.027}
    order = _object_rerank("Sykehjemmet trenger nye senger til beboerne", [0, 1, 2, 3], fused, index, 0.01)
    assert order == [2, 0, 1, 3]
    assert _object_rerank("Vi trenger hjelp", [0, 1, 2, 3], dict(fused), index, 0.01) == [0, 1, 2, 3]
