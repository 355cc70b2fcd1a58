"""May we use a named procedure, and must we? The verdict on the procedure asked about, by part of the regulation.

    verdict = permission("negotiated", "III")            # «Ja, hvis minst ett av vilkårene i FOA § 13-2 er oppfylt …»
    verdict = permission("open", "III", obliged=True)     # «Nei. Ingen prosedyre er påbudt …» and what is allowed
    verdict.answer, verdict.text("en"), verdict.rules     # "if", the English sentence, the rules it rests on

The assessment recommends one procedure for a case; a buyer who asks about a *named* procedure («Kan vi bruke
konkurranse med forhandling?», «Vi må vel bruke åpen anbudskonkurranse?») needs the verdict on that one. It follows
from the part and regime the assessment decided, with the same rule table behind it (rules.py), so it cites the same
guidance. No procedure is ever the only one allowed, so a claim that one is obligatory is always answered «Nei» with
the procedures the part actually allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.errors import AdvisorError

# The procedures a question can name. "tender" is an anbuds-/tilbudskonkurranse without «åpen» or «begrenset».
ASKABLE = ("open", "restricted", "tender", "negotiated", "competitive_dialogue", "innovation_partnership")
ANSWERS = ("yes", "if", "no", "unverified")

_NAMES = {
    "open": ("åpen anbudskonkurranse", "an open procedure"),
    "restricted": ("begrenset anbudskonkurranse", "a restricted procedure"),
    "tender": ("anbudskonkurranse", "an open or restricted procedure"),
    "negotiated": ("konkurranse med forhandling", "the competitive procedure with negotiation"),
    "competitive_dialogue": ("konkurransepreget dialog", "competitive dialogue"),
    "innovation_partnership": ("innovasjonspartnerskap", "an innovation partnership"),
}
# Below the EEA threshold the open and restricted procedures are tilbudskonkurranser, not anbudskonkurranser.
_PART_II_NAMES = {
    "open": "åpen tilbudskonkurranse",
    "restricted": "begrenset tilbudskonkurranse",
    "tender": "tilbudskonkurranse",
    "negotiated": "tilbudskonkurranse med forhandling",
}

_GROUNDS_NB = ("behovet kan ikke dekkes uten at tilgjengelige løsninger tilpasses; anskaffelsen omfatter design eller "
               "innovative løsninger; art, kompleksitet, rettslig eller økonomisk oppbygning eller risiko gjør forhandlinger "
               "nødvendige; spesifikasjonene kan ikke fastsettes presist nok ved henvisning til standarder eller tekniske "
               "referanser; eller en tidligere åpen eller begrenset anbudskonkurranse ga bare uakseptable tilbud")
_GROUNDS_EN = ("the need cannot be met without adapting available solutions; the purchase includes design or innovative "
               "solutions; its nature, complexity, legal or financial make-up or risks make negotiation necessary; the "
               "specifications cannot be set precisely enough by reference to standards or technical references; or an "
               "earlier open or restricted procedure produced only unacceptable tenders")
# The five grounds in one line each language, for an answer that names them once for several procedures.
GROUNDS = (_GROUNDS_NB, _GROUNDS_EN)
_GROUND_RULES = ("R-GROUND-ADAPTATION", "R-GROUND-INNOVATIVE", "R-GROUND-COMPLEXITY", "R-GROUND-SPECIFICATION",
                 "R-GROUND-FAILED")

# Innovation partnership: the same condition in every part (FOA § 13-1 third ledd), and part III's rules throughout.
_IP = (
    "Ja, hvis behovet ikke kan dekkes ved å kjøpe løsninger som allerede finnes i markedet (FOA § 13-1 tredje ledd); "
    "dette må en markedsdialog vise og dere dokumentere. Prosedyren følger reglene i del III, også under EØS-terskelen.",
    "Yes, if the need cannot be met by buying solutions already on the market (FOA § 13-1 third paragraph); a market "
    "dialogue must show this and you must document it. The procedure follows the part III rules, also below the EEA "
    "threshold.",
    ("R-PROC-INNOVATION-PARTNERSHIP", "R-IP-PART-III-RULES"),
)
# The buyer says what it buys is ordinary goods the market has («vanlige kontorrekvisita», «standard hyllevare»): the
# condition of an innovation partnership is then not met.
IP_MARKET_HAS = (
    "Nei, trolig ikke: innovasjonspartnerskap kan bare brukes når behovet ikke kan dekkes ved å kjøpe løsninger som "
    "allerede finnes i markedet (FOA § 13-1 tredje ledd), og det dere beskriver, finnes der.",
    "No, probably not: an innovation partnership may only be used when the need cannot be met by buying solutions "
    "already on the market (FOA § 13-1 third paragraph), and what you describe is on the market.",
)
# An innovation partnership is never a duty: the sentence that corrects a claim that it is.
IP_FREE_CHOICE = (
    "Innovasjonspartnerskap er et frivillig valg som bare kan brukes når behovet ikke kan dekkes av det som finnes i "
    "markedet, og det er ingen plikt til å innovere.",
    "An innovation partnership is a free choice that may only be used when the need cannot be met by what the market "
    "offers, and there is no legal duty to innovate.",
    ("R-PROC-INNOVATION-PARTNERSHIP", "R-INNO-ACTIVE-ASSESSMENT"),
)
# What each part allows: the sentence behind an «ikke påbudt» verdict.
_ALLOWED = {
    "below": ("Under 100 000 kr gjelder ikke anskaffelsesregelverket, så dere velger fremgangsmåte selv.",
              "Below NOK 100 000 the procurement rules do not apply, so you choose how to buy.",
              ("R-SCOPE-BELOW", "R-PROC-BELOW-DIRECT")),
    "I": ("I del I er det ingen fast prosedyre: dere legger opp konkurransen selv, så lenge de grunnleggende "
          "prinsippene følges og valget kan begrunnes.",
          "In part I there is no fixed procedure: you design the competition yourselves, as long as the basic "
          "principles are followed and the choice can be justified.",
          ("R-PART-I", "R-PROC-PART-I-DIRECT")),
    "II": ("I del II velger dere mellom åpen og begrenset tilbudskonkurranse (FOA § 8-3), og dere kan forhandle hvis det "
           "er opplyst på forhånd i kunngjøringen eller konkurransegrunnlaget (vanlig lagt til grunn; paragrafen er ikke "
           "verifisert).",
           "In part II you choose between an open and a restricted tilbudskonkurranse (FOA § 8-3), and you may negotiate "
           "if the notice or tender documents said so in advance (commonly assumed; the provision is not verified).",
           ("R-PROC-PART-II-OPEN", "R-PROC-PART-II-NEGOTIATION")),
    "III": ("I del III er åpen og begrenset anbudskonkurranse alltid tillatt (FOA § 13-1 første ledd); konkurranse med "
            "forhandling og konkurransepreget dialog kan brukes når et av vilkårene i FOA § 13-2 er oppfylt, og "
            "innovasjonspartnerskap når behovet ikke kan dekkes av det markedet har.",
            "In part III the open and restricted procedures are always allowed (FOA § 13-1 first paragraph); the "
            "competitive procedure with negotiation and competitive dialogue may be used when one of the grounds in FOA "
            "§ 13-2 is met, and an innovation partnership when the need cannot be met by what the market offers.",
            ("R-PROC-PART-III-OPEN", "R-PROC-NEGOTIATED", "R-PROC-INNOVATION-PARTNERSHIP")),
    "IV": ("Helse- og sosialtjenester fra EØS-terskelen følger egne prosedyreregler i del IV (kapittel 30), ikke "
           "prosedyrene i del III: dere utformer prosedyren selv innenfor likebehandling og åpenhet, også med "
           "forhandlinger, men må kunngjøre (etter direktivets forenklede regime; den norske teksten er ikke verifisert).",
           "Health and social services from their EEA threshold follow their own procedure rules in part IV (chapter "
           "30), not the part III procedures: you design the procedure yourselves within equal treatment and "
           "transparency, negotiation included, but must publish a notice (the directive's light regime; the Norwegian "
           "text is not verified).",
           ("R-PROC-PART-IV", "R-PART-IV")),
    ("utilities", "I"): ("Under EØS-terskelen i forsyningssektoren gjelder bare LOA og forsyningsforskriften del I: ingen fast "
                         "prosedyre, og konkurranseprinsippet i LOA § 4 styrer hvem dere må spørre.",
                         "Below the EEA threshold in the utilities sector only the act and part I of the utilities "
                         "regulation apply: no fixed procedure, and the competition principle of LOA § 4 decides whom "
                         "you must ask.",
                         ("R-UTILITIES-PART-I",)),
    ("utilities", "II"): ("I forsyningssektoren velger dere fritt mellom åpen og begrenset konkurranse og konkurranse med "
                          "forhandling etter kunngjøring, uten vilkår som i FOA § 13-2 (sekundærkilde; paragrafen i "
                          "forsyningsforskriften er ikke verifisert).",
                          "In the utilities sector you choose freely between the open and restricted procedures and the "
                          "negotiated procedure with prior notice, with no condition like FOA § 13-2 (secondary source; "
                          "the paragraph of the utilities regulation is not verified).",
                          ("R-PROC-UTILITIES",)),
}


@dataclass(frozen=True)
class Permission:
    """The verdict on one named procedure in one part: yes, yes-if (a condition), no, or unverified."""

    procedure: str
    part: str
    answer: str
    nb: str
    en: str
    rules: tuple[str, ...]

    def text(self, lang: str = "nb") -> str:
        """The verdict sentence(s) in Norwegian, or in English for lang "en"."""
        return self.en if lang == "en" else self.nb


def procedure_name(procedure: str, part: str, lang: str = "nb") -> str:
    """The name of an askable procedure in the part («åpen tilbudskonkurranse» in part II)."""
    nb, en = _NAMES[procedure]
    if lang == "en":
        return en
    return _PART_II_NAMES.get(procedure, nb) if part == "II" else nb


def permission(procedure: str, part: str, regime: str = "foa", obliged: bool = False) -> Permission | None:
    """The verdict on using (or, with `obliged`, on having to use) `procedure` in `part`; None where the model has no
    procedure rules (another regulation: defence and security, concessions)."""
    if procedure not in ASKABLE:
        raise AdvisorError(f"unknown procedure {procedure!r}; expected one of {', '.join(ASKABLE)}")
    if part == "referred":
        return None
    return _decide(procedure, part, regime, obliged)


def _decide(procedure: str, part: str, regime: str, obliged: bool) -> Permission:
    key = (regime, part) if regime == "utilities" else part
    if key not in _ALLOWED:
        raise AdvisorError(f"unknown part {part!r} for regime {regime!r}")
    if obliged:
        return _not_obliged(procedure, part, key)
    if regime == "utilities":
        return _utilities(procedure, part)
    if procedure == "innovation_partnership" and part in ("I", "II", "III"):
        nb, en, rules = _IP
        if part == "I":
            nb += " For et kjøp under nasjonal terskel er den mulig, men tung."
            en += " For a purchase below the national threshold it is possible but heavy."
            rules += ("R-IP-HEAVY-BELOW-NATIONAL",)
        return Permission(procedure, part, "if", nb, en, rules)
    allowed_nb, allowed_en, allowed_rules = _ALLOWED[key]
    if part in ("below", "I", "IV"):
        return Permission(procedure, part, "yes", "Ja. " + allowed_nb, "Yes. " + allowed_en, allowed_rules)
    if part == "II":
        return _part_ii(procedure)
    return _part_iii(procedure)


def _part_ii(procedure: str) -> Permission:
    name = procedure_name(procedure, "II")
    if procedure in ("open", "restricted", "tender"):
        nb = f"Ja. I del II kan dere bruke {name} (FOA § 8-3)"
        nb += "; under EØS-terskelen heter det tilbudskonkurranse, ikke anbudskonkurranse." if procedure != "tender" else "."
        en = ("Yes. In part II you may use an open or a restricted tilbudskonkurranse (FOA § 8-3), the part II name for "
              "the open and restricted procedures.")
        return Permission(procedure, "II", "yes", nb, en, ("R-PART-II", "R-PROC-PART-II-OPEN"))
    if procedure == "negotiated":
        nb = ("Ja, hvis det er opplyst på forhånd i kunngjøringen eller konkurransegrunnlaget at dere vil forhandle: i en "
              "tilbudskonkurranse etter del II er forhandling da vanlig lagt til grunn som lov (paragrafen er ikke "
              "verifisert). Vilkårene i FOA § 13-2 gjelder først over EØS-terskelen.")
        en = ("Yes, if the notice or the tender documents say in advance that you will negotiate: in a part II "
              "tilbudskonkurranse negotiation is then commonly assumed to be allowed (the provision is not verified). "
              "The grounds in FOA § 13-2 apply only above the EEA threshold.")
        return Permission(procedure, "II", "if", nb, en, ("R-PROC-PART-II-NEGOTIATION",))
    # Competitive dialogue: part II's procedures are the two tilbudskonkurranser; negotiation gives the same room.
    nb = ("Ikke som egen prosedyre: del II har åpen og begrenset tilbudskonkurranse (FOA § 8-3), men dere kan ha dialog "
          "og forhandle med leverandørene hvis det er opplyst på forhånd i kunngjøringen eller konkurransegrunnlaget "
          "(vanlig lagt til grunn; paragrafen er ikke verifisert).")
    en = ("Not as a procedure of its own: part II has the open and the restricted tilbudskonkurranse (FOA § 8-3), but you "
          "may hold a dialogue and negotiate with the suppliers if the notice or tender documents say so in advance "
          "(commonly assumed; the provision is not verified).")
    return Permission(procedure, "II", "if", nb, en, ("R-PROC-PART-II-OPEN", "R-PROC-PART-II-NEGOTIATION"))


def _part_iii(procedure: str) -> Permission:
    if procedure in ("open", "restricted", "tender"):
        nb = "Ja. Åpen og begrenset anbudskonkurranse er alltid tillatt i del III (FOA § 13-1 første ledd)."
        en = "Yes. The open and restricted procedures are always allowed in part III (FOA § 13-1 first paragraph)."
        return Permission(procedure, "III", "yes", nb, en, ("R-PART-III", "R-PROC-PART-III-OPEN"))
    rule = "R-PROC-NEGOTIATED" if procedure == "negotiated" else "R-PROC-DIALOGUE"
    nb = (f"Ja, hvis minst ett av vilkårene i FOA § 13-2 er oppfylt og dere kan dokumentere det: {_GROUNDS_NB}. Er ingen "
          "av dem oppfylt, er åpen eller begrenset anbudskonkurranse det dere kan bruke (FOA § 13-1 første ledd).")
    en = (f"Yes, if at least one of the grounds in FOA § 13-2 is met and you can document it: {_GROUNDS_EN}. If none is "
          "met, the open or restricted procedure is what you may use (FOA § 13-1 first paragraph).")
    if procedure == "competitive_dialogue":
        nb += " Dialog passer når dere kjenner behovet, men ikke løsningen."
        en += " Dialogue fits when you know the need but not the solution."
    return Permission(procedure, "III", "if", nb, en, (rule, *_GROUND_RULES, "R-PROC-PART-III-OPEN"))


def _utilities(procedure: str, part: str) -> Permission:
    allowed_nb, allowed_en, rules = _ALLOWED[("utilities", part)]
    if part == "I" or procedure in ("open", "restricted", "tender", "negotiated"):
        return Permission(procedure, part, "yes", "Ja. " + allowed_nb, "Yes. " + allowed_en, rules)
    nb = (f"Trolig, men det er ikke verifisert om og på hvilke vilkår forsyningsforskriften har {_NAMES[procedure][0]}. "
          + allowed_nb)
    en = (f"Probably, but whether and on which conditions the utilities regulation offers {_NAMES[procedure][1]} is not "
          "verified. " + allowed_en)
    return Permission(procedure, part, "unverified", nb, en, rules)


def _not_obliged(procedure: str, part: str, key: str | tuple[str, str], lead: bool = True) -> Permission:
    """No procedure is ever the only one allowed: «Nei», and what the part allows instead (that alone without `lead`)."""
    allowed_nb, allowed_en, rules = _ALLOWED[key]
    if not lead:
        return Permission(procedure, part, "no", allowed_nb, allowed_en, rules)
    name_nb, name_en = procedure_name(procedure, part), procedure_name(procedure, part, "en")
    nb = f"Nei. Ingen regel pålegger dere å bruke {name_nb}. {allowed_nb}"
    en = f"No. No rule obliges you to use {name_en}. {allowed_en}"
    if procedure == "innovation_partnership":
        nb, en, rules = f"{nb} {IP_FREE_CHOICE[0]}", f"{en} {IP_FREE_CHOICE[1]}", (*rules, *IP_FREE_CHOICE[2])
    return Permission(procedure, part, "no", nb, en, rules)


@dataclass(frozen=True)
class Band:
    """One band of contract value with the part it falls under and the verdict there."""

    low_nok: int | None
    high_nok: int | None
    part: str
    verdict: Permission


def by_value(procedure: str, national_nok: int, eea_nok: int, floor_nok: int = 100_000,
             obliged: bool = False) -> list[Band]:
    """The verdict in every band of value (below the floor, part I, part II, part III), for a question without a value."""
    if procedure not in ASKABLE:
        raise AdvisorError(f"unknown procedure {procedure!r}; expected one of {', '.join(ASKABLE)}")
    if not floor_nok < national_nok <= eea_nok:
        raise AdvisorError(f"thresholds out of order: {floor_nok}, {national_nok}, {eea_nok}")
    bands = [(None, floor_nok, "below"), (floor_nok, national_nok, "I"), (national_nok, eea_nok, "II"), (eea_nok, None, "III")]
    out = []
    for low, high, part in bands:
        if low == high:  # the state's EEA threshold may equal the national one: no part II band
            continue
        # A claim of duty is answered once, in the lead: each band says what that part allows.
        verdict = _not_obliged(procedure, part, part, lead=False) if obliged else _decide(procedure, part, "foa", False)
        out.append(Band(low, high, part, verdict))
    return out
