"""Stage 1 of the decision model: every input key gets a value, and each value the user did not give is a stated
assumption (with the question that would settle it) rather than a silent default.
"""

from __future__ import annotations

from advisor.assessment.case import FIELDS
from advisor.assessment.state import Reasoning

# Keys about the value and the term: shown among the inputs only when given, since most cases have none of them.
# Shown only when the contract type could change the part (part.drop_idle_category_assumption removes it otherwise).
CATEGORY_ASSUMPTION = "Kontraktstype er ikke oppgitt. Vi legger til grunn vare eller tjeneste (samme terskel), ikke bygg og anlegg."

_VALUE_KEYS = ("value_per_period_nok", "value_period", "duration_months", "option_months", "options_value_nok", "value_parts",
               "open_ended", "framework_agreement", "amounts_include_vat")


def resolve_inputs(r: Reasoning) -> None:
    """Fill missing keys with stated assumptions and settle contradictions."""
    c = r.case
    # The utilities flag of older cases and the regime key name the same thing; parse_case has refused a mismatch.
    r.regime = c.regime or ("utilities" if c.utilities else "foa")
    r.values = {
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
        "regime": r.regime,
    }
    r.values["utilities"] = r.regime == "utilities"
    r.values.update({key: getattr(c, key) for key in _VALUE_KEYS if getattr(c, key) is not None})
    if c.need is None:
        r.find_out("Beskriv behovet med egne ord: hva skal oppnås, for hvem, og hvordan vet dere at det er løst?")
    # Each assumption below picks the reading with the strictest rules, so that a missing answer can make the
    # advice more cautious but never lets a purchase slip under a threshold it may have reached.
    if c.buyer is None:
        # The state has the lowest EØS threshold for goods and services (1.49 against 2.3 MNOK).
        r.assume("R-ASSUME-BUYER", "buyer", "state",
                 "Oppdragsgiver er ikke oppgitt. Vi legger til grunn statlig oppdragsgiver, som har den laveste EØS-terskelen.")
        r.find_out("Hvem er oppdragsgiver: statlig, kommune/fylkeskommune eller annet offentligrettslig organ (f.eks. helseforetak)?")
    if c.category is None:
        # Goods and services share the lower threshold; works only reach part III at 57.8 MNOK.
        r.assume("R-ASSUME-CATEGORY", "category", "goods", CATEGORY_ASSUMPTION)
        r.find_out("Er dette varer, tjenester eller bygge- og anleggsarbeid?")
    if c.market_has_solution is None:
        r.assume("R-ASSUME-MARKET", "market_has_solution", "unknown",
                 "Det er ikke oppgitt om markedet har en løsning. Vi regner markedet som ukjent.")
    _resolve_flags(r)
    _settle_contradictions(r)
    _unclear_in_text(r)


def _resolve_flags(r: Reasoning) -> None:
    """Derive the unanswered process flags from the market answer, all in one stated assumption."""
    c, market = r.case, r.values["market_has_solution"]
    texts: list[str] = []
    keys: list[str] = []
    if c.development_needed is None:
        r.values["development_needed"] = market == "no"
        texts.append("at noe må utvikles" if market == "no" else "at ingenting må utvikles")
        keys.append("development_needed")
        r.find_out("Må noe utvikles, eller kan behovet dekkes av noe som finnes (eventuelt med tilpasning)?")
    if c.wants_to_buy_result is None:
        # Buying the result is the ordinary case; R&D without a purchase (PCP) must be chosen deliberately.
        r.values["wants_to_buy_result"] = True
        texts.append("at dere vil kjøpe løsningen, ikke bare finansiere forskning og utvikling")
        keys.append("wants_to_buy_result")
        if r.values["development_needed"]:
            r.find_out("Vil dere kjøpe den ferdige løsningen etter utviklingen, eller bare finansiere forskning og utvikling?")
    if c.can_specify_solution is None:
        # Missing information is not a signal of innovation: only a market answer of "no" or "with_adaptation"
        # makes us assume that the solution cannot be described precisely.
        can_specify = market not in ("no", "with_adaptation")
        r.values["can_specify_solution"] = can_specify
        texts.append("at dere kan beskrive løsningen presist" if can_specify else "at dere ikke kan beskrive løsningen presist ennå")
        keys.append("can_specify_solution")
        r.find_out("Kan dere beskrive løsningen presist, eller bare behovet og resultatet dere vil oppnå?")
    if c.market_dialogue_done is None:
        # Assuming no dialogue keeps the market-dialogue step in the advice, which is harmless if it was done.
        r.values["market_dialogue_done"] = False
        texts.append("at markedsdialog ikke er gjennomført")
        keys.append("market_dialogue_done")
    if keys:
        text = "Ikke oppgitt, derfor antatt: " + "; ".join(texts) + "."
        r.assumed_keys.extend(keys)
        r.assumptions.append(text)
        r.fire("R-ASSUME-FLAGS", tuple(keys), text)


def _settle_contradictions(r: Reasoning) -> None:
    """Resolve inputs that cannot all be true, each towards the stricter reading, and ask the buyer to settle it."""
    v, c = r.values, r.case
    if v["market_has_solution"] == "no" and c.development_needed is False:
        v["development_needed"] = True
        _contradiction(r, ("market_has_solution", "development_needed"),
                       "Dere oppgir at markedet ikke har løsningen, men at ingenting skal utvikles. Vi legger til grunn at "
                       "noe må utvikles.", "Avklar om behovet kan dekkes uten utvikling, for eksempel ved å endre "
                       "arbeidsprosesser, eller om noe faktisk må utvikles.")
    # Health and social services and other special services are kinds of services; on goods or works the flag
    # cannot apply, and keeping it would wrongly lift the threshold to 7.8 MNOK.
    if (v["health_social_services"] or v["special_services"]) and v["category"] != "services":
        v["health_social_services"] = v["special_services"] = False
        _contradiction(r, ("category", "health_social_services", "special_services"),
                       "Helse- og sosialtjenester og særlige tjenester er tjenester; markeringen er ikke brukt fordi "
                       "kontraktstypen ikke er tjenester.", "Avklar om kontrakten gjelder tjenester (f.eks. helse- og "
                       "sosialtjenester) eller varer/bygg og anlegg.")
    if v["health_social_services"] and v["special_services"]:
        v["health_social_services"] = False
        _contradiction(r, ("special_services", "health_social_services"),
                       "Både helse- og sosialtjenester og andre særlige tjenester er markert. Vi bruker reglene for andre "
                       "særlige tjenester, som er strengest (del II fra 1,3 mill. kr).",
                       "Avklar om tjenesten er en helse- og sosialtjeneste eller en annen særlig tjeneste.")
    if v["utilities"] and (v["health_social_services"] or v["special_services"]):
        v["health_social_services"] = v["special_services"] = False
        _contradiction(r, ("utilities", "health_social_services", "special_services"),
                       "Forsyningsforskriften har egne terskler for helse- og sosialtjenester og særlige tjenester som ikke "
                       "er i modellens data; vi bruker forsyningssektorens terskel for varer og tjenester.",
                       "Kontroller forsyningsforskriftens terskel for helse- og sosialtjenester og særlige tjenester.")


def _contradiction(r: Reasoning, keys: tuple[str, ...], text: str, question: str) -> None:
    # keys[0] is the input that wins; the values of keys[1:] now differ from what was given: show them as assumed.
    r.assumed_keys.extend(key for key in keys[1:] if key not in r.assumed_keys)
    r.assumptions.append(text)
    r.find_out(question)
    r.fire("R-INCONSISTENT", keys, text)


def _unclear_in_text(r: Reasoning) -> None:
    """Keys a free text spoke of without settling them ("kommune" and "statlig"): the assumption stands, but as a question."""
    for key in r.unclear_keys:
        if key not in FIELDS or getattr(r.case, key) is not None:
            continue
        label = FIELDS[key].label.lower()
        text = (f"Beskrivelsen gir ikke et entydig svar på {label}; svaret over er en antakelse til dere har avklart det.")
        r.assumptions.append(text)
        r.find_out(f"Avklar {label}: beskrivelsen peker i ulike retninger.")
        r.fire("R-TEXT-UNCLEAR", (key,), text)
