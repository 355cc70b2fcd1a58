"""A card answers under one regulation and at one stage of a competition: a question naming another is not its own."""
import pytest

from advisor.search.cards import Card, CardSource, fits_regime_and_stage, notice_stage, regimes_named


def _card(*questions: str) -> Card:
    return Card("test-card", "Svar [1].", questions, (CardSource("guide"),))


@pytest.mark.parametrize("text, stage", [
    ("Kan vi ringe tilbyderne etter at anbudet er lyst ut?", "after"),
    ("Vi kunngjorde konkurransen i går. Kan vi svare på spørsmål på telefon?", "after"),
    ("Er det lov å møte leverandørene mens konkurransen pågår?", "after"),
    ("May we meet bidders after the contract notice?", "after"),
    ("Kan vi invitere til leverandørmøte før vi kunngjør?", "before"),
    ("Can we talk to the market before the tender?", "before"),
    ("Hva er fristen for å levere tilbud?", ""),
])
def test_the_stage_of_the_competition_a_text_asks_about(text, stage):
    assert notice_stage(text) == stage


def test_a_question_on_the_other_stage_is_not_the_cards():
    after = _card("Kan vi møte én tilbyder etter at konkurransen er kunngjort?", "Kan vi ha dialog i tilbudsperioden?",
                  "Can we meet a bidder after the notice?")
    assert not fits_regime_and_stage("Kan vi møte leverandørene før konkurransen er kunngjort?", after)
    assert fits_regime_and_stage("Kan vi møte en tilbyder nå som konkurransen er lyst ut?", after)
    assert fits_regime_and_stage("Hvordan møter vi leverandører?", after)


def test_a_question_naming_another_regulation_is_not_the_cards():
    utilities = _card("Hva betyr del II i forsyningsforskriften?", "Hvilken del av forsyningsforskriften gjelder?",
                      "What does part II of the utilities regulation mean?")
    assert regimes_named("Hvilke prosedyrer gjelder i del II av anskaffelsesforskriften?") == {"classic"}
    assert not fits_regime_and_stage("Hvilke prosedyrer gjelder i del II av anskaffelsesforskriften?", utilities)
    assert fits_regime_and_stage("Er del II i forsyningsforskriften som del II i anskaffelsesforskriften?", utilities)
    assert fits_regime_and_stage("Hva betyr del II?", utilities)


def test_a_clear_leader_under_the_cut_off_needs_a_word_of_its_own():
    from advisor.search.cards import CardMatch, _clear_leader

    own = Card("gevinst-kort", "Svar [1].", ("Bør vi beskrive gevinstene?", "Binder gevinstene oss?",
                                              "Should we describe the benefits?"), (CardSource("guide"),))
    other = Card("annet-kort", "Svar [1].", ("Hva er en rammeavtale?", "Hvor lenge varer en rammeavtale?",
                                             "What is a framework agreement?"), (CardSource("guide"),))
    cards = [own, other] + [Card(f"fyll-{i}", "Svar [1].", (f"Spørsmål nummer {i} om frister?", "Hva er fristen?",
                                                             "What is the deadline?"), (CardSource("guide"),))
                            for i in range(60)]
    ranked = [CardMatch(own, 0.80, own.questions[0]), CardMatch(other, 0.76, other.questions[0])]
    assert _clear_leader("Sjefen vil ikke skrive gevinstene inn. Stemmer det?", ranked, 0.82, cards) is ranked[0]
    assert _clear_leader("Sjefen vil ikke skrive noe inn. Stemmer det?", ranked, 0.82, cards) is None
    close = [CardMatch(own, 0.80, own.questions[0]), CardMatch(other, 0.79, other.questions[0])]
    assert _clear_leader("Sjefen vil ikke skrive gevinstene inn. Stemmer det?", close, 0.82, cards) is None
    low = [CardMatch(own, 0.77, own.questions[0]), CardMatch(other, 0.70, other.questions[0])]
    assert _clear_leader("Sjefen vil ikke skrive gevinstene inn. Stemmer det?", low, 0.82, cards) is None
