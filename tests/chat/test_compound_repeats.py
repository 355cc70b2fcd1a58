"""A compound question's parts are answered once: a later part whose answer only says again what an earlier part's
answer said (the exceptions card restating the main rule) is left out, but a part that adds a figure is kept."""

from __future__ import annotations

from types import SimpleNamespace

from advisor.chat.conversation import _says_again


def _answer(text: str, grounded: bool = True) -> SimpleNamespace:
    return SimpleNamespace(text=text, grounded=grounded)


MAIN = _answer("FOA § 7-9 krever at klima og miljø vektes med minst 30 % [1]. Plikten faller bort når anskaffelsen "
               "har et ubetydelig klimaavtrykk [2], og dere kan i stedet stille klimakrav i kravspesifikasjonen [3].")


def test_an_answer_that_restates_the_earlier_part_is_said_again():
    again = _answer("Nei, ikke alltid: hovedregelen i FOA § 7-9 er minst 30 % vekt på klima og miljø [1]. Plikten "
                    "faller bort når anskaffelsen har et ubetydelig klimaavtrykk [2], og dere kan stille klimakrav i "
                    "kravspesifikasjonen [3].")
    assert _says_again(again, [MAIN])


def test_a_part_with_its_own_figure_or_its_own_subject_is_kept():
    state = _answer("For statlige oppdragsgivere er terskelverdien 1,49 mill. kr [1].")
    municipal = _answer("For kommuner er terskelverdien 2,3 mill. kr [1].")
    assert not _says_again(municipal, [state])  # the same words, another figure
    assert not _says_again(_answer("Markedsdialog før kunngjøring er lov når alle behandles likt [1]."), [MAIN])
    assert not _says_again(MAIN, [])
    assert not _says_again(_answer("Kildene sier ikke noe om dette.", grounded=False), [MAIN])


def test_a_question_naming_the_other_regulation_gets_no():
    from advisor.chat.rules import _verdict_word

    question = "Vi er et energiselskap og skal kjøpe nettstasjoner for 60 mill. kr. Må vi følge anskaffelsesforskriften?"
    assert _verdict_word(question, "II", "nb", regime="utilities") == "Nei."
    assert _verdict_word(question, "III", "nb", regime="foa") == "Ja."
    assert _verdict_word("Må kommunen følge forsyningsforskriften?", "III", "nb", regime="foa") == "Nei."
    assert _verdict_word("Do we have to follow the public procurement regulation?", "II", "en", "utilities") == "No."
