"""Round 17: the purchase type has a confidence; a weak best type (its word only on what the thing must fit, a
compound on a specialised word, a setting the type does not cover) gives the general draft and a question for the
facts instead of another product's template."""

from __future__ import annotations

import pytest

from advisor.rewrite import rewrite_requirement
from advisor.rewrite.domains import TYPE_CONFIDENCE_FLOOR, load_purchase_types, type_confidence


def _type(settings, type_id: str):
    return next(t for t in load_purchase_types(settings) if t.id == type_id)


@pytest.mark.parametrize("text, closest", [
    ("Observatoriet skal ha et nytt kamera for nattehimmelen.", None),          # a setting no type covers
    ("Turnusplanverktøyet skal sende varsel om ledige vakter.", "verktøy"),   # a hand-tool word inside a software name
    ("Nye dørhåndtak skal passe til dagens Salto-system.", "fagsystem"),      # the type's word only on what is owned
])
def test_a_weak_type_gives_the_general_draft_and_asks_for_the_facts(settings, text, closest):
    rewrite = rewrite_requirement(text, settings)
    assert not any(n.startswith("Behov og krav bygger på innkjøpstypen") for n in rewrite.notes)
    if closest:
        assert rewrite.purchase_type == closest and rewrite.type_confidence < TYPE_CONFIDENCE_FLOOR
        assert any(q.startswith("Hva skal kjøpes, hvem skal bruke det") and f"«{closest}»" in q
                   for q in rewrite.questions_for_buyer)
        assert any("sikkerheten for valget var bare" in n for n in rewrite.notes)
    # the general draft still has three verifiable requirements
    assert len(rewrite.functional_requirements) >= 3


def test_a_planetarium_projector_is_no_meeting_room(settings):
    rewrite = rewrite_requirement("Planetariet skal ha en ny projektor som fyller hele kuppelen med bilde.", settings)
    assert rewrite.purchase_type == "møterom" and rewrite.type_confidence < TYPE_CONFIDENCE_FLOOR
    assert not any("deltar på video" in r for r in [rewrite.need_statement, *rewrite.functional_requirements])


@pytest.mark.parametrize("text, type_id", [
    ("Møterommene i tredje etasje skal ha projektor og mikrofoner.", "møterom"),
    ("Hvert klasserom skal få en projektor.", "møterom"),
    ("Kommunen skal kjøpe 25 bærbare PC-er til saksbehandlerne.", "pc"),
    ("Korttidsavdelingen skal ha fire nye senger.", None),
])
def test_a_sure_type_is_used_with_full_confidence(settings, text, type_id):
    rewrite = rewrite_requirement(text, settings)
    if type_id:
        assert rewrite.purchase_type == type_id
    assert rewrite.type_confidence is None or rewrite.type_confidence >= TYPE_CONFIDENCE_FLOOR
    assert not any("sikkerheten for valget var bare" in n for n in rewrite.notes)


def test_confidence_is_a_score_with_its_reason(settings):
    meeting = _type(settings, "møterom")
    assert type_confidence("Møterommet skal ha en projektor.", meeting) == (1.0, "")
    score, reason = type_confidence("Planetariet skal ha en projektor.", meeting)
    assert score == 0.5 and reason == "Planetariet"
