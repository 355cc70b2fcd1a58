"""Stage 3 of the decision model: should the purchase be run as an innovative procurement, and how high is its
innovation potential? Innovation is allowed and encouraged, never a duty (LOA § 5 second ledd), so this stage only
advises; it never changes the part of the regulation.
"""

from __future__ import annotations

from advisor.assessment.state import Reasoning

_LEVELS = ("low", "medium", "high")


def assess_innovation(r: Reasoning) -> None:
    """Whether to run the purchase as an innovative procurement, and the innovation potential."""
    v = r.values
    market, dev, spec, failed = v["market_has_solution"], v["development_needed"], v["can_specify_solution"], v["previous_competition_failed"]
    innovative, level = False, 0

    def raise_to(name: str) -> None:
        # Signals only ever raise the potential; one strong signal is enough for "high".
        nonlocal level
        level = max(level, _LEVELS.index(name))

    def reason(rule: str, keys: tuple[str, ...], text: str) -> None:
        r.reasons.append((rule, text))
        r.fire(rule, keys, text)

    r.fire("R-INNO-ACTIVE-ASSESSMENT", ("need",), "Behovet for innovasjon er vurdert aktivt før anskaffelsen, slik "
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
        # Adapting what exists is new to the buyer only when the buyer cannot describe it and the suppliers must
        # shape it; otherwise it is an ordinary purchase run in an innovation-friendly way (FOA § 4-5 letter h).
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
        # An unknown market with nothing to develop is innovative only if the buyer cannot describe the solution
        # either; the market dialogue settles it, so the verdict is marked provisional.
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
        r.step("R-INNO-FAILED-BEFORE", "Finn ut hvorfor den forrige konkurransen mislyktes (løsningsbundne krav, for "
               "korte frister, urealistisk pris eller et marked uten løsningen) før dere gjentar den.")
    if market == "yes" and spec and not dev and not failed:
        reason("R-INNO-STANDARD", ("market_has_solution", "can_specify_solution", "development_needed"),
               "Markedet har løsningen, dere kan beskrive den, og ingenting må utvikles: dette er ikke en innovativ "
               "anskaffelse. Tildelingskriterier som belønner bedre løsninger, kan likevel gi en innovasjonsvennlig anskaffelse.")
    r.innovative, r.innovation_potential = innovative, _LEVELS[level]
