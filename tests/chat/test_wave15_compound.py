"""Round 15: a message that states a purchase and asks something the rules do not decide gets that ask answered by
its card, cited, right after the part the value leads to; a utility gets a card's utilities version; a part that
asks about a step of the procedure the scene considers is not taken for a question whether to use it."""

from __future__ import annotations

from advisor.chat import conversation
from advisor.search import CardMatch, load_cards


def _ask(question, settings):
    from advisor.chat import ask
    from advisor.search import open_index
    return ask(question, open_index(settings), settings)


def test_a_value_below_the_health_threshold_does_not_drop_the_non_profit_ask(corpus_e5_settings):
    answer = _ask("Bydelen vil kjøpe dagaktivitetstilbud for personer med demens for 4 mill. kr totalt. Holder det å "
                  "spørre bare ideelle aktører?", corpus_e5_settings)
    first, rest = answer.text.split("[1]", 1)
    assert "del I" in first and "7,8 mill" in first  # the part the value leads to, first
    assert "ideelle" in rest and "[2]" in rest  # then the ask itself, cited
    assert len(answer.citations) >= 2


def test_a_used_up_framework_agreement_is_answered_after_the_part(corpus_e5_settings):
    answer = _ask("Rammeavtalen vår om kontorrekvisita på 5 mill. kr har nådd maksimalverdien. Kan vi fortsette "
                  "å gjøre avrop på rammeavtalen?", corpus_e5_settings)
    assert "brukt opp" in answer.text
    assert "ulovlig direkte anskaffelse" in answer.text


def test_a_utility_asking_how_long_a_framework_may_run_gets_the_utilities_card(corpus_e5_settings):
    answer = _ask("Vannverket vårt følger forsyningsforskriften og planlegger en rammeavtale på 20 mill. kr om "
                  "rørdeler. Hva er maksimal løpetid for avtalen?", corpus_e5_settings)
    assert answer.text.startswith("Forsyningsforskriften")
    assert "etter forsyningsforskriften" in answer.text
    assert "Trolig høyst fire år i del III" not in answer.text


def test_a_bare_is_it_allowed_after_a_named_procedure_gets_no_card(corpus_e5_settings):
    answer = _ask("Fylkeskommunen vil bruke konkurransepreget dialog på et kjøp til 700 000 kr. Går det an?",
                  corpus_e5_settings)
    assert answer.route == "rules"
    assert answer.text.startswith("Ja")


def test_the_regime_version_of_a_card_is_chosen_by_the_suffix(corpus_e5_settings):
    cards = {card.id: card for card in load_cards(corpus_e5_settings)}
    general = CardMatch(cards["rammeavtale-varighet"], 0.9, "Hvor lenge kan en rammeavtale vare?")
    assert conversation.regime_card(general, "utilities", corpus_e5_settings).card.id == \
        "rammeavtale-varighet-forsyning"
    assert conversation.regime_card(general, "foa", corpus_e5_settings) is general
    assert conversation.regime_card(general, None, corpus_e5_settings) is general
    other = CardMatch(cards["ideelle"], 0.9, "Kan vi bare spørre ideelle?")
    assert conversation.regime_card(other, "utilities", corpus_e5_settings) is other


def test_a_step_of_the_considered_procedure_is_not_a_rules_part(corpus_e5_settings):
    answer = _ask("Direktoratet vurderer innovasjonspartnerskap for 30 mill. kr. Kan vi skrive at antallet partnere "
                  "kan reduseres underveis, og hvordan betales partnerne?", corpus_e5_settings)
    assert "Om innovasjonspartnerskap: ja, hvis" not in answer.text  # no verdict on whether to use it
    assert answer.grounded and answer.citations
