"""The passage route on list questions (the whole list of the chosen passage, in order, cited) and on English questions
(one English line before the Norwegian quote). Issue 15."""

from __future__ import annotations

import re

import pytest

from advisor.answer import answer_question, is_list_question, strip_english_lead
from advisor.chat import ask, plan_question
from advisor.config import Settings
from advisor.corpus import Chunk
from advisor.evaluation.answers import citation_problems, sentence_support
from advisor.search import Hit, Index, open_index

SETTINGS = Settings(index={"embedding_backend": "hash"})
FORMS = ["aktivt be om råd fra leverandører, bransjen og forskningsmiljøer;", "ta imot råd dere ikke har bedt om;",
         "besøke messer og fagdager;", "informere om kommende anskaffelser og behov;",
         "invitere leverandørene til møter og konferanser;", "be om skriftlig informasjon (ofte kalt RFI);",
         "legge kravspesifikasjonen ut på høring på Doffin."]
MARKET = ("## Former for markedsdialog\n\nDFØ nevner blant annet disse formene for markedsdialog (DFØ, «Dialog»):\n\n"
          + "\n".join(f"- {form}" for form in FORMS) + "\n\nDe fleste dialoger begynner med skrivebordsundersøkelser.")


def _chunk(text: str, start: int = 0, section: str = "Markedsdialog › Former for markedsdialog",
           doc_id: str = "guide-dialog", title: str = "Markedsdialog før konkurransen") -> Chunk:
    return Chunk(chunk_id=f"{doc_id}-{start}", doc_id=doc_id, title=title, section=section, page=None, start=start,
                 end=start + len(text), text=text, kind="guidance", authority="official_guidance", as_of="2024-03-14",
                 language="nb", source=f"{doc_id}.md")


def _hits(*chunks: Chunk) -> list[Hit]:
    return [Hit(rank=i, score=1.0 / i, chunk=c) for i, c in enumerate(chunks, start=1)]


def _items(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("question", ["Hvilke former for markedsdialog finnes?", "Nevn formene for markedsdialog.",
                                      "Hva er de sju formene for markedsdialog?",
                                      "Which forms of market dialogue are there?"])
def test_a_list_question_is_recognised(question):
    assert is_list_question(question) and plan_question(question).kind == "list"


@pytest.mark.parametrize("question", ["Hva er markedsdialog?", "Kan vi ha markedsdialog?", "What is market dialogue?"])
def test_other_questions_are_not_list_questions(question):
    assert not is_list_question(question)


def test_a_list_question_gets_every_item_in_order_after_the_lead_in_each_cited():
    answer = answer_question("Hvilke former for markedsdialog nevner DFØ?", _hits(_chunk(MARKET)), SETTINGS)
    lines = answer.text.splitlines()
    assert lines[0] == "DFØ nevner blant annet disse formene for markedsdialog (DFØ, «Dialog») [1]:"
    assert [re.sub(r" \[1\]\.?$", "", item) for item in _items(answer.text)] == [f.rstrip(";.") for f in FORMS]
    assert all(line.rstrip(".").endswith("[1]") or line.endswith("[1]:") for line in lines)
    assert [c.doc_id for c in answer.citations] == ["guide-dialog"]
    assert all(share >= 0.6 for _, share in sentence_support(answer))


def test_the_same_passage_answers_a_question_that_is_not_a_list_question_in_sentences():
    answer = answer_question("Hva er skrivebordsundersøkelser i markedsdialog?", _hits(_chunk(MARKET)), SETTINGS)
    assert answer.grounded and not _items(answer.text)


def test_a_list_that_runs_over_a_chunk_border_comes_out_whole_with_each_item_cited_to_its_chunk():
    cut = MARKET.index("- invitere")
    first, second = _chunk(MARKET[:cut]), _chunk(MARKET[cut - 40:], start=cut - 40)
    answer = answer_question("Hvilke former for markedsdialog finnes?", _hits(first, second), SETTINGS)
    items = _items(answer.text)
    assert len(items) == len(FORMS)
    assert items[0].endswith("[1]") and items[-1].endswith("[2].")
    assert [c.chunk_id for c in answer.citations] == [first.chunk_id, second.chunk_id]


def test_a_long_list_is_cut_at_the_setting_and_the_answer_says_so():
    text = "Vilkårene for ordningen er disse (FOA § 99):\n\n" + "\n".join(
        f"{n}. vilkår nummer {n} om ordningen gjelder for leverandøren;" for n in range(1, 16))
    settings = SETTINGS.with_overrides(answer={"max_list_items": 12})
    answer = answer_question("Hvilke vilkår gjelder for ordningen?", _hits(_chunk(text, section="Vilkår")), settings)
    assert len(_items(answer.text)) == 12
    assert answer.text.endswith("(Listen har 15 punkter; de 12 første er vist.)")


def test_an_english_question_gets_an_english_lead_naming_the_norwegian_source():
    answer = answer_question("Which forms of market dialogue does DFØ mention?", _hits(_chunk(MARKET)), SETTINGS)
    lead, quote = answer.text.split("\n\n", 1)
    assert lead == ("The Norwegian source «Markedsdialog før konkurransen» lists 7 points under «Former for "
                    "markedsdialog» (quoted in Norwegian below).")
    assert len(_items(quote)) == 7
    assert strip_english_lead(answer.text) == quote


def test_an_english_yes_no_question_gets_the_verdict_of_the_source_in_english():
    text = ("Ja. Markedsdialog før konkurransen er lovlig så lenge leverandørene behandles likt og ingen får et "
            "urimelig fortrinn (DFØ, «Regler for dialog med markedet»).")
    chunk = _chunk(text, section="Markedsdialog › Kort svar: kan vi snakke med leverandører før vi kunngjør")
    answer = answer_question("Can we talk to suppliers before the tender?", _hits(chunk), SETTINGS)
    assert answer.text.startswith("Yes. The Norwegian source «Markedsdialog før konkurransen» answers this under "
                                  "«Kort svar: kan vi snakke med leverandører før vi kunngjør» (quoted in Norwegian below).")
    assert "Markedsdialog før konkurransen er lovlig" in answer.text
    assert all(share >= 0.6 for _, share in sentence_support(answer))


def test_a_norwegian_question_gets_no_english_lead():
    answer = answer_question("Er markedsdialog før konkurransen lovlig?", _hits(_chunk(
        "Ja. Markedsdialog før konkurransen er lovlig så lenge leverandørene behandles likt (DFØ).")), SETTINGS)
    assert answer.text.startswith("Markedsdialog før konkurransen er lovlig")


@pytest.fixture(scope="module")
def hash_index(corpus_hash_settings: Settings) -> Index:
    return open_index(corpus_hash_settings)


def test_the_whole_list_of_the_shipped_guidance_note_in_the_chat(corpus_hash_settings, hash_index):
    answer = ask("Hvilke forslag inneholder Prop. 147 L (2024–2025)?", hash_index, corpus_hash_settings)
    assert answer.route == "passage" and citation_problems(answer, hash_index) == []
    items = _items(answer.text)
    assert len(items) == 6 and "300 000" in items[0] and "sikkerhet og beredskap" in items[-1]


def test_a_list_question_gets_the_passage_list_rather_than_a_card_that_summarises_it(corpus_hash_settings, hash_index):
    """With the answer cards on (the product path): the guidance note's seven forms, not a card's summary."""
    settings = corpus_hash_settings.with_overrides(answer={"card_min_score": Settings().answer.card_min_score})
    answer = ask("Hvilke former for markedsdialog nevner DFØ?", hash_index, settings)
    assert answer.route == "passage" and answer.card_id is None
    items = _items(answer.text)
    assert len(items) == 7 and "RFI" in items[5] and citation_problems(answer, hash_index) == []


def test_a_part_after_a_list_starts_a_new_paragraph_in_a_compound_answer():
    from advisor.chat.conversation import _join_parts

    assert _join_parts(["Lead [1]:\n- a [1]\n- b [1].", "Next part [2]."]) == "Lead [1]:\n- a [1]\n- b [1].\n\nNext part [2]."
    assert _join_parts(["One [1].", "Two [2]."]) == "One [1]. Two [2]."


def test_a_list_question_takes_the_list_of_a_lower_hit_when_the_best_passage_has_none():
    # The prose passage's sentence matches the question best, but its section has no list.
    prose = _chunk("## Markedsdialog\n\nFormer for markedsdialog: DFØ nevner flere former for markedsdialog, og hvilke "
                   "former for markedsdialog som passer, avhenger av behovet.",
                   section="Markedsdialog › Hva er markedsdialog", doc_id="guide-prosa")
    listed = _chunk(MARKET, start=500)
    answer = answer_question("Hvilke former for markedsdialog nevner DFØ?", _hits(prose, listed), SETTINGS)
    assert [re.sub(r" \[\d+\]\.?$", "", item) for item in _items(answer.text)] == [f.rstrip(";.") for f in FORMS]
    assert {c.doc_id for c in answer.citations} == {"guide-dialog"}


def test_an_item_of_several_sentences_is_cited_after_each_sentence():
    text = ("## Vilkår\n\nBegge vilkårene må være oppfylt:\n\n1. **Hovedelementet er forskning og utvikling.** Mer enn halvparten av "
            "kontrakten gjelder ny kunnskap.\n2. **Oppdragsgiver betaler ikke alt.** Kostnaden deles med andre.\n")
    answer = answer_question("Hvilke vilkår gjelder for FoU-unntaket?",
                             _hits(_chunk(text, section="FoU › Vilkår", doc_id="guide-fou", title="FoU-unntaket")),
                             SETTINGS)
    items = _items(answer.text)
    assert items and all(len(re.findall(r"\[\d+\]", item)) == 2 for item in items), answer.text
    assert all(share >= 0.6 for _, share in sentence_support(answer))
