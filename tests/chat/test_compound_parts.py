"""A compound question with purchase facts: the rules answer the rules parts once, on the facts of the whole message,
and every other part is answered by its card or passage; no sentence twice; a term with options («2+1+1-avtale») is
read as the whole term; a procedure the buyer names gets its own verdict; facts from another part of the same message
are not «from earlier in the conversation»."""

from __future__ import annotations

import re

import pytest

from advisor.assessment import extract_case
from advisor.assessment.amounts import read_term
from advisor.chat import ask, plan_question
from advisor.chat.conversation import combine_answers
from advisor.chat.facts import read_facts
from advisor.chat.rules import _verdict_word, asks_rules_part, named_procedure, rules_answer
from advisor.search import open_index

PURCHASE = ("Vi er en kommune og skal kjøpe avlastningsplasser fra private, rundt 1,5 mill i året på en 2+1+1-avtale. "
            "Hvilken del av forskriften gjelder, og kan vi forbeholde konkurransen for ideelle?")


@pytest.fixture(scope="module")
def index(corpus_hash_settings):
    return open_index(corpus_hash_settings)


def _sentences(text: str) -> list[str]:
    body = text.split("\n\n")[0]
    return [re.sub(r"\s*\[[\d, ]+\]", "", s).strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])", body)]


@pytest.mark.parametrize(("text", "duration", "options"), [
    ("rundt 1,5 mill i året på en 2+1+1-avtale.", 24, 24),
    ("en 2 + 2-kontrakt", 24, 24),
    ("avtaleperiode 3+1", 36, 12),
    ("600 000 kr årlig, 3 år + 1.", 36, 12),
])
def test_a_term_with_options_is_read_from_its_short_form(text, duration, options):
    term = read_term(text)
    assert (term.duration_months, term.option_months) == (duration, options)


def test_a_sum_that_is_not_a_term_is_not_read_as_one():
    assert read_term("vi trenger 2+1 stoler til møterommet").duration_months is None


def test_the_value_of_a_plus_term_covers_the_options():
    case = extract_case(PURCHASE)
    assert (case.values["duration_months"], case.values["option_months"]) == (24, 24)


def test_a_scene_with_figures_splits_into_its_parts_and_keeps_the_scene():
    plan = plan_question(PURCHASE)
    assert plan.parts == ["Hvilken del av forskriften gjelder?", "Kan vi forbeholde konkurransen for ideelle?"]
    assert plan.scene.startswith("Vi er en kommune") and plan.compound


def test_only_parts_that_ask_what_the_rules_decide_are_rules_parts():
    assert asks_rules_part("Hvilken del av forskriften gjelder?")
    assert asks_rules_part("Kan vi bruke innovasjonspartnerskap på dette?")
    assert asks_rules_part("Holder det å hente inn tre tilbud?")
    assert not asks_rules_part("Kan vi forbeholde konkurransen for ideelle?")
    assert not asks_rules_part("Hva er kravene til hvordan konkurransen må gjennomføres?")


def test_each_part_of_a_purchase_question_is_answered_once_in_the_order_asked(corpus_hash_settings, index):
    answer = ask(PURCHASE, index, corpus_hash_settings)
    body = answer.text.split("\n\n")[0]
    assert answer.route == "rules"
    assert "6 mill. kr (1,5 mill. kr per år × 4 år)" in body  # the options count: four years, not an assumed term
    assert "varigheten er ikke oppgitt" not in body.lower()
    # The rules part first, then the part the rules do not answer (reserved competitions), cited.
    assert body.index("gjelder") < body.index("ideelle")
    assert any("ideelle" in c.text.lower() for c in answer.citations)
    assert body.count("Dere kan velge prosedyre") == 1
    sentences = _sentences(answer.text)
    assert len(sentences) == len(set(sentences))
    assert "Fra tidligere i samtalen" not in answer.text


def test_a_named_procedure_with_a_value_is_answered_once_and_another_part_by_the_sources(corpus_hash_settings, index):
    answer = ask("Kan vi bruke innovasjonspartnerskap på et kjøp til rundt 2 mill, og hvor mange partnere kan vi ha?",
                 index, corpus_hash_settings)
    assert answer.text.startswith("Ja, hvis")
    assert "passer åpen anbudskonkurranse best" not in answer.text
    assert answer.text.count("Del I og III gjelder") == 1
    assert "Fra tidligere i samtalen" not in answer.text
    sentences = _sentences(answer.text)
    assert len(sentences) == len(set(sentences))


def test_a_question_naming_a_procedure_gets_its_verdict_not_another_recommended(corpus_hash_settings):
    question = "Staten skal kjøpe et analyseverktøy for 4 mill. Hvilken del gjelder når vi vil bruke konkurransepreget dialog?"
    assert named_procedure(question) == "competitive_dialogue"
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Del I og III gjelder")
    assert "Om konkurransepreget dialog: ja, hvis" in answer.text and "13-2" in answer.text
    assert "best" not in answer.text


def test_whether_a_few_quotes_will_do_is_answered_for_that_alternative():
    question = "Holder det å hente inn tre tilbud, eller må vi kunngjøre?"
    assert _verdict_word(question, "III", "nb") == "Nei, det holder ikke."
    assert _verdict_word(question, "I", "nb") == "Ja, det kan holde."
    assert _verdict_word("Må vi kunngjøre?", "III", "nb") == "Ja."


def test_facts_of_another_part_of_the_message_are_not_from_earlier_in_the_conversation():
    message = read_facts("Vi er en kommune og skal kjøpe renhold for 3 mill. kr.")
    part = read_facts("Hva gjelder da?").inherit(message, same_message=True)
    assert part.values["estimated_value_nok"] == 3_000_000 and not part.inherited
    assert not any("Fra tidligere" in note for _, note in part.notes)
    earlier = read_facts("Hva gjelder da?").inherit(message)
    assert "estimated_value_nok" in earlier.inherited
    assert any(note.startswith("Fra tidligere i samtalen") for _, note in earlier.notes)


def test_combined_parts_say_no_sentence_twice_and_end_with_the_assumptions(corpus_hash_settings, index):
    # No buyer stated: the answer ends with that assumption (a part question keeps the assumptions the part rests on).
    first = ask("Vi skal kjøpe renhold for 3 mill. kr. Hvilken del gjelder?", index, corpus_hash_settings)
    second = ask("Hva er terskelverdien for kommuner?", index, corpus_hash_settings)
    combined = combine_answers("to spørsmål", [first, first, second])
    sentences = _sentences(combined.text)
    assert len(sentences) == len(set(sentences))
    assert "Forutsetninger:" in first.text and combined.text.split("\n\n")[0].rstrip().split(" Forutsetninger: ")[1]
    assert combined.text.split("\n\n")[0].index("Forutsetninger:") > combined.text.index(_sentences(second.text)[0][:30])


def test_a_compound_follow_up_with_a_short_rules_part_keeps_the_purchase_of_the_conversation(corpus_hash_settings, index):
    first = "Vi er en kommune og skal kjøpe brøyting for 900 000 kr i året på en 2+1-avtale. Må vi kunngjøre?"
    history = ((first, ask(first, index, corpus_hash_settings).text),)
    answer = ask("Hvilken del gjelder da, og kan vi kreve at leverandøren har lokalkontor i kommunen?", index,
                 corpus_hash_settings, history=history)
    assert answer.route == "rules" and answer.text.startswith("Del I og III gjelder: 2,7 mill. kr")
    assert "Fra tidligere i samtalen" in answer.text  # here the facts did come from an earlier turn


@pytest.mark.parametrize(("question", "part", "word"), [
    ("Er vi under EØS-terskelen?", "III", "Nei."),
    ("Er vi under EØS-terskelen for bygg og anlegg?", "II", "Ja."),
    ("Holder det med en tilbudskonkurranse med forhandling?", "III", "Nei."),
    ("Holder det med en tilbudskonkurranse?", "II", "Ja."),
])
def test_under_the_threshold_and_a_part_ii_procedure_get_the_yes_or_no_the_part_gives(question, part, word):
    assert _verdict_word(question, part, "nb") == word


def test_a_part_ii_procedure_named_for_a_part_iii_purchase_is_said_to_be_unavailable(corpus_hash_settings):
    question = ("Helseforetaket skal kjøpe pasientsenger for 2,8 mill. eks. mva. "
                "Holder det med en tilbudskonkurranse med forhandling?")
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Nei."), answer.text
    assert "kan ikke brukes når del III gjelder" in answer.text and re.search(r"gjelder \[\d", answer.text), answer.text


@pytest.mark.parametrize("question", [
    "Held det å spørje tre lokale entreprenørar direkte?",
    "Er det nok å spørre tre firma?",
    "Kan vi bare spørre tre direkte?",
    "Kan vi ta kontakt med noen få leverandører?",
    "Is it enough to ask three suppliers?",
])
def test_asking_a_few_suppliers_directly_is_answered_like_a_few_quotes(question):
    assert _verdict_word(question, "II", "en" if question.startswith("Is") else "nb") in (
        "Nei, det holder ikke.", "No, that is not enough.")
    assert _verdict_word(question, "I", "nb") == "Ja, det kan holde."


def test_asking_a_few_suppliers_for_advice_is_not_read_as_the_competition():
    assert _verdict_word("Kan vi spørre tre leverandører om råd?", "II", "nb") != "Nei, det holder ikke."


def test_a_nynorsk_works_question_above_the_notice_threshold_gets_no(corpus_hash_settings):
    question = "Vi er ein kommune og skal byggje ei gangbru for 5 mill. kr. Held det å spørje tre lokale entreprenørar direkte?"
    answer = rules_answer(question, read_facts(question), corpus_hash_settings)
    assert answer is not None and answer.text.startswith("Nei, det holder ikke. Del I og II gjelder")
    assert "bygge- og anleggskontrakter" in answer.text


def test_a_part_that_only_asks_whether_the_scene_is_allowed_keeps_the_scene():
    question = ("Vaktmesteren vil ha samme type snøfreser som før, og vi tenkte å skrive typebetegnelsen rett inn. "
                "Er det lov? Hvordan beskriver vi heller behovet?")
    plan = plan_question(question, "nb")
    assert plan.parts == [
        "Vaktmesteren vil ha samme type snøfreser som før, og vi tenkte å skrive typebetegnelsen rett inn. Er det lov?",
        "Hvordan beskriver vi heller behovet?",
    ]
    english = plan_question("We always bought the same brand of printers. Is that allowed? What should we write?", "en")
    assert english.parts[0] == "We always bought the same brand of printers. Is that allowed?"


def test_a_regulation_named_in_a_question_is_asked_about_not_stated(corpus_hash_settings, index):
    # Naming forsyningsforskriften in the question does not make a school-book purchase a utility's.
    asked = extract_case("Kommunen skal kjøpe lærebøker for 3 mill. kr. Er det forsyningsforskriften som gjelder?")
    assert asked.values.get("regime") in (None, "foa")
    stated = extract_case("Vi følger forsyningsforskriften og skal kjøpe målere for 3 mill. kr.")
    assert stated.values.get("regime") == "utilities"
    # A utility asking whether its regulation applies gets that answered first, with a yes.
    answer = ask("Det interkommunale vannverket skal kjøpe nye pumper for 5 mill. kr. Er det forsyningsforskriften som "
                 "gjelder, og kan vi forhandle?", index, corpus_hash_settings)
    assert answer.text.startswith("Ja. Forsyningsforskriften")


def test_a_rules_answer_says_what_it_read_once_without_a_general_note(corpus_hash_settings, index):
    from advisor.chat.rules import RULES_NOTE

    answer = ask("Kommunen skal kjøpe brøyting for 1,2 mill. kr i året i tre år. Hvilken del gjelder?", index,
                 corpus_hash_settings)
    assert answer.route == "rules"
    # «brøyting» is read as services: the one sentence on what was taken as given, once.
    assert sum(n.startswith("Vi har regnet med at") for n in answer.notes) == 1
    assert RULES_NOTE["nb"] not in answer.notes


def test_a_cards_yes_under_a_threshold_is_not_a_bare_yes_beside_a_value_over_it(corpus_hash_settings, index):
    answer = ask("Vi er en kommune som skal kjøpe avlastning for barn for 2,5 mill. kr i året i fire år. Hvilken del "
                 "gjelder, og kan vi reservere konkurransen for ideelle?", index, corpus_hash_settings)
    assert "del I og IV" in answer.text.split("\n\n")[0]
    assert "Ja, under terskelen" not in answer.text


def test_a_procedure_verdict_after_the_part_verdict_names_what_it_answers(corpus_hash_settings, index):
    answer = ask("Fjernvarmeselskapet skal kjøpe nye pumper for 6 mill. kr. Er det forsyningsforskriften som gjelder, "
                 "og kan vi forhandle?", index, corpus_hash_settings)
    assert answer.text.startswith("Ja. Forsyningsforskriften")
    assert "Om konkurranse med forhandling: " in answer.text
    assert ". Ja. " not in answer.text


def test_a_lead_in_before_a_colon_is_a_statement_and_both_questions_are_parts():
    # «trenger tall til …: hvor mye …, og hvor …?»: the lower-case lead-in ends at the colon
    parts = plan_question("trenger noen tall til møtet: hvor mange kunngjøringer brukte konkurransepreget dialog, og hva "
                          "er terskelverdien for kommuner?").parts
    assert parts == ["Hvor mange kunngjøringer brukte konkurransepreget dialog?", "Hva er terskelverdien for kommuner?"]


def test_when_with_the_verb_first_asks_when_and_the_question_is_split():
    # «Når har vi lov til …» asks when (verb before subject); «Når vi har …, må vi …?» is a condition
    parts = plan_question("Når har vi lov til å bruke konkurransepreget dialog, og hvordan velger vi mellom den og "
                          "konkurranse med forhandling?").parts
    assert len(parts) == 2 and parts[0].startswith("Når har vi lov")
    assert len(plan_question("Når vi har kunngjort konkurransen, kan vi da endre kravene?").parts) == 1


@pytest.mark.parametrize(("question", "second"), [
    ("Er markedsdialog lov, og hvis en leverandør har hjulpet oss med kravene, kan den levere tilbud?",
     "Hvis en leverandør har hjulpet oss med kravene, kan den levere tilbud?"),
    ("Is a supplier day allowed, and if a vendor drafts part of the specification, may it still bid?",
     "If a vendor drafts part of the specification, may it still bid?"),
])
def test_a_condition_after_and_opens_a_second_question_and_stays_with_it(question, second):
    parts = plan_question(question).parts
    assert len(parts) == 2 and parts[1] == second


def test_when_may_we_use_it_names_the_procedure_the_scene_names():
    plan = plan_question("Kommunen vurderer konkurransepreget dialog for et nytt skolesystem. Når kan vi bruke den, og "
                         "hvor mange leverandører må vi invitere?")
    assert plan.parts[0] == "Når kan vi bruke konkurransepreget dialog?"
    plan = plan_question("Kommunen har et behov. Når kan vi bruke den, og hvor mange leverandører må vi invitere?")
    assert plan.parts[0] == "Når kan vi bruke den?"  # no procedure named: the part stays as asked


@pytest.mark.parametrize(("scene", "named"), [
    ("Vi vurderer KPD for et nytt fagsystem.", "KPD"),  # an abbreviation stays as written
    ("Fylket ser på innovasjonspartnarskap for nye ferjer.", "innovasjonspartnarskap"),  # nynorsk
    ("Vi vurderer anbudskonkurranse med forhandling for renhold.", "anbudskonkurranse med forhandling"),
    ("Vi vurderer en førkommersiell anskaffelse av sensorer.", "førkommersiell anskaffelse"),
])
def test_when_may_we_use_it_takes_any_spelling_of_the_procedure(scene, named):
    plan = plan_question(f"{scene} Når kan vi bruke den, og hva må vi dokumentere?")
    assert plan.parts[0] == f"Når kan vi bruke {named}?"


def test_lowest_price_alone_in_an_innovation_partnership_is_answered_no(corpus_hash_settings):
    index = open_index(corpus_hash_settings)
    answer = ask("Kan vi tildele kontrakten i et innovasjonspartnerskap på laveste pris alene?", index,
                 corpus_hash_settings)
    assert answer.text.startswith("Nei, i et innovasjonspartnerskap kan kontrakten bare tildeles"), answer.text


def test_can_we_do_this_keeps_the_scene_it_points_to():
    plan = plan_question("We want to pay two firms to build competing prototypes of a snow-clearing robot. Can we do "
                         "this without a tender, and what if we buy the robot later?")
    assert plan.parts[0].startswith("We want to pay two firms") and plan.parts[0].endswith("without a tender?")
    plan = plan_question("Vi vil betale to firma for å lage hver sin prototype. Kan vi gjøre dette uten konkurranse, og "
                         "hva skjer om vi vil kjøpe løsningen senere?")
    assert plan.parts[0].startswith("Vi vil betale to firma")
