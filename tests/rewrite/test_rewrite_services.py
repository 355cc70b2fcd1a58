"""Services rewritten as services: presence becomes availability, certifications and years become competence shown
by comparable assignments, verification fits what is bought, and the buyer questions of a purchase type come first."""

from __future__ import annotations

import re

import pytest

from advisor.requirements import analyze_requirement
from advisor.rewrite import rewrite_requirement
from advisor.rewrite.rewriter import with_verification

GOODS_PROOF = re.compile(r"datablad|vareprøve|testrapport", re.IGNORECASE)


def test_days_on_site_become_meetings_when_needed_and_answers_in_time_not_a_data_sheet(settings):
    rewrite = rewrite_requirement("Rådgiverne skal ha kontor i Tromsø sentrum og være til stede minst fire dager per uke.",
                                  settings)
    joined = " ".join(rewrite.functional_requirements)
    assert "fire dager per uke" not in joined  # the count of days is not carried over as a target
    assert re.search(r"kontaktperson", joined) and re.search(r"varslet minst \[antall\] virkedager", joined)
    assert not any(GOODS_PROOF.search(r) for r in rewrite.functional_requirements)
    assert any("fire dager per uke" in q for q in rewrite.questions_for_buyer)  # the buyer is asked what it is for
    assert any("oppmøte et fast antall dager" in b.rule for b in rewrite.legal_basis)
    assert not any("opprinnelse" in b.rule for b in rewrite.legal_basis)  # not read as the origin of goods


def test_a_method_certification_and_years_become_competence_from_comparable_assignments(settings):
    rewrite = rewrite_requirement("Prosjektlederen må være ITIL-sertifisert og ha minst 12 års erfaring med Unit4.", settings)
    competence = rewrite.functional_requirements[0]
    assert competence.startswith("Prosjektlederen skal ha kompetanse")
    assert "sammenlignbare oppdrag" in competence and "ITIL eller tilsvarende" in competence
    assert "Unit4 eller tilsvarende systemer" in competence
    assert "minst 12 års erfaring" in competence and "begrunne" in competence  # kept only if justified
    assert "12 års" in rewrite.targets  # a bare number is named with what it counts
    assert "prosjektledelse" in " ".join(rewrite.notes)  # the project management template, not a software system


@pytest.mark.parametrize("text, kind", [
    ("Prosjektlederen skal være PRINCE2-sertifisert.", "certification"),
    ("Servicedesken skal bemannes av personell med ITIL Foundation-sertifikat.", "certification"),
    ("Teamet må ha en Scrum Master-sertifisert leder.", "certification"),
])
def test_the_analyzer_finds_a_named_certification_of_people(settings, text, kind):
    findings = analyze_requirement(text, settings).findings
    assert [(f.category, f.kind) for f in findings] == [("missing_or_equivalent", kind)]
    assert "sammenlignbare oppdrag" in findings[0].explanation and findings[0].instead


@pytest.mark.parametrize("text", [
    "Prosjektlederen skal være sertifisert i PRINCE2 eller tilsvarende.",
    "Prosessen for hendelseshåndtering skal være basert på ITIL.",  # a framework followed, not a certificate
    "PRINCE2-sertifisering vektlegges i tildelingen, men er ikke et krav.",
])
def test_a_certification_with_room_for_equivalents_or_a_framework_is_no_finding(settings, text):
    assert not [f for f in analyze_requirement(text, settings).findings if f.kind == "certification"]


def test_experience_with_a_named_product_is_a_note_on_what_it_ties_to(settings):
    findings = analyze_requirement("Konsulentene skal ha erfaring med Visma.", settings).findings
    assert [f.severity for f in findings] == ["low"]
    assert "tilsvarende systemer" in findings[0].explanation


@pytest.mark.parametrize("kind, words", [
    ("services", "metodebeskrivelse"), ("goods", "datablad"), ("works", "overlevering"),
])
def test_verification_fits_what_is_bought(kind, words):
    assert words in with_verification("Leverandøren skal gjøre [oppgaven].", kind)


def test_without_a_kind_service_wording_gets_a_service_verification():
    assert "CV-er" in with_verification("Konsulenten skal svare innen [timer].")
    assert "datablad" in with_verification("Produktet skal veie høyst [kg].")


@pytest.mark.parametrize("text", [
    "Det skal kjøpes rådgivning om omorganisering av hjemmetjenesten.",
    "Prosjektleder skal lede innføringen av nytt sak- og arkivsystem.",
    "Kommunen skal kjøpe en utredning av framtidig skolestruktur.",
])
def test_a_purchase_type_asks_its_own_questions_first_and_few_generic_ones(settings, text):
    rewrite = rewrite_requirement(text, settings)
    questions = rewrite.questions_for_buyer
    assert 1 <= len(questions) <= 5
    generic = [q for q in questions if q.startswith(("Hvem skal bruke løsningen", "Hvilket problem skal løses",
                                                     "Hvordan vil dere måle"))]
    assert questions[0] not in generic  # the type's own question comes before any generic one
    assert "Hvilket problem skal løses, og hva skjer i dag når det ikke er løst?" not in questions  # asked as a decision
    assert len(questions) <= 4
    assert not any(GOODS_PROOF.search(r) for r in rewrite.functional_requirements)
