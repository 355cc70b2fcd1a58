"""Wave 15 (own wording): renewing or extending licences for software the buyer already runs is continued use of that
installation (users, term, start date, licence reporting); the product's name is a lawful reference to it, and a
reseller named for the licences is the finding."""

from __future__ import annotations

from advisor.requirements import find_matches, read_purchase_object, renewed_product
from advisor.rewrite import rewrite_requirement

_RENEW = ("Etaten skal fornye lisensene til Tableau Creator for vår eksisterende installasjon for 15 brukere i ett år fra "
          "1. juni. Lisensene skal kjøpes gjennom Crayon.")


def _strong(text):
    return [(m.category, m.kind, text[m.start:m.end]) for m in find_matches(text) if m.severity != "low"]


def test_the_renewed_product_is_a_lawful_reference_and_the_reseller_the_finding():
    strong = _strong(_RENEW)
    assert not any("Tableau" in span for _, _, span in strong)
    assert ("supplier", "reseller", "Crayon") in strong


def test_an_unknown_reseller_is_found_by_its_cue():
    text = "Vi skal utvide abonnementet på Miro for 60 brukere via Datakompaniet Nord AS."
    assert ("supplier", "reseller", "Datakompaniet Nord AS") in _strong(text)


def test_a_new_purchase_naming_a_product_is_still_flagged():
    assert any("Tableau" in span for _, _, span in _strong("Vi skal kjøpe Tableau Creator til analyseteamet."))


def test_renewed_product_reads_the_name_after_the_licences():
    assert renewed_product("Vi må forlenge lisensene for ArcGIS Pro med to år.") == "ArcGIS Pro"
    assert renewed_product("Vi skal kjøpe nye lisenser.") == ""


def test_bought_through_is_no_object():
    assert read_purchase_object("Kommunen vil utvide lisensene. Lisensene skal kjøpes gjennom Crayon.") is None


def test_the_draft_continues_the_existing_installation(settings):
    result = rewrite_requirement(_RENEW, settings)
    reqs = result.functional_requirements
    assert "eksisterende installasjonen av Tableau Creator" in result.need_statement
    assert any("15 brukere i den eksisterende installasjonen av Tableau Creator" in r for r in reqs)
    assert any("fra 1. juni i ett år" in r for r in reqs)
    assert any("tildelte og ubrukte lisenser" in r for r in reqs)
    assert not any("oppetid" in r.lower() or "eksport" in r.lower() for r in reqs)
    assert any("Crayon" in q and "forhandlere" in q for q in result.questions_for_buyer)
