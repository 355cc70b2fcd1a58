"""Trainer material: its own folder, checked on load and before an upload is saved, never part of the CI gate."""

from __future__ import annotations

import pytest

from advisor.config import Settings
from advisor.course import MaterialError, delete_trainer_file, load_material, material_dir, save_trainer_file
from advisor.course.material import check_trainer_file

TRAINER_CASE = """
cases:
  - id: kurs-vaskeri
    title: "Vaskeri for sykehjemmene"
    situation: "Kommunen vil kjøpe vask av tøy for sykehjemmene for 3 mill. kr i fire år. Mange kan levere."
    input:
      need: "Rent tøy til beboerne hver dag"
      estimated_value_nok: 3000000
      buyer: municipal
      category: services
      market_has_solution: "yes"
      development_needed: false
      wants_to_buy_result: false
      can_specify_solution: true
      market_dialogue_done: false
    expected: {part: "III", innovative: false, procedure: open, acceptable_procedures: [open, restricted]}
    reasoning: "Over EØS-terskelen for kommuner [guide-terskelverdier]."
    sources: [guide-terskelverdier]
exercises:
  - id: kurs-ovelse-1
    domain: renhold
    original: "Vaskemidlene skal være fra Lilleborg."
    need_statement: "Vi har behov for rene lokaler med minst mulig belastning på helse og miljø."
    requirements: ["Midlene skal være miljømerket eller ha tilsvarende dokumentasjon."]
    problems: [brand, missing_or_equivalent]
"""

# The trainer says innovation partnership; the engine, with the market having the solution, says open competition.
DISAGREEING = TRAINER_CASE.replace("procedure: open, acceptable_procedures: [open, restricted]",
                                   "procedure: innovation_partnership").split("exercises:")[0]


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home")


def _write(settings: Settings, name: str, text: str) -> None:
    folder = material_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_trainer_cases_and_exercises_are_loaded_beside_the_shipped_ones(settings):
    shipped = load_material(settings)
    _write(settings, "mitt-kurs.yaml", TRAINER_CASE)
    material = load_material(settings)
    assert len(material.cases) == len(shipped.cases) + 1 and len(material.exercises) == len(shipped.exercises) + 1
    case = material.case("kurs-vaskeri")
    assert case.origin == "trainer" and case.file == "mitt-kurs.yaml" and not case.is_discussion
    assert material.exercise("kurs-ovelse-1").origin == "trainer"
    assert [(f.name, f.cases, f.exercises) for f in material.files] == [("mitt-kurs.yaml", 1, 1)]


def test_a_case_the_engine_disagrees_with_is_kept_as_a_discussion_case_with_the_engines_reasoning(settings):
    _write(settings, "diskusjon.yaml", DISAGREEING)
    case = load_material(settings).case("kurs-vaskeri")
    assert case.is_discussion
    assert "procedure" in case.engine.differences and case.engine.procedure == "open"
    assert case.assessment.procedure_reasons  # the engine's own reasoning, to show beside the trainer's


def test_the_shipped_case_bank_stays_the_gate_whatever_the_trainer_adds(settings):
    from advisor.evaluation.assess import run

    _write(settings, "diskusjon.yaml", DISAGREEING)
    result = run(settings, progress=False)
    assert result.metrics["case_bank_agreement"] == 1.0
    assert "kurs-vaskeri" not in {c["id"] for c in result.tables["case_bank"]}


@pytest.mark.parametrize("change,message", [
    (("procedure: open,", "procedure: anbud,"), "unknown procedure 'anbud'"),
    (("buyer: municipal", "buyer: kommune"), "kurs-vaskeri'.*input: invalid buyer"),
    (("estimated_value_nok: 3000000", "estimated_value_nok: tre millioner"), "estimated_value_nok"),
    (("part: \"III\"", "part: \"VII\""), "expected.part must be one of"),
    (("title:", "tittel:"), "unknown key\\(s\\) tittel"),
    (("sources: [guide-terskelverdier]", "sources: [guide-finnes-ikke]"), "source 'guide-finnes-ikke' is not a document"),
    (("problems: [brand, missing_or_equivalent]", "problems: [merke]"), "unknown problem type"),
    (("id: kurs-vaskeri", "id: case-001"), "case id 'case-001' is already used by the shipped case bank"),
    (("id: kurs-vaskeri", "id: ../../etc"), "'id' must be 1-60 letters"),
])
def test_a_broken_trainer_file_is_skipped_with_a_message_naming_file_entry_and_field(settings, change, message):
    _write(settings, "feil.yaml", TRAINER_CASE.replace(*change))
    material = load_material(settings)
    assert len(material.problems) == 1
    assert material.problems[0].startswith("feil.yaml")
    assert __import__("re").search(message, material.problems[0]), material.problems[0]
    assert not any(c.origin == "trainer" for c in material.cases)


@pytest.mark.parametrize("text,message", [
    ("cases: [", "not valid YAML: .* at line 1"),
    ("".join(f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['x'] * 9)}]\n"
             for p, k in zip(["", "a", "b", "c", "d", "e", "f"], "abcdefg", strict=True)) + "cases: [*g]\n",
     "aliases expand"),
    ("- 1\n- 2\n", "case 1 must be a mapping"),
    ("tittel: x\n", "expected a mapping with 'cases:'"),
    ("cases: []\nexercises: []\n", "no cases and no exercises"),
])
def test_unusable_yaml_is_refused_with_a_clear_error(settings, text, message):
    with pytest.raises(MaterialError, match=message):
        check_trainer_file(text, "opplastet.yaml", settings)


def test_an_upload_is_saved_only_when_every_entry_passes(settings):
    with pytest.raises(MaterialError, match="unknown procedure"):
        save_trainer_file(settings, "kurs.yaml", TRAINER_CASE.replace("procedure: open,", "procedure: anbud,").encode())
    assert not material_dir(settings).exists() or not list(material_dir(settings).iterdir())
    saved = save_trainer_file(settings, "../Mitt kurs.yaml", TRAINER_CASE.encode())
    assert (saved.name, saved.cases, saved.exercises) == ("Mitt kurs.yaml", 1, 1)
    assert (material_dir(settings) / "Mitt kurs.yaml").is_file()
    again = save_trainer_file(settings, "Mitt kurs.yaml", TRAINER_CASE.encode())  # a new version replaces the file
    assert again.name == "Mitt kurs.yaml" and len(load_material(settings).files) == 1
    with pytest.raises(MaterialError, match="already used by case in Mitt kurs.yaml"):
        save_trainer_file(settings, "kopi.yaml", TRAINER_CASE.encode())
    with pytest.raises(MaterialError, match="must be YAML"):
        save_trainer_file(settings, "kurs.exe", b"cases: []")
    delete_trainer_file(settings, "Mitt kurs.yaml")
    assert load_material(settings).files == []
