"""Wave 15 (own wording): the buyer's own lawful requirements (a label «eller tilsvarende», its logo, its delivery
terms) win over template requirements when the draft is full, and the targets said to be kept are in the list."""

from __future__ import annotations

from advisor.config import Settings
from advisor.rewrite import rewrite_requirement
from advisor.rewrite.offline import _STATEMENT_BREAK, _clauses, kept_requirements
from advisor.rewrite.rewriter import MAX_REQUIREMENTS, MIN_REQUIREMENTS, strip_non_requirements
from advisor.rewrite.targets import measurable_targets, missing_targets

# A full draft: a brand, a part, a label, a logo and delivery terms, on a purchase type with many templates.
_FULL = ("Vi skal kjøpe 80 Bergans vinterjakker med avtakbar hette. Jakkene skal være Svanemerket eller tilsvarende. "
         "Virksomhetens logo skal brodereres på armen etter den grafiske profilen. Levering senest 1. oktober, fritt "
         "levert sentrallageret.")


def test_kept_lawful_requirements_survive_a_full_draft(settings):
    reqs = rewrite_requirement(_FULL, settings).functional_requirements
    assert MIN_REQUIREMENTS <= len(reqs) <= MAX_REQUIREMENTS
    assert any(r.startswith("Jakkene skal være Svanemerket eller tilsvarende") for r in reqs)
    assert any(r.startswith("Virksomhetens logo skal brodereres på armen") for r in reqs)
    assert any("senest 1. oktober" in r and "fritt levert sentrallageret" in r for r in reqs)
    assert any("80 vinterjakker" in r for r in reqs)


def test_delivery_terms_are_kept_in_the_buyers_words():
    out = kept_requirements("Vi skal kjøpe 12 skap. Skapene leveres fritt levert skolen innen 3 uker etter bestilling.",
                            [], [])
    assert out == ["Leveransen skal følge disse leveringsvilkårene: skapene leveres fritt levert skolen innen 3 uker "
                   "etter bestilling."]


def test_delivery_without_a_time_or_place_is_not_a_term():
    assert kept_requirements("Varene leveres i papp.", [], []) == []


def test_a_house_letter_does_not_eat_the_next_word():
    assert strip_non_requirements("Varene skal leveres til Parkveien 4 innen to uker.") == "Varene skal leveres til innen to uker."
    assert "Parkveien" not in (strip_non_requirements("Varene skal leveres til Parkveien 4 B, innen to uker.") or "")


def test_statements_split_at_a_new_subject_with_its_own_skal():
    text = "Stolene skal være Möbelfakta-merket eller tilsvarende, og etatens logo skal stå på ryggen. Resten er fritt."
    pieces = [text[s:e].strip() for s, e in _clauses(text, _STATEMENT_BREAK)]
    assert pieces == ["Stolene skal være Möbelfakta-merket eller tilsvarende", "etatens logo skal stå på ryggen",
                      "Resten er fritt."]


def test_targets_said_kept_are_carried_by_a_requirement(settings):
    result = rewrite_requirement(_FULL, settings)
    carried = {t.text for t in measurable_targets(_FULL, [])} - {
        t.text for t in missing_targets(measurable_targets(_FULL, []), result.functional_requirements)}
    for label in result.kept_targets:
        assert any(label.startswith(c) for c in carried), label


_CROWDED = ("Vi skal kjøpe 30 Blåkläder arbeidsbukser med knelommer. Buksene skal være Svanemerket eller tilsvarende. "
            "Etatens logo skal trykkes på låret. Buksene skal passe til våre eksisterende knebeskyttere. Levering innen "
            "2 uker, fritt levert driftssentralen.")


def test_the_quantity_and_every_lawful_requirement_stay_when_they_fill_the_draft(settings):
    result = rewrite_requirement(_CROWDED, settings)
    reqs = result.functional_requirements
    assert MIN_REQUIREMENTS <= len(reqs) <= MAX_REQUIREMENTS
    for kept in ("30 arbeidsbukser", "Svanemerket eller tilsvarende", "Etatens logo skal trykkes på låret",
                 "passe til våre eksisterende knebeskyttere", "innen 2 uker, fritt levert driftssentralen"):
        assert any(kept in r for r in reqs), kept
    assert set(result.kept_targets) <= {"30 arbeidsbukser", "2 uker"}


def _llm_settings(tmp_path, server) -> Settings:
    return Settings(home=tmp_path, llm={"provider": "openai", "base_url": server.base_url, "max_retries": 0,
                                         "timeout_s": 5})


def test_an_llm_draft_that_drops_the_buyers_logo_gets_it_back(tmp_path):
    import json

    from llm_server import OpenAICompatibleServer

    text = "Vi skal kjøpe 50 refleksvester. Vestene skal ha etatens logo på ryggen, trykket etter den grafiske profilen."
    reply = json.dumps({"need_statement": "Vi har behov for at de ansatte blir sett i trafikken.",
                        "functional_requirements": ["Vestene skal gi synlighet i mørket, dokumentert med testrapport.",
                                                    "Leveransen skal omfatte 50 vester, kontrollert ved levering.",
                                                    "Vestene skal tåle minst 50 vask, dokumentert med testrapport.",
                                                    "Vestene skal finnes i størrelser fra S til XXL, kontrollert ved "
                                                    "levering."]},
                       ensure_ascii=False)
    with OpenAICompatibleServer(reply=reply) as server:
        reqs = rewrite_requirement(text, _llm_settings(tmp_path, server)).functional_requirements
    assert any(r.startswith("Vestene skal ha etatens logo på ryggen") for r in reqs)
