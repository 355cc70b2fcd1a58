"""Apply the rules of assessment_rules.py to a Case: part of the regulation, need for innovation, procedure, next steps.

Every conclusion is recorded in an audit trail entry naming the rule that drew it, the input it read and the value
it saw. The result (Decision) has no citations yet; assessment.py resolves each rule's guidance passages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor.assessment.case import Case, display_value, format_nok
from advisor.assessment.next_steps import NextStepStages
from advisor.assessment.procedure import ProcedureStages
from advisor.assessment.rules import Threshold, ThresholdTable
from advisor.assessment.trail import AuditEntry, Decision

# A model heuristic, not a rule of the regulation (see R-NEAR-THRESHOLD).
NEAR_THRESHOLD_SHARE = 0.9

_LEVELS = ("low", "medium", "high")


class _Reasoner(ProcedureStages, NextStepStages):
    """All stages: inputs, part and innovation (here), procedure (ProcedureStages), next steps (NextStepStages)."""

    # --- stage 1: inputs, with stated assumptions for missing keys ---
    def resolve_inputs(self) -> None:
        """Fill missing keys with stated assumptions and settle contradictions."""
        c = self.case
        self.v = {
            "need": c.need,
            "estimated_value_nok": c.estimated_value_nok,
            "buyer": c.buyer,
            "category": c.category,
            "market_has_solution": c.market_has_solution,
            "development_needed": c.development_needed,
            "wants_to_buy_result": c.wants_to_buy_result,
            "can_specify_solution": c.can_specify_solution,
            "market_dialogue_done": c.market_dialogue_done,
            "health_social_services": bool(c.health_social_services),
            "special_services": bool(c.special_services),
            "utilities": bool(c.utilities),
            "design_contest": bool(c.design_contest),
            "deadline_months": c.deadline_months,
            "risk_tolerance": c.risk_tolerance,
            "previous_competition_failed": bool(c.previous_competition_failed),
        }
        if c.need is None:
            self.find_out("Beskriv behovet med egne ord: hva skal oppnås, for hvem, og hvordan vet dere at det er løst?")
        if c.estimated_value_nok is None:
            self.assume("R-ASSUME-VALUE", "estimated_value_nok", None,
                        "Anslått verdi er ikke oppgitt. Vi legger til grunn del III (de strengeste reglene) til verdien er anslått.")
            self.find_out("Anslå samlet kontraktsverdi ekskl. mva. (se forskriften om beregning ved opsjoner og lange avtaleperioder).")
            self.provisional = True
        if c.buyer is None:
            self.assume("R-ASSUME-BUYER", "buyer", "state",
                        "Oppdragsgiver er ikke oppgitt. Vi legger til grunn statlig oppdragsgiver, som har den laveste EØS-terskelen.")
            self.find_out("Hvem er oppdragsgiver: statlig, kommune/fylkeskommune eller annet offentligrettslig organ (f.eks. helseforetak)?")
        if c.category is None:
            self.assume("R-ASSUME-CATEGORY", "category", "goods",
                        "Kontraktstype er ikke oppgitt. Vi legger til grunn vare eller tjeneste (samme terskel), ikke bygg og anlegg.")
            self.find_out("Er dette varer, tjenester eller bygge- og anleggsarbeid?")
        if c.market_has_solution is None:
            self.assume("R-ASSUME-MARKET", "market_has_solution", "unknown",
                        "Det er ikke oppgitt om markedet har en løsning. Vi regner markedet som ukjent.")
        self._resolve_flags()
        self._settle_contradictions()

    def assume(self, rule: str, key: str, value: Any, text: str) -> None:
        """Use an assumed value for a missing key and say so."""
        self.v[key] = value
        self.assumed_keys.append(key)
        self.assumptions.append(text)
        self.fire(rule, (key,), text)

    def _resolve_flags(self) -> None:
        c, market = self.case, self.v["market_has_solution"]
        texts: list[str] = []
        keys: list[str] = []
        if c.development_needed is None:
            self.v["development_needed"] = market == "no"
            texts.append("at noe må utvikles" if market == "no" else "at ingenting må utvikles")
            keys.append("development_needed")
            self.find_out("Må noe utvikles, eller kan behovet dekkes av noe som finnes (eventuelt med tilpasning)?")
        if c.wants_to_buy_result is None:
            self.v["wants_to_buy_result"] = True
            texts.append("at dere vil kjøpe løsningen, ikke bare finansiere forskning og utvikling")
            keys.append("wants_to_buy_result")
            if self.v["development_needed"]:
                self.find_out("Vil dere kjøpe den ferdige løsningen etter utviklingen, eller bare finansiere forskning og utvikling?")
        if c.can_specify_solution is None:
            # Missing information is not a signal of innovation: only a market answer of "no" or "with_adaptation"
            # makes us assume that the solution cannot be described precisely.
            can_specify = market not in ("no", "with_adaptation")
            self.v["can_specify_solution"] = can_specify
            texts.append("at dere kan beskrive løsningen presist" if can_specify else "at dere ikke kan beskrive løsningen presist ennå")
            keys.append("can_specify_solution")
            self.find_out("Kan dere beskrive løsningen presist, eller bare behovet og resultatet dere vil oppnå?")
        if c.market_dialogue_done is None:
            self.v["market_dialogue_done"] = False
            texts.append("at markedsdialog ikke er gjennomført")
            keys.append("market_dialogue_done")
        if keys:
            text = "Ikke oppgitt, derfor antatt: " + "; ".join(texts) + "."
            self.assumed_keys.extend(keys)
            self.assumptions.append(text)
            self.fire("R-ASSUME-FLAGS", tuple(keys), text)

    def _settle_contradictions(self) -> None:
        v, c = self.v, self.case
        if v["market_has_solution"] == "no" and c.development_needed is False:
            v["development_needed"] = True
            self._contradiction(("market_has_solution", "development_needed"),
                                "Dere oppgir at markedet ikke har løsningen, men at ingenting skal utvikles. Vi legger til grunn at "
                                "noe må utvikles.", "Avklar om behovet kan dekkes uten utvikling, for eksempel ved å endre "
                                "arbeidsprosesser, eller om noe faktisk må utvikles.")
        if (v["health_social_services"] or v["special_services"]) and v["category"] != "services":
            v["health_social_services"] = v["special_services"] = False
            self._contradiction(("category", "health_social_services", "special_services"),
                                "Helse- og sosialtjenester og særlige tjenester er tjenester; markeringen er ikke brukt fordi "
                                "kontraktstypen ikke er tjenester.", "Avklar om kontrakten gjelder tjenester (f.eks. helse- og "
                                "sosialtjenester) eller varer/bygg og anlegg.")
        if v["health_social_services"] and v["special_services"]:
            v["health_social_services"] = False
            self._contradiction(("special_services", "health_social_services"),
                                "Både helse- og sosialtjenester og andre særlige tjenester er markert. Vi bruker reglene for andre "
                                "særlige tjenester, som er strengest (del II fra 1,3 mill. kr).",
                                "Avklar om tjenesten er en helse- og sosialtjeneste eller en annen særlig tjeneste.")
        if v["utilities"] and (v["health_social_services"] or v["special_services"]):
            v["health_social_services"] = v["special_services"] = False
            self._contradiction(("utilities", "health_social_services", "special_services"),
                                "Forsyningsforskriften har egne terskler for helse- og sosialtjenester og særlige tjenester som ikke "
                                "er i modellens data; vi bruker forsyningssektorens terskel for varer og tjenester.",
                                "Kontroller forsyningsforskriftens terskel for helse- og sosialtjenester og særlige tjenester.")

    def _contradiction(self, keys: tuple[str, ...], text: str, question: str) -> None:
        # keys[0] is the input that wins; the values of keys[1:] now differ from what was given: show them as assumed.
        self.assumed_keys.extend(key for key in keys[1:] if key not in self.assumed_keys)
        self.assumptions.append(text)
        self.find_out(question)
        self.fire("R-INCONSISTENT", keys, text)

    # --- stage 2: which part of the regulation ---
    def classify_part(self) -> tuple[str, Threshold, Threshold | None]:
        """Part below/I/II/III by value, buyer and contract type; thresholds are reached at or above their value."""
        t, v = self.table, self.v
        floor, national = t["law_floor"], t["national"]
        value = v["estimated_value_nok"]
        eea = self._eea_threshold(value)
        self.considered = [floor, national, eea]
        if value is None:
            self.fire("R-PART-III", ("estimated_value_nok",), f"Ingen verdi oppgitt: del III legges til grunn (EØS-terskel "
                      f"{format_nok(eea.value_nok)} kr).")
            return "III", eea, None
        if not floor.is_reached_by(value):
            self.fire("R-SCOPE-BELOW", ("estimated_value_nok",),
                      f"{format_nok(value)} kr er under {format_nok(floor.value_nok)} kr: anskaffelsesregelverket gjelder ikke (LOA § 2).")
            self._near(value, floor)
            return "below", floor, floor
        self._reform_floor(value)
        if eea.is_reached_by(value):
            self.fire("R-PART-III", ("estimated_value_nok",),
                      f"{format_nok(value)} kr er lik eller over EØS-terskelen på {format_nok(eea.value_nok)} kr: del I og III gjelder.")
            return "III", eea, None
        if v["health_social_services"] or v["utilities"]:
            why = ("helse- og sosialtjenester under EØS-terskelen følger bare del I" if v["health_social_services"] else
                   "forsyningsforskriften har ingen egen del for verdier mellom nasjonal terskel og EØS-terskelen "
                   "(ikke verifisert i faktagrunnlaget – kontroller forskriften)")
            self.fire("R-PART-I", ("estimated_value_nok",),
                      f"{format_nok(value)} kr er under EØS-terskelen på {format_nok(eea.value_nok)} kr, og {why}.")
            self._near(value, eea)
            return "I", floor, eea
        if national.is_reached_by(value):
            self.fire("R-PART-II", ("estimated_value_nok",),
                      f"{format_nok(value)} kr er lik eller over nasjonal terskel ({format_nok(national.value_nok)} kr) og under "
                      f"EØS-terskelen ({format_nok(eea.value_nok)} kr): del I og II gjelder.")
            self._near(value, eea)
            return "II", national, eea
        self.fire("R-PART-I", ("estimated_value_nok",),
                  f"{format_nok(value)} kr er fra {format_nok(floor.value_nok)} kr og under nasjonal terskel "
                  f"({format_nok(national.value_nok)} kr): bare del I gjelder.")
        self._near(value, national)
        return "I", floor, national

    def _eea_threshold(self, value: int | None) -> Threshold:
        t, v = self.table, self.v
        relevant = value is None or t["law_floor"].is_reached_by(value)
        inputs: tuple[str, ...]
        if v["utilities"]:
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
            key, rule, inputs = "eea_other_goods_services", "R-THRESHOLD-OTHER", ("buyer", "category")
        threshold = t[key]
        if relevant:
            note = ""
            if rule == "R-THRESHOLD-DESIGN-CONTEST" and v["buyer"] != "state":
                note = (" For andre enn statlige oppdragsgivere oppgir faktagrunnlaget ikke terskelen for plan- og "
                        "designkonkurranser; vi bruker terskelen for varer og tjenester (ikke verifisert).")
                self.find_out("Kontroller EØS-terskelen for plan- og designkonkurranser for kommuner og andre oppdragsgivere.")
            if rule == "R-THRESHOLD-UTILITIES":
                self.find_out("Bekreft at kontrakten knytter seg til en forsyningsaktivitet (vann, energi, transport, havner, "
                              "lufthavner, post); ellers gjelder anskaffelsesforskriften.")
            self.fire(rule, inputs, f"EØS-terskel: {threshold.name}, {format_nok(threshold.value_nok)} kr "
                      f"(gjelder fra {threshold.as_of}; kilde: {threshold.source}).{note}")
        return threshold

    def _near(self, value: int, upper: Threshold) -> None:
        if value < upper.value_nok and value >= NEAR_THRESHOLD_SHARE * upper.value_nok:
            gap = upper.value_nok - value
            text = (f"Verdien er {format_nok(gap)} kr under terskelen «{upper.name}» ({format_nok(upper.value_nok)} kr). "
                    "Kontroller anslaget nøye (hele avtaleperioden og eventuelle opsjoner), og ikke del opp anskaffelsen "
                    "for å komme under terskelen.")
            self.fire("R-NEAR-THRESHOLD", ("estimated_value_nok",), text)
            self.step("R-NEAR-THRESHOLD", text)
            self.find_out("Bekreft at verdianslaget er komplett, siden det ligger like under en terskel.")

    def _reform_floor(self, value: int) -> None:
        for change in self.table.pending:
            proposed = change.get("proposed_value_nok")
            if change.get("key") == "law_floor" and isinstance(proposed, int) and value < proposed:
                text = (f"Det er foreslått å heve nedre grense for loven til {format_nok(proposed)} kr ({change.get('source')}); "
                        f"status: {change.get('status')}. Vi legger dagens grense på "
                        f"{format_nok(self.table['law_floor'].value_nok)} kr til grunn.")
                self.assumptions.append(text)
                self.fire("R-REFORM-FLOOR", ("estimated_value_nok",), text)

    def check_dates(self) -> None:
        """Warn when the threshold table is older than its planned review date."""
        review = self.table.review_after
        if review and self.today >= dt.date.fromisoformat(review):
            text = (f"Terskelverdiene i modellen gjelder fra {self.table.as_of} (perioden {self.table.period}). EØS-terskelverdiene "
                    "justeres hvert annet år; kontroller på regjeringen.no eller hos DFØ om nye verdier er fastsatt.")
            self.warnings.append(text)
            self.find_out("Kontroller om nye EØS-terskelverdier har trådt i kraft etter " + self.table.as_of + ".")
            self.trail.append(AuditEntry("dato", self.today.isoformat(), "R-THRESHOLDS-DATED", text))

    # --- stage 3: need for innovation ---
    def assess_innovation(self, part: str) -> tuple[bool, str]:
        """Whether to run the purchase as an innovative procurement, and the innovation potential."""
        v = self.v
        market, dev, spec, failed = v["market_has_solution"], v["development_needed"], v["can_specify_solution"], v["previous_competition_failed"]
        innovative, level = False, 0

        def raise_to(name: str) -> None:
            nonlocal level
            level = max(level, _LEVELS.index(name))

        def reason(rule: str, keys: tuple[str, ...], text: str) -> None:
            self.reasons.append((rule, text))
            self.fire(rule, keys, text)

        self.fire("R-INNO-ACTIVE-ASSESSMENT", ("need",), "Behovet for innovasjon er vurdert aktivt før anskaffelsen, slik "
                  "stortingsmeldingen oppfordrer til. Innovasjon er lov og ønsket, men ingen plikt (LOA § 5 andre ledd).")
        if market == "no":
            innovative = True
            raise_to("high")
            reason("R-INNO-NOT-IN-MARKET", ("market_has_solution",),
                   "Behovet kan ikke dekkes av det som finnes i markedet: dette er en innovasjonsanskaffelse (DFØ), der noe nytt må utvikles.")
        if dev:
            innovative = True
            raise_to("high" if market in ("no", "unknown") else "medium")
            reason("R-INNO-DEVELOPMENT", ("development_needed",),
                   "Noe må utvikles eller videreutvikles for å dekke behovet, så anskaffelsen er innovativ.")
        if market == "with_adaptation":
            raise_to("medium")
            if spec:
                text = ("Løsninger finnes, men må tilpasses, og dere vet hva dere vil ha. Tilpasning alene gjør ikke "
                        "anskaffelsen innovativ (innovasjon er noe nytt eller vesentlig forbedret, FOA § 4-5 bokstav h); "
                        "kjør den som en innovasjonsvennlig anskaffelse som belønner bedre løsninger.")
            else:
                innovative = True
                text = ("Løsninger finnes, men må tilpasses, og dere kan bare beskrive behovet og resultatet: leverandørene "
                        "må forme en løsning som er ny for dere (anskaffelse av innovative løsninger).")
            reason("R-INNO-ADAPTATION", ("market_has_solution", "can_specify_solution"), text)
        if market == "unknown":
            raise_to("medium")
            if not dev and not spec:
                innovative = True
            reason("R-INNO-UNKNOWN-MARKET", ("market_has_solution", "development_needed", "can_specify_solution"),
                   "Det er ikke kjent om markedet har en løsning. Innovasjonsbehovet kan ikke avgjøres før markedsdialogen; "
                   f"vurderingen ({'innovativ' if innovative else 'ikke innovativ'}) er foreløpig.")
        if not spec:
            raise_to("medium")
            reason("R-INNO-UNSPECIFIABLE", ("can_specify_solution",),
                   "Dere kan ikke beskrive løsningen presist. Beskriv behovet og ønsket resultat som funksjon, og la "
                   "leverandørene foreslå løsninger.")
        if failed:
            raise_to("medium")
            reason("R-INNO-FAILED-BEFORE", ("previous_competition_failed",),
                   "En tidligere konkurranse mislyktes. Det kan tyde på at behovet var for snevert eller løsningsbundet "
                   "beskrevet, eller at markedet ikke har det dere ba om.")
            self.step("R-INNO-FAILED-BEFORE", "Finn ut hvorfor den forrige konkurransen mislyktes (løsningsbundne krav, for "
                      "korte frister, urealistisk pris eller et marked uten løsningen) før dere gjentar den.")
        if market == "yes" and spec and not dev and not failed:
            reason("R-INNO-STANDARD", ("market_has_solution", "can_specify_solution", "development_needed"),
                   "Markedet har løsningen, dere kan beskrive den, og ingenting må utvikles: dette er ikke en innovativ "
                   "anskaffelse. Tildelingskriterier som belønner bedre løsninger, kan likevel gi en innovasjonsvennlig anskaffelse.")
        return innovative, _LEVELS[level]


def decide(case: Case, table: ThresholdTable, today: dt.date) -> Decision:
    """Run every stage of the decision model on a case and return what it concluded."""
    r = _Reasoner(case, table, today)
    r.resolve_inputs()
    part, threshold, next_threshold = r.classify_part()
    part_entry = next(e for e in reversed(r.trail) if e.rule in ("R-SCOPE-BELOW", "R-PART-I", "R-PART-II", "R-PART-III"))
    r.check_dates()
    innovative, potential = r.assess_innovation(part)
    procedure, alternatives, legal_ground = r.choose_procedure(part, innovative)
    r.plan_next_steps(part, procedure, innovative, potential, alternatives)
    given = case.given()

    def origin(key: str) -> str:
        if key in r.assumed_keys:
            return "antatt"
        return "oppgitt" if key in given else "standardverdi"

    inputs = {key: {"value": r.v[key], "shown": display_value(key, r.v[key]), "assumed": key in r.assumed_keys,
                    "origin": origin(key)} for key in r.v}
    return Decision(
        inputs=inputs,
        assumed=list(r.assumed_keys),
        part=part,
        part_reason=(part_entry.rule, part_entry.conclusion),
        threshold=threshold,
        next_threshold=next_threshold,
        innovative=innovative,
        innovation_potential=potential,
        reasons=r.reasons,
        procedure=procedure,
        procedure_reasons=r.procedure_reasons,
        provisional=r.provisional,
        alternatives=alternatives,
        legal_ground=legal_ground,
        next_steps=r.steps,
        assumptions=r.assumptions,
        to_find_out=r.to_find_out,
        warnings=r.warnings,
        trail=r.trail,
        thresholds_considered=r.considered,
    )
