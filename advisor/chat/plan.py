"""The question plan: what kind of question it is, its parts, and a premise to correct.

    plan = plan_question("Hva er terskelverdien for staten, og hvor lang er fristen?", "nb")
    plan.parts   # ["Hva er terskelverdien for staten?", "hvor lang er fristen?"]

Classification is by wording (no LLM): yes/no, number, list, definition, how-to, comparison, statistic. A compound
question is split at «, og» / «og hva/hvor/...» / «?» so that each part gets its own answer and citations. A question
that leans on a premise («Siden vi er en kommune, må vi vel ...», «... ikke sant?») is marked, so the answer can
correct the premise in its first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advisor.answer import LIST_QUESTION
from advisor.chat.sentences import split_sentences
from advisor.search import PROCEDURE_NAMES, described_concepts

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("list", LIST_QUESTION),  # the passage route answers these with the whole list of the chosen passage
    ("comparison", re.compile(r"\bforskjell\w*|\bskil\w*\b|\bdifference\b|\bversus\b|\bvs\.?\b", re.IGNORECASE)),
    ("statistic", re.compile(r"\bhvor mange\b|\bhvor stor andel\b|\bandel\b|\bprosent\b|\bkor mange\b|\bhow many\b|"
                             r"\bshare\b|\bhow much\b|\bhvor mye\b", re.IGNORECASE)),
    ("number", re.compile(r"\bterskel\w*|\bhvor (høy|lang|mye)\b|\bkor (høg|lang)\b|\bfrist\w*|\bthreshold\b|"
                          r"\bhow (long|high)\b", re.IGNORECASE)),
    ("how-to", re.compile(r"^\s*(hvordan|korleis|how)\b", re.IGNORECASE)),
    ("definition", re.compile(r"^\s*(hva er|hva betyr|kva er|kva tyder|what is|what does)\b", re.IGNORECASE)),
    ("yes/no", re.compile(r"^\s*(må|kan|gjelder|er|skal|bør|har|finnes|do|does|must|is|are|can|should)\b", re.IGNORECASE)),
)
_PREMISE = re.compile(
    r"^\s*(siden|fordi|ettersom|sidan|since|as)\b|\b(ikke sant|stemmer (ikke )?det|eller hva|isn't it|right)\s*\??\s*$|"
    r"\b(må|er|gjelder|følger|blir|har) (vel|jo)\b|\bvel\s*\??\s*$|\ber jo\b",
    re.IGNORECASE,
)
# Where a compound question splits: a second question word after «og» / «, og» / «; » / «?».
# «Is that allowed, and if one supplier helps us …, may it still bid?»: «, and if …, <verb>» opens a second question.
_SPLIT = re.compile(
    r",\s+(?:og|and)\s+(?=(?:hvis|dersom|om|if)\b[^?]{3,120}?,\s*(?:kan|må|får|skal|bør|gjelder|may|can|must|should|"
    r"will|is|are|do|does)\b)|"
    r"(?:\?\s+(?:(?:og|and|men|but|også)\s+)?|,?\s+og\s+|;\s+|,\s+(?=(?:hva|hvor|hvilke|hvordan|når|kan|må|what|how|when|which)\b)|"
    r",?\s+and\s+)"
    r"(?=(?:hva|hvor|hvilke[nt]?|hvordan|når|kan|må|finnes|er det|har (?:vi|dere|man|de)|gjelder|bør (?:vi|dere|man)|"
    r"trenger (?:vi|dere|man)|treng (?:vi|de)|do (?:we|I)|does|must (?:we|I)|may (?:we|I)|should (?:we|I)|could (?:we|I)|"
    r"hvem|kva|kor|korleis|what|how|when|can|is|are|who|which|stemmer det|stemmer|is it true|"
    # «…, og vi er vel i del II?», «…, og siden vi er kommunalt eid, følger vi vel …?»: a claim asked to be confirmed
    r"(?:siden|sidan|ettersom)\b[^?,]{3,80}?\b(?:vel|jo)\b|(?:vi|me|dere|det) (?:er|følger|gjelder|må|har|kan) (?:vel|jo))\b)",
    re.IGNORECASE,
)
# A condition that is itself a claim asked to be confirmed («Siden vi er kommunalt eid følger vi vel
# anskaffelsesforskriften, og hvor lenge …?»): a question of its own, so the message splits after it.
_CLAIMED_CONDITION = re.compile(r"\b(?:følger|følgjer|er|gjelder|må|har|blir) (?:vi|me|det|dere) (?:vel|jo)\b|"
                                r"\b(?:vi|me|det|dere) (?:er|følger|følgjer|gjelder|må|har) (?:vel|jo)\b|"
                                r"\b(?:gjelder|gjeld) (?:vel|jo)\b", re.IGNORECASE)


# A part that only asks whether what the scene tells is allowed («Går det an?», «Er det lov?», «Is that allowed?»).
_ASKS_ABOUT_SCENE = re.compile(
    r"^\s*(?:går det an|er (?:det|dette) (?:lov|lovlig|greit|tillatt|mulig|i orden)|holder det|kan vi (?:det|gjøre det)|"
    r"is (?:that|this|it) (?:allowed|ok|okay|legal|possible|permitted)|can we do (?:that|this)|"
    # «Er det lurt?», «Is that a good idea?»: whether the plan the scene tells is wise, which its card answers
    r"er (?:det|dette) (?:lurt|klokt|smart|fornuftig|ein? god idé|ein? god ide|å anbefale|å tilrå)|"
    r"is (?:that|this|it) (?:wise|sensible|a good idea|advisable)|"
    # «Are we allowed to use it?», «Kan vi bruke den?»: «it» is the procedure or the plan the scene names.
    r"(?:are we allowed|may we|can we) (?:to )?(?:use|do|choose|go for) (?:it|that|this|one)|"
    r"(?:kan|får|må) vi (?:bruke|nytte|velge|velje|bruka) (?:den|det|dette|denne)|"
    r"(?:har vi|er det) lov (?:til )?(?:å )?(?:bruke|nytte|velge|velje|bruka) (?:den|det|dette|denne))\s*\??\s*$",
    re.IGNORECASE)

# «Can we do this without a normal tender?», «Kan vi gjøre dette uten konkurranse?»: whether the plan the scene tells
# may be carried out in some way; the part keeps the scene («this» is the scene).
_DOES_THE_SCENE = re.compile(r"^\s*(?:(?:can|may|could) we do (?:this|that|it)|(?:kan|får|kunne) (?:vi|me) (?:gjøre|gjere|"
                             r"gjera) (?:dette|det|slik|sånn)|"
                             # «Kan dette gjøres utenfor regelverket?», «Can this be done without a tender?»
                             r"(?:kan|får|bør|må) (?:dette|det|dette opplegget|det opplegget) (?:gjøres|gjerast|gjøras|"
                             r"gjennomføres|gjennomførast|skje)|(?:can|may|could) (?:this|that|it) be (?:done|carried out))\b",
                             re.IGNORECASE)
# «Når kan vi bruke prosedyren?», «When may we use it?»: when the procedure the scene names may be used; the pointer is
# replaced by the procedure's name (the whole scene would pull the part towards a case about the same kind of buyer).
_WHEN_USE_IT = re.compile(
    r"^\s*(?P<ask>(?:når|when) (?:kan|får|har|may|can) (?:vi|dere|me|we) (?:lov (?:til )?)?(?:å )?(?:bruke|nytte|velge|"
    r"velje|bruka|use|choose) )(?P<it>den(?: prosedyren)?|denne(?: prosedyren)?|det|dette|prosedyren|ordningen|it|this|"
    r"that|the procedure)(?P<rest>\s*\??\s*)$", re.IGNORECASE)
PROCEDURE_NAME = re.compile(rf"(?<![\w-])(?:{PROCEDURE_NAMES})(?![\w-])", re.IGNORECASE)


# A part that asks about a wording the scene quotes («Is that wording precise enough?», «Er den formuleringen presis
# nok?»): without the scene it has no topic, so it keeps the scene's sentences that carry no figure (the figures are
# the rules' and would make the part a question of part and threshold).
_POINTS_INTO_SCENE = re.compile(r"\b(?:that|this|the|our) (?:wording|requirement|phrase|clause|term|formulation)\b|"
                                r"\b(?:denne|den|dette|det|vår|vårt) (?:formuleringen|formuleringa|kravet|ordlyden|"
                                r"ordlyda)\b", re.IGNORECASE)


# A part that only asks whether a claim holds («Is that right?», «Stemmer det?», «Har hun rett?»): alone it asks
# nothing, so it keeps the scene's sentence that states the claim (the last one that reports what someone says, or
# the scene's last sentence).
_CHECKS_CLAIM = re.compile(r"^\s*(?:stemmer (?:det|dette)|er (?:det|dette) (?:riktig|rett|sant|korrekt)|"
                           r"har (?:han|hun|ho|de|dei|vedkommende|kollegaen|sjefen|leverandøren) rett|"
                           r"is (?:that|this|it|he|she) (?:right|true|correct|so)|are they right|(?:is|are) (?:he|she|they) "
                           r"correct)\s*\??\s*$", re.IGNORECASE)
_REPORTS_CLAIM = re.compile(r"\b(?:sier|seier|sa|mener|meiner|hevder|påstår|påstod|tror|trur|skriver|says|said|claims|"
                            r"claimed|thinks|believes|argues|told|tells|writes|insists)\b", re.IGNORECASE)


def _with_claim(part: str, scene: str) -> str:
    """The part after the scene's sentence that states the claim it asks about, or the part as it was."""
    sentences = [s for s in split_sentences(scene) if s.strip()]
    if not sentences:
        return part
    claim = next((s for s in reversed(sentences) if _REPORTS_CLAIM.search(s)), sentences[-1])
    return f"{claim} {part}"


_QUOTED = re.compile(r"«[^»]{3,120}»|\"[^\"]{3,120}\"|“[^”]{3,120}”")


def _with_quoted_scene(part: str, scene: str) -> str:
    """The part after the scene's sentences that state no figure and the wordings quoted in those that do, or the
    part alone when there are none."""
    told = " ".join(s if not re.search(r"\d", s) else " ".join(_QUOTED.findall(s)) for s in split_sentences(scene))
    told = " ".join(told.split())
    return f"{told} {part}" if told else part


# A part that is a figure and hardly a word more («Is 20 % allowed?», «Er 20 prosent nok?»): the figure is the topic,
# so the part keeps the scene's sentence that states it («… give the environment 20 % weight …»).
_FIGURE_PART = re.compile(r"^\s*(?:\w+\s+){0,3}?(?P<figure>\d[\d.,]*\s*(?:%|prosent|percent|per cent|dager|days))"
                          r"(?:\s+\w+){0,3}\s*\?\s*$", re.IGNORECASE)


def _with_figure_scene(part: str, scene: str) -> str:
    """The part after the scene's sentence that states the figure the part asks about, or the part as it was."""
    match = _FIGURE_PART.match(part)
    if match is None:
        return part
    number = re.match(r"\d[\d.,]*", match.group("figure")).group(0)
    sentence = next((s for s in split_sentences(scene) if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d.,]*\d)", s)),
                    "")
    return f"{sentence} {part}" if sentence else part


def asks_about_scene(part: str) -> bool:
    """True for a part that only asks whether what the scene tells is allowed («Er det lov?», «Går det an?»)."""
    return bool(_ASKS_ABOUT_SCENE.match(part))


def scene_procedure(scene: str) -> str:
    """The procedure the scene names («førkommersiell anskaffelse», «PCP», «KPD») or describes without its name
    («betale tre leverandører for å utvikle prototyper, uten å forplikte seg til å kjøpe»: a pre-commercial
    procurement), or "" (the scene's other words, a buyer and a purchase, would pull a part away from its own topic)."""
    if not scene:
        return ""
    if match := PROCEDURE_NAME.search(scene):
        return match.group(0)
    return next((concept.name for concept in described_concepts(scene) if concept.procedure), "")


# A scene that says the buyer considers or plans a procedure («vi vurderer innovasjonspartnerskap», «vi vil betale tre
# leverandører for å utvikle prototyper», «we are considering a competitive dialogue»), not one run before or rejected.
_CONSIDERS = re.compile(r"\b(?:vurderer|vurdere|ønsker|ønskjer|vil|skal|planlegger|planlegg|tenker|tenkjer|heller|går for|"
                        r"velger|satser|considering|consider|plan|planning|want|wants|lean|leaning|intend|going to|"
                        r"will|forbereder|førebur|utarbeider|utarbeidar|lyser ut|lyser ho ut|gjennomfører|"
                        r"kjører|køyrer|drafting|draft|preparing|prepare|running|launching|setting up)\b", re.IGNORECASE)
_NOT_CONSIDERED = re.compile(r"\b(?:ikke|ikkje|not|never|aldri|gjennomførte|gjennomført|brukte|brukt|hadde|had|used|ran)\b",
                             re.IGNORECASE)


def considered_procedure(scene: str) -> str:
    """The procedure the scene says the buyer considers or plans (`scene_procedure`), or "" when the scene names none,
    or tells of one run before or not wanted («vi gjennomførte en konkurranse med forhandling», «ikke PCP»)."""
    name = scene_procedure(scene)
    if not name:
        return ""
    sentence = next((s for s in split_sentences(scene) if name.lower() in s.lower()
                     or scene_procedure(s) == name), scene)
    return name if _CONSIDERS.search(sentence) and not _NOT_CONSIDERED.search(sentence) else ""


def with_procedure(part: str, name: str) -> str:
    """The part with the procedure the scene considers said in it («Må vi forhandle?» -> «Må vi forhandle
    (innovasjonspartnerskap)?»), when the part names or describes no procedure of its own; else the part as it was."""
    if not name or PROCEDURE_NAME.search(part) or scene_procedure(part):
        return part
    stem = part.rstrip().rstrip("?").rstrip()
    return f"{stem} ({name if name.isupper() else name.lower()})?"


def _named_it(part: str, scene: str) -> str:
    """The part with «prosedyren» / «den» / «it» replaced by the procedure the scene names, or the part as it was."""
    match = _WHEN_USE_IT.match(part)
    name = scene_procedure(scene) if match else ""
    if not match or not name:
        return part
    named = name if name.isupper() else name.lower()  # KPD stays KPD
    return f"{match.group('ask')}{named}{match.group('rest')}"


# A piece that states facts («Et statlig byggeprosjekt til 60 mill. kr, må det …») is context, not a question.
_QUESTION_WORDS = (r"hva|hvor|hvilke[nt]?|hvordan|hvorfor|når|kan|må|finnes|er|har|gjelder|skal|bør|hvem|kva|kor|korleis|"
                   r"stemmer|går det|holder det|what|how|why|when|can|is|are|who|which|do|does|must")
_QUESTION_WORD = re.compile(rf"^\s*({_QUESTION_WORDS})\b", re.IGNORECASE)


@dataclass
class QuestionPlan:
    """How a question is answered: its kind, its parts (one for a simple question) and whether it rests on a premise."""

    question: str
    kind: str
    parts: list[str] = field(default_factory=list)
    premise: bool = False
    scene: str = ""  # the statements before the parts («Vi er en kommune og skal kjøpe renhold for 3 mill.»)

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1


def classify(question: str) -> str:
    """The kind of a question: list, comparison, statistic, number, how-to, definition, yes/no or open."""
    for kind, pattern in _KINDS:
        if pattern.search(question):
            return kind
    return "open"


# A question that opens with a condition («Når vi kjøper …, må vi …?») is one question; «Når kan vi …?» and «Når har vi
# lov til …?» ask when (the verb comes before the subject).
_CONDITION = re.compile(r"^\s*(?:siden|fordi|ettersom|sidan|since|as|if|hvis|dersom|"
                        r"når(?!\s+(?:kan|må|skal|bør|gjelder|er|blir|trenger|får|starter|har|hadde|var|vil|kommer|ble|bruker|går|utløper)\b))\b", re.IGNORECASE)


_CONDITION_OPENS = re.compile(r"^\s*(?:hvis|dersom|if)\b", re.IGNORECASE)


def split_parts(question: str) -> list[str]:
    """The sub-questions of a compound question (each ending in «?»), or the question alone.

    Sentences that only set the scene before the questions («Enhetslederne vil bare ha «samme dispenser som Bærum».
    Hvordan …, og hva …?», or a purchase with its figures) are left out of the parts, which are answered on their
    own words (the scene's words pulled each part away from its answer); the facts of the scene are read from the
    whole message (see scene_of). A part with hardly a word of its own («Går det an?») keeps the scene it asks about.
    A scene before one question keeps the question whole."""
    scene, asked = _scene(question.strip())
    if scene:
        parts = split_parts(asked)
        if len(parts) < 2:
            return [question.strip()]
        # A part with hardly a word of its own («Går det an?», «Is that allowed?») asks about the scene: it keeps it.
        return [f"{scene} {part}" if _ASKS_ABOUT_SCENE.match(part) or _DOES_THE_SCENE.match(part)
                else _with_claim(part, scene) if _CHECKS_CLAIM.match(part)
                else _with_quoted_scene(part, scene) if _POINTS_INTO_SCENE.search(part)
                else _with_figure_scene(part, scene) if _FIGURE_PART.match(part)
                else _named_it(part, scene) for part in parts]
    pieces = [p.strip(" ,;") for p in _SPLIT.split(question.strip()) if p and p.strip(" ,;?")]
    # «…, og hvis en leverandør hjelper oss, kan den levere tilbud?»: a condition belongs to the question after it.
    for i in range(len(pieces) - 2, -1, -1):
        if _CONDITION_OPENS.match(pieces[i]) and not pieces[i].endswith("?"):
            pieces[i: i + 2] = [f"{pieces[i]}, {pieces[i + 1][0].lower()}{pieces[i + 1][1:]}"]
    claimed = len(pieces) > 1 and _CONDITION.match(question) is not None and bool(_CLAIMED_CONDITION.search(pieces[0]))
    if len(pieces) < 2 or _CONDITION.match(question) and not claimed or any(len(p.split()) < 3 for p in pieces) \
            or not (_QUESTION_WORD.match(pieces[0]) or claimed):
        return _by_question_marks(question)
    parts = []
    for piece in pieces:
        piece = piece[0].upper() + piece[1:]
        parts.append(piece if piece.endswith("?") else piece.rstrip(".") + "?")
    return parts


_JOINING_WORD = re.compile(r"^(?:og|and|men|but|også|so)\s+", re.IGNORECASE)


def _by_question_marks(question: str) -> list[str]:
    """Sentences that each end in «?» as the parts, however each opens («Siden totalen er over 2,3 mill. må vi vel …?
    Og kan vi …?»), each split further on its own; a single question (one opening with a condition included) whole."""
    sentences = [s for s in re.split(r"(?<=\?)\s+", question.strip()) if s]
    # «Stemmer det? Og hvilken del gjelder …?»: a claim check is a part of its own (split_parts gives it the claim)
    if len(sentences) < 2 or not all(s.endswith("?") for s in sentences) \
            or any(len(s.split()) < 3 and not _CHECKS_CLAIM.match(s) for s in sentences):
        return [question.strip()]
    parts = []
    for sentence in sentences:
        sentence = _JOINING_WORD.sub("", sentence)
        parts += split_parts(sentence[0].upper() + sentence[1:])
    return parts


# Where a statement ends: a sentence end before a capital, or a colon before a question word (any case).
_SENTENCE_OR_LEAD_IN = re.compile(rf"(?<=[.!»])\s+(?=[A-ZÆØÅ])|(?<=:)\s+(?=(?i:(?:{_QUESTION_WORDS})\b))")


def _scene(question: str) -> tuple[str, str]:
    """(the statements before the first sentence that asks, the rest), or ("", "") when no statement comes first."""
    # «trenger tall til et saksframlegg: hvor mye …, og hvor stor …?»: a lead-in before a colon is a statement too.
    sentences = _SENTENCE_OR_LEAD_IN.split(question)
    for i, sentence in enumerate(sentences):
        # a sentence asks when it opens with a question word or ends in «?» («Siden totalen er over …, må vi vel …?»)
        if _QUESTION_WORD.match(sentence) or sentence.rstrip().endswith("?"):
            return (" ".join(sentences[:i]), " ".join(sentences[i:])) if i else ("", "")
    return "", ""


def scene_of(question: str) -> str:
    """The statements before the questions of a message («Vi er en kommune og skal kjøpe renhold for 3 mill.»)."""
    return _scene(question.strip())[0]


# Words nynorsk writes and bokmål does not (bokmål: hva, hvordan, hvem, ikke, jeg, fra, bare, noe, mange …), and the
# bokmål forms of the same words: a question is nynorsk when it has two nynorsk words and no bokmål one.
_NYNORSK_WORDS = frozenset("kva korleis kven kvifor kvar ikkje eg frå berre noko nokon kor mykje ein eit dei desse "
                           "vere vore sidan kjem gjer treng høyrer òg eigen eige".split())
_BOKMAL_WORDS = frozenset("hva hvordan hvem hvorfor hvor ikke jeg fra bare noe noen mye en et de disse være vært "
                          "siden kommer gjør trenger hører også egen".split())


def is_nynorsk(question: str) -> bool:
    """True for a question clearly in nynorsk: at least two words only nynorsk writes and none only bokmål does."""
    words = re.findall(r"[a-zæøåò]+", question.lower())
    return len({w for w in words if w in _NYNORSK_WORDS}) >= 2 and not any(w in _BOKMAL_WORDS for w in words)


def plan_question(question: str, lang: str = "nb") -> QuestionPlan:
    """Classify and split a question, and mark a premise to check."""
    del lang  # the patterns cover bokmål, nynorsk and English alike
    parts = split_parts(question)
    return QuestionPlan(question, classify(question), parts, bool(_PREMISE.search(question)),
                        scene_of(question) if len(parts) > 1 else "")
