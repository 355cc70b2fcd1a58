"""Stage 5 of the decision model: the Norwegian next steps, each produced by a rule of rules.py.

Runs after the procedure is chosen, in the order a buyer works: the need, the market, the conditions of the chosen
procedure, the specification, the award criteria, climate (FOA § 7-9), the principles in part I, and support.
"""

from __future__ import annotations

from advisor.assessment.state import GROUND_TEXT, Reasoning


def plan_next_steps(r: Reasoning) -> None:
    """Norwegian next steps, each produced by a rule; nothing to plan below the law's floor."""
    if r.part == "below":
        return
    others = {a.procedure for a in r.alternatives}
    _need_step(r)
    _market_dialogue_step(r, others)
    if r.part == "referred":
        # The regulation's own steps are not in the fact base; the principles are what still binds the buyer.
        _principles_step(r)
        _time_limit_steps(r)
        return
    _procedure_steps(r)
    _specification_step(r)
    _award_step(r)
    _climate_step(r)
    if r.part == "I":
        # Part I has no procedure rules, so the principles are what the buyer's choices are measured against.
        _principles_step(r)
    _notice_step(r)
    _time_limit_steps(r)
    _support_steps(r, others)


def _principles_step(r: Reasoning) -> None:
    principles = ("Følg de grunnleggende prinsippene i LOA § 4: konkurranse, likebehandling, forutberegnelighet, "
                  "etterprøvbarhet og forholdsmessighet. Spør flere leverandører når det finnes reell konkurranse, og "
                  "dokumenter hva dere gjorde og hvorfor.")
    r.fire("R-STEP-PRINCIPLES", ("estimated_value_nok",), principles)
    r.step("R-STEP-PRINCIPLES", principles)


def _notice_step(r: Reasoning) -> None:
    """Where the competition must be announced: Doffin from the national threshold, TED as well from the EØS threshold."""
    special_above = r.threshold is not None and r.threshold.key == "eea_special_services" and r.part == "II"
    if r.part == "III" or (r.regime == "utilities" and r.part == "II"):
        text = "Kunngjør konkurransen på Doffin; over EØS-terskelen går kunngjøringen også til TED (via Doffin)."
    elif special_above:
        text = ("Kunngjør konkurransen på Doffin. Over EØS-terskelen for særlige tjenester gjelder trolig også del IIIs "
                "regler om kunngjøring i TED (ikke verifisert).")
    elif r.part == "IV":
        text = ("Kunngjør konkurransen og tildelingen. Over EØS-terskelen går kunngjøringer til TED via Doffin; hva kapittel 30 "
                "krever av kunngjøring, er ikke verifisert.")
    elif r.part == "II":
        text = "Kunngjør konkurransen på Doffin (fra den nasjonale terskelverdien)."
    else:
        return
    r.fire("R-STEP-NOTICE", ("estimated_value_nok",), text)
    r.step("R-STEP-NOTICE", text)


def _time_limit_steps(r: Reasoning) -> None:
    """The minimum time limits of the chosen procedure and the standstill period, each cited (guide-frister-og-karens)."""
    procedure = r.procedure
    # The innovation partnership follows part III's rules whatever the value, so its time limit travels with it.
    if r.regime == "foa" and (r.part == "III" or procedure == "innovation_partnership"):
        text = _PART_III_TIME_LIMITS.get(procedure)
        if text:
            text += " Fristene regnes i kalenderdager (FOA § 7-6) og er minstefrister: gi leverandørene nok tid."
            _time_limit(r, "R-TIME-LIMITS-III", text)
        _time_limit(r, "R-STANDSTILL", "Sett en karensperiode mellom meddelelsen om tildeling og signering av kontrakten; "
                    "i den kan en leverandør som ikke vant, be tingretten stanse signeringen. Lengden er trolig minst 10 dager "
                    "fra dagen etter at meldingen ble sendt elektronisk (ikke verifisert).")
        r.flag_unverified("Hvor lang karensperioden skal være (trolig minst 10 dager).")
    elif r.regime == "foa" and r.part in ("I", "II", "IV"):
        where = {"I": "Del I", "II": "Del II", "IV": "Del IV"}[r.part]
        _time_limit(r, "R-TIME-LIMITS-REASONABLE",
                    f"{where} har ingen minstefrister: sett en frist som gir leverandørene tid til å sette seg inn i "
                    "dokumentene, skaffe dokumentasjon og regne på tilbudet, ut fra hvor sammensatt kontrakten er.")
        if r.part in ("II", "IV"):
            lower = "del " + r.part
            _time_limit(r, "R-STANDSTILL", f"Om {lower} krever karensperiode mellom tildeling og signering, er ikke "
                        "verifisert; kontroller forskriften før dere signerer.")
            r.flag_unverified(f"Om {lower} krever karensperiode.")
    elif r.regime != "foa":
        name = {"utilities": "forsyningsforskriften", "defence_security": "forskrift om forsvars- og sikkerhetsanskaffelser",
                "concession": "forskrift om konsesjonskontrakter"}[r.regime]
        _time_limit(r, "R-TIME-LIMITS-OTHER-REGULATION",
                    f"Fristene og karensperioden i {name} er ikke gjennomgått i faktagrunnlaget (ikke verifisert); "
                    "kontroller forskriften, og gi leverandørene rimelig tid.")
        r.flag_unverified(f"Fristene og karensperioden i {name}.")


def _time_limit(r: Reasoning, rule: str, text: str) -> None:
    r.fire(rule, ("estimated_value_nok",), text)
    r.time_limits.append((rule, text))
    r.step(rule, text)


_PART_III_TIME_LIMITS = {
    "open": ("Tilbudsfristen i en åpen anbudskonkurranse er minst 30 dager fra kunngjøringen, 35 dager hvis dere ikke "
             "krever elektronisk innlevering, og 15 dager bare ved hast eller etter en veiledende kunngjøring som oppfyller "
             "vilkårene."),
    "restricted": ("Fristen for å be om å delta er minst 30 dager (15 ved hast); tilbudsfristen er minst 25 dager etter "
                   "invitasjonen (30 uten elektronisk innlevering, 10 ved hast eller etter veiledende kunngjøring). Andre enn "
                   "statlige oppdragsgivere kan avtale en kortere tilbudsfrist med leverandørene, ellers minst 10 dager."),
    "negotiated": ("Fristen for å be om å delta er minst 30 dager fra kunngjøringen, og fristen for første tilbud minst 25 "
                   "dager, som i begrenset anbudskonkurranse."),
    "competitive_dialogue": ("Fristen for å be om å delta er minst 30 dager fra kunngjøringen; DFØs oversikt gir ingen "
                             "fast minstefrist for tilbud."),
    "innovation_partnership": ("Fristen for å be om å delta er minst 30 dager fra kunngjøringen; DFØs oversikt gir ingen "
                               "fast minstefrist for tilbud."),
}


_PART_III_TIME_LIMITS_EN = {
    "open": ("In an open procedure tenders get at least 30 days from the notice, 35 days if you do not require electronic "
             "submission, and 15 days only when urgent or after a prior information notice that meets the conditions."),
    "restricted": ("Requests to participate get at least 30 days (15 when urgent); tenders at least 25 days after the "
                   "invitation (30 without electronic submission, 10 when urgent or after a prior information notice). "
                   "Buyers other than central government may agree a shorter tender deadline with the suppliers, "
                   "otherwise at least 10 days."),
    "negotiated": ("Requests to participate get at least 30 days from the notice, and first tenders at least 25 days, as in "
                   "the restricted procedure."),
    "competitive_dialogue": ("Requests to participate get at least 30 days from the notice; DFØ's overview gives no fixed "
                             "minimum for tenders."),
    "innovation_partnership": ("Requests to participate get at least 30 days from the notice; DFØ's overview gives no "
                               "fixed minimum for tenders."),
}
PART_III_TIME_LIMIT_PROCEDURES = tuple(_PART_III_TIME_LIMITS)


def part_iii_time_limits(procedure: str, lang: str = "nb") -> str:
    """The minimum time limits of a part III procedure (rule R-TIME-LIMITS-III), in Norwegian or English; "" for a
    procedure without them (a part II procedure, a direct award)."""
    return (_PART_III_TIME_LIMITS_EN if lang == "en" else _PART_III_TIME_LIMITS).get(procedure, "")


def _need_step(r: Reasoning) -> None:
    need_text = ("Beskriv behovet: hva skal oppnås (formål, resultat og effekt), ikke hvordan. Løsriv dere fra dagens "
                 "løsning og tidligere kjøp, og sett suksesskriterier.")
    if r.innovative:
        need_text += " Sett sammen et tverrfaglig team og involver brukerne tidlig."
    r.fire("R-STEP-NEED", ("need",), need_text)
    r.step("R-STEP-NEED", need_text)


def _market_dialogue_step(r: Reasoning, others: set[str]) -> None:
    """Dialogue before the notice: once the competition is announced it is too late to learn from the market."""
    market, done = r.values["market_has_solution"], r.values["market_dialogue_done"]
    if not (market == "unknown" or not done):
        return
    if r.innovative or market == "unknown":
        text = ("Gjennomfør markedsdialog før kunngjøring: veiledende kunngjøring på Doffin, dialogkonferanse og "
                "en-til-en-møter. Gi alle leverandørene samme informasjon og før protokoll; etter kunngjøring er det for sent.")
    else:
        text = ("Gjør en enkel markedsundersøkelse før kunngjøring (skrivebordsundersøkelse eller forespørsel om "
                "informasjon), slik at kravene passer det markedet faktisk tilbyr.")
    if r.procedure == "innovation_partnership" or "innovation_partnership" in others:
        text += " Dialogen skal også dokumentere om behovet kan dekkes av løsninger som finnes (vilkåret for innovasjonspartnerskap)."
    r.fire("R-STEP-MARKET-DIALOGUE", ("market_has_solution", "market_dialogue_done"), text)
    r.step("R-STEP-MARKET-DIALOGUE", text)
    if market == "unknown":
        r.find_out("Finnes det løsninger i markedet som dekker behovet, eventuelt med tilpasning? (markedsdialog)")


def _procedure_steps(r: Reasoning) -> None:
    """The conditions the chosen procedure carries, as steps to take before and during the competition."""
    procedure, part = r.procedure, r.part
    if procedure == "innovation_partnership":
        _innovation_partnership_steps(r)
    elif procedure == "pcp":
        for text in (
            "Dokumenter at begge vilkårene i FOA § 2-5 er oppfylt: hovedelementet er forskning og utvikling (mer enn 50 % ny "
            "kunnskap), og dere betaler ikke hele kostnaden eller får ikke hele nytten til egen bruk. Unntaket kan ikke "
            "brukes ved kommersielt formål.",
            "Planlegg en ny konkurranse for å kjøpe den ferdige løsningen; sjekk da at den dekker behovet og om behovet har endret seg.",
        ):
            r.step("R-PROC-PCP", text, 0 if "§ 2-5" in text else 1)
        r.find_out("Bekreft at kontrakten oppfyller begge vilkårene for FoU-unntaket i FOA § 2-5.")
    elif procedure in ("negotiated", "competitive_dialogue") and part == "III":
        # The buyer carries the burden of showing a § 13-2 ground, so the ground goes into the protocol.
        named = "; ".join(GROUND_TEXT[g] for g in r.grounds)
        rule = "R-PROC-DIALOGUE" if procedure == "competitive_dialogue" else "R-PROC-NEGOTIATED"
        r.step(rule, f"Dokumenter i protokollen hvilket vilkår i FOA § 13-2 som er oppfylt ({named}) og "
               "hvorfor forhandlinger er nødvendige.")
        if procedure == "competitive_dialogue":
            r.step("R-PROC-DIALOGUE", "Lag en dialogplan i konkurransegrunnlaget, sett ned et tverrfaglig team med mandat til "
                   "å beslutte, og sett av nok tid og ressurser. Før referat fra hvert møte og del ikke forretningshemmeligheter.", 1)
        else:
            r.step("R-PROC-NEGOTIATED", "Prekvalifiser leverandørene (ESPD) og beskriv i konkurransegrunnlaget hva det skal "
                   "forhandles om.")
    elif procedure == "negotiated" and part == "II":
        r.step("R-PROC-PART-II-NEGOTIATION", "Opplys i kunngjøringen eller konkurransegrunnlaget at dere vil forhandle, og hvordan. "
               "Kontroller hjemmelen i forskriften; den er ikke verifisert i faktagrunnlaget.")
    elif procedure == "design_contest":
        r.find_out("Kontroller forskriftens regler for plan- og designkonkurranser (bedømmelse, premier, kunngjøring og "
                   "vilkår for etterfølgende kjøp); faktagrunnlaget dekker dem ikke.")


def _innovation_partnership_steps(r: Reasoning) -> None:
    if r.values["market_dialogue_done"]:
        r.step("R-PROC-INNOVATION-PARTNERSHIP", "Dokumenter i protokollen hva markedsdialogen viste: at behovet ikke kan "
               "dekkes av løsninger som finnes. Det er grunnlaget for å bruke innovasjonspartnerskap.")
    else:
        r.find_out("Vis gjennom markedsdialog at behovet ikke kan dekkes av løsninger som finnes, eventuelt med små "
                   "tilpasninger; ellers kan innovasjonspartnerskap ikke brukes.")
    # (text, index of the R-IP-CONDITIONS / R-IP-PHASES source passage it rests on)
    conditions = [
        ("Kunngjør med minst 30 dagers frist for å be om å delta, og publiser hele konkurransegrunnlaget og kontrakten "
         "samtidig.", 0),
        ("Prekvalifiser på leverandørenes evne til forskning og utvikling; unngå unødig strenge krav som stenger ute små "
         "bedrifter.", 0),
        ("Planlegg forhandlingene: dere må forhandle, og begrenser dere antallet, må minst tre inviteres.", 1),
        ("Konkurransegrunnlaget må beskrive behovet, IPR, hvordan løsningen skal kjøpes, og verdien: maksimal verdi av "
         "FoU-aktivitetene pluss anslått verdi av kjøpet.", 2),
    ]
    r.fire("R-IP-CONDITIONS", ("market_has_solution", "wants_to_buy_result"),
           "Vilkårene for innovasjonspartnerskap er lagt inn som neste steg.")
    for text, source in conditions:
        r.step("R-IP-CONDITIONS", text, source)
    phases = [
        ("Del partnerskapet i faser med delmål og betaling i avdrag; ta forbehold om å avslutte eller redusere antall "
         "partnere etter hver fase.", 0),
        ("Avtal ytelsesnivåer og maksimalkostnad: løsningen kan bare kjøpes hvis den når dem.", 1),
    ]
    r.fire("R-IP-PHASES", ("wants_to_buy_result",), "Faser, delmål og kjøpsvilkår er lagt inn som neste steg.")
    for text, source in phases:
        r.step("R-IP-PHASES", text, source)


def _specification_step(r: Reasoning) -> None:
    """Functional requirements leave the suppliers room to offer better solutions (FOA § 8-5 / § 15-1)."""
    paragraph = {"II": " (FOA § 8-5)", "III": " (FOA § 15-1)"}.get(r.part, "") if r.regime == "foa" else ""
    if r.procedure in ("innovation_partnership", "pcp"):
        spec = ("Beskriv behovet og problemene eller scenarioene løsningen skal håndtere, ikke en detaljert "
                "kravspesifikasjon, slik at dere ikke styrer leverandørene mot bestemte løsninger.")
    elif r.procedure == "design_contest":
        spec = ("Beskriv oppgaven som mål, behov og rammer (funksjon, brukere, budsjett, klima), ikke som en ferdig løsning, "
                "slik at deltakerne kan konkurrere med ulike forslag.")
    else:
        spec = (f"Skriv kravspesifikasjonen som funksjons- og ytelseskrav{paragraph}; henvisninger til standarder og "
                "tekniske spesifikasjoner er også lov, alene eller i kombinasjon. Vis bare unntaksvis til et bestemt merke, "
                "en type eller en bestemt opprinnelse, og da med «eller tilsvarende».")
    r.fire("R-STEP-FUNCTIONAL-SPEC", ("can_specify_solution",), spec)
    r.step("R-STEP-FUNCTIONAL-SPEC", spec)


def _award_step(r: Reasoning) -> None:
    v = r.values
    if r.procedure == "innovation_partnership":
        award = "Tildel på beste forhold mellom pris og kvalitet (påkrevd i innovasjonspartnerskap), med vekt på ytelse og gevinst."
    elif r.procedure == "pcp":
        award = ("Velg tildelingskriterier for FoU-fasene som belønner lovende løsningsveier; pris kan være uten vekt når "
                 "alle får et fast beløp (som i Trøndelags hurtigbåtprosjekt).")
    elif r.procedure == "design_contest":
        award = ("Fastsett på forhånd kriteriene forslagene skal bedømmes etter, og la dem belønne kvalitet, funksjon, "
                 "livssykluskostnader og klima- og miljøegenskaper.")
    elif r.innovative or not (v["market_has_solution"] == "yes" and v["can_specify_solution"]):
        award = ("Bruk tildelingskriterier som belønner bedre løsninger enn minstekravene, og vurder livssykluskostnader "
                 "i stedet for bare innkjøpspris.")
    else:
        award = ("Også for en standardanskaffelse: vurder tildelingskriterier som gir uttelling for bedre kvalitet, lavere "
                 "livssykluskostnader eller miljøegenskaper enn minstekravene, der det er relevant.")
    r.fire("R-STEP-AWARD-CRITERIA", ("market_has_solution",), award)
    r.step("R-STEP-AWARD-CRITERIA", award)


def _climate_step(r: Reasoning) -> None:
    """FOA § 7-9 binds every purchase under the regulation; a contract exempt under § 2-5 is not one of them."""
    if r.procedure == "pcp":
        climate = ("FoU-kontrakten er unntatt fra forskriften etter § 2-5, så FOA § 7-9 gjelder ikke for den; ta likevel "
                   "klima- og miljømål inn i utfordringen. Ved senere kjøp av løsningen gjelder § 7-9.")
    else:
        # The same duty is in forsyningsforskriften § 7-9, so a utilities buyer is told its own paragraph first.
        where = "Forsyningsforskriften § 7-9 (som FOA § 7-9)" if r.regime == "utilities" else "FOA § 7-9"
        climate = (f"{where}: vekt klima og miljø med minst 30 %, eller still klima- og miljøkrav i kravspesifikasjonen når det "
                   "klart gir bedre effekt (begrunn det i dokumentene). Plikten faller bort bare når klimaavtrykket er ubetydelig.")
    r.fire("R-STEP-CLIMATE", ("category",), climate)
    r.step("R-STEP-CLIMATE", climate)


def _support_steps(r: Reasoning, others: set[str]) -> None:
    """Support schemes, only for innovative purchases, each where it fits the kind of development."""
    v = r.values
    if not r.innovative:
        return
    r.fire("R-SUPPORT-LUP", ("market_has_solution",), "LUP kan gi prosesstøtte.")
    r.step("R-SUPPORT-LUP", "Ta kontakt med LUP (Nasjonalt program for leverandørutvikling) for gratis hjelp med "
           "behovsavklaring, markedsdialog og konkurranse.")
    develops_to_buy = v["development_needed"] and v["wants_to_buy_result"]
    if r.procedure == "innovation_partnership" or (develops_to_buy and "innovation_partnership" in others):
        text = ("Undersøk støtte fra Innovasjon Norge. Den statlige støtten til innovasjonspartnerskap skal ifølge en "
                "evaluering være avviklet fra 2022, så sjekk hva som gjelder nå; Innovasjonskontrakter kan gi leverandøren "
                "tilskudd når dere deltar som pilotkunde.")
        r.fire("R-SUPPORT-INNOVASJON-NORGE", ("development_needed", "wants_to_buy_result"), text)
        r.step("R-SUPPORT-INNOVASJON-NORGE", text)
    if r.procedure == "pcp" or (v["development_needed"] and r.innovation_potential == "high"):
        text = ("Trengs det forskning, vurder Forskningsrådets «Innovasjonsprosjekt i offentlig sektor»: en "
                "forskningsorganisasjon må delta, og søknadsfristen er normalt i september.")
        if v["buyer"] == "municipal":
            text += " Kommuner og fylkeskommuner kan også søke om forprosjekt."
        r.fire("R-SUPPORT-FORSKNINGSRADET", ("development_needed", "buyer"), text)
        r.step("R-SUPPORT-FORSKNINGSRADET", text)
    if v["development_needed"] and r.part in ("I", "II"):
        text = ("For et avgrenset utviklingsbehov kan StartOff-metoden brukes: et smidig løp på om lag seks måneder med et "
                "oppstartsselskap som får betalt underveis. Programmet er avviklet (2024), men metoden kan brukes; avklar "
                "rettighetene og at kjøp av ferdig løsning krever ny anskaffelse.")
        r.fire("R-SUPPORT-STARTOFF", ("development_needed", "estimated_value_nok"), text)
        r.step("R-SUPPORT-STARTOFF", text)
