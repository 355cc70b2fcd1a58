"""Round 16 cards: gaps in what buyers ask (contact with a tenderer after the notice, where the label rules are,
qualification versus award, rejection, the notice of award, lots, the value estimate, in-house purchases, special
services, the utilities regulation's part II, part II specifications, the part I protocol, a negotiated procedure
awarded without negotiation, three principles, unlawful direct awards, a losing supplier's remedies). Questions in our
own wording, none of them a card paraphrase or an eval row; the neighbours the new cards sit beside keep their own
paraphrases."""

from __future__ import annotations

import pytest

from advisor.search import load_cards, match_card, open_index

NEW_CARDS = ("markedsdialog-etter-kunngjoring", "merker-hjemmel", "kvalifikasjon-vs-tildeling", "avvisning-grunner",
             "tildeling-meddelelse", "delkontrakter", "kontraktsverdi-dokumentere", "egenregi-ikke-dekket",
             "sarlige-tjenester-hvilke", "forsyning-del-ii", "kravspek-del-ii", "protokoll-del-i",
             "kmf-tildele-uten-forhandling", "prinsipp-likebehandling", "prinsipp-etterprovbarhet",
             "prinsipp-forutberegnelighet", "ulovlig-direkte-anskaffelse", "leverandor-klage")


def test_new_cards_have_english_and_nynorsk_paraphrases_and_mark_what_is_unverified(corpus_hash_settings):
    cards = {card.id: card for card in load_cards(corpus_hash_settings)}
    for card_id in NEW_CARDS:
        card = cards[card_id]
        assert card.answer_en, card_id
        assert any(q.isascii() and q.endswith("?") for q in card.questions), card_id  # an English paraphrase
    # Facts the reference marks [U] are said to be unverified, in both languages.
    for card_id in ("merker-hjemmel", "delkontrakter", "sarlige-tjenester-hvilke", "protokoll-del-i",
                    "tildeling-meddelelse"):
        assert "ikke verifisert" in cards[card_id].answer, card_id
        assert "unverified" in cards[card_id].answer_en, card_id
    # Verdict first: contact with one tenderer after the notice is not the dialogue of the preparations.
    assert cards["markedsdialog-etter-kunngjoring"].answer.startswith("Nei")
    assert cards["markedsdialog-etter-kunngjoring"].answer_en.startswith("No")
    # Where the sources are silent, the card says so instead of answering from general knowledge.
    assert "ikke gjennomgått" in cards["egenregi-ikke-dekket"].answer
    assert "ikke gjennomgått" in cards["avvisning-grunner"].answer


@pytest.fixture(scope="module")
def e5(corpus_e5_settings):
    return corpus_e5_settings, open_index(corpus_e5_settings)


@pytest.mark.parametrize("question, card", [
    ("Konkurransen er lyst ut – kan vi ta et møte med én av tilbyderne for å forklare behovet?",
     "markedsdialog-etter-kunngjoring"),
    ("Hvilken paragraf i anskaffelsesforskriften gjelder miljømerker?", "merker-hjemmel"),
    ("Er kvalifikasjonskrav noe annet enn tildelingskriterier?", "kvalifikasjon-vs-tildeling"),
    ("Hvilke grunner kan gi avvisning av en leverandør?", "avvisning-grunner"),
    ("Skal vi sende ut en melding om tildeling til alle som leverte tilbud?", "tildeling-meddelelse"),
    ("Bør en stor kontrakt deles i flere delkontrakter?", "delkontrakter"),
    ("Hva bør verdianslaget bygge på?", "kontraktsverdi-dokumentere"),
    ("Kan kommunen kjøpe tjenester fra et aksjeselskap den eier selv uten konkurranse?", "egenregi-ikke-dekket"),
    ("Hvordan finner vi ut om en tjeneste er en særlig tjeneste?", "sarlige-tjenester-hvilke"),
    ("Hva betyr del I og del II i forsyningsforskriften?", "forsyning-del-ii"),
    ("Hvilken paragraf gjelder for kravene i en tilbudskonkurranse under EØS-terskelen?", "kravspek-del-ii"),
    ("Har vi protokollplikt for et kjøp på 400 000 kroner?", "protokoll-del-i"),
    ("Er det lov å tildele uten forhandlinger når vi har kunngjort konkurranse med forhandling?",
     "kmf-tildele-uten-forhandling"),
    ("Hva ligger i prinsippet om likebehandling?", "prinsipp-likebehandling"),
    ("Hva ligger i kravet til etterprøvbarhet?", "prinsipp-etterprovbarhet"),
    ("Hva ligger i forutberegnelighet?", "prinsipp-forutberegnelighet"),
    ("Når er et kjøp en ulovlig direkte anskaffelse?", "ulovlig-direkte-anskaffelse"),
    ("Kan en tapende leverandør stoppe at vi signerer kontrakten?", "leverandor-klage"),
])
def test_gap_questions_get_the_new_card(e5, question, card):
    settings, index = e5
    match = match_card(question, index, settings)
    assert match is not None and match.card.id == card, match and (match.card.id, match.score)


# The cards the new ones sit beside keep their own questions (asked in our words).
@pytest.mark.parametrize("question, card", [
    ("Kan vi ha en-til-en-møter med leverandører før vi kunngjør?", "markedsdialog-lov"),
    ("Kan vi dele opp anskaffelsen for å komme under terskelverdien?", "kontraktsverdi-oppdeling"),
    ("Hvordan beregner vi kontraktsverdien?", "kontraktsverdi-hele"),
    ("Kan vi kreve Svanemerket i kravspesifikasjonen?", "merkeordning-krav"),
    ("Hva er karensperiode?", "karensperiode"),
    ("Hvilke former for markedsdialog finnes?", "markedsdialog-former"),
    ("Kan vi utvide en kontrakt vi har signert uten ny konkurranse?", "kontrakt-utvidelse"),
])
def test_neighbouring_cards_keep_their_questions(e5, question, card):
    settings, index = e5
    match = match_card(question, index, settings)
    assert match is not None and match.card.id == card, match and (match.card.id, match.score)
