"""The course material the app offers: the case bank and the worked requirement examples, read by the library's
own loaders (the assessment eval suite's case bank, the rewriter's worked examples)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.assessment import load_case_bank
from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.rewrite import EXAMPLES_PATH, Example, load_worked_examples


@st.cache_data(show_spinner=False)
def _case_bank(corpus_dir: str, stamp: float, _settings: Settings) -> list[dict[str, Any]]:
    return load_case_bank(_settings)


def load_cases(settings: Settings) -> list[dict[str, Any]]:
    """The case bank (corpus/cases/cases.yaml) as loaded by the assessment eval suite; [] when absent."""
    path = settings.corpus_dir / "cases" / "cases.yaml"
    return _case_bank(str(settings.corpus_dir), path.stat().st_mtime if path.is_file() else 0.0, settings)


def case_by_id(settings: Settings, case_id: str) -> dict[str, Any]:
    """One case of the bank by id."""
    for case in load_cases(settings):
        if case.get("id") == case_id:
            return case
    raise AdvisorError(f"no case {case_id!r} in the case bank")


def worked_examples(settings: Settings) -> list[Example]:
    """The worked examples (corpus/examples/requirements.yaml) as the rewriter reads them; [] when the file is absent."""
    if not (settings.corpus_dir / EXAMPLES_PATH).is_file():
        return []
    return load_worked_examples(settings)
