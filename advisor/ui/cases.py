"""The course material and results the app serves, loaded once per process and shared by every session.

The case bank and the worked examples are read by the library's own loaders (the assessment eval suite's case bank,
the rewriter's worked examples); the course page gets the whole course material (shipped plus the trainer's
folder, each case already checked against the engine) from advisor.course, cached until a file changes.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.assessment import load_case_bank
from advisor.config import Settings
from advisor.course import (
    CourseMaterial,
    ResultStore,
    load_material,
    material_stamp,
    open_results,
    results_path,
)
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


# The material is read and every case assessed once per process (about a second), not once per session: a class of
# 20 opening the page together would otherwise do it 20 times. A changed file gives a new stamp, so a new entry.
@st.cache_resource(show_spinner=False, max_entries=4)
def _material(key: str, stamp: tuple, _settings: Settings) -> CourseMaterial:
    return load_material(_settings)


def course_material(settings: Settings) -> CourseMaterial:
    """The course material (shipped and trainer files), shared by all sessions until a file changes."""
    return _material(settings.model_dump_json(), material_stamp(settings), settings)


@st.cache_resource(show_spinner=False, max_entries=4)
def _results(path: str, _settings: Settings) -> ResultStore:
    return open_results(_settings)


def results_store(settings: Settings) -> ResultStore:
    """The course results store (one per state folder and process)."""
    return _results(str(results_path(settings)), settings)
