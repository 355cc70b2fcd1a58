"""Stage 2 of the decision model: which part of the regulation applies, from the value, the buyer and the contract
type, against the dated thresholds (a threshold is reached at or above its value: «lik eller overstiger»).
"""

from __future__ import annotations

import datetime as dt

from advisor.assessment.case import format_nok
from advisor.assessment.rules import Threshold
from advisor.assessment.state import AuditEntry, Reasoning

# A model heuristic, not a rule of the regulation (see R-NEAR-THRESHOLD): within 10 % below a threshold an estimate
# that leaves out an option or a contract year can cross it.
NEAR_THRESHOLD_SHARE = 0.9


def classify_part(r: Reasoning) -> None:
    """Part below/I/II/III by value, buyer and contract type; sets the part, its reason and the thresholds."""
    t, v = r.table, r.values
    floor, national = t["law_floor"], t["national"]
    value = v["estimated_value_nok"]
    eea = _eea_threshold(r, value)
    r.considered = [floor, national, eea]
    if value is None:
        # Without a value the strictest part is the only safe answer (R-ASSUME-VALUE has said so).
        _conclude(r, "III", eea, None, "R-PART-III", f"Ingen verdi oppgitt: del III legges til grunn (EØS-terskel "
                  f"{format_nok(eea.value_nok)} kr).")
        return
    if not floor.is_reached_by(value):
        _conclude(r, "below", floor, floor, "R-SCOPE-BELOW",
                  f"{format_nok(value)} kr er under {format_nok(floor.value_nok)} kr: anskaffelsesregelverket gjelder ikke (LOA § 2).")
        _near(r, value, floor)
        return
    _reform_floor(r, value)
    if eea.is_reached_by(value):
        _conclude(r, "III", eea, None, "R-PART-III",
                  f"{format_nok(value)} kr er lik eller over EØS-terskelen på {format_nok(eea.value_nok)} kr: del I og III gjelder.")
        return
    # Below the EØS threshold, health and social services never enter part II (DFØ, «Terskelverdier»), however far
    # above 1.3 MNOK they are.
    if v["health_social_services"] or v["utilities"]:
        why = ("helse- og sosialtjenester under EØS-terskelen følger bare del I" if v["health_social_services"] else
               "forsyningsforskriften har ingen egen del for verdier mellom nasjonal terskel og EØS-terskelen "
               "(ikke verifisert i faktagrunnlaget – kontroller forskriften)")
        _conclude(r, "I", floor, eea, "R-PART-I",
                  f"{format_nok(value)} kr er under EØS-terskelen på {format_nok(eea.value_nok)} kr, og {why}.")
        _near(r, value, eea)
        return
    if national.is_reached_by(value):
        _conclude(r, "II", national, eea, "R-PART-II",
                  f"{format_nok(value)} kr er lik eller over nasjonal terskel ({format_nok(national.value_nok)} kr) og under "
                  f"EØS-terskelen ({format_nok(eea.value_nok)} kr): del I og II gjelder.")
        _near(r, value, eea)
        return
    _conclude(r, "I", floor, national, "R-PART-I",
              f"{format_nok(value)} kr er fra {format_nok(floor.value_nok)} kr og under nasjonal terskel "
              f"({format_nok(national.value_nok)} kr): bare del I gjelder.")
    _near(r, value, national)


def _conclude(r: Reasoning, part: str, threshold: Threshold, next_threshold: Threshold | None, rule: str, text: str) -> None:
    r.fire(rule, ("estimated_value_nok",), text)
    r.part, r.threshold, r.next_threshold, r.part_reason = part, threshold, next_threshold, (rule, text)


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
        key, rule, inputs = "eea_health_social", "R-THRESHOLD-SPECIAL", ("special_services", "category")
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
            r.find_out("Bekreft at kontrakten knytter seg til en forsyningsaktivitet (vann, energi, transport, havner, "
                       "lufthavner, post); ellers gjelder anskaffelsesforskriften.")
        r.fire(rule, inputs, f"EØS-terskel: {threshold.name}, {format_nok(threshold.value_nok)} kr "
               f"(gjelder fra {threshold.as_of}; kilde: {threshold.source}).{note}")
    return threshold


def _near(r: Reasoning, value: int, upper: Threshold) -> None:
    """Warn when the value is just under the next threshold, where a missing option or year would cross it."""
    if value < upper.value_nok and value >= NEAR_THRESHOLD_SHARE * upper.value_nok:
        gap = upper.value_nok - value
        text = (f"Verdien er {format_nok(gap)} kr under terskelen «{upper.name}» ({format_nok(upper.value_nok)} kr). "
                "Kontroller anslaget nøye (hele avtaleperioden og eventuelle opsjoner), og ikke del opp anskaffelsen "
                "for å komme under terskelen.")
        r.fire("R-NEAR-THRESHOLD", ("estimated_value_nok",), text)
        r.step("R-NEAR-THRESHOLD", text)
        r.find_out("Bekreft at verdianslaget er komplett, siden det ligger like under en terskel.")


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
    """Warn when the threshold table is older than its planned review date."""
    review = r.table.review_after
    if review and r.today >= dt.date.fromisoformat(review):
        text = (f"Terskelverdiene i modellen gjelder fra {r.table.as_of} (perioden {r.table.period}). EØS-terskelverdiene "
                "justeres hvert annet år; kontroller på regjeringen.no eller hos DFØ om nye verdier er fastsatt.")
        r.warnings.append(text)
        r.find_out("Kontroller om nye EØS-terskelverdier har trådt i kraft etter " + r.table.as_of + ".")
        r.trail.append(AuditEntry("dato", r.today.isoformat(), "R-THRESHOLDS-DATED", text))
