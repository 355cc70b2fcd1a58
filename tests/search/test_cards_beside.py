"""Cards on questions a buyer asks beside the threshold and part question (corpus/cards/vurderinger-ved-siden-av.yaml):
a buyer's own wording, short or inside a longer message, gets the card, and a neighbouring question keeps its card."""

from __future__ import annotations

import pytest

from advisor.search import match_card, open_index


@pytest.fixture(scope="module")
def e5(corpus_e5_settings):
    return corpus_e5_settings, open_index(corpus_e5_settings)


@pytest.mark.parametrize("question, card", [
    ("Tildelingsbrevet sier at vi svarer på alle klager før signering. En tilbyder har klaget. Kan vi signere nå?",
     "karens-lofte-klage"),
    ("Juristen vår frykter at vi blir bundet av gevinstene vi beskriver i konkurransegrunnlaget. Bør vi droppe dem?",
     "gevinster-i-konkurransegrunnlaget"),
    ("Kan vi bruke dagens meny som kravspesifikasjon når vi skal kjøpe kantinedrift?", "kantine-meny-krav"),
    ("Vi finansierer hele utviklingsprosjektet og får alle rettighetene. Er det en FoU-kontrakt etter § 2-5?",
     "fou-unntak-alt-betalt"),
    ("Vi skal kjøpe en prototypmaskin laget utelukkende for et forskningsforsøk. Må den kunngjøres?",
     "forskningsvare-uten-kunngjoring"),
    ("Kan en ny organisering av arbeidet i barnehagene regnes som innovasjon etter forskriften?",
     "innovasjon-ikke-bare-teknologi"),
    # Known miss at commit time: the white paper's own cards (meldst30-*) win this short wording.
    pytest.param("Er kommunen juridisk forpliktet av stortingsmeldingen om innovasjon?",
                 "stortingsmelding-ikke-bindende", marks=pytest.mark.xfail(strict=True, reason="meldst30-definisjon")),
    ("Teller kjøpet etter utviklingsfasen med i verdien av innovasjonspartnerskapet vårt?", "ip-verdi-med-kjop"),
    ("Skal premiepengene i designkonkurransen regnes inn i verdien?", "designkonkurranse-premier-verdi"),
    ("Kan vi forhandle med leverandørene i en konkurranse om sykehjemsplasser til 20 millioner?",
     "helse-sosial-forhandling"),
    ("Må vi kreve at maten er norskprodusert, eller er det ulovlig å stille krav om opprinnelse?", "opprinnelse-krav"),
    ("Kan vi beskrive scenarioene løsningen skal takle i stedet for å beskrive løsningen?",
     "scenarioer-i-stedet-for-losning"),
])
def test_a_buyers_wording_gets_the_card(e5, question, card):
    settings, index = e5
    match = match_card(question, index, settings)
    assert match is not None and match.card.id == card, match and (match.card.id, match.score)


@pytest.mark.parametrize("question, card", [
    ("Må vi forlenge karensperioden når en leverandør klager?", "karens-forlenge"),
    ("Hvilke vilkår gjelder for FoU-unntaket?", "fou-unntak-vilkar"),
    ("Hvordan definerer forskriften innovasjon?", "innovasjon-definisjon"),
    ("Hva er terskelverdien for helse- og sosialtjenester?", "terskel-helse-sosial"),
    ("Kan vi skrive et bestemt merkenavn i kravspesifikasjonen?", "merkenavn"),
])
def test_neighbouring_questions_keep_their_cards(e5, question, card):
    settings, index = e5
    match = match_card(question, index, settings)
    assert match is not None and match.card.id == card, match and (match.card.id, match.score)
