"""The readable part of the decision model: the rule table, and the Norwegian names of parts and procedures.

Every conclusion the assessment draws is made by one of the rules below. A rule has an id, a Norwegian
description a procurement officer can check against the guidance, and the guidance notes (corpus/guidance/<id>.md,
with an anchor: a section heading or phrase in the note) that it rests on. The logic that applies the rules is in
the stages that decide.py runs; the thresholds are dated data in thresholds.yaml (read by thresholds.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.assessment.case import REGIMES


@dataclass(frozen=True)
class Rule:
    """One rule of the decision model: id, Norwegian description, and the guidance passages it rests on."""

    id: str
    description: str
    sources: tuple[tuple[str, str], ...]  # (guidance note id, anchor)


def _rule(rule_id: str, description: str, *sources: tuple[str, str]) -> Rule:
    return Rule(rule_id, description, tuple(sources))


_THRESHOLD_TABLE = ("guide-terskelverdier", "Terskelverdier fra 14. mars 2024")
_PARTS = ("guide-terskelverdier", "Hvilken del av forskriften gjelder")
_GROUNDS = ("guide-konkurranse-med-forhandling", "De fem vilkårene i FOA § 13-2")
_VALUE = ("guide-kontraktsverdi", "Kort svar")
_HEALTH_PARTS = ("guide-sarlige-tjenester", "Hvilke deler gjelder for helse- og sosialtjenester")
_SPECIAL_PARTS = ("guide-sarlige-tjenester", "Hvilke deler gjelder for andre særlige tjenester")
_UTILITY_PARTS = ("guide-forsyningssektoren", "Del I og del II i forsyningsforskriften")
_OWN_REGULATION = ("guide-forsvar-og-konsesjon", "Kort svar")
_NOT_COVERED = ("guide-forsvar-og-konsesjon", "Hva veiledningen ikke dekker")
_TIME_LIMITS_III = ("guide-frister-og-karens", "Minstefrister i del III")
_NO_MINIMUM = ("guide-frister-og-karens", "Del I, II, IV og V og de andre forskriftene")

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        # --- input handling ---
        _rule("R-ASSUME-VALUE", "Mangler anslått verdi: det strengeste utfallet for regelverket legges til grunn (del III i "
              "anskaffelsesforskriften) til verdien er anslått.", ("guide-terskelverdier", "Slik anslår dere verdien")),
        _rule("R-ASSUME-BUYER", "Mangler oppdragsgivertype: statlig legges til grunn, fordi staten har den laveste EØS-terskelen.",
              _THRESHOLD_TABLE),
        _rule("R-ASSUME-CATEGORY", "Mangler kontraktstype: vare eller tjeneste legges til grunn (lavere terskel enn bygg og anlegg).",
              _THRESHOLD_TABLE),
        _rule("R-ASSUME-MARKET", "Mangler svar om markedet: markedet regnes som ukjent, og markedsdialog anbefales først.",
              ("guide-markedsdialog", "Kort svar")),
        _rule("R-ASSUME-FLAGS", "Mangler svar om utvikling, kjøp, spesifikasjon eller markedsdialog: antakelsen står i forutsetningene.",
              ("guide-behovsavklaring", "Hvorfor starte med behovet")),
        _rule("R-INCONSISTENT", "Motstridende opplysninger: modellen velger den tolkningen som gir strengest vilkår, og ber om avklaring.",
              ("guide-behovsavklaring", "Behovsavklaringen kan vise at dere ikke trenger å utvikle noe nytt")),
        _rule("R-TEXT-UNCLEAR", "Teksten gir motstridende eller uklare opplysninger om et felt: feltet regnes som ikke oppgitt, "
              "modellen bruker sin antakelse og ber om avklaring.", ("guide-behovsavklaring", "Hvorfor starte med behovet")),
        # --- contract value (FOA § 5-4) ---
        _rule("R-VALUE-TOTAL", "Verdien er samlet betaling ekskl. mva. for hele kontrakten med opsjoner og forlengelser (FOA § 5-4); "
              "en anskaffelse kan ikke deles opp for å komme under en terskel.", _VALUE,
              ("guide-kontraktsverdi", "Forbudet mot å dele opp anskaffelsen")),
        _rule("R-VALUE-PER-PERIOD", "Beløp per måned eller år ganges med kontraktens varighet; beløpet per år er ikke verdien.",
              ("guide-kontraktsverdi", "Hele kontraktsperioden, ikke beløpet per år")),
        _rule("R-VALUE-OPTIONS", "Opsjoner og forlengelser regnes med som om de blir brukt.",
              ("guide-kontraktsverdi", "Opsjoner og forlengelser")),
        _rule("R-VALUE-PARTS", "Alle deler av anskaffelsen regnes sammen: et fast beløp, en opsjon og en avtale per år over sin "
              "varighet legges til hverandre, hver regnet om til ekskl. mva.", _VALUE,
              ("guide-kontraktsverdi", "Forbudet mot å dele opp anskaffelsen")),
        _rule("R-VALUE-48-MONTHS", "Avtaler uten fast løpetid: månedsverdi × 48 (et årsbeløp × 4).",
              ("guide-kontraktsverdi", "Avtaler uten fast løpetid")),
        _rule("R-VALUE-NO-TERM", "Beløp per periode uten oppgitt varighet: regelen for avtaler uten fast løpetid (48 måneder) legges "
              "til grunn til varigheten er avklart.", ("guide-kontraktsverdi", "Avtaler uten fast løpetid")),
        _rule("R-VALUE-LONG-TERM", "Fast løpetid over 48 måneder: samlet betaling for hele perioden brukes (om × 48 kan brukes i "
              "stedet, er ikke verifisert).", ("guide-kontraktsverdi", "Avtaler uten fast løpetid")),
        _rule("R-VALUE-FRAMEWORK", "Rammeavtaler: verdien er de samlede kjøpene over hele perioden; oppgi anslått og største verdi, "
              "og avtalen er brukt opp når største verdi er nådd.", ("guide-kontraktsverdi", "Rammeavtaler")),
        _rule("R-VALUE-DESIGN-CONTEST", "Plan- og designkonkurranser: verdien er premiene og betalingene til deltakerne samlet; "
              "konkurransen har egne regler i FOA del V.", ("guide-plan-og-designkonkurranse", "Hvilken terskelverdi gjelder")),
        _rule("R-VALUE-VAT", "Beløp oppgitt med mva. regnes om til ekskl. mva. (÷ 1,25, den alminnelige satsen) og må kontrolleres.",
              ("guide-kontraktsverdi", "Når beløpet er oppgitt med mva")),
        _rule("R-VALUE-CONFLICT", "Oppgitt samlet verdi og beregnet verdi spriker: det høyeste beløpet legges til grunn til avviket "
              "er avklart.", ("guide-kontraktsverdi", "Dokumenter anslaget")),
        # --- scope, thresholds and part of the regulation ---
        _rule("R-SCOPE-BELOW", "Under 100 000 kr ekskl. mva. gjelder ikke anskaffelsesregelverket (LOA § 2).",
              ("guide-regelverket", "grensen på 100 000 kroner")),
        _rule("R-PART-I", "Fra 100 000 kr og under nasjonal terskel (1,3 mill. kr), og helse- og sosialtjenester under 7,8 mill. kr: "
              "bare del I, ingen fast prosedyre; de grunnleggende prinsippene og FOA kap. 7 gjelder.", _PARTS),
        _rule("R-PART-IV", "Helse- og sosialtjenester fra EØS-terskelen (7,8 mill. kr): del I og del IV (kap. 30), ikke del III.",
              _HEALTH_PARTS),
        _rule("R-SPECIAL-PART-III-PROVISIONS", "Andre særlige tjenester fra 7,8 mill. kr: del I og II, og i tillegg enkelte "
              "bestemmelser i del III (hvilke er ikke verifisert, trolig kunngjøringsreglene).", _SPECIAL_PARTS),
        _rule("R-SPECIAL-ANNEX", "Om en tjeneste er helse- og sosialtjeneste eller annen særlig tjeneste, avgjøres av vedlegget til "
              "forskriften med CPV-koder (ikke verifisert i faktagrunnlaget).",
              ("guide-sarlige-tjenester", "Hvilke tjenester er særlige")),
        _rule("R-HEALTH-SOCIAL-FREEDOM", "Helse- og sosialtjenester under 7,8 mill. kr: oppdragsgiver velger selv hvem den kontakter, "
              "også bare ideelle; plikt til kunngjøring på Doffin følger ikke av del II (slutning, ikke verifisert).",
              ("guide-sarlige-tjenester", "Handlingsrom: hvem dere kontakter, forhandling og kunngjøring")),
        _rule("R-PART-II", "Fra og med nasjonal terskel (1,3 mill. kr) og under EØS-terskelen: del I og II, åpen eller begrenset "
              "tilbudskonkurranse (FOA § 8-3).", ("guide-del-ii-tilbudskonkurranse", "Når gjelder del II")),
        _rule("R-PART-III", "Fra og med EØS-terskelverdien: del I og III (FOA § 13-1).",
              ("guide-apen-og-begrenset-anbudskonkurranse", "Når gjelder del III")),
        _rule("R-THRESHOLD-STATE", "Statlige oppdragsgivere, varer og tjenester: EØS-terskel 1,49 mill. kr (fra 14.3.2024).",
              _THRESHOLD_TABLE),
        _rule("R-THRESHOLD-OTHER", "Kommuner, fylkeskommuner og andre oppdragsgivere, varer og tjenester: EØS-terskel 2,3 mill. kr "
              "(fra 14.3.2024).", _THRESHOLD_TABLE),
        _rule("R-THRESHOLD-WORKS", "Bygge- og anleggskontrakter: EØS-terskel 57,8 mill. kr for alle oppdragsgivere (fra 14.3.2024).",
              _THRESHOLD_TABLE),
        _rule("R-THRESHOLD-HEALTH-SOCIAL", "Helse- og sosialtjenester: bare del I under 7,8 mill. kr, del I og IV fra og med 7,8 mill. kr.",
              ("guide-sarlige-tjenester", "Terskelverdien for helse- og sosialtjenester"), _HEALTH_PARTS),
        _rule("R-THRESHOLD-SPECIAL", "Andre særlige tjenester: del I og II fra 1,3 mill. kr; fra og med 7,8 mill. kr i tillegg enkelte "
              "bestemmelser i del III.", _SPECIAL_PARTS),
        _rule("R-THRESHOLD-UTILITIES", "Forsyningssektorene: forsyningsforskriften gjelder, EØS-terskel 4,6 mill. kr for varer og "
              "tjenester og 57,8 mill. kr for bygg og anlegg.", ("guide-forsyningssektoren", "Terskelverdier i forsyningssektorene")),
        _rule("R-UTILITIES-SCOPE", "Forsyningsforskriften gjelder når oppdragsgiveren er omfattet og kjøpet knytter seg til en "
              "forsyningsaktivitet; det er aktiviteten som avgjør, og da gjelder ikke anskaffelsesforskriftens prosedyreregler.",
              ("guide-forsyningssektoren", "Kort svar"), ("guide-forsyningssektoren", "Når gjelder forsyningsforskriften")),
        _rule("R-UTILITIES-PART-I", "Forsyningssektoren under EØS-terskelen: bare LOA og del I av forsyningsforskriften; "
              "konkurranseprinsippet i LOA § 4 styrer.", _UTILITY_PARTS),
        _rule("R-UTILITIES-PART-II", "Forsyningssektoren fra EØS-terskelen: forsyningsforskriften del I og II (over terskelen, "
              "annen nummerering enn i FOA), med kunngjøringsplikt.", _UTILITY_PARTS),
        _rule("R-REGIME-DEFENCE", "Forsvars- og sikkerhetsanskaffelser følger egen forskrift: modellen viser til den og gir ikke "
              "prosedyreråd etter anskaffelsesforskriften.", _OWN_REGULATION, _NOT_COVERED),
        _rule("R-REGIME-CONCESSION", "Konsesjonskontrakter følger egen forskrift: modellen viser til den og gir ikke prosedyreråd "
              "etter anskaffelsesforskriften.", _OWN_REGULATION, _NOT_COVERED),
        _rule("R-THRESHOLD-DEFENCE", "Forsvar og sikkerhet: EØS-terskel 4,6 mill. kr for varer og tjenester og 57,8 mill. kr for bygg "
              "og anlegg (fra 14.3.2024).", ("guide-forsvar-og-konsesjon", "Terskelverdier")),
        _rule("R-THRESHOLD-CONCESSION", "Konsesjonskontrakter: EØS-terskel 57,8 mill. kr (fra 14.3.2024).",
              ("guide-forsvar-og-konsesjon", "Terskelverdier")),
        _rule("R-THRESHOLD-DESIGN-CONTEST", "Plan- og designkonkurranser: samme EØS-terskel som varer og tjenester (stat 1,49 mill. kr).",
              ("guide-plan-og-designkonkurranse", "Hvilken terskelverdi gjelder")),
        _rule("R-NEAR-THRESHOLD", "Verdien er mindre enn 10 % under neste terskel, eller mindre enn 10 % over terskelen den når: "
              "dokumenter anslaget, og ikke del opp anskaffelsen.",
              ("guide-terskelverdier", "Slik anslår dere verdien"), ("guide-kontraktsverdi", "Dokumenter anslaget")),
        _rule("R-THRESHOLDS-DATED", "Terskelverdiene er datert; etter neste ordinære justering må de kontrolleres mot regjeringen.no/DFØ.",
              ("guide-terskelverdier", "Nye verdier og mulige endringer")),
        _rule("R-REFORM-FLOOR", "Forslaget om å heve nedre grense til 300 000 kr er ikke bekreftet i kraft; 100 000 kr legges til grunn.",
              ("guide-regelverksreform", "Kort svar")),
        # --- need for innovation ---
        _rule("R-INNO-ACTIVE-ASSESSMENT", "Stortingsmeldingen ber offentlige virksomheter vurdere behovet for innovasjon aktivt før "
              "hvert innkjøp; det er en oppfordring, ikke en plikt.",
              ("meld-st-30-sammendrag", "1.11 Innovative anskaffelser"),
              ("guide-innovative-anskaffelser", "Har vi plikt til å innovere")),
        _rule("R-INNO-NOT-IN-MARKET", "Behovet kan ikke dekkes av det som finnes i markedet: innovasjonsanskaffelse, høyt potensial.",
              ("guide-innovative-anskaffelser", "DFØs tre typer")),
        _rule("R-INNO-DEVELOPMENT", "Noe må utvikles: anskaffelsen er innovativ.",
              ("guide-innovative-anskaffelser", "DFØs tre typer")),
        _rule("R-INNO-ADAPTATION", "Eksisterende løsninger må tilpasses: middels potensial. Innovativ bare når oppdragsgiver ikke "
              "kan beskrive løsningen og leverandørene må forme en løsning som er ny for oppdragsgiver; ellers innovasjonsvennlig.",
              ("guide-prosedyrer-oversikt", "Hvordan velge"),
              ("guide-innovasjonsvennlig-praksis", "Når trenger vi ikke en innovasjonsanskaffelse")),
        _rule("R-INNO-UNKNOWN-MARKET", "Markedet er ukjent: innovasjonsbehovet kan ikke avgjøres før markedsdialog; vurderingen er foreløpig.",
              ("guide-markedsdialog", "Kort svar")),
        _rule("R-INNO-UNSPECIFIABLE", "Oppdragsgiver kan ikke beskrive løsningen presist: beskriv behovet som funksjon; minst middels potensial.",
              ("guide-innovasjonsvennlig-praksis", "Funksjonskrav og åpne spesifikasjoner")),
        _rule("R-INNO-FAILED-BEFORE", "En tidligere konkurranse mislyktes: vurder om behovet var for snevert eller løsningsbundet beskrevet.",
              ("guide-apen-og-begrenset-anbudskonkurranse", "Hvis konkurransen ikke gir brukbare tilbud")),
        _rule("R-INNO-STANDARD", "Markedet har løsningen, den kan beskrives og ingenting må utvikles: ikke en innovativ anskaffelse; "
              "bruk likevel tildelingskriterier som belønner bedre løsninger der det er relevant.",
              ("guide-innovasjonsvennlig-praksis", "Når trenger vi ikke en innovasjonsanskaffelse")),
        # --- procedure ---
        _rule("R-PROC-BELOW-DIRECT", "Under 100 000 kr: direkte kjøp; loven gjelder ikke, men det lønner seg å sammenligne tilbud.",
              ("guide-anskaffelser-uten-konkurranse", "Kort svar")),
        _rule("R-PROC-PART-I-DIRECT", "Del I: ingen fast prosedyre; en enkel konkurranse mellom noen få leverandører er det vanlige, "
              "og valget må kunne forklares ut fra prinsippene.", ("guide-anskaffelser-uten-konkurranse", "Kjøp under 1,3 millioner")),
        _rule("R-PROC-PART-II-OPEN", "Del II: åpen eller begrenset tilbudskonkurranse (FOA § 8-3).",
              ("guide-del-ii-tilbudskonkurranse", "Hvilke prosedyrer kan vi bruke i del II")),
        _rule("R-PROC-PART-II-NEGOTIATION", "Del II: forhandling er vanlig lagt til grunn som lov når det er opplyst på forhånd "
              "(paragrafen er ikke verifisert).", ("guide-del-ii-tilbudskonkurranse", "Kan vi forhandle i en tilbudskonkurranse")),
        _rule("R-PROC-PART-III-OPEN", "Del III: åpen eller begrenset anbudskonkurranse er alltid tillatt (FOA § 13-1 første ledd); "
              "forhandling er ikke tillatt i anbudskonkurranse.",
              ("guide-apen-og-begrenset-anbudskonkurranse", "Forskjellen på åpen og begrenset"),
              ("guide-apen-og-begrenset-anbudskonkurranse", "Kan vi forhandle i en anbudskonkurranse")),
        _rule("R-PROC-NEGOTIATED", "Del III: konkurranse med forhandling etter kunngjøring krever et vilkår i FOA § 13-2, og "
              "vurderingen skal dokumenteres.", ("guide-konkurranse-med-forhandling", "Bevisbyrde og terskel")),
        _rule("R-PROC-DIALOGUE", "Del III: konkurransepreget dialog når oppdragsgiver har et behov, men ingen klar løsning "
              "(samme vilkår i FOA § 13-2).", ("guide-konkurransepreget-dialog", "Forskjellen fra konkurranse med forhandling"),
              ("guide-konkurransepreget-dialog", "Suksessfaktorer")),
        _rule("R-GROUND-ADAPTATION", "FOA § 13-2 vilkår 1: behovet kan ikke dekkes uten at tilgjengelige løsninger tilpasses.", _GROUNDS),
        _rule("R-GROUND-INNOVATIVE", "FOA § 13-2 vilkår 2: anskaffelsen omfatter design eller innovative løsninger.", _GROUNDS),
        _rule("R-GROUND-COMPLEXITY", "FOA § 13-2 vilkår 3: art, kompleksitet, rettslig/økonomisk oppbygning eller risiko gjør "
              "forhandlinger nødvendige.", _GROUNDS),
        _rule("R-GROUND-SPECIFICATION", "FOA § 13-2 vilkår 4: spesifikasjonene kan ikke fastsettes presist nok ved henvisning til "
              "standarder eller tekniske referanser.", _GROUNDS),
        _rule("R-GROUND-FAILED", "FOA § 13-2 vilkår 5: en tidligere åpen eller begrenset anbudskonkurranse ga bare uakseptable tilbud.",
              _GROUNDS, ("guide-konkurranse-med-forhandling", "Konkurranse med forhandling uten kunngjøring")),
        _rule("R-PROC-INNOVATION-PARTNERSHIP", "Innovasjonspartnerskap bare når behovet ikke kan dekkes av det markedet har, og "
              "oppdragsgiver vil ha utvikling fulgt av kjøp (FOA § 13-1 tredje ledd).",
              ("guide-innovasjonspartnerskap", "Kort svar")),
        _rule("R-IP-PART-III-RULES", "Innovasjonspartnerskap følger reglene i del III også under EØS-terskelverdien.",
              ("guide-innovasjonspartnerskap", "Hva er et innovasjonspartnerskap")),
        _rule("R-IP-HEAVY-BELOW-NATIONAL", "Under nasjonal terskel er innovasjonspartnerskap mulig, men tungt: del III-reglene "
              "gjelder uansett verdi.", ("guide-prosedyrer-oversikt", "Ordninger som ligger utenfor")),
        _rule("R-IP-CONDITIONS", "Vilkår for innovasjonspartnerskap: minst 30 dagers frist, prekvalifisering på FoU-evne, plikt til å "
              "forhandle, minst tre i forhandlingene ved begrensning, tildeling på beste forhold mellom pris og kvalitet.",
              ("guide-innovasjonspartnerskap", "Kunngjøring, frist og prekvalifisering"),
              ("guide-innovasjonspartnerskap", "Forhandlinger og tildeling"),
              ("guide-innovasjonspartnerskap", "Hva konkurransegrunnlaget må inneholde")),
        _rule("R-IP-PHASES", "Innovasjonspartnerskap gjennomføres i faser med delmål; kjøp bare ved avtalte ytelsesnivåer og "
              "maksimalkostnad.", ("guide-innovasjonspartnerskap-gjennomforing", "Partnerskapet deles i faser"),
              ("guide-innovasjonspartnerskap-gjennomforing", "Når kan vi kjøpe den ferdige løsningen")),
        _rule("R-IP-NOT-AVAILABLE", "Innovasjonspartnerskap kan ikke brukes når eksisterende løsninger, eventuelt med små "
              "tilpasninger, dekker behovet.", ("guide-innovasjonspartnerskap", "Kort svar")),
        _rule("R-PROC-PCP", "Bare FoU uten hensikt om å kjøpe: førkommersiell anskaffelse etter FoU-unntaket i FOA § 2-5; "
              "kjøp av resultatet krever ny konkurranse.", ("guide-forkommersielle-anskaffelser", "Vilkårene i FOA § 2-5"),
              ("guide-forkommersielle-anskaffelser", "Kan vi kjøpe resultatet etterpå")),
        _rule("R-PROC-DESIGN-CONTEST", "Ønsker oppdragsgiver planer eller design (arkitektur, plan): plan- og designkonkurranse.",
              ("guide-plan-og-designkonkurranse", "Kort svar"),
              ("guide-plan-og-designkonkurranse", "Kan vi kjøpe løsningen etter konkurransen")),
        _rule("R-PROC-PROVISIONAL", "Markedet er ukjent: prosedyrevalget er foreløpig og bygger på en antakelse om hva "
              "markedsdialogen vil vise.", ("guide-markedsdialog", "Kort svar")),
        _rule("R-IP-DIALOGUE-FIRST", "Innovasjonspartnerskap uten gjennomført markedsdialog: at markedet ikke har løsningen, må "
              "dokumenteres først; prosedyrevalget er foreløpig.", ("guide-innovasjonspartnerskap", "Kort svar")),
        _rule("R-PROC-UTILITIES", "Forsyningsforskriften: anskaffelsesforskriftens prosedyreregler (og vilkårene i § 13-2) gjelder "
              "ikke; konkurranse med forhandling etter kunngjøring kan alltid brukes.",
              ("guide-forsyningssektoren", "Prosedyrer: forhandling er et fritt valg")),
        _rule("R-PROC-PART-IV", "Del IV (kap. 30): egne prosedyreregler for helse- og sosialtjenester; kunngjøring og forhandling "
              "etter direktivets forenklede regime er ikke verifisert, og del IV har ingen minstefrister.",
              ("guide-sarlige-tjenester", "Handlingsrom: hvem dere kontakter, forhandling og kunngjøring")),
        _rule("R-PROC-OTHER-REGULATION", "Egen forskrift (forsvar og sikkerhet, konsesjoner): prosedyren følger av den forskriften, "
              "som faktagrunnlaget ikke dekker; de grunnleggende prinsippene i LOA § 4 gjelder.", _NOT_COVERED,
              ("guide-regelverket", "Kort svar")),
        _rule("R-PROC-DEADLINE", "Kort frist: innovasjonspartnerskap og PCP tar lang tid (tommelfingerregel her: under 12 måneder er "
              "knapt); konkurransepreget dialog under 6 måneder er knapt.",
              ("guide-innovasjonspartnerskap-gjennomforing", "Partnerskapet deles i faser"),
              ("guide-konkurransepreget-dialog", "Suksessfaktorer")),
        _rule("R-PROC-RISK-LOW", "Lav risikovilje: ta forbehold om å avslutte etter hver fase, og vurder å teste løsninger først.",
              ("guide-innovasjonspartnerskap-gjennomforing", "Kan vi avslutte partnerskapet underveis")),
        # --- next steps ---
        _rule("R-STEP-NEED", "Start med behovet: beskriv hva som skal oppnås, ikke hvordan.",
              ("guide-behovsavklaring", "DFØs råd")),
        _rule("R-STEP-MARKET-DIALOGUE", "Markedsdialog før kunngjøring når markedet er ukjent eller dialog ikke er gjort; "
              "likebehandling og protokoll.", ("guide-markedsdialog", "Invitasjon på Doffin"),
              ("guide-markedsdialog", "Praktiske råd for likebehandling")),
        _rule("R-STEP-FUNCTIONAL-SPEC", "Skriv funksjons- og ytelseskrav (FOA § 8-5 i del II, § 15-1 i del III).",
              ("guide-kravspesifikasjoner", "Tre måter å beskrive")),
        _rule("R-STEP-AWARD-CRITERIA", "Bruk tildelingskriterier som belønner bedre løsninger enn minstekravene.",
              ("guide-tildelingskriterier", "Hvordan sette opp kriterier som belønner bedre løsninger")),
        _rule("R-STEP-CLIMATE", "Klima og miljø skal vektes minst 30 % eller stilles som krav med begrunnelse (FOA § 7-9).",
              ("guide-klima-og-miljo", "Hva krever FOA § 7-9")),
        _rule("R-STEP-NOTICE", "Kunngjøring: på Doffin over nasjonal terskel, også i TED (via Doffin) over EØS-terskelen.",
              ("guide-frister-og-karens", "Hvor skal konkurransen kunngjøres")),
        _rule("R-TIME-LIMITS-III", "Del III: minstefrister i kalenderdager for den valgte prosedyren (åpen 30/35 dager, forespørsler "
              "30 dager, tilbud i begrenset og forhandlet prosedyre 25 dager).", _TIME_LIMITS_III),
        _rule("R-TIME-LIMITS-REASONABLE", "Del I, II, IV og V: ingen minstefrister; fristen må være rimelig ut fra kontraktens "
              "kompleksitet.", _NO_MINIMUM),
        _rule("R-TIME-LIMITS-OTHER-REGULATION", "Forsyningsforskriften og de andre forskriftene: fristene er ikke gjennomgått i "
              "faktagrunnlaget (ikke verifisert).", _NO_MINIMUM),
        _rule("R-STANDSTILL", "Karensperiode mellom meddelelse om tildeling og signering i del III; lengden er ikke verifisert "
              "(trolig minst 10 dager).", ("guide-frister-og-karens", "Karensperioden")),
        _rule("R-STEP-PRINCIPLES", "Del I: følg de grunnleggende prinsippene (LOA § 4) og dokumenter valgene.",
              ("guide-grunnleggende-prinsipper", "Hvilke prinsipper må vi følge")),
        _rule("R-SUPPORT-LUP", "Innovative anskaffelser: LUP gir gratis prosesstøtte.", ("guide-lup", "Hvordan bruke LUP")),
        _rule("R-SUPPORT-INNOVASJON-NORGE", "Utvikling med kjøp: undersøk Innovasjon Norges ordninger (status må sjekkes) og "
              "Innovasjonskontrakter der dere er pilotkunde.", ("guide-stotte-innovasjon-norge", "Er ordningen fortsatt åpen"),
              ("guide-stotte-innovasjon-norge", "Innovasjonskontrakter")),
        _rule("R-SUPPORT-FORSKNINGSRADET", "Behov for forskning: Forskningsrådets Innovasjonsprosjekt i offentlig sektor "
              "(forskningsorganisasjon må delta).", ("guide-forskningsradet", "Hvem må være med"),
              ("guide-forskningsradet", "Når er søknadsfristen")),
        _rule("R-SUPPORT-STARTOFF", "Mindre utviklingsbehov: StartOff-metoden kan brukes selv om programmet er avviklet.",
              ("guide-startoff", "Finnes StartOff fortsatt")),
    )
}

PROCEDURES = ("open", "restricted", "negotiated", "competitive_dialogue", "innovation_partnership", "pcp", "design_contest", "direct",
              "part_iv", "other_regulation")
PARTS = ("below", "I", "II", "III", "IV", "referred")
__all__ = ["PARTS", "PROCEDURES", "REGIMES", "RULES", "Rule", "part_label", "procedure_label"]

_PROCEDURE_LABELS: dict[str, dict[str, str]] = {
    "open": {"I": "åpen konkurranse (frivillig kunngjort)", "II": "åpen tilbudskonkurranse", "III": "åpen anbudskonkurranse"},
    "restricted": {"I": "begrenset konkurranse (frivillig)", "II": "begrenset tilbudskonkurranse", "III": "begrenset anbudskonkurranse"},
    "negotiated": {"I": "konkurranse med forhandling (egen prosess)", "II": "tilbudskonkurranse med forhandling",
                   "III": "konkurranse med forhandling etter forutgående kunngjøring"},
    "direct": {"below": "direkte kjøp (utenfor regelverket)", "I": "konkurranse mellom noen få leverandører uten fast prosedyre"},
}
_PLAIN_LABELS = {
    "competitive_dialogue": "konkurransepreget dialog",
    "innovation_partnership": "innovasjonspartnerskap",
    "pcp": "førkommersiell anskaffelse (PCP) etter FoU-unntaket",
    "design_contest": "plan- og designkonkurranse",
    "part_iv": "egen prosedyre etter del IV (kapittel 30) med kunngjøring",
    "other_regulation": "prosedyre etter den egne forskriften (modellen gir ikke prosedyreråd)",
}
# Forsyningsforskriften's part II lies above the EØS threshold, so its procedures carry the part III names.
_UTILITIES_SUFFIX = " (forsyningsforskriften)"

DESIGN_CONTEST_LABEL = "Del I og V (plan- og designkonkurranser)"
PART_LABELS = {
    "below": "Utenfor regelverket (under 100 000 kr)",
    "I": "Del I",
    "II": "Del I og II",
    "III": "Del I og III",
    "IV": "Del I og IV (helse- og sosialtjenester, kapittel 30)",
}
_REGIME_PART_LABELS = {
    ("utilities", "I"): "Forsyningsforskriften del I",
    ("utilities", "II"): "Forsyningsforskriften del I og II (over EØS-terskelen)",
    ("defence_security", "referred"): "Egen forskrift: forsvars- og sikkerhetsanskaffelser",
    ("concession", "referred"): "Egen forskrift: konsesjonskontrakter",
}
SPECIAL_ABOVE_LABEL = "Del I og II, og enkelte bestemmelser i del III"

REGIME_LABELS = {
    "foa": "anskaffelsesforskriften (FOA)",
    "utilities": "forsyningsforskriften (FOR)",
    "defence_security": "forskrift om forsvars- og sikkerhetsanskaffelser",
    "concession": "forskrift om konsesjonskontrakter",
}

POTENTIAL_LABELS = {"low": "lavt", "medium": "middels", "high": "høyt"}


def procedure_label(procedure: str, part: str, regime: str = "foa") -> str:
    """The Norwegian name of a procedure in the given part (åpen tilbudskonkurranse in II, anbudskonkurranse in III)."""
    if procedure in _PLAIN_LABELS:
        label = _PLAIN_LABELS[procedure]
    else:
        by_part = _PROCEDURE_LABELS[procedure]
        if regime == "utilities" and part == "II":
            return by_part["III"] + _UTILITIES_SUFFIX
        label = by_part.get(part) or by_part.get("III") or by_part["I"]
    return label + (_UTILITIES_SUFFIX if regime == "utilities" and procedure in ("competitive_dialogue", "innovation_partnership") else "")


def part_label(part: str, regime: str = "foa") -> str:
    """The Norwegian name of the parts that apply («Del I og II», «Forsyningsforskriften del I»)."""
    return _REGIME_PART_LABELS.get((regime, part)) or PART_LABELS[part]
