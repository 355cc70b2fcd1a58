"""The readable part of the decision model: dated thresholds and the rule table.

Every conclusion the assessment draws is made by one of the rules below. A rule has an id, a Norwegian
description a procurement officer can check against the guidance, and the guidance notes (corpus/guidance/<id>.md,
with an anchor: a section heading or phrase in the note) that it rests on. The logic that applies the rules is in
the stages that decide.py runs; the thresholds are data in advisor/assessment/thresholds.yaml so they can be updated in one place.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from advisor.errors import AdvisorError

THRESHOLDS_PATH = Path(__file__).resolve().parent / "thresholds.yaml"
REQUIRED_THRESHOLDS = (
    "law_floor",
    "national",
    "eea_state_goods_services",
    "eea_other_goods_services",
    "eea_works",
    "eea_utilities_goods_services",
    "eea_utilities_works",
    "eea_health_social",
)


@dataclass(frozen=True)
class Threshold:
    """One threshold value (NOK excl. VAT) with the date it applies from and where it comes from."""

    key: str
    name: str
    value_nok: int
    as_of: str
    source: str

    def is_reached_by(self, value_nok: int) -> bool:
        """True when the value is equal to or above the threshold ("lik eller overstiger")."""
        return value_nok >= self.value_nok


@dataclass(frozen=True)
class ThresholdTable:
    """The threshold values in force from `as_of`, and proposals that are not in force."""

    as_of: str
    period: str
    review_after: str
    values: Mapping[str, Threshold]
    pending: tuple[Mapping[str, object], ...]
    path: str

    def __getitem__(self, key: str) -> Threshold:
        return self.values[key]


def load_thresholds(path: Path = THRESHOLDS_PATH) -> ThresholdTable:
    """Read the dated threshold table (cached until the file changes); a malformed entry names the file and the key."""
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError as exc:
        raise AdvisorError(f"cannot read threshold data {path}: {exc}") from exc
    return _load_thresholds(str(path), stamp)


@functools.lru_cache(maxsize=4)
def _load_thresholds(path: str, stamp: int) -> ThresholdTable:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AdvisorError(f"cannot read threshold data {path}: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("thresholds"), dict):
        raise AdvisorError(f"threshold data {path}: expected a mapping with a 'thresholds' section")
    values: dict[str, Threshold] = {}
    for key, entry in raw["thresholds"].items():
        if not isinstance(entry, dict):
            raise AdvisorError(f"threshold data {path}: entry {key!r} is not a mapping")
        value = entry.get("value_nok")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise AdvisorError(f"threshold data {path}: {key}.value_nok must be a positive whole number, got {value!r}")
        for needed in ("name", "as_of", "source"):
            if not str(entry.get(needed) or "").strip():
                raise AdvisorError(f"threshold data {path}: {key}.{needed} is missing")
        values[key] = Threshold(key, str(entry["name"]), value, str(entry["as_of"]), str(entry["source"]))
    missing = [key for key in REQUIRED_THRESHOLDS if key not in values]
    if missing:
        raise AdvisorError(f"threshold data {path}: missing {', '.join(missing)}")
    if not values["law_floor"].value_nok < values["national"].value_nok <= values["eea_state_goods_services"].value_nok:
        raise AdvisorError(f"threshold data {path}: expected law_floor < national <= eea_state_goods_services")
    return ThresholdTable(
        as_of=str(raw.get("as_of", "")),
        period=str(raw.get("period", "")),
        review_after=str(raw.get("review_after", "")),
        values=values,
        pending=tuple(raw.get("pending") or ()),
        path=str(path),
    )


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

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        # --- input handling ---
        _rule("R-ASSUME-VALUE", "Mangler anslått verdi: del III legges til grunn som det strengeste utfallet til verdien er anslått.",
              ("guide-terskelverdier", "Slik anslår dere verdien")),
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
        # --- scope, thresholds and part of the regulation ---
        _rule("R-SCOPE-BELOW", "Under 100 000 kr ekskl. mva. gjelder ikke anskaffelsesregelverket (LOA § 2).",
              ("guide-regelverket", "grensen på 100 000 kroner")),
        _rule("R-PART-I", "Fra 100 000 kr og under nasjonal terskel (1,3 mill. kr), og helse- og sosialtjenester under 7,8 mill. kr: "
              "bare del I, ingen fast prosedyre; de grunnleggende prinsippene og FOA kap. 7 gjelder.", _PARTS),
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
        _rule("R-THRESHOLD-HEALTH-SOCIAL", "Helse- og sosialtjenester: bare del I under 7,8 mill. kr, del III fra og med 7,8 mill. kr.",
              _PARTS),
        _rule("R-THRESHOLD-SPECIAL", "Andre særlige tjenester: del II fra 1,3 mill. kr, del III fra og med 7,8 mill. kr.",
              ("guide-del-ii-tilbudskonkurranse", "Når gjelder del II")),
        _rule("R-THRESHOLD-UTILITIES", "Forsyningssektorene: forsyningsforskriften gjelder, EØS-terskel 4,6 mill. kr for varer og "
              "tjenester og 57,8 mill. kr for bygg og anlegg.", _THRESHOLD_TABLE),
        _rule("R-THRESHOLD-DESIGN-CONTEST", "Plan- og designkonkurranser: samme EØS-terskel som varer og tjenester (stat 1,49 mill. kr).",
              ("guide-plan-og-designkonkurranse", "Hvilken terskelverdi gjelder")),
        _rule("R-NEAR-THRESHOLD", "Verdien er mindre enn 10 % under neste terskel: kontroller anslaget, og ikke del opp anskaffelsen.",
              ("guide-terskelverdier", "Slik anslår dere verdien")),
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
        _rule("R-PROC-UTILITIES", "Forsyningsforskriften har færre prosedyreregler enn anskaffelsesforskriften; modellens "
              "prosedyreråd er skrevet for anskaffelsesforskriften og må kontrolleres.", _THRESHOLD_TABLE),
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

PROCEDURES = ("open", "restricted", "negotiated", "competitive_dialogue", "innovation_partnership", "pcp", "design_contest", "direct")

_PROCEDURE_LABELS: dict[str, dict[str, str]] = {
    "open": {"I": "åpen konkurranse (frivillig kunngjort)", "II": "åpen tilbudskonkurranse", "III": "åpen anbudskonkurranse"},
    "restricted": {"I": "begrenset konkurranse (frivillig)", "II": "begrenset tilbudskonkurranse", "III": "begrenset anbudskonkurranse"},
    "negotiated": {"I": "konkurranse med forhandling (egen prosess)", "II": "tilbudskonkurranse med forhandling",
                   "III": "konkurranse med forhandling etter forutgående kunngjøring"},
    "direct": {"below": "direkte kjøp (utenfor regelverket)", "I": "direkte anskaffelse med konkurranse mellom noen få leverandører"},
}
_PLAIN_LABELS = {
    "competitive_dialogue": "konkurransepreget dialog",
    "innovation_partnership": "innovasjonspartnerskap",
    "pcp": "førkommersiell anskaffelse (PCP) etter FoU-unntaket",
    "design_contest": "plan- og designkonkurranse",
}

PART_LABELS = {
    "below": "Utenfor regelverket (under 100 000 kr)",
    "I": "Del I",
    "II": "Del I og II",
    "III": "Del I og III",
}

POTENTIAL_LABELS = {"low": "lavt", "medium": "middels", "high": "høyt"}


def procedure_label(procedure: str, part: str) -> str:
    """The Norwegian name of a procedure in the given part (åpen tilbudskonkurranse in II, anbudskonkurranse in III)."""
    if procedure in _PLAIN_LABELS:
        return _PLAIN_LABELS[procedure]
    by_part = _PROCEDURE_LABELS[procedure]
    return by_part.get(part) or by_part.get("III") or by_part["I"]
