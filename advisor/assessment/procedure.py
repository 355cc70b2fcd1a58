"""Stage 4 of the decision model: the recommended procedure, ranked alternatives and the legal ground it rests on.

The choice follows the part of the regulation (which procedures exist) and what the market can deliver (which of
them fit): a need nobody can meet leads to development (innovation partnership, or PCP when the buyer will not
commit to buy); a need that existing solutions meet after adaptation leads to negotiation or dialogue; a need the
market already meets leads to an open or restricted competition with functional requirements.
"""

from __future__ import annotations

from advisor.assessment.rules import procedure_label
from advisor.assessment.state import GROUND_TEXT, Alternative, LegalGround, Reasoning, Route

# Heuristics of this model, not rules of the regulation (see R-PROC-DEADLINE): an innovation partnership or a PCP
# runs a competition and then development phases, which rarely fit in a year; a dialogue needs months of meetings.
LONG_PROCEDURE_MIN_MONTHS = 12
DIALOGUE_MIN_MONTHS = 6

# What the procedure assumes the market dialogue will show when the market is unknown.
_HYPOTHESIS = {
    "no": "at behovet ikke kan dekkes av det som finnes",
    "with_adaptation": "at løsninger finnes, men må tilpasses",
    "yes": "at løsningen finnes og kan beskrives",
}
_DECISIVE_KEYS = ("market_has_solution", "development_needed", "wants_to_buy_result", "can_specify_solution")


def choose_procedure(r: Reasoning) -> None:
    """The recommended procedure with ranked alternatives and the legal ground it rests on."""
    if r.part == "below":
        _below_the_floor(r)
        return
    if r.part == "referred":
        _other_regulation(r)
        return
    if r.part == "IV":
        _part_iv(r)
        return
    ranked = _rank(r)
    if r.values["design_contest"] and r.part == "III":
        # Above the EØS threshold a design contest follows its own rules in FOA part V; it is not one of the part III
        # procedures to choose between (NFD-frister; reference «Part V covers design contests»).
        ranked = [route for route in ranked if route[0] == "design_contest"]
    seen: set[str] = set()
    unique = [route for route in ranked if not (route[0] in seen or seen.add(route[0]))]
    _record_choice(r, unique)
    r.legal_ground = _legal_ground(r, r.procedure, r.part)


def _below_the_floor(r: Reasoning) -> None:
    text = ("Under 100 000 kr gjelder ikke loven. Kjøp direkte, men innhent gjerne tilbud fra flere for å få god "
            "pris og kvalitet.")
    if r.innovative:
        text += " Et lite utviklingsbehov kan også kjøpes direkte, men avklar rettighetene til resultatet i avtalen."
    r.fire("R-PROC-BELOW-DIRECT", ("estimated_value_nok",), text)
    r.procedure_reasons.append(("R-PROC-BELOW-DIRECT", text))
    r.procedure, r.alternatives = "direct", []
    r.legal_ground = LegalGround("LOA § 2", [], "Kontrakter under 100 000 kr ekskl. mva. er utenfor anskaffelsesregelverket.", True)


def _other_regulation(r: Reasoning) -> None:
    """Defence and security or a concession: the procedure is that regulation's, which the model does not cover."""
    name = ("forskrift om forsvars- og sikkerhetsanskaffelser" if r.regime == "defence_security"
            else "forskrift om konsesjonskontrakter")
    text = (f"Prosedyren følger av {name}, som faktagrunnlaget ikke dekker; modellen anbefaler derfor ingen prosedyre etter "
            "anskaffelsesforskriften. De grunnleggende prinsippene i LOA § 4 gjelder også her.")
    r.fire("R-PROC-OTHER-REGULATION", ("regime",), text)
    r.procedure_reasons.append(("R-PROC-OTHER-REGULATION", text))
    r.procedure, r.alternatives = "other_regulation", []
    r.legal_ground = LegalGround(name[0].upper() + name[1:] + " (ikke gjennomgått i faktagrunnlaget)", [],
                                 "Prosedyrereglene i denne forskriften er ikke verifisert; LOA § 4 gjelder.", False)


def _part_iv(r: Reasoning) -> None:
    """Health and social services from their threshold: part IV's own procedure rules, not part III's procedures."""
    text = ("Del IV (kapittel 30) har egne prosedyreregler for helse- og sosialtjenester. Etter EU-direktivets forenklede "
            "regime kan dere utforme prosedyren selv innenfor likebehandling og åpenhet, også med forhandlinger, men må "
            "kunngjøre konkurransen og tildelingen; at den norske forskriften sier det samme, er ikke verifisert. Del IV har "
            "ingen minstefrister.")
    if r.innovative:
        text += (" Trenger dere at noe utvikles, kan prosedyren legges opp med faser for utvikling og kjøp; reglene for "
                 "innovasjonspartnerskap i del III gjelder ikke direkte.")
    r.fire("R-PROC-PART-IV", ("health_social_services", "estimated_value_nok"), text)
    r.procedure_reasons.append(("R-PROC-PART-IV", text))
    r.flag_unverified("Hvordan prosedyren i del IV (kapittel 30) kan utformes: kunngjøring og forhandlinger.")
    r.procedure, r.alternatives = "part_iv", []
    r.legal_ground = LegalGround("FOA del IV (kapittel 30)", [],
                                 "Egne prosedyreregler for helse- og sosialtjenester fra EØS-terskelen (NFD-veilederen kap. 43.1); "
                                 "innholdet i reglene er ikke verifisert i faktagrunnlaget.", False)


def _rank(r: Reasoning) -> list[Route]:
    """Every procedure that fits, best first (duplicates are removed by the caller)."""
    v, part = r.values, r.part
    dev, buy = v["development_needed"], v["wants_to_buy_result"]
    effective = _effective_market(r)
    _fire_grounds(r, effective)
    ranked: list[Route] = []
    if v["design_contest"]:
        ranked.append(("design_contest", "R-PROC-DESIGN-CONTEST",
                       "Dere ønsker planer eller design (for eksempel arkitektur eller plan). En plan- og designkonkurranse "
                       + ("har egne regler i FOA del V og er ikke et valg mellom prosedyrene i del III. Den "
                          if part == "III" else "") +
                       "lar dere kjøpe den vinnende løsningen etterpå uten ny konkurranse (DFØ); vilkårene for det "
                       "etterfølgende kjøpet er ikke verifisert i faktagrunnlaget."))
    if dev and not buy:
        ranked.append(("pcp", "R-PROC-PCP",
                       "Dere vil få utviklet noe, men ikke forplikte dere til å kjøpe: en førkommersiell anskaffelse (PCP) "
                       "etter FoU-unntaket i FOA § 2-5 passer, forutsatt at begge vilkårene er oppfylt. Kjøp av den "
                       "ferdige løsningen krever en ny konkurranse."))
    if r.regime == "utilities" and part == "II":
        ranked.extend(_utilities_route(r, effective))
    elif effective == "no":
        # Without intent to buy, PCP is already first and the partnership route stays as the alternative.
        ranked.extend(_innovation_partnership_route(r, part))
    elif effective == "with_adaptation":
        ranked.extend(_adaptation_route(part, v["can_specify_solution"]))
    else:
        ranked.extend(_existing_market_route(part, v["can_specify_solution"], v["previous_competition_failed"]))
    return _apply_deadline_and_risk(r, ranked)


def _record_choice(r: Reasoning, unique: list[Route]) -> None:
    """Fire the rules of the chosen procedure and of each alternative, and mark a choice that rests on a guess."""
    v, part = r.values, r.part
    market = v["market_has_solution"]
    procedure, rule, reason = unique[0]
    if market == "unknown":
        reason = f"Foreløpig, forutsatt at markedsdialogen viser {_HYPOTHESIS[_effective_kind(r)]}: {reason}"
    r.fire(rule, _DECISIVE_KEYS, f"Anbefalt: {procedure_label(procedure, part, r.regime)}. {reason}")
    r.procedure_reasons.insert(0, (rule, reason))
    alternatives = [Alternative(p, procedure_label(p, part, r.regime), why, rule_id) for p, rule_id, why in unique[1:]]
    for number, alt in enumerate(alternatives, start=2):
        r.fire(alt.rule, _DECISIVE_KEYS, f"Alternativ {number}: {alt.label}. {alt.reason}")
    if market == "unknown":
        r.provisional = True
        r.fire("R-PROC-PROVISIONAL", ("market_has_solution",),
               "Markedet er ukjent: prosedyren er foreløpig og bygger på en antakelse om hva markedsdialogen vil vise.")
    elif procedure == "innovation_partnership" and not v["market_dialogue_done"]:
        # The partnership's condition (nothing on the market meets the need) has to be shown by a dialogue first.
        r.provisional = True
        r.fire("R-IP-DIALOGUE-FIRST", ("market_dialogue_done",),
               "Markedsdialog er ikke gjennomført: at markedet ikke har løsningen, må dokumenteres før "
               "innovasjonspartnerskap kan brukes. Prosedyren er foreløpig.")
    if r.regime == "utilities":
        text = ("Forsyningsforskriften gjelder, og anskaffelsesforskriftens prosedyreregler gjelder ikke. "
                + ("Over EØS-terskelen kan dere alltid velge konkurranse med forhandling etter kunngjøring, uten et vilkår "
                   "som i FOA § 13-2." if part == "II" else
                   "Under EØS-terskelen er det konkurranseprinsippet i LOA § 4 som styrer hvem dere må spørre."))
        r.fire("R-PROC-UTILITIES", ("regime",), text)
        r.procedure_reasons.append(("R-PROC-UTILITIES", text))
    r.procedure, r.alternatives = procedure, alternatives


def _effective_kind(r: Reasoning) -> str:
    """What the market can deliver as the procedure choice reads it: 'no', 'with_adaptation' or 'yes'."""
    v = r.values
    market, dev, spec = v["market_has_solution"], v["development_needed"], v["can_specify_solution"]
    if market == "unknown":
        # Guess what the dialogue will show from what the buyer knows: development points to nothing on the
        # market, an unspecifiable need to adaptation, a specifiable one to the market as it is.
        return "no" if dev else ("with_adaptation" if not spec else "yes")
    if market in ("yes", "with_adaptation") and dev:
        return "with_adaptation"
    return market


def _effective_market(r: Reasoning) -> str:
    """`_effective_kind`, and say so when development on a market that has solutions rules out a partnership."""
    v = r.values
    kind = _effective_kind(r)
    if v["market_has_solution"] in ("yes", "with_adaptation") and v["development_needed"] and v["wants_to_buy_result"]:
        r.fire("R-IP-NOT-AVAILABLE", ("market_has_solution", "development_needed"),
               "Markedet har løsninger som kan dekke behovet (eventuelt med tilpasning). Da kan innovasjonspartnerskap "
               "ikke brukes; utviklingen behandles som tilpasning av eksisterende løsninger.")
    return kind


def _fire_grounds(r: Reasoning, effective: str) -> None:
    """In part III, name each FOA § 13-2 ground the facts point to; negotiation and dialogue need at least one."""
    if r.part != "III":
        return
    v = r.values
    checks = (
        ("R-GROUND-ADAPTATION", effective == "with_adaptation", ("market_has_solution",)),
        ("R-GROUND-INNOVATIVE", r.innovative and (effective == "no" or v["design_contest"]), ("market_has_solution", "design_contest")),
        ("R-GROUND-COMPLEXITY", bool(v["development_needed"]), ("development_needed",)),
        ("R-GROUND-SPECIFICATION", not v["can_specify_solution"], ("can_specify_solution",)),
        ("R-GROUND-FAILED", bool(v["previous_competition_failed"]), ("previous_competition_failed",)),
    )
    for rule, applies, keys in checks:
        if applies:
            r.grounds.append(rule)
            r.fire(rule, keys, f"FOA § 13-2 {GROUND_TEXT[rule]} – kan være oppfylt og må dokumenteres konkret.")
    if "R-GROUND-FAILED" in r.grounds:
        r.step("R-GROUND-FAILED", "Ga den forrige anbudskonkurransen bare uakseptable tilbud, eller ingen tilbud, kan "
               "konkurranse med forhandling uten kunngjøring være mulig i snevre tilfeller. Unntaket tolkes strengt, og "
               "begrunnelsen skal i protokollen.", 1)


def _innovation_partnership_route(r: Reasoning, part: str) -> list[Route]:
    """Nothing on the market meets the need: develop it, and buy it in the same procurement if the buyer wants to."""
    buy = r.values["wants_to_buy_result"]
    ip_reason = ("Behovet kan ikke dekkes av det markedet har, og dere vil ha en løsning utviklet og deretter kjøpe den. "
                 if buy else "Vil dere likevel kjøpe løsningen etter utviklingen: ")
    ip_reason += "Innovasjonspartnerskap dekker både utvikling og kjøp i én anskaffelse (FOA § 13-1 tredje ledd)."
    if part == "II":
        r.fire("R-IP-PART-III-RULES", ("estimated_value_nok",),
               "Verdien er under EØS-terskelen, men innovasjonspartnerskap følger likevel reglene i del III.")
        ip_reason += " Merk: prosedyren følger reglene i del III også under EØS-terskelen."
    route: list[Route] = []
    if part == "I":
        # Part I has no set procedure, so a simple competition can cover development and purchase; the partnership
        # stays possible but brings all of part III's formalities to a small purchase.
        heavy = ("Innovasjonspartnerskap er mulig også under nasjonal terskel, men tungt: reglene i del III gjelder uansett "
                 "verdi (kunngjøring, prekvalifisering, forhandlinger, faser).")
        r.fire("R-IP-PART-III-RULES", ("estimated_value_nok",), "Innovasjonspartnerskap følger reglene i del III også "
               "under EØS-terskelen.")
        r.fire("R-IP-HEAVY-BELOW-NATIONAL", ("estimated_value_nok",), heavy)
        route.append(("direct", "R-PROC-PART-I-DIRECT",
                      "Del I har ingen fast prosedyre. Lag en enkel konkurranse mellom noen leverandører som dekker både "
                      "utvikling og kjøp, med behovsbeskrivelse, tydelige rettigheter og mulighet til å avslutte etter "
                      "en første fase." if buy else
                      "Del I har ingen fast prosedyre: et utviklingsoppdrag kan også settes ut i en enkel konkurranse "
                      "mellom noen leverandører, uten å bygge på FoU-unntaket."))
        route.append(("innovation_partnership", "R-PROC-INNOVATION-PARTNERSHIP", ip_reason + " " + heavy))
    else:
        route.append(("innovation_partnership", "R-PROC-INNOVATION-PARTNERSHIP", ip_reason))
    if not buy:
        return route  # R&D only: PCP comes first; procedures for buying an adapted solution do not fit
    if part == "III":
        route.append(("competitive_dialogue", "R-PROC-DIALOGUE",
                      "Hvis markedsdialogen viser at eksisterende løsninger kan tilpasses, kan konkurransepreget dialog "
                      "brukes i stedet (FOA § 13-2); men da kjøper dere ikke utvikling med eget partnerskap."))
        route.append(("negotiated", "R-PROC-NEGOTIATED",
                      "Konkurranse med forhandling kan brukes hvis dere har en klar idé om løsningen og den kan tilpasses "
                      "fra noe som finnes (FOA § 13-2)."))
    elif part == "II":
        route.append(("negotiated", "R-PROC-PART-II-NEGOTIATION",
                      "Viser dialogen at løsninger kan tilpasses, holder en tilbudskonkurranse med forhandling "
                      "(forhandling må være opplyst på forhånd)."))
    route.append(("pcp", "R-PROC-PCP",
                  "Vil dere først teste flere løsningsveier uten å forplikte dere til kjøp, kan en førkommersiell anskaffelse "
                  "(PCP, FOA § 2-5) komme først; kjøpet krever da en ny konkurranse."))
    return route


def _utilities_route(r: Reasoning, effective: str) -> list[Route]:
    """Above the utilities threshold: open, restricted and negotiated procedure with notice are all free choices."""
    v = r.values
    spec, failed = v["can_specify_solution"], v["previous_competition_failed"]
    negotiated = ("negotiated", "R-PROC-UTILITIES",
                  "I forsyningssektoren kan konkurranse med forhandling etter kunngjøring alltid brukes; den gir rom for å "
                  "tilpasse og forbedre tilbudene uten et vilkår som i FOA § 13-2.")
    open_ = ("open", "R-PROC-UTILITIES", "Åpen konkurranse med kunngjøring passer når løsningen finnes og kan beskrives "
             "presist; funksjonskrav og tildelingskriterier som belønner bedre løsninger, gir rom for innovasjon.")
    restricted = ("restricted", "R-PROC-UTILITIES", "Begrenset konkurranse når dere vil prekvalifisere og begrense antall "
                  "tilbydere.")
    if effective == "no":
        r.flag_unverified("Om forsyningsforskriften har konkurransepreget dialog og innovasjonspartnerskap, og på hvilke vilkår.")
        partnership = ("innovation_partnership", "R-PROC-INNOVATION-PARTNERSHIP",
                       "Skal noe utvikles og deretter kjøpes, kan et innovasjonspartnerskap passe; om og på hvilke vilkår "
                       "forsyningsforskriften har prosedyren, er ikke verifisert.")
        return [negotiated, partnership, open_]
    if effective == "with_adaptation" or not spec or failed:
        return [negotiated, open_, restricted]
    return [open_, negotiated, restricted]


def _adaptation_route(part: str, spec: bool) -> list[Route]:
    """Solutions exist but must be adapted: room to negotiate (part III needs a § 13-2 ground, which adaptation is)."""
    if part == "III":
        negotiated = ("negotiated", "R-PROC-NEGOTIATED",
                      "Løsninger finnes, men må tilpasses, og dere vet omtrent hva dere vil ha: konkurranse med forhandling "
                      "lar dere forhandle om alle sider ved tilbudene (FOA § 13-2).")
        dialogue = ("competitive_dialogue", "R-PROC-DIALOGUE",
                    "Dere har et behov, men ingen klar løsning: i konkurransepreget dialog brukes dialogen til å finne ut "
                    "hvordan behovet best dekkes (FOA § 13-2).")
        open_ = ("open", "R-PROC-PART-III-OPEN",
                 "Viser markedsdialogen at eksisterende løsninger går langt, kan en åpen anbudskonkurranse med funksjonskrav "
                 "og tildelingskriterier som belønner bedre løsninger være raskere (innovasjonsvennlig anskaffelse).")
        # DFØ: negotiation when the buyer has a clear idea of the solution, dialogue when it only knows the need.
        return [negotiated, dialogue, open_] if spec else [dialogue, negotiated, open_]
    if part == "II":
        return [("negotiated", "R-PROC-PART-II-NEGOTIATION",
                 "Løsninger må tilpasses: en tilbudskonkurranse der dere har opplyst på forhånd at dere vil forhandle, "
                 "gir rom for å tilpasse løsningen (paragrafen for forhandling i del II er ikke verifisert)."),
                ("open", "R-PROC-PART-II-OPEN", "Med funksjonskrav og tildelingskriterier som belønner bedre løsninger, "
                 "uten forhandling (FOA § 8-3)."),
                ("restricted", "R-PROC-PART-II-OPEN", "Når dere vil velge ut hvem som får levere tilbud "
                 "(FOA § 8-3).")]
    return [("direct", "R-PROC-PART-I-DIRECT",
             "Del I har ingen fast prosedyre: be noen leverandører om tilbud på en tilpasset løsning, og la dem få "
             "forklare og justere tilbudene på like vilkår."),
            ("open", "R-PROC-PART-I-DIRECT", "Kunngjør frivillig på Doffin for å nå flere leverandører.")]


def _existing_market_route(part: str, spec: bool, failed: bool) -> list[Route]:
    """The market has the solution: compete on it; negotiate only where a ground for it exists."""
    if part == "III":
        if not spec or failed:
            why = "dere kan ikke beskrive løsningen presist" if not spec else "en tidligere konkurranse mislyktes"
            route = [("negotiated", "R-PROC-NEGOTIATED",
                      f"Løsninger finnes, men {why}: konkurranse med forhandling gir rom for å avklare og forbedre "
                      "tilbudene (FOA § 13-2).")]
            if not spec:
                route.append(("competitive_dialogue", "R-PROC-DIALOGUE",
                              "Konkurransepreget dialog hvis dere bare kjenner behovet og vil at dialogen skal forme løsningen."))
            route.append(("open", "R-PROC-PART-III-OPEN",
                          "Åpen anbudskonkurranse med funksjonskrav etter en markedsdialog som gjør det mulig å spesifisere "
                          "(FOA § 13-1 første ledd)."))
            route.append(("restricted", "R-PROC-PART-III-OPEN", "Når dere vil prekvalifisere og begrense antall tilbydere (FOA § 13-1 første ledd)."))
            return route
        # Open and restricted procedures are always allowed in part III; negotiation is not, without a § 13-2 ground.
        return [("open", "R-PROC-PART-III-OPEN",
                 "Løsningen finnes i markedet og kan beskrives: åpen anbudskonkurranse er alltid tillatt (FOA § 13-1 "
                 "første ledd). Forhandling er ikke tillatt, og konkurranse med forhandling krever et vilkår i § 13-2 "
                 "som ikke ser ut til å være oppfylt."),
                ("restricted", "R-PROC-PART-III-OPEN",
                 "Når dere venter mange tilbydere og vil prekvalifisere (FOA § 13-1 første ledd).")]
    if part == "II":
        if not spec or failed:
            return [("negotiated", "R-PROC-PART-II-NEGOTIATION",
                     "Tilbudskonkurranse der dere på forhånd har opplyst at dere vil forhandle, slik at tilbudene kan "
                     "avklares og forbedres (paragrafen er ikke verifisert)."),
                    ("open", "R-PROC-PART-II-OPEN", "Uten forhandling, med funksjonskrav (FOA § 8-3)."),
                    ("restricted", "R-PROC-PART-II-OPEN", "Når dere vil velge ut hvem som får levere tilbud (FOA § 8-3).")]
        return [("open", "R-PROC-PART-II-OPEN",
                 "Løsningen finnes i markedet og kan beskrives: åpen tilbudskonkurranse (FOA § 8-3)."),
                ("restricted", "R-PROC-PART-II-OPEN",
                 "Når dere vil velge ut hvem som får levere tilbud (FOA § 8-3).")]
    return [("direct", "R-PROC-PART-I-DIRECT",
             "Del I har ingen fast prosedyre: be om tilbud fra noen få leverandører og velg etter forhåndsbestemte kriterier."),
            ("open", "R-PROC-PART-I-DIRECT", "Kunngjør frivillig på Doffin hvis dere vil ha bredere konkurranse.")]


def _apply_deadline_and_risk(r: Reasoning, ranked: list[Route]) -> list[Route]:
    """Reorder the routes for a short deadline or a low risk tolerance, and say why."""
    v = r.values
    months, first = v["deadline_months"], ranked[0][0]
    if months is not None and first in ("innovation_partnership", "pcp") and months < LONG_PROCEDURE_MIN_MONTHS:
        text = (f"Fristen på {months} måneder er knapp for {procedure_label(first, 'III', r.regime)}: både konkurransen og "
                "utviklingsfasene tar tid. Vurder å dekke det akutte behovet med en midlertidig løsning og starte "
                "utviklingsløpet parallelt.")
        r.fire("R-PROC-DEADLINE", ("deadline_months",), text)
        r.step("R-PROC-DEADLINE", text, 0)
    if months is not None and first == "competitive_dialogue" and months < DIALOGUE_MIN_MONTHS:
        swap = next((route for route in ranked if route[0] == "negotiated"), None)
        text = (f"Fristen på {months} måneder er knapp for konkurransepreget dialog, som krever mye tid og ressurser.")
        if swap:
            ranked = [swap] + [route for route in ranked if route is not swap]
            text += " Konkurranse med forhandling anbefales derfor først."
        r.fire("R-PROC-DEADLINE", ("deadline_months",), text)
        r.procedure_reasons.append(("R-PROC-DEADLINE", text))
    if v["risk_tolerance"] == "low" and ranked[0][0] in ("innovation_partnership", "competitive_dialogue", "pcp"):
        text = ("Lav risikovilje: ta forbehold i konkurransedokumentene om å avslutte eller redusere antall partnere etter "
                "hver fase, og vurder flere parallelle partnere eller en førkommersiell fase (PCP) for å teste løsningsveier først.")
        r.fire("R-PROC-RISK-LOW", ("risk_tolerance",), text)
        r.step("R-PROC-RISK-LOW", text)
        if ranked[0][0] == "innovation_partnership":
            # Testing solution paths first (PCP) is the cautious alternative to committing to a partnership.
            pcp = next((route for route in ranked if route[0] == "pcp"), None)
            if pcp:
                ranked = [ranked[0], pcp] + [route for route in ranked[1:] if route is not pcp]
    return ranked


def _legal_ground(r: Reasoning, procedure: str, part: str) -> LegalGround:
    """The provision the procedure rests on; `verified` is False where the fact sheet could not confirm it."""
    if procedure == "design_contest":
        ground = LegalGround("FOA del V (plan- og designkonkurranser; paragrafene er ikke verifisert i faktagrunnlaget)", [],
                             "Kjøp av vinnerløsningen uten ny konkurranse er mulig ifølge DFØ; vilkårene må kontrolleres i forskriften.",
                             False)
    elif procedure == "pcp":
        ground = LegalGround("FOA § 2-5 (unntak for visse FoU-kontrakter)", [],
                             "Begge vilkår må være oppfylt: hovedelementet er forskning og utvikling (mer enn 50 % ny kunnskap), "
                             "og oppdragsgiver betaler ikke hele kostnaden eller får ikke hele nytten til egen bruk. PCP er ingen "
                             "prosedyre i FOA, og kjøp av resultatet krever ny konkurranse.", True)
    elif procedure == "innovation_partnership":
        ground = LegalGround("FOA § 13-1 tredje ledd (DFØ skriver «FOA § 13 (3)»)", [],
                             "Vilkåret er at behovet for en innovativ vare, tjeneste eller bygge- og anleggsarbeid ikke kan dekkes "
                             "ved å kjøpe det som allerede finnes i markedet. Reglene i del III gjelder også under EØS-terskelen.", True)
    elif procedure in ("negotiated", "competitive_dialogue") and part == "III":
        ground = LegalGround("FOA § 13-2", [GROUND_TEXT[g] for g in r.grounds],
                             "Minst ett vilkår må være oppfylt, og oppdragsgiver må kunne dokumentere det konkret. Vilkårene er "
                             "gjengitt etter NFD-veilederen via sekundærkilde.", True)
    elif procedure == "negotiated" and part == "II":
        ground = LegalGround("FOA § 8-3 (tilbudskonkurranse); forhandling forutsetter at det er opplyst på forhånd", [],
                             "Det er vanlig lagt til grunn at det kan forhandles i del II når det er opplyst på forhånd, men "
                             "paragrafen er ikke verifisert i faktagrunnlaget. Kontroller forskriftsteksten.", False)
    elif part == "II":
        ground = LegalGround("FOA § 8-3", [], "I del II kan oppdragsgiver velge åpen eller begrenset tilbudskonkurranse. "
                             "Forhandling med leverandørene er også mulig i del II når det er opplyst i kunngjøringen (vanlig "
                             "lagt til grunn; paragrafen er ikke verifisert i faktagrunnlaget).", True)
    elif part == "III":
        ground = LegalGround("FOA § 13-1 første ledd", [], "Åpen og begrenset anbudskonkurranse er alltid tillatt i del III.", True)
    else:
        ground = LegalGround("LOA § 4 og FOA del I (kap. 7)", [],
                             "Ingen fast prosedyre i del I; de grunnleggende prinsippene gjelder.", True)
    if r.regime == "utilities" and part == "II" and procedure in ("open", "restricted", "negotiated"):
        ground = LegalGround("Forsyningsforskriften (del II)", [],
                             "Over EØS-terskelen kan oppdragsgiver velge åpen eller begrenset konkurranse, og alltid konkurranse "
                             "med forhandling etter kunngjøring (Adviso, sekundærkilde); paragrafen er ikke verifisert.", False)
    elif r.regime == "utilities" and part == "I":
        ground = LegalGround("LOA § 4 og forsyningsforskriften del I", [],
                             "Ingen fast prosedyre under EØS-terskelen; konkurranseprinsippet avgjør hvor mange som må spørres.", True)
    elif r.regime == "utilities":
        ground.provision = "Forsyningsforskriften (ikke kontrollert); tilsvarende i anskaffelsesforskriften: " + ground.provision
        ground.verified = False
    return ground
