"""The assessment page through streamlit.testing (AppTest), from a free-text description to the result.

The main flow used to end in `ValueError: too many values to unpack` (issue 19): the page kept the extracted notes
as plain strings and assess() takes (case key, note) pairs. These tests go to the end of the flow and read what the
user sees: the one-sentence verdict, the regulation, the contract value and the time limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from apptest import APP, app_environment, indexed_home
from streamlit.testing.v1 import AppTest

from advisor.ui import t

TIMEOUT = 60


@pytest.fixture(scope="module")
def app_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A state folder with the shipped corpus indexed (hash embedder), shared by the tests of this module."""
    return indexed_home(tmp_path_factory, "assessment-page-home")


@pytest.fixture
def env(app_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """ADVISOR_* for app.py: the indexed home, hash embeddings, no LLM, no admin, no advisor.toml."""
    with app_environment(monkeypatch, app_home, tmp_path) as home:
        yield home


def open_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    at.sidebar.radio(key="side").set_value("vurdering").run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, text_key: str) -> None:
    label = t(text_key, "nb")
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r} among {[b.label for b in at.button]}"
    matches[0].click().run()
    assert not at.exception, at.exception


def describe_and_assess(text: str) -> AppTest:
    """Describe the purchase → «Les opplysninger ut av beskrivelsen» → Neste → Neste → «Vurder anskaffelsen»."""
    at = open_page()
    at.text_area(key="as_w_need").set_value(text).run()
    click(at, "as_read_description")
    at.button(key="as_next_0").click().run()
    assert not at.exception, at.exception
    at.button(key="as_next_1").click().run()
    assert not at.exception, at.exception
    at.button(key="as_run").click().run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    return "\n".join(str(e.value) for group in (at.markdown, at.caption, at.info, at.warning, at.error) for e in group)


def test_free_text_flow_goes_to_the_end_and_shows_the_verdict_value_and_time_limits(env):
    at = describe_and_assess("Kommunen skal kjøpe renhold av skolene for 1,9 mill. kr per år i tre år. "
                             "Flere leverandører kan levere tjenesten.")
    text = shown(at)
    assert "Del I og III gjelder: 5,7 mill. kr (1,9 mill. kr per år × 3 år)" in text
    assert "1 900 000 kr per år × 3 år = 5 700 000 kr" in text  # the value and how it was worked out
    assert t("as_time_limits", "nb") in text and "30 dager" in text
    assert t("as_regime", "nb") in text and "anskaffelsesforskriften" in text
    assert "Tolket fra teksten" in text  # the readings stay visible as assumptions


def test_read_values_fill_the_value_step_including_period_and_term(env):
    at = open_page()
    at.text_area(key="as_w_need").set_value("Kommunen skal kjøpe avlastningstjenester for 2 350 000 kr per år i fire år.").run()
    click(at, "as_read_description")
    at.button(key="as_next_0").click().run()
    assert at.number_input(key="as_w_value_per_period_nok").value == 2_350_000
    assert at.radio(key="as_w_value_period").value == "year"
    assert at.number_input(key="as_w_duration_months").value == 48
    assert at.radio(key="as_w_health_social_services").value == "yes"
    at.button(key="as_next_1").click().run()
    at.button(key="as_run").click().run()
    assert not at.exception, at.exception
    assert "Del I og IV (kapittel 30) gjelder, ikke del III" in shown(at)


def test_a_huge_amount_in_the_description_is_reported_not_used(env):
    at = open_page()
    at.text_area(key="as_w_need").set_value("Kommunen skal kjøpe renhold for " + "9" * 320 + " kr.").run()
    click(at, "as_read_description")
    errors = [str(e.value) for e in at.error]
    assert any("for stort" in e for e in errors), errors
    at.button(key="as_next_0").click().run()
    assert at.number_input(key="as_w_estimated_value_nok").value is None


def test_utilities_and_contradicting_buyer_words_reach_the_result_as_regulation_and_question(env):
    at = describe_and_assess("Elvia AS, et nettselskap, skal kjøpe rydding av trær langs kraftledninger for 6 mill. kr. "
                             "Oppdragsgiver er både kommunal og statlig eid.")
    text = shown(at)
    assert "Forsyningsforskriften del I og II" in text and "ikke anskaffelsesforskriften" in text
    assert "konkurranse med forhandling" in text.lower()
