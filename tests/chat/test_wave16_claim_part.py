"""A claim check asked on its own («Stemmer det?») before other questions is a part of its own, with the claim."""
from advisor.chat.plan import plan_question


def test_a_bare_claim_check_before_other_questions_is_its_own_part_with_the_claim():
    message = ("Vi skal kjøpe nye nøkkelskap for 900 000 kr. Innkjøpssjefen sier at vi ikke kan nevne miljømål i "
               "konkurransegrunnlaget. Stemmer det? Og hvilken del av forskriften gjelder?")
    plan = plan_question(message, "nb")
    assert plan.compound
    assert plan.parts[0].startswith("Innkjøpssjefen sier") and plan.parts[0].endswith("Stemmer det?")
    assert plan.parts[1] == "Hvilken del av forskriften gjelder?"


def test_two_short_questions_without_a_claim_check_stay_whole():
    message = "Vi skal kjøpe stoler for 400 000 kr. Går det an? Hva da?"
    assert len(plan_question(message, "nb").parts) == 1
