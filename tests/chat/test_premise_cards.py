"""A message resting on a premise the sources say is wrong is answered by the card that corrects it (corpus/premises.yaml):
a programme that has ended, asked about as open («neste runde», a deadline, applying), in wording of our own."""

from __future__ import annotations

import pytest

from advisor.chat import ask
from advisor.chat.premises import load_premises, premise_card
from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.search import load_cards, open_index


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def test_every_premise_names_a_card_that_exists(corpus_hash_settings):
    premises = load_premises(corpus_hash_settings)
    cards = {card.id for card in load_cards(corpus_hash_settings)}
    assert premises and all(p.card in cards for p in premises)


@pytest.mark.parametrize(("message", "card"), [
    ("Vi planlegger å søke StartOff neste år. Hva må søknaden inneholde?", "startoff-ny-runde"),
    ("Når åpner påmeldingen til StartOff igjen?", "startoff-ny-runde"),
    ("Is there a deadline for joining StartOff?", "startoff-ny-runde"),
    ("Hva var StartOff?", None),  # asks what it was: no premise
    ("Hvem eide løsningene som ble laget i StartOff?", None),
])
def test_the_premise_is_read_from_its_wording(corpus_hash_settings, index, message, card):
    match = premise_card(message, index, corpus_hash_settings)
    assert (match.card.id if match else None) == card


def test_a_compound_message_on_an_ended_programme_gets_the_correction_first(corpus_hash_settings, index):
    answer = ask("Kommunen vil være med i neste StartOff-runde med et behov for bedre timebestilling. Hvor lang tid tar "
                 "et prosjekt, og når må søknaden være inne?", index, corpus_hash_settings)
    assert answer.route == "card" and answer.card_id == "startoff-ny-runde"
    assert answer.text.startswith("Nei, det kommer ingen ny runde av StartOff")
    assert "seks måneder" in answer.text  # what the method still offers


def test_a_premise_naming_a_missing_card_fails_with_the_file_and_id(tmp_path, corpus_hash_settings):
    corpus = tmp_path / "corpus"
    (corpus / "cards").mkdir(parents=True)
    for card_file in (corpus_hash_settings.corpus_dir / "cards").glob("*.yaml"):
        (corpus / "cards" / card_file.name).write_text(card_file.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "premises.yaml").write_text("- id: feil\n  says: 'noe'\n  card: finnes-ikke\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus)
    with pytest.raises(AdvisorError, match="finnes-ikke"):
        load_premises(settings)
