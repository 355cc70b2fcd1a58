"""Stage 5 of the decision model: the Norwegian next steps, each produced by a rule of assessment_rules.py.

Runs after the procedure is chosen: what to clarify, market dialogue, specification, award criteria, climate
(FOA § 7-9), procedure-specific conditions (innovation partnership, PCP, § 13-2 documentation) and support schemes.
"""

from __future__ import annotations

from advisor.assessment.trail import GROUND_TEXT, Alternative, ReasoningState


class NextStepStages(ReasoningState):
    """Next steps; needs the part, the procedure and the innovation assessment."""

    # --- stage 5: next steps ---
    def plan_next_steps(self, part: str, procedure: str, innovative: bool, potential: str, alternatives: list[Alternative]) -> None:  # noqa: C901 - to split (wave 2 follow-up)
        """Norwegian next steps, each produced by a rule."""
        if part == "below":
            return
        v = self.v
        market, done = v["market_has_solution"], v["market_dialogue_done"]
        others = {a.procedure for a in alternatives}
        # Need and market
        need_text = ("Beskriv behovet: hva skal oppnås (formål, resultat og effekt), ikke hvordan. Løsriv dere fra dagens "
                     "løsning og tidligere kjøp, og sett suksesskriterier.")
        if innovative:
            need_text += " Sett sammen et tverrfaglig team og involver brukerne tidlig."
        self.fire("R-STEP-NEED", ("need",), need_text)
        self.step("R-STEP-NEED", need_text)
        if market == "unknown" or not done:
            if innovative or market == "unknown":
                text = ("Gjennomfør markedsdialog før kunngjøring: veiledende kunngjøring på Doffin, dialogkonferanse og "
                        "en-til-en-møter. Gi alle leverandørene samme informasjon og før protokoll; etter kunngjøring er det for sent.")
            else:
                text = ("Gjør en enkel markedsundersøkelse før kunngjøring (skrivebordsundersøkelse eller forespørsel om "
                        "informasjon), slik at kravene passer det markedet faktisk tilbyr.")
            if procedure == "innovation_partnership" or "innovation_partnership" in others:
                text += " Dialogen skal også dokumentere om behovet kan dekkes av løsninger som finnes (vilkåret for innovasjonspartnerskap)."
            self.fire("R-STEP-MARKET-DIALOGUE", ("market_has_solution", "market_dialogue_done"), text)
            self.step("R-STEP-MARKET-DIALOGUE", text)
            if market == "unknown":
                self.find_out("Finnes det løsninger i markedet som dekker behovet, eventuelt med tilpasning? (markedsdialog)")
        # Procedure-specific steps
        self._procedure_steps(part, procedure)
        # Specification, award criteria, climate
        paragraph = {"II": " (FOA § 8-5)", "III": " (FOA § 15-1)"}.get(part, "")
        if procedure in ("innovation_partnership", "pcp"):
            spec = ("Beskriv behovet og problemene eller scenarioene løsningen skal håndtere, ikke en detaljert "
                    "kravspesifikasjon, slik at dere ikke styrer leverandørene mot bestemte løsninger.")
        elif procedure == "design_contest":
            spec = ("Beskriv oppgaven som mål, behov og rammer (funksjon, brukere, budsjett, klima), ikke som en ferdig løsning, "
                    "slik at deltakerne kan konkurrere med ulike forslag.")
        else:
            spec = (f"Skriv kravspesifikasjonen som funksjons- og ytelseskrav{paragraph}. Vis bare unntaksvis til merke, type "
                    "eller standard, og da med «eller tilsvarende».")
        self.fire("R-STEP-FUNCTIONAL-SPEC", ("can_specify_solution",), spec)
        self.step("R-STEP-FUNCTIONAL-SPEC", spec)
        if procedure == "innovation_partnership":
            award = "Tildel på beste forhold mellom pris og kvalitet (påkrevd i innovasjonspartnerskap), med vekt på ytelse og gevinst."
        elif procedure == "pcp":
            award = ("Velg tildelingskriterier for FoU-fasene som belønner lovende løsningsveier; pris kan være uten vekt når "
                     "alle får et fast beløp (som i Trøndelags hurtigbåtprosjekt).")
        elif procedure == "design_contest":
            award = ("Fastsett på forhånd kriteriene forslagene skal bedømmes etter, og la dem belønne kvalitet, funksjon, "
                     "livssykluskostnader og klima- og miljøegenskaper.")
        elif innovative or not (v["market_has_solution"] == "yes" and v["can_specify_solution"]):
            award = ("Bruk tildelingskriterier som belønner bedre løsninger enn minstekravene, og vurder livssykluskostnader "
                     "i stedet for bare innkjøpspris.")
        else:
            award = ("Også for en standardanskaffelse: vurder tildelingskriterier som gir uttelling for bedre kvalitet, lavere "
                     "livssykluskostnader eller miljøegenskaper enn minstekravene, der det er relevant.")
        self.fire("R-STEP-AWARD-CRITERIA", ("market_has_solution",), award)
        self.step("R-STEP-AWARD-CRITERIA", award)
        if procedure == "pcp":
            climate = ("FoU-kontrakten er unntatt fra forskriften etter § 2-5, så FOA § 7-9 gjelder ikke for den; ta likevel "
                       "klima- og miljømål inn i utfordringen. Ved senere kjøp av løsningen gjelder § 7-9.")
        else:
            climate = ("FOA § 7-9: vekt klima og miljø med minst 30 %, eller still klima- og miljøkrav i kravspesifikasjonen når det "
                       "klart gir bedre effekt (begrunn det i dokumentene). Plikten faller bort bare når klimaavtrykket er ubetydelig.")
            if v["utilities"]:
                climate += " Forsyningsforskriften § 7-9 har en tilsvarende regel."
        self.fire("R-STEP-CLIMATE", ("category",), climate)
        self.step("R-STEP-CLIMATE", climate)
        if part == "I":
            principles = ("Følg de grunnleggende prinsippene i LOA § 4: konkurranse, likebehandling, forutberegnelighet, "
                          "etterprøvbarhet og forholdsmessighet. Spør flere leverandører når det finnes reell konkurranse, og "
                          "dokumenter hva dere gjorde og hvorfor.")
            self.fire("R-STEP-PRINCIPLES", ("estimated_value_nok",), principles)
            self.step("R-STEP-PRINCIPLES", principles)
        self._support_steps(part, procedure, innovative, potential, others)

    def _procedure_steps(self, part: str, procedure: str) -> None:
        v = self.v
        if procedure == "innovation_partnership":
            if v["market_dialogue_done"]:
                self.step("R-PROC-INNOVATION-PARTNERSHIP", "Dokumenter i protokollen hva markedsdialogen viste: at behovet ikke kan "
                          "dekkes av løsninger som finnes. Det er grunnlaget for å bruke innovasjonspartnerskap.")
            else:
                self.find_out("Vis gjennom markedsdialog at behovet ikke kan dekkes av løsninger som finnes, eventuelt med små "
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
            self.fire("R-IP-CONDITIONS", ("market_has_solution", "wants_to_buy_result"),
                      "Vilkårene for innovasjonspartnerskap er lagt inn som neste steg.")
            for text, source in conditions:
                self.step("R-IP-CONDITIONS", text, source)
            phases = [
                ("Del partnerskapet i faser med delmål og betaling i avdrag; ta forbehold om å avslutte eller redusere antall "
                 "partnere etter hver fase.", 0),
                ("Avtal ytelsesnivåer og maksimalkostnad: løsningen kan bare kjøpes hvis den når dem.", 1),
            ]
            self.fire("R-IP-PHASES", ("wants_to_buy_result",), "Faser, delmål og kjøpsvilkår er lagt inn som neste steg.")
            for text, source in phases:
                self.step("R-IP-PHASES", text, source)
        elif procedure == "pcp":
            for text in (
                "Dokumenter at begge vilkårene i FOA § 2-5 er oppfylt: hovedelementet er forskning og utvikling (mer enn 50 % ny "
                "kunnskap), og dere betaler ikke hele kostnaden eller får ikke hele nytten til egen bruk. Unntaket kan ikke "
                "brukes ved kommersielt formål.",
                "Planlegg en ny konkurranse for å kjøpe den ferdige løsningen; sjekk da at den dekker behovet og om behovet har endret seg.",
            ):
                self.step("R-PROC-PCP", text, 0 if "§ 2-5" in text else 1)
            self.find_out("Bekreft at kontrakten oppfyller begge vilkårene for FoU-unntaket i FOA § 2-5.")
        elif procedure in ("negotiated", "competitive_dialogue") and part == "III":
            named = "; ".join(GROUND_TEXT[g] for g in self.grounds)
            rule = "R-PROC-DIALOGUE" if procedure == "competitive_dialogue" else "R-PROC-NEGOTIATED"
            self.step(rule, f"Dokumenter i protokollen hvilket vilkår i FOA § 13-2 som er oppfylt ({named}) og "
                      "hvorfor forhandlinger er nødvendige.")
            if procedure == "competitive_dialogue":
                self.step("R-PROC-DIALOGUE", "Lag en dialogplan i konkurransegrunnlaget, sett ned et tverrfaglig team med mandat til "
                          "å beslutte, og sett av nok tid og ressurser. Før referat fra hvert møte og del ikke forretningshemmeligheter.", 1)
            else:
                self.step("R-PROC-NEGOTIATED", "Prekvalifiser leverandørene (ESPD) og beskriv i konkurransegrunnlaget hva det skal "
                          "forhandles om.")
        elif procedure == "negotiated" and part == "II":
            self.step("R-PROC-PART-II-NEGOTIATION", "Opplys i kunngjøringen eller konkurransegrunnlaget at dere vil forhandle, og hvordan. "
                      "Kontroller hjemmelen i forskriften; den er ikke verifisert i faktagrunnlaget.")
        elif procedure == "design_contest":
            self.find_out("Kontroller forskriftens regler for plan- og designkonkurranser (bedømmelse, premier, kunngjøring og "
                          "vilkår for etterfølgende kjøp); faktagrunnlaget dekker dem ikke.")

    def _support_steps(self, part: str, procedure: str, innovative: bool, potential: str, others: set[str]) -> None:
        v = self.v
        if not innovative:
            return
        self.fire("R-SUPPORT-LUP", ("market_has_solution",), "LUP kan gi prosesstøtte.")
        self.step("R-SUPPORT-LUP", "Ta kontakt med LUP (Nasjonalt program for leverandørutvikling) for gratis hjelp med "
                  "behovsavklaring, markedsdialog og konkurranse.")
        develops_to_buy = v["development_needed"] and v["wants_to_buy_result"]
        if procedure == "innovation_partnership" or (develops_to_buy and "innovation_partnership" in others):
            text = ("Undersøk støtte fra Innovasjon Norge. Den statlige støtten til innovasjonspartnerskap skal ifølge en "
                    "evaluering være avviklet fra 2022, så sjekk hva som gjelder nå; Innovasjonskontrakter kan gi leverandøren "
                    "tilskudd når dere deltar som pilotkunde.")
            self.fire("R-SUPPORT-INNOVASJON-NORGE", ("development_needed", "wants_to_buy_result"), text)
            self.step("R-SUPPORT-INNOVASJON-NORGE", text)
        if procedure == "pcp" or (v["development_needed"] and potential == "high"):
            text = ("Trengs det forskning, vurder Forskningsrådets «Innovasjonsprosjekt i offentlig sektor»: en "
                    "forskningsorganisasjon må delta, og søknadsfristen er normalt i september.")
            if v["buyer"] == "municipal":
                text += " Kommuner og fylkeskommuner kan også søke om forprosjekt."
            self.fire("R-SUPPORT-FORSKNINGSRADET", ("development_needed", "buyer"), text)
            self.step("R-SUPPORT-FORSKNINGSRADET", text)
        if v["development_needed"] and part in ("I", "II"):
            text = ("For et avgrenset utviklingsbehov kan StartOff-metoden brukes: et smidig løp på om lag seks måneder med et "
                    "oppstartsselskap som får betalt underveis. Programmet er avviklet (2024), men metoden kan brukes; avklar "
                    "rettighetene og at kjøp av ferdig løsning krever ny anskaffelse.")
            self.fire("R-SUPPORT-STARTOFF", ("development_needed", "estimated_value_nok"), text)
            self.step("R-SUPPORT-STARTOFF", text)
