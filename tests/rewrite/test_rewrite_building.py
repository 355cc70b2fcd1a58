"""Building products and approvals: no requirement carried from the original is a fragment left by the removed
words, a named approval is kept with equivalents and other suitable proof, and insulation, floor coverings and pipes
are drafted as the performance of the building part, not as the material."""

from __future__ import annotations

import re

import pytest

from advisor.requirements import find_matches
from advisor.rewrite import rewrite_requirement
from advisor.rewrite.neutral import clean, is_substantive, neutralize

# A preposition or a participle with nothing after it but a conjunction or the end of the sentence.
FRAGMENT = re.compile(r"(?<!\w)(?:etter|ifølge|iht\.?|hos|mot|gjennom|dokumentert|produsert|sertifisert|levert|laget)"
                      r"\s*(?:og|eller|samt)?\s*[.,;]?$|(?<!\w)(?:etter|ifølge|hos|mot)\s+(?:og|eller|samt)(?!\w)", re.I)


@pytest.mark.parametrize("text", [
    "Isolasjonen skal være steinull produsert etter NS-EN 13162 og dokumentert med SINTEF Teknisk Godkjenning.",
    "Vinduene skal være produsert etter NS-EN 14351 og levert fra NorDan.",
    "Gulvbelegget skal være levert av Tarkett og ha sklisikring R10.",
    "Leverandøren skal ha fast kontoradresse i Bodø sentrum og være til stede på stedet minst tre dager per uke.",
    "Dørene skal være produsert hos Swedoor og ha lydklasse 35 dB.",
])
def test_a_carried_requirement_is_never_a_fragment_left_by_the_removed_words(text):
    neutral, _ = neutralize(text, find_matches(text))
    kept = clean(text)
    for sentence in (neutral, kept or ""):
        assert not FRAGMENT.search(sentence.rstrip(".")), sentence
        assert not re.search(r"\b(?:være|ha)\s+(?:og|ha|være)\b", sentence), sentence


def test_what_the_removal_leaves_reads_as_a_sentence():
    assert clean("Gulvbelegget skal være levert av Tarkett og ha sklisikring R10.") == "Gulvbelegget skal ha sklisikring R10."
    text = "Leverandøren skal ha fast kontoradresse i Bodø sentrum og være til stede på stedet minst tre dager per uke."
    assert neutralize(text, find_matches(text))[0].startswith("Leverandøren skal være til stede")


@pytest.mark.parametrize("text, proof", [
    ("Isolasjonen skal være steinull produsert etter NS-EN 13162 og dokumentert med SINTEF Teknisk Godkjenning.",
     "teknisk godkjenning"),
    ("Brannslukkerne skal være sertifisert av Nemko.", "akkreditert organ"),
    ("Heisene skal være TÜV-godkjent.", "akkreditert organ"),
])
def test_a_named_approval_is_kept_with_equivalents_and_other_proof(settings, text, proof):
    rewrite = rewrite_requirement(text, settings)
    kept = [r for r in rewrite.functional_requirements if proof in r]
    assert kept and all("tilsvarende" in r and "egnet" in r for r in kept), rewrite.functional_requirements
    assert not any("Mangler «eller tilsvarende»" in n for n in rewrite.notes), rewrite.notes
    assert not any("bestemt merke" in b.rule for b in rewrite.legal_basis)  # an approval is no brand
    note = next(b for b in rewrite.legal_basis if "sertifiseringsorgan" in b.rule)
    assert "akkreditert" in note.rule and note.citation.section.startswith("Testrapporter og sertifikater")
    assert "[beskriv behovet" in rewrite.need_statement or "godkjent" not in rewrite.need_statement


@pytest.mark.parametrize("text, must, must_not", [
    ("Isolasjonen skal være steinull produsert etter NS-EN 13162 og dokumentert med SINTEF Teknisk Godkjenning.",
     ["U-verdi", "euroklasse", "fukt", "lydisolasjon", "EPD"], "steinull"),
    ("Ytterveggen skal isoleres med 250 mm glassull fra Glava.", ["U-verdi", "250 mm"], "glassull"),
    ("Gulvene skal være 22 mm eikeparkett.", ["sklisikkert", "rengjøres", "22 mm"], "eik"),
    ("Avløpsrørene skal være av PVC.", ["driftstrykk", "tette", "levetid"], "PVC"),
])
def test_building_products_are_drafted_as_the_performance_of_the_building_part(settings, text, must, must_not):
    rewrite = rewrite_requirement(text, settings)
    joined = " ".join(rewrite.functional_requirements)
    for word in must:
        assert word in joined, (word, rewrite.functional_requirements)
    assert must_not not in (rewrite.need_statement + joined).lower(), joined
    assert "[beskriv behovet" not in rewrite.need_statement


def test_cleaning_a_floor_is_no_floor_covering_and_cladding_is_no_pipe(settings):
    assert "sklisikkert" not in " ".join(rewrite_requirement(
        "Gulvene i gangene skal skures med rondellmaskin hver fredag.", settings).functional_requirements)
    assert "driftstrykk" not in " ".join(rewrite_requirement(
        "Kledningen skal være godkjent av DNV.", settings).functional_requirements)


@pytest.mark.parametrize("text, expected", [
    ("Rørene skal være PE100 fra Pipelife, testet etter NS-EN 12201 og merket med CE.", "Rørene skal være merket med CE."),
    ("Maling skal være Jotun Lady og påføres i to strøk.", "Maling skal påføres i to strøk."),
    ("Kablene skal være levert av Nexans, produsert etter IEC 60502 og dokumentert med TÜV-sertifikat.",
     "Kablene skal være dokumentert med sertifikat fra et akkreditert organ, tilsvarende sertifikat eller annen egnet "
     "dokumentasjon."),
])
def test_joined_phrases_close_up_when_one_of_them_is_removed(text, expected):
    assert clean(text) == expected


@pytest.mark.parametrize("sentence", [
    "Isolasjonen skal være produsert etter og dokumentert.", "Betongen skal være levert fra.",
    "Rørene skal være og merket med CE.",
])
def test_a_fragment_is_not_a_requirement(sentence):
    assert not is_substantive(sentence)
    assert is_substantive("Døgnet skal deles i skift fra og med mandag etter avtale.")
