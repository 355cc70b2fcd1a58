"""The verdict in one plain Norwegian sentence: which regulation and parts apply, and why, with the threshold's figure
and name. It is built from the same conclusions the rules drew (part, regime, threshold, value), never from free text,
so it cannot say something the assessment does not.

    «Del I og II gjelder: 30 mill. kr er under EØS-terskelverdien for bygge- og anleggskontrakter (57,8 mill. kr).»
"""

from __future__ import annotations

from advisor.assessment.case import format_amount
from advisor.assessment.part import category_matters
from advisor.assessment.state import Reasoning
from advisor.assessment.thresholds import Threshold

# How each threshold is named inside a sentence (the table's own names are written for a table).
THRESHOLD_PHRASES = {
    "law_floor": "nedre grense for anskaffelsesloven",
    "national": "den nasjonale terskelverdien",
    "eea_state_goods_services": "EØS-terskelverdien for statlige oppdragsgiveres kjøp av varer og tjenester",
    "eea_other_goods_services": "EØS-terskelverdien for varer og tjenester hos kommuner og andre oppdragsgivere",
    "eea_works": "EØS-terskelverdien for bygge- og anleggskontrakter",
    "eea_utilities_goods_services": "EØS-terskelverdien for varer og tjenester i forsyningssektorene",
    "eea_utilities_works": "EØS-terskelverdien for bygge- og anleggskontrakter i forsyningssektorene",
    "eea_health_social": "EØS-terskelverdien for helse- og sosialtjenester",
    "eea_special_services": "EØS-terskelverdien for andre særlige tjenester",
    "eea_concessions": "EØS-terskelverdien for konsesjonskontrakter",
    "eea_defence_goods_services": "EØS-terskelverdien for forsvars- og sikkerhetsanskaffelser av varer og tjenester",
    "eea_defence_works": "EØS-terskelverdien for forsvars- og sikkerhetsanskaffelser av bygg og anlegg",
}
_REGULATION_NAMES = {
    "defence_security": "Forskrift om forsvars- og sikkerhetsanskaffelser",
    "concession": "Forskrift om konsesjonskontrakter",
}


def headline(r: Reasoning) -> str:
    """One sentence: the parts that apply and why, with the threshold's name and figure, and what it assumes."""
    verdict, why = _verdict(r)
    provisos = _provisos(r)
    missing_value = r.contract_value is None or r.contract_value.total_nok is None
    # An answer that rests on an assumed fact must read as provisional, never as a confident verdict, and say why
    # right there: the assumption follows «foreløpig» («… gjelder foreløpig, forutsatt at oppdragsgiveren er statlig
    # (ikke oppgitt): …»); without a value, the reason that follows is the missing value itself, then the assumptions.
    if missing_value and r.part != "referred":
        verdict = verdict.replace(" gjelder", " gjelder foreløpig", 1)
        if provisos:
            why += ", forutsatt " + " og ".join(provisos)
    elif provisos:
        verdict = verdict.replace(" gjelder", " gjelder foreløpig, forutsatt " + " og ".join(provisos), 1)
    return f"{verdict}: {why}."


def _verdict(r: Reasoning) -> tuple[str, str]:
    t = r.threshold or r.table["law_floor"]  # classify_part always sets it; the floor is a safe fallback
    value = r.contract_value.total_nok if r.contract_value else None
    amount = _amount(r)
    if r.part == "referred":
        regulation = _REGULATION_NAMES[r.regime]
        if value is None:
            why = f"verdien er ikke oppgitt, og {_named(t)} er {format_amount(t.value_nok)}"
        else:
            why = f"{amount} {_compare(value, t)} {_named(t)} ({format_amount(t.value_nok)})"
        return f"{regulation} gjelder, ikke anskaffelsesforskriften", why + "; modellen gir ikke prosedyreråd etter den forskriften"
    if value is None:
        return f"{r.part_label} gjelder", f"verdien er ikke oppgitt, så det strengeste utfallet legges til grunn ({_named(t)} er " \
               f"{format_amount(t.value_nok)})"
    if r.part == "below":
        return "Anskaffelsesregelverket gjelder ikke", f"{amount} er under {_named(t)} ({format_amount(t.value_nok)})"
    # The threshold that decides the answer: the one reached (part III, IV, utilities II, special services above) or
    # the next one above the value (parts I and II).
    decisive = r.next_threshold if r.next_threshold is not None and r.part in ("I", "II") else t
    if r.regime == "utilities":
        return f"{r.part_label} gjelder, ikke anskaffelsesforskriften", \
               f"{amount} {_compare(value, decisive)} {_named(decisive)} ({format_amount(decisive.value_nok)})"
    if r.part == "IV":
        return "Del I og IV (kapittel 30) gjelder, ikke del III", \
               f"helse- og sosialtjenester for {amount} {_compare(value, t)} {_named(t)} ({format_amount(t.value_nok)})"
    if r.values["health_social_services"] and r.part == "I":
        return "Bare del I gjelder", (f"helse- og sosialtjenester for {amount} {_compare(value, decisive)} {_named(decisive)} "
                                      f"({format_amount(decisive.value_nok)}), og del II gjelder ikke for dem")
    if r.values["design_contest"] and r.part == "III":
        # A design contest at or above its EØS threshold has its own rules in FOA part V (NFD-frister); its value is
        # the prizes and payments to the participants.
        buyer = "hos statlige oppdragsgivere" if t.key == "eea_state_goods_services" else "hos andre oppdragsgivere"
        return "Del I og V (plan- og designkonkurranser) gjelder", \
            (f"{amount} {_compare(value, t)} EØS-terskelverdien for plan- og designkonkurranser {buyer} "
             f"({format_amount(t.value_nok)})")
    subject = f"andre særlige tjenester for {amount}" if r.values["special_services"] else amount
    label = "Bare del I" if r.part == "I" else r.part_label
    if t.key == "eea_special_services" and r.part == "II":
        label = "Del I og II gjelder, og i tillegg enkelte bestemmelser i del III"
        return label, f"{subject} {_compare(value, t)} {_named(t)} ({format_amount(t.value_nok)})"
    return f"{label} gjelder", f"{subject} {_compare(value, decisive)} {_named(decisive)} ({format_amount(decisive.value_nok)})"


def _amount(r: Reasoning) -> str:
    """The value, with the arithmetic when it was worked out: «5,7 mill. kr (1,9 mill. kr per år × 3 år)»."""
    value = r.contract_value
    if value is None or value.total_nok is None:
        return "verdien"
    text = format_amount(value.total_nok)
    return f"{text} ({value.short})" if value.short else text


def _compare(value: int, threshold: Threshold) -> str:
    if value == threshold.value_nok:
        return "er lik"
    return "er over" if value > threshold.value_nok else "er under"


def _named(threshold: Threshold) -> str:
    return THRESHOLD_PHRASES.get(threshold.key, threshold.name)


def _provisos(r: Reasoning) -> list[str]:
    """The assumed or unclear facts the verdict rests on, in words."""
    out = []
    unclear = set(r.unclear_keys)
    key = r.threshold.key if r.threshold else ""
    buyer_matters = key in ("eea_state_goods_services", "eea_other_goods_services") or (
        r.next_threshold is not None and r.next_threshold.key in ("eea_state_goods_services", "eea_other_goods_services"))
    if "buyer" in r.assumed_keys and buyer_matters:
        out.append("at oppdragsgiveren er statlig (" + ("uklart i beskrivelsen" if "buyer" in unclear else "ikke oppgitt") + ")")
    if "category" in r.assumed_keys and category_matters(r):
        out.append("at kjøpet gjelder varer eller tjenester, ikke bygg og anlegg (" +
                   ("uklart i beskrivelsen" if "category" in unclear else "ikke oppgitt") + ")")
    if r.contract_value is not None and r.contract_value.method == "no_term":
        out.append("at avtalen løper i 48 måneder (varigheten er ikke oppgitt)")
    return out
