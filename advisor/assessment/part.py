"""Stage 2 of the decision model: which part of the regulation applies, from the value, the buyer and the contract
type, against the dated thresholds (a threshold is reached at or above its value: «lik eller overstiger»).
"""

from __future__ import annotations

import datetime as dt
import re

from advisor.assessment.case import format_amount, format_nok
from advisor.assessment.inputs import CATEGORY_ASSUMPTION
from advisor.assessment.rules import DESIGN_CONTEST_LABEL, SPECIAL_ABOVE_LABEL, part_label
from advisor.assessment.state import AuditEntry, Margin, Reasoning
from advisor.assessment.thresholds import Threshold

# A model heuristic, not a rule of the regulation (see R-NEAR-THRESHOLD): within 10 % below a threshold an estimate
# that leaves out an option or a contract year can cross it.
NEAR_THRESHOLD_SHARE = 0.9


def classify_part(r: Reasoning) -> None:
    """Which parts of which regulation apply, from the regime, the value, the buyer and the contract type."""
    _classify(r)
    _just_over(r)


def _classify(r: Reasoning) -> None:
    if r.regime in ("defence_security", "concession"):
        _own_regulation(r)
        return
    t, v = r.table, r.values
    floor, national = t["law_floor"], t["national"]
    value = v["estimated_value_nok"]
    eea = _eea_threshold(r, value)
    # The national threshold belongs to FOA's part II; the utilities regulation has no such step.
    r.considered = [floor, eea] if r.regime == "utilities" else [floor, national, eea]
    if v["health_social_services"] or v["special_services"]:
        _which_service_list(r, value)
    if value is None:
        _strictest_without_value(r, eea)
        return
    if not floor.is_reached_by(value):
        _conclude(r, "below", floor, floor, "R-SCOPE-BELOW",
                  f"{format_nok(value)} kr er under {format_nok(floor.value_nok)} kr: anskaffelsesregelverket gjelder ikke (LOA § 2).")
        _near(r, value, floor)
        return
    _reform_floor(r, value)
    if r.regime == "utilities":
        _utilities_part(r, value, floor, eea)
    elif v["health_social_services"]:
        _health_social_part(r, value, floor, eea)
    elif v["special_services"]:
        _special_services_part(r, value, floor, national, eea)
    elif eea.is_reached_by(value):
        # A design contest at or above its EØS threshold follows FOA part V (NFD-frister), not part III's procedures;
        # the part stays "III" for the thresholds and deadlines it shares, the label and reason say part V.
        parts = "del I og V (plan- og designkonkurranser)" if v["design_contest"] else "del I og III"
        _conclude(r, "III", eea, None, "R-PART-III",
                  f"{format_nok(value)} kr er lik eller over EØS-terskelen på {format_nok(eea.value_nok)} kr: {parts} gjelder.")
        if v["design_contest"]:
            r.part_label = DESIGN_CONTEST_LABEL
    else:
        _part_i_or_ii(r, value, floor, national, eea, "EØS-terskelen")


def category_matters(r: Reasoning) -> bool:
    """Whether the part would differ if the contract were works instead of goods or services: only when a goods and
    services EØS threshold is reached that the works threshold (57,8 mill. kr) is not, or when the value is missing.
    Below that threshold goods, services and works all fall in the same part."""
    value = r.contract_value.total_nok if r.contract_value else None
    if r.values["design_contest"] and r.regime == "foa":
        return False  # a design contest has its own threshold, whatever the contract it may lead to
    if value is None or r.threshold is None:
        return True
    works = r.table["eea_utilities_works" if r.regime == "utilities" else "eea_works"]
    return r.threshold.key.startswith("eea_") and r.threshold.is_reached_by(value) and not works.is_reached_by(value)


def drop_idle_category_assumption(r: Reasoning) -> None:
    """An assumed contract type that cannot change the part is no assumption worth showing: «Kontraktstype er ikke
    oppgitt» for 2 mill. kr says nothing, since goods, services and works are all in part II there."""
    if "category" in r.assumed_keys and r.case.category is None and not category_matters(r):
        r.assumptions[:] = [a for a in r.assumptions if a != CATEGORY_ASSUMPTION]


def _strictest_without_value(r: Reasoning, eea: Threshold) -> None:
    """Without a value the strictest outcome of the regime is the only safe answer (R-ASSUME-VALUE has said so)."""
    v = r.values
    if r.regime == "utilities":
        _conclude(r, "II", eea, None, "R-UTILITIES-PART-II", f"Ingen verdi oppgitt: forsyningsforskriften del I og II "
                  f"(over EØS-terskelen på {format_nok(eea.value_nok)} kr) legges til grunn.")
    elif v["health_social_services"]:
        _conclude(r, "IV", eea, None, "R-PART-IV", f"Ingen verdi oppgitt: del I og IV (kapittel 30) legges til grunn "
                  f"(EØS-terskel for helse- og sosialtjenester {format_nok(eea.value_nok)} kr).")
    elif v["special_services"]:
        _conclude(r, "II", eea, None, "R-SPECIAL-PART-III-PROVISIONS", f"Ingen verdi oppgitt: del I og II med enkelte "
                  f"bestemmelser i del III legges til grunn (EØS-terskel for særlige tjenester {format_nok(eea.value_nok)} kr).")
        r.part_label = SPECIAL_ABOVE_LABEL
        _special_part_iii_unverified(r)
    else:
        _conclude(r, "III", eea, None, "R-PART-III", f"Ingen verdi oppgitt: del III legges til grunn (EØS-terskel "
                  f"{format_nok(eea.value_nok)} kr).")


def _utilities_part(r: Reasoning, value: int, floor: Threshold, eea: Threshold) -> None:
    """Forsyningsforskriften numbers its parts differently: part II lies above the EØS threshold."""
    if eea.is_reached_by(value):
        _conclude(r, "II", eea, None, "R-UTILITIES-PART-II",
                  f"{format_nok(value)} kr er lik eller over EØS-terskelen i forsyningssektoren ({format_nok(eea.value_nok)} kr): "
                  "forsyningsforskriften del I og II gjelder, med plikt til å kunngjøre.")
        return
    _conclude(r, "I", floor, eea, "R-UTILITIES-PART-I",
              f"{format_nok(value)} kr er under EØS-terskelen i forsyningssektoren ({format_nok(eea.value_nok)} kr): bare loven og "
              "del I av forsyningsforskriften gjelder, og konkurranseprinsippet i LOA § 4 styrer hvem dere må spørre.")
    _near(r, value, eea)


def _health_social_part(r: Reasoning, value: int, floor: Threshold, eea: Threshold) -> None:
    """Health and social services never enter part II or III: part I below their threshold, part IV from it."""
    if eea.is_reached_by(value):
        _conclude(r, "IV", eea, None, "R-PART-IV",
                  f"{format_nok(value)} kr er lik eller over EØS-terskelen for helse- og sosialtjenester ({format_nok(eea.value_nok)} "
                  "kr): del I og IV (kapittel 30) gjelder, ikke del III.")
        return
    _conclude(r, "I", floor, eea, "R-PART-I",
              f"{format_nok(value)} kr er under EØS-terskelen på {format_nok(eea.value_nok)} kr, og helse- og sosialtjenester "
              "under EØS-terskelen følger bare del I.")
    text = ("Under terskelen velger dere selv hvem dere tar kontakt med, også bare ideelle leverandører. At det da ikke er "
            "plikt til å kunngjøre på Doffin, er en slutning fra at del II ikke gjelder (ikke verifisert); prinsippene i "
            "LOA § 4 gjelder uansett.")
    r.regime_reasons.append(("R-HEALTH-SOCIAL-FREEDOM", text))
    r.fire("R-HEALTH-SOCIAL-FREEDOM", ("health_social_services", "estimated_value_nok"), text)
    r.flag_unverified("At det ikke er kunngjøringsplikt for helse- og sosialtjenester under EØS-terskelen.")
    _near(r, value, eea)


def _special_services_part(r: Reasoning, value: int, floor: Threshold, national: Threshold, eea: Threshold) -> None:
    """Other special services follow parts I and II like other services; from their threshold some part III rules join."""
    if eea.is_reached_by(value):
        _conclude(r, "II", eea, None, "R-SPECIAL-PART-III-PROVISIONS",
                  f"{format_nok(value)} kr er lik eller over EØS-terskelen for andre særlige tjenester ({format_nok(eea.value_nok)} kr): "
                  "del I og II gjelder, og i tillegg enkelte bestemmelser i del III.")
        r.part_label = SPECIAL_ABOVE_LABEL
        _special_part_iii_unverified(r)
    else:
        _part_i_or_ii(r, value, floor, national, eea, "EØS-terskelen for andre særlige tjenester")


def _part_i_or_ii(r: Reasoning, value: int, floor: Threshold, national: Threshold, eea: Threshold, eea_name: str) -> None:
    """Below the EEA threshold: part II from the national threshold, else part I alone."""
    if national.is_reached_by(value):
        _conclude(r, "II", national, eea, "R-PART-II",
                  f"{format_nok(value)} kr er lik eller over nasjonal terskel ({format_nok(national.value_nok)} kr) og under "
                  f"{eea_name} ({format_nok(eea.value_nok)} kr): del I og II gjelder.")
        _near(r, value, eea)
    else:
        _conclude(r, "I", floor, national, "R-PART-I",
                  f"{format_nok(value)} kr er fra {format_nok(floor.value_nok)} kr og under nasjonal terskel "
                  f"({format_nok(national.value_nok)} kr): bare del I gjelder.")
        _near(r, value, national)


def _special_part_iii_unverified(r: Reasoning) -> None:
    r.flag_unverified("Hvilke bestemmelser i del III som gjelder for andre særlige tjenester over 7,8 mill. kr "
                      "(trolig kunngjøringsreglene).")
    r.find_out("Kontroller hvilke bestemmelser i del III som gjelder for andre særlige tjenester over EØS-terskelen "
               "(trolig kunngjøring i TED).")


def _which_service_list(r: Reasoning, value: int | None) -> None:
    """Which services are special is set by the regulation's annex (CPV codes), which the fact base does not hold."""
    if value is not None and not r.table["law_floor"].is_reached_by(value):
        return
    kind = "helse- og sosialtjeneste" if r.values["health_social_services"] else "annen særlig tjeneste"
    text = (f"Tjenesten er regnet som {kind}. Om den er det, avgjøres av vedlegget til forskriften med CPV-koder, som ikke "
            "er gjennomgått i faktagrunnlaget (ikke verifisert).")
    r.regime_reasons.append(("R-SPECIAL-ANNEX", text))
    r.fire("R-SPECIAL-ANNEX", ("health_social_services", "special_services"), text)
    r.flag_unverified("Hvilke tjenester som er helse- og sosialtjenester og hvilke som er andre særlige tjenester "
                      "(vedlegget til forskriften).")
    r.find_out("Kontroller i vedlegget til forskriften (CPV-kodene) at tjenesten er en helse- og sosialtjeneste eller en "
               "annen særlig tjeneste.")


def _own_regulation(r: Reasoning) -> None:
    """Defence and security or a concession: name the regulation and its threshold; never a silent FOA answer."""
    t, v = r.table, r.values
    floor = t["law_floor"]
    value = v["estimated_value_nok"]
    if r.regime == "defence_security":
        key = "eea_defence_works" if v["category"] == "works" else "eea_defence_goods_services"
        threshold_rule, regime_rule = "R-THRESHOLD-DEFENCE", "R-REGIME-DEFENCE"
        name = "forskrift om forsvars- og sikkerhetsanskaffelser"
    else:
        key, threshold_rule, regime_rule = "eea_concessions", "R-THRESHOLD-CONCESSION", "R-REGIME-CONCESSION"
        name = "forskrift om konsesjonskontrakter"
    eea = t[key]
    r.considered = [floor, eea]
    if value is not None and not floor.is_reached_by(value):
        _conclude(r, "below", floor, floor, "R-SCOPE-BELOW",
                  f"{format_nok(value)} kr er under {format_nok(floor.value_nok)} kr: anskaffelsesregelverket gjelder ikke (LOA § 2).")
        return
    r.fire(threshold_rule, ("regime", "category"), f"EØS-terskel: {eea.name}, {format_nok(eea.value_nok)} kr "
           f"(gjelder fra {eea.as_of}; kilde: {eea.source}).")
    if value is None:
        where = f"verdien er ikke oppgitt (EØS-terskelen er {format_nok(eea.value_nok)} kr)"
    elif eea.is_reached_by(value):
        where = f"{format_nok(value)} kr er lik eller over EØS-terskelen på {format_nok(eea.value_nok)} kr"
    else:
        where = (f"{format_nok(value)} kr er under EØS-terskelen på {format_nok(eea.value_nok)} kr; hvilke regler forskriften har "
                 "under terskelen, er ikke gjennomgått (ikke verifisert)")
    _conclude(r, "referred", eea, None, regime_rule,
              f"Kontrakten hører under {name}, ikke anskaffelsesforskriften; {where}. Modellen gir ikke prosedyreråd etter "
              "den forskriften, men de grunnleggende prinsippene i LOA § 4 gjelder.")
    r.flag_unverified(f"Prosedyrereglene, fristene og virkeområdet i {name}.")
    r.find_out(f"Les {name} på Lovdata og avklar prosedyren med egen juridisk avdeling; modellen dekker den ikke.")


def _conclude(r: Reasoning, part: str, threshold: Threshold, next_threshold: Threshold | None, rule: str, text: str) -> None:
    r.fire(rule, ("estimated_value_nok",), text)
    r.part, r.threshold, r.next_threshold, r.part_reason = part, threshold, next_threshold, (rule, text)
    r.part_label = part_label(part, r.regime)


def _eea_threshold(r: Reasoning, value: int | None) -> Threshold:
    """The EØS threshold that applies to this buyer and contract type; the order below is the order of precedence."""
    t, v = r.table, r.values
    # Below the law's floor the EØS threshold plays no part, so its rule is not fired (nor cited).
    relevant = value is None or t["law_floor"].is_reached_by(value)
    inputs: tuple[str, ...]
    if v["utilities"]:
        # In the utilities sector the activity decides the regulation, and its thresholds hold for every buyer.
        key = "eea_utilities_works" if v["category"] == "works" else "eea_utilities_goods_services"
        rule, inputs = "R-THRESHOLD-UTILITIES", ("utilities", "category")
    elif v["design_contest"]:
        key = "eea_state_goods_services" if v["buyer"] == "state" else "eea_other_goods_services"
        rule, inputs = "R-THRESHOLD-DESIGN-CONTEST", ("design_contest", "buyer")
    elif v["category"] == "works":
        key, rule, inputs = "eea_works", "R-THRESHOLD-WORKS", ("category",)
    elif v["health_social_services"]:
        key, rule, inputs = "eea_health_social", "R-THRESHOLD-HEALTH-SOCIAL", ("health_social_services", "category")
    elif v["special_services"]:
        key, rule, inputs = "eea_special_services", "R-THRESHOLD-SPECIAL", ("special_services", "category")
    elif v["buyer"] == "state":
        key, rule, inputs = "eea_state_goods_services", "R-THRESHOLD-STATE", ("buyer", "category")
    else:
        # Municipalities, counties and bodies governed by public law (e.g. health trusts) share one threshold.
        key, rule, inputs = "eea_other_goods_services", "R-THRESHOLD-OTHER", ("buyer", "category")
    threshold = t[key]
    if relevant:
        note = ""
        if rule == "R-THRESHOLD-DESIGN-CONTEST" and v["buyer"] != "state":
            note = (" For andre enn statlige oppdragsgivere oppgir faktagrunnlaget ikke terskelen for plan- og "
                    "designkonkurranser; vi bruker terskelen for varer og tjenester (ikke verifisert).")
            r.find_out("Kontroller EØS-terskelen for plan- og designkonkurranser for kommuner og andre oppdragsgivere.")
        if rule == "R-THRESHOLD-UTILITIES":
            text = ("Kjøpet knytter seg til en forsyningsaktivitet, så forsyningsforskriften gjelder, ikke anskaffelsesforskriften; "
                    "det er aktiviteten som avgjør, ikke hvem oppdragsgiveren er. Anskaffelsesforskriftens prosedyreregler, "
                    "også vilkårene for forhandling i § 13-2, gjelder da ikke.")
            r.regime_reasons.append(("R-UTILITIES-SCOPE", text))
            r.fire("R-UTILITIES-SCOPE", ("regime", "category"), text)
            r.find_out("Bekreft at kontrakten knytter seg til en forsyningsaktivitet (drikkevann, elektrisitet, gass og varme, "
                       "transport, havner og lufthavner, post, brensel); ellers gjelder anskaffelsesforskriften.")
        r.fire(rule, inputs, f"EØS-terskel: {threshold.name}, {format_nok(threshold.value_nok)} kr "
               f"(gjelder fra {threshold.as_of}; kilde: {threshold.source}).{note}")
    return threshold


def _near(r: Reasoning, value: int, upper: Threshold) -> None:
    """Warn when the value is just under the next threshold, where a missing option or year would cross it."""
    if value < upper.value_nok and value >= NEAR_THRESHOLD_SHARE * upper.value_nok:
        gap = upper.value_nok - value
        # The threshold is named by the part it leads to, not by its table label (a caller wording this step in
        # another language reads `Reasoning.margin`).
        text = (f"Verdien er {format_nok(gap)} kr under {_threshold_for(r, upper)}: "
                "dokumenter hvordan dere har anslått verdien, med hele avtaleperioden og alle opsjoner og forlengelser. "
                f"Gir et realistisk anslag en verdi over terskelen, {_crossed(r, upper)}: ikke sett anslaget for lavt, "
                "og ikke del opp anskaffelsen for å komme under terskelen.")
        _warn_margin(r, Margin("under", gap, upper), text,
                     "Bekreft at verdianslaget er komplett, siden det ligger like under en terskel.")


def _just_over(r: Reasoning) -> None:
    """Warn as well when the value only just reaches the threshold that decides the part (4,65 against 4,6 mill. kr):
    the estimate that puts the purchase over it must hold up, the same margin as under a threshold."""
    value = r.contract_value.total_nok if r.contract_value else None
    t = r.threshold
    if value is None or t is None or t.key == "law_floor" or r.part in ("below", "referred") or not t.is_reached_by(value):
        return
    if r.margin is not None and r.margin.side == "under":
        # 1,44 mill. kr for a state buyer: just over the national threshold, but 50 000 kr under the EEA one. The risk
        # is on the upper side (an estimate that should have crossed it), so that warning stands alone.
        return
    if value * NEAR_THRESHOLD_SHARE >= t.value_nok:
        return
    gap = value - t.value_nok
    where = f"{format_nok(gap)} kr over" if gap else "lik"
    text = (f"Verdien er {where} {_threshold_for(r, t)}: dokumenter hvordan dere har anslått verdien; "
            "anslaget skal være forsvarlig når konkurransen kunngjøres og bygge på markedsverdien av lignende kjøp, og "
            "anskaffelsen kan ikke deles opp for å komme under terskelen.")
    _warn_margin(r, Margin("over", gap, t), text,
                 "Bekreft at verdianslaget er dokumentert og forsvarlig, siden det ligger like over en terskel.")


def _warn_margin(r: Reasoning, margin: Margin, text: str, to_confirm: str) -> None:
    """R-NEAR-THRESHOLD: the warning as a fired rule and a next step, the margin as data, and what to confirm."""
    r.fire("R-NEAR-THRESHOLD", ("estimated_value_nok",), text)
    r.step("R-NEAR-THRESHOLD", text)
    r.margin = margin
    r.find_out(to_confirm)


def _crossed(r: Reasoning, t: Threshold) -> str:
    """What crossing a threshold from below means: «gjelder del III» (the reglene over it when no part is named)."""
    if t.key == "law_floor":
        return "gjelder anskaffelsesloven"
    named = re.match(r"terskelen for (del .+?) \(", _threshold_for(r, t))
    return f"gjelder {named.group(1)}" if named else "gjelder reglene over den"


def _threshold_for(r: Reasoning, t: Threshold) -> str:
    """A threshold named by what it leads to, in plain words: «terskelen for del III (2,3 mill. kr)»."""
    if t.key == "law_floor":
        leads_to = "terskelen for når anskaffelsesloven gjelder"
    elif t.key == "national":
        leads_to = "terskelen for del II"
    elif r.regime == "utilities":
        leads_to = "terskelen for del II i forsyningsforskriften"
    elif t.key == "eea_health_social":
        leads_to = "terskelen for del IV"
    elif t.key == "eea_special_services":
        leads_to = "terskelen der enkelte regler i del III også gjelder"
    elif r.values["design_contest"] and r.regime == "foa":
        leads_to = "terskelen for del V (plan- og designkonkurranser)"
    else:
        leads_to = "terskelen for del III"
    return f"{leads_to} ({format_amount(t.value_nok)})"


def _reform_floor(r: Reasoning, value: int) -> None:
    """Mention a proposed higher floor when it would change the answer, but never classify by a proposal."""
    for change in r.table.pending:
        proposed = change.get("proposed_value_nok")
        if change.get("key") == "law_floor" and isinstance(proposed, int) and value < proposed:
            text = (f"Det er foreslått å heve nedre grense for loven til {format_nok(proposed)} kr ({change.get('source')}); "
                    f"status: {change.get('status')}. Vi legger dagens grense på "
                    f"{format_nok(r.table['law_floor'].value_nok)} kr til grunn.")
            r.assumptions.append(text)
            r.fire("R-REFORM-FLOOR", ("estimated_value_nok",), text)


def check_dates(r: Reasoning) -> None:
    """Warn when the table in force has passed its review date and no later table is known, naming that table."""
    table = r.table
    if table.later_tables or not table.review_after or r.today < dt.date.fromisoformat(table.review_after):
        return
    text = (f"Modellen bruker {table.label}, som skulle kontrolleres innen {table.review_after}; ingen nyere tabell er lagt "
            "inn. EØS-terskelverdiene justeres hvert annet år: kontroller på regjeringen.no eller hos DFØ om nye verdier er "
            f"fastsatt (kilde for tabellen: {table.source or 'se thresholds.yaml'}).")
    r.warnings.append(text)
    r.find_out(f"Kontroller om nye EØS-terskelverdier har trådt i kraft etter {table.as_of} (perioden {table.period}).")
    r.trail.append(AuditEntry("dato", r.today.isoformat(), "R-THRESHOLDS-DATED", text))
