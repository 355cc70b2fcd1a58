"""Round 14 (sample 14's rewrite kinds, own wording): the buyer's own lawful requirements are kept, the people who
wear or use what is bought are not delivered, and a number that names a class or label is no value."""

from __future__ import annotations

from advisor.rewrite import rewrite_requirement
from advisor.rewrite.targets import measurable_targets


def _requirements(text, settings) -> list[str]:
    return rewrite_requirement(text, settings).functional_requirements


def test_a_label_given_with_or_equivalent_and_the_buyers_logo_are_kept(settings):
    reqs = _requirements("Etaten skal kjøpe 25 softshelljakker til feltarbeiderne. Jakkene skal være vindtette, og "
                         "stoffet skal være merket med Svanemerket eller tilsvarende. Etatens logo skal være brodert på "
                         "brystet.", settings)
    assert any(r.startswith("Stoffet skal være merket med Svanemerket eller tilsvarende") for r in reqs)
    assert any(r.startswith("Etatens logo skal være brodert på brystet") for r in reqs)


def test_a_label_without_or_equivalent_is_left_to_the_rewrite(settings):
    reqs = _requirements("Vi skal kjøpe 40 fleecejakker. Stoffet skal være sertifisert etter OEKO-TEX Standard 100.",
                         settings)
    assert not any(r.startswith("Stoffet skal være sertifisert etter OEKO-TEX Standard 100,") for r in reqs)


def test_the_wearers_are_covered_not_delivered(settings):
    reqs = _requirements("Kommunen skal kjøpe regntøy til 60 parkeringsbetjenter og 12 feltarbeidere.", settings)
    assert not any("omfatte 60 parkeringsbetjenter" in r for r in reqs)
    assert any("dekke 60 parkeringsbetjenter" in r for r in reqs)


def test_a_number_that_names_a_class_or_label_is_no_target():
    text = "Plaggene skal oppfylle klasse 3 etter NS-EN ISO 20471 og være sertifisert etter OEKO-TEX Standard 100 eller tilsvarende."
    assert [t.text for t in measurable_targets(text, [])] == []


def test_a_count_before_a_noun_is_still_a_target():
    assert [t.text for t in measurable_targets("Det skal leveres 12 stoler og 3 bord.", [])] == ["12", "3"]


def test_a_percentage_is_not_carried_by_a_labels_number():
    from advisor.rewrite.targets import missing_targets
    targets = measurable_targets("Stoffet skal være 100 % resirkulert polyester.", [])
    assert [t.text for t in missing_targets(targets, ["Sertifisert etter OEKO-TEX Standard 100 eller tilsvarende."])] == ["100 %"]
    assert missing_targets(targets, ["Minst 100 prosent resirkulert materiale."]) == []
