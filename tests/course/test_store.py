"""The course results store: classes, participants by token, every check kept, survives reopening, CSV export."""

from __future__ import annotations

import csv
import io
import threading

import pytest

from advisor.config import Settings
from advisor.course import EXPORT_FIELDS, NO_CLASS, open_results
from advisor.errors import InvalidInput


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home")


def test_results_survive_reopening_the_store(settings):
    store = open_results(settings)
    klass = store.create_class("Innkjøpskurs Bergen")
    kari = store.join(klass.code.lower(), "  Kari  ")
    store.record(kari, "case:case-001", "case", False, {"procedure": "open"})
    store.record(kari, "case:case-001", "case", True, {"procedure": "innovation_partnership"})
    reopened = open_results(settings)  # what a reload of the page does: a new session, the same file
    person = reopened.participant(kari.token)
    assert (person.name, person.class_code) == ("Kari", klass.code)
    [result] = reopened.results(participant=kari.token)
    assert (result.attempts, result.first_try_correct, result.latest_correct) == (2, False, True)
    assert result.latest_answer == {"procedure": "innovation_partnership"}


def test_class_view_lists_every_participant_with_counts(settings):
    store = open_results(settings)
    klass = store.create_class("Kurs")
    ola, kari, per = (store.join(klass.code, n) for n in ("Ola", "Kari", "Per"))
    store.record(ola, "need:ex-001", "need", True, {"text": "..."})
    store.record(ola, "case:case-002", "case", True, {"procedure": "open"})
    store.record(kari, "case:case-002", "case", False, {"procedure": "pcp"})
    rows = {s.name: (s.answered, s.correct, s.first_try_correct, s.attempts) for s in store.summary(klass.code)}
    assert rows == {"Ola": (2, 2, 2, 2), "Kari": (1, 0, 0, 1), "Per": (0, 0, 0, 0)}
    assert store.summary(NO_CLASS) == []  # practising alone is kept apart
    assert per.class_code == klass.code


def test_export_is_csv_with_a_row_per_participant_and_exercise_and_no_formulas(settings):
    store = open_results(settings)
    klass = store.create_class("Kurs")
    mallory = store.join(klass.code, "=HYPERLINK(\"http://x\")")
    store.record(mallory, "need:ex-001", "need", False, {"text": "+47 Vi trenger senger"})
    rows = list(csv.reader(io.StringIO(store.export_csv(klass.code))))
    assert tuple(rows[0]) == EXPORT_FIELDS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["participant"].startswith("'=") and row["latest_answer"].startswith("'+")
    assert (row["class_name"], row["exercise"], row["attempts"], row["latest_correct"]) == ("Kurs", "need:ex-001", "1", "false")


def test_hide_answers_is_a_property_of_the_class(settings):
    store = open_results(settings)
    klass = store.create_class("Kurs")
    store.set_hide_answers(klass.code, True)
    assert open_results(settings).get_class(klass.code).hide_answers is True


def test_bad_codes_names_and_tokens_are_refused(settings):
    store = open_results(settings)
    with pytest.raises(InvalidInput, match="class code"):
        store.join("OOOOOO", "Kari")  # O is not in the alphabet
    with pytest.raises(InvalidInput, match="class code"):
        store.join("ABCDEF", "Kari")  # well formed, but no such class
    with pytest.raises(InvalidInput, match="name"):
        store.join(NO_CLASS, " \u200b\t ")
    with pytest.raises(InvalidInput, match="participant"):
        store.participant("'; DROP TABLE course_attempts; --")
    with pytest.raises(InvalidInput, match="at most 60"):
        store.join(NO_CLASS, "x" * 61)


def test_deleting_a_class_removes_its_participants_and_answers(settings):
    store = open_results(settings)
    klass = store.create_class("Kurs")
    kari = store.join(klass.code, "Kari")
    store.record(kari, "case:case-001", "case", True, {})
    store.delete_class(klass.code)
    assert store.attempts(klass.code) == [] and store.participants(klass.code) == []
    with pytest.raises(InvalidInput):
        store.get_class(klass.code)


def test_a_class_of_twenty_answering_at_once_loses_nothing(settings):
    store = open_results(settings)
    klass = store.create_class("Kurs")
    people = [store.join(klass.code, f"Deltaker {n}") for n in range(20)]
    errors: list[BaseException] = []

    def answer(person) -> None:
        try:
            for n in range(10):
                store.record(person, f"case:case-{n:03d}", "case", n % 2 == 0, {"procedure": "open"})
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(store.attempts(klass.code)) == 200
    assert {s.answered for s in store.summary(klass.code)} == {10}
