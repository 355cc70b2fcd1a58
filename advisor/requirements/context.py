"""Where a name stands in a requirement, and what that means: the patterns behind the context rules.

A name is only a problem in requirement position: as the thing to buy, the supplier to contract with, the
technology to use or the standard to meet. The same name is legitimate as a system the purchase must work with,
as today's situation, as a buyer, a place or a programme, and in text about the procurement process itself
(platforms, Doffin, KOFA) or in a question to the market. Everything here is data or a compiled pattern; the
decisions live in detectors.py and names.py.
"""

from __future__ import annotations

import re

# Tender platforms and public registers: text that names them is about the procurement process, not a requirement.
PROCESS_NAMES = {
    "mercell", "tendsign", "visma tendsign", "eu-supply", "eu supply", "doffin", "ted", "kofa", "kgv", "negometrix",
    "ajour", "artifik", "proff forvalt", "brønnøysundregistrene", "altinn", "espd", "anskaffelser.no",
}
PROCESS_CUE = re.compile(
    r"(?<!\w)(?:konkurransegrunnlag\w*|tilbudsinnlevering\w*|tilbudsfrist\w*|tilbudsbrev\w*|befaring\w*|"
    r"kommunikasjons(?:modul|felt)\w*|kunngjør\w*|konkurransegjennomføringsverktøy\w*|anskaffelsesprosess\w*|"
    r"informasjonsmøte\w*|dialogkonferanse\w*|dialogmøte\w*|referat\w*|påmelding\w*|skatteattest\w*|"
    r"markedsundersøkels\w*|laste ned|lastes ned|last ned|registrere seg|melde seg|avlyst anbud\w*|"
    r"tender documents?|bid submission|site visit)(?!\w)",
    re.IGNORECASE,
)
# A pointer to the tender documents for details («for ytterligere informasjon se konkurransegrunnlaget», «se vedlegg 1 til
# konkurransegrunnlaget for nærmere beskrivelse») is a clause of its own: the rest of the sentence still says what is bought.
DOCUMENT_REFERRAL = re.compile(
    r"(?<!\w)(?:for (?:ytterligere|mer|nærmere|utfyllende|further|more) (?:informasjon|info|beskrivelse|detaljer|details|information)"
    r"(?:\s+om\s+[\w\s]{0,40}?)?,?\s+)?(?:se|jf\.?|vises? (?:det )?til|viser (?:vi )?til|see|refer to)\s+"
    r"(?:[\w\-]+\s+){0,6}?(?:konkurransegrunnlag\w*|tender documents?)"
    r"(?:\s+(?:med|og)\s+(?:vedlegg\w*|bilag\w*))?(?:\s+for\s+(?:ytterligere|mer|nærmere|utfyllende)\s+[^.;]*)?",
    re.IGNORECASE,
)
# A question or an invitation to the market asks for alternatives; it prescribes nothing.
MARKET_QUESTION = re.compile(
    r"\?\s*$|^\s*(?:hvilke|hva|hvordan|finnes|kan dere|har dere|vil dere|what|which|how|can you|do you)\b|"
    r"(?<!\w)(?:ønsker innspill|ber om innspill|inviterer (?:markedet|leverandører(?:ne)?) til (?:å komme med innspill|dialog)|"
    r"andre (?:løsninger|aktører|leverandører|produkter|tilbydere) enn|alternativer til|alternative løsninger|"
    r"ønsker (?:vi )?informasjon om|we invite suppliers to suggest)(?!\w)",
    re.IGNORECASE,
)

# The thing a study, evaluation or audit is about: named as its subject, not bought.
STUDIED_BEFORE = re.compile(
    r"(?<!\w)(?:evaluering|evaluere|følgeevaluering|analyse|kartlegging|kartlegge|vurdering|vurdere|studie|undersøkelse|"
    r"gjennomgang|revisjon|evaluation|review|assessment)\w*\s+(?:av|om|of)\s+(?:[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)

# Competence on, or examples of, a technology: consultancy lists name the buyer's estate, they do not prescribe it.
COMPETENCE_CONTEXT = re.compile(
    r"(?<!\w)(?:(?:spiss|drifts|dybde|fag|spesialist)?kompetanse|competence|expertise|spesialist(?:er|kompetanse)?|"
    r"specialists?|erfaring|experience|kjennskap|knowledge)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:på|i|innen|innenfor|om|med|til|in|on|within|of|with)(?!\w)"
    r"|(?<!\w)(?:for eksempel|for example|f\.eks\.?|e\.g\.|eksempelvis|such as|eksempler på|examples? of)(?!\w)"
    # training in a tool the buyer has chosen («kurs i bruk av SharePoint for kommunens ansatte»)
    r"|(?<!\w)(?:kurs|opplæring|undervisning|training|courses?)\s+(?:i|på|in|on)\s+(?:bruk\s+av\s+|the\s+use\s+of\s+)?",
    re.IGNORECASE,
)
# Passive verbs after a name that make it the subject of a study: «Programmet X skal evalueres».
STUDIED_AFTER = re.compile(
    r"(?:\s+[A-ZÆØÅ0-9][\w\-]*){0,3}\s+(?:skal|vil|må|bør)\s+(?:\w+\s+)?(?:evalueres|vurderes|kartlegges|analyseres|revideres|følgeevalueres|undersøkes|"
    r"gjennomgås|utredes)\b",
    re.IGNORECASE,
)

# Requirement position: the sentence obliges someone (a modal) or acquires something.
OBLIGATION = re.compile(
    r"(?<!\w)(?:skal|må|bør|kreves|forutsettes|er et krav|er en forutsetning|shall|must|should|is required|are required|"
    # a demand stated as a noun: «det stilles krav om …», «er krav om bruk av …»
    r"(?:stilles|er|gjelder)\s+(?:et\s+)?krav\s+om|krav\s+om\s+bruk\s+av)(?!\w)",
    re.IGNORECASE,
)
ACQUIRES = re.compile(
    # a line of a bill of quantities («4 stk. VW ID. Buzz …», «2 stykk gulvvaskemaskin»): the quantity orders the goods
    r"^\s*\d+\s*(?:stk|stykk|pcs|units?|pieces)(?!\w)|"
    r"(?<!\w)(?:kjøp(?:e|er|es)?|innkjøp|anskaff\w*|lei(?:e|er|es)|lease[sr]?|leasing|levering|leveranse\w*|lever(?:e|er|es)|"
    r"rammeavtale\w*|avtale om|avtale[nr]? (?:\([^()]{1,60}\) )?(?:for|på)|(?:lisens|vedlikeholds|service|leie|kjøps)avtale\w*|kontrakt om|konkurranse (?:om|på)|anbudskonkurranse (?:om|på)|tilbud på|"
    r"gjelder|omfatter|inkluderer|intensjon\w*|inngå (?:en |ny )?(?:kontrakt|avtale|rammeavtale)|inngås|tildele\w*|"
    r"(?:kontrakt|avtale|rammeavtale) med|\w+kjøp|tilgang (?:til|på)|formålet med|hensikten med|behov for|trenger|"
    r"ønsker|ønskes|vil ha|need|needs|want|"
    # announcing the contract: «lyser ut et oppdrag for å …», «utlyser konkurranse om …»
    r"lyser\s+(?:\w+\s+)?ut|utlyser|utlyses|"
    r"buy|purchase|procure\w*|supply|deliver\w*|lease)(?!\w)",
    re.IGNORECASE,
)
# Today's situation or something the buyer already has: a name here describes, it does not prescribe.
EXISTING_CONTEXT = re.compile(
    r"(?<!\w)(?:eksisterende(?!\s+og\s+nye)(?!\s+behov)|esksisterende|nåværende|per dags dato|for tiden|"
    r"har en portefølje|egenutvikl\w*|bruker (?:i dag |nå )?(?:programvaren|systemet|løsningen|verktøyet|plattformen)|"
    r"(?:benytter|bruker|har) (?:i dag|nå)|er (?:utviklet|satt opp|bygget|basert)|bygget på|er inngått|har inngått|videreføres|"
    r"inngått (?:en |ny )?(?:avtale|kontrakt|rammeavtale)|"
    r"vedlikehold (?:og support )?(?:av|for|på)|support (?:og vedlikehold )?(?:av|for|på)|videreutvikling (?:av|til)|"
    # «vedlikeholdsavtale på Avaya Aura»: an agreement to maintain or support something is about what the buyer has
    r"(?:vedlikeholds|support|drifts|service)avtal(?:e|en|er)\s+(?:på|for|av|til)|"
    r"forvaltning (?:og (?:videre)?utvikling )?av|utvikling til|administrasjon av|drift (?:og vedlikehold )?av|"
    r"oppgrader\w* (?:av|til)|migrer\w* (?:fra|av)|kompetanse (?:på|innen|i)|opplæring i|support (?:på|til)|"
    r"integrer\w*|kompatib\w*|tilpasses|koble[sr]? (?:til|mot)|grensesnitt\w* (?:mot|til)|innføring av|implementering av|"
    r"tilgjengelig\w* på|på alle (?:kjente )?plattformer|fungere\w* (?:på|med|sammen med)|"
    r"existing|currently|already (?:use|have|run)|(?:operation and )?maintenance (?:of|for|and)|operation and maintenance|"
    r"support (?:of|for)|upgrade (?:of|to)|migration (?:from|of)|integrat\w* (?:with|to|into)|compatib\w* with)(?!\w)",
    re.IGNORECASE,
)

# Parts for equipment the buyer owns («VEAS har fire kammerfilterpresser … varmeplater … til disse»): a material or
# make there follows from the equipment (compatibility), it is not a free choice of the buyer.
OWNED_EQUIPMENT = re.compile(
    r"(?<!\w)(?:har|eier|disponerer|drifter)\s+(?:i dag\s+)?(?:\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|flere)\s+[a-zæøå]{4,}",
    re.IGNORECASE)
PARTS_FOR = re.compile(r"(?<!\w)(?:til disse|til dem|for disse|i hver\w*|reservedel\w*|slitedel\w*|deler til)(?!\w)", re.IGNORECASE)

# Organisation and public-body endings: «Vestre Viken HF», «Kinn kommune», «Kavli-instituttet» are not products.
PUBLIC_BODY_AFTER = re.compile(
    r"(?:[\s\-]+[A-ZÆØÅ][\wæøå\-]*){0,3}[\s\-]+(?:HF|RHF|IKS|KF|SF|FKF|BA|SA|kommunes?|fylkeskommunes?|fylkes?|"
    r"instituttet|institutt|senteret|senter|sykehus(?:et)?|universitet(?:et)?|direktoratet|etaten|programmet|"
    r"prosjektet|ordningen|nettverket|klyngen|stiftelsen|museum|museet)\b",
)
PLACE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:i|ved|mellom|til|for|utenfor|nær|langs|innen)\s+|(?<!avtale )(?<!kontrakt )(?<!konkurranse )(?<!tilbud )(?<!lisenser )(?<!bygges )(?<!bygget )(?<!basert )"
    r"(?<!baseres )(?<!kjøre )(?<!kjøres )(?<!\w)på\s+)$",
    re.IGNORECASE,
)
# National systems and registers that a public buyer must connect to: required by law or by the subject-matter.
NATIONAL_SYSTEMS = {"autopass", "id-porten", "feide", "altinn", "bankid", "helsenorge", "kjernejournal", "e-resept",
                    "norsk helsenett", "digipost", "ehf", "peppol", "folkeregisteret", "maskinporten", "noark",
                    # the municipal sector's shared integration services (KS): a system must work with them
                    "svarut", "svarinn", "ks svarut", "ks fiks", "fiks", "fiks io", "fiks-plattformen", "eformidling"}
# A sentence that describes (today, a possibility, who owns what) and neither obliges nor acquires.
# A finite verb or auxiliary: a line without one is a title or a list item, not a sentence.
FINITE_VERB = re.compile(
    r"(?<!\w)(?:er|var|har|hadde|blir|ble|vil|kan|skal|må|bør|får|gjelder|omfatter|ønsker|ønskes|inviterer|trenger|"
    r"skjer|finnes|kreves|anskaffes|kjøpes|leveres|is|are|was|were|has|have|will|can|shall|must|should|needs?)(?!\w)",
    re.IGNORECASE,
)
DESCRIPTIVE_VERB = re.compile(
    r"(?<!\w)(?:bruker|benytter|er|var|har|hadde|eier|eies|består|ble|blir|finnes|ligger|vil være|kan vi|vil vi|"
    r"kan man|leser|skriver|kjører|inneholder|viser|fungerer|brukes|benyttes|omhandler|handler om|"
    r"is|was|has|uses|owns|runs|reads|writes)(?!\w)",
    re.IGNORECASE,
)

# Company forms that mark a supplier (a public buyer's own companies are told apart by position, not by form).
COMPANY_SUFFIX = r"(?:AS|ASA|A/S|A\.S\.?|AB|Oy|Oyj|ApS|GmbH|AG|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|BV|B\.V\.|S\.A\.|SA|ANS|NUF|plc|NV)"
_NAME = r"(?:[A-ZÆØÅ][\w&.\-]*|[a-z]+[A-Z][\w\-]*)(?:\s+(?:of|and|&|og|[A-ZÆØÅ0-9][\w&.\-]*)){0,4}"
# «kontrakt med X AS», «direkteforhandling med X», «tildele ... til X», «partner av X», «levert av X», «X er eneste leverandør».
# Verbs whose agent («utføres av X», «installert av X», «supplied by X») is who delivers: one list for the supplier cue,
# its cue words and the obliging form below.
_AGENT_VERBS = (
    "levert", "leveres", "produsert", "produseres", "utviklet", "utføres", "utført", "gjennomføres", "gjennomført",
    "driftes", "gjøres", "ledes", "holdes", "videreføres", "videreført", "overtas", "installert", "installeres", "montert",
    "monteres", "innrullert", "innrulleres", "supplied", "manufactured", "made", "produced", "performed", "carried out",
    "delivered", "provided", "operated",
)
SUPPLIER_CUES = (
    re.compile(rf"(?<!\w)(?i:kontrakt(?:en)?|avtale[nr]?|avtalene|rammeavtale[nr]?|samarbeidsavtale|direkteforhandling(?:er)?|"
               rf"forhandling(?:er)?|samarbeid(?:et)?|contract|agreement|negotiations?)(?:\s+(?:uten|inngås|inngåes|konkurranse|videre|"
               # «Avtalen skal inngås med X», «kontrakten vil bli signert med X»: the passive names the counterparty too
               rf"direkte|nå|en|ny|nye|skal|vil|bli|blir|signeres|signert|tegnes|tegnet))*\s+(?-i:med)\s+(?P<name>{_NAME})",
               re.UNICODE),
    re.compile(rf"(?<!\w)(?:intensjon om å tildele|tildele[rs]?|tildeles|award(?:ed)? to)\b[^.;]{{0,160}}?\s(?:til|to)\s+"
               rf"(?P<name>{_NAME})"),
    re.compile(rf"(?<!\w)(?:partner|forhandler|reseller|distributør|forhandleren|partneren)\s+(?:av|for|til|of)\s+(?P<name>{_NAME})"),
    re.compile(rf"(?<!\w)(?:{'|'.join(_AGENT_VERBS)})\s+(?:av|by)\s+(?P<name>{_NAME})"),
    # «Leveransen skal være fra Würth Norge GmbH»: what is delivered must come from a company named with its form
    re.compile(rf"(?<!\w)(?i:skal|må|shall|must)\s+(?:\w+\s+)?(?i:være|komme|leveres|be|come)\s+(?i:fra|from)\s+"
               rf"(?P<name>(?:[A-ZÆØÅ][\w&.\-]*\s+){{1,3}}{COMPANY_SUFFIX})(?!\w)(?!\s+(?:sin|sitt|sine)\b)"),
    # «Kyllingen skal leveres fra Norsk Kylling», «kaffen skal kjøpes hos Kaffebrenneriet»: the company the goods must
    # come from (a name shaped like a company: with its form, rare, or two capitalised words; not «fra lager», «fra Oslo»),
    # or the workshop it must be serviced at («skal leveres og ha service hos Bilhuset Vest»)
    SUPPLIER_FROM_CUE := re.compile(
        rf"(?<!\w)(?i:skal|må|bør|shall|must)\s+(?:\w+\s+){{0,2}}?(?i:leveres|kjøpes|bestilles|hentes|komme|handles|tas\s+ut|"
        rf"(?:ha|få)\s+service|serviceres|vedlikeholdes|be\s+(?:supplied|bought|purchased|serviced))\s+(?:\w+\s+)?(?i:fra|hos|from|at)\s+(?P<name>{_NAME})"),
    re.compile(rf"(?<!\w)(?:kjøpe[rs]?|kjøpes|bestille[rs]?|bestilles|anskaffe[rs]?|anskaffes|buy|purchase)\s+(?:[\w\-]+\s+){{0,3}}?"
               rf"(?:direkte\s+)?(?:fra|from)\s+(?P<name>{_NAME})"),
    # «Lisensene kjøpes gjennom Lisenspartner Øst AS»: the reseller the goods must be bought through, named with its
    # company form
    re.compile(rf"(?<!\w)(?i:kjøpe[rs]?|kjøpes|bestille[rs]?|bestilles|anskaffe[rs]?|anskaffes|leveres|levert|skaffes|"
               rf"fornye[rs]?|fornyes)\s+(?:[\w\-]+\s+){{0,3}}?(?i:gjennom|via|through)\s+"
               rf"(?P<name>(?:[A-ZÆØÅ][\w&.\-]*\s+){{1,3}}{COMPANY_SUFFIX})(?!\w)"),
    # «Leverandør av kontormøbler skal være Kontorform AB»: the supplier itself is the requirement
    re.compile(rf"(?<!\w)(?i:leverandør(?:en)?|produsent(?:en)?|tilbyder(?:en)?|(?:the\s+)?(?:supplier|manufacturer|contractor))"
               rf"\s+(?:[\w\-]+\s+){{0,4}}?(?i:skal|må|shall|must)\s+(?i:være|be)\s+(?P<name>{_NAME})"),
    re.compile(rf"(?P<name>{_NAME})\s+(?:er|is)\s+(?:den\s+)?(?:eneste|only|sole)\s+(?:leverandør|supplier|produsent)"),
    # the people or the fit-out that do the delivery come from one company: «samme teamet fra Kluge», «innredning fra X»
    re.compile(rf"(?<!\w)(?i:team(?:et)?|konsulent(?:er|ene)|rådgiver(?:e|ne)|advokat(?:er|ene)|innredning(?:en)?|påbygg(?:et)?|"
               rf"instruktør(?:er|ene)|kursholder(?:e|ne)|montør(?:er|ene)|tekniker(?:e|ne)|arkitekt(?:er|ene)|"
               rf"ingeniør(?:er|ene)|revisor(?:er|ene)|personell(?:et)?)"
               rf"\s+(?i:fra)\s+(?P<name>{_NAME})"),
)
# A word each cue above cannot match without (lower case, in the same order): a line with none of them skips the cue.
SUPPLIER_CUE_WORDS = (
    ("kontrakt", "avtale", "forhandling", "samarbeid", "contract", "agreement", "negotiation"),
    ("tildel", "award"),
    ("partner", "forhandler", "reseller", "distributør"),
    _AGENT_VERBS,
    ("fra", "from"),
    ("fra", "hos", "from", " at "),
    ("fra", "from"),
    ("gjennom", "via", "through"),
    ("leverandør", "produsent", "tilbyder", "supplier", "manufacturer", "contractor"),
    ("eneste", "only", "sole"),
    ("team", "konsulent", "rådgiver", "advokat", "innredning", "påbygg", "instruktør", "kursholder", "montør", "tekniker",
     "arkitekt", "ingeniør", "revisor", "personell"),
)
# The requirement itself obliges the named company to do the work («skal utføres av X AS», «shall be supplied by X Ltd»):
# the object may be something the buyer has («drift og vedlikehold av skolenes nett»), the supplier is still demanded.
OBLIGED_BY_BEFORE = re.compile(
    rf"(?<!\w)(?:skal|må|bør|shall|must|should)\s+(?:\w+\s+){{0,2}}?(?:(?:{'|'.join((*_AGENT_VERBS, 'utvikles'))})"
    r"\s+(?:av|by)|være|be)\s+$",
    re.IGNORECASE,
)
# A participle that says who installs or delivers what a requirement demands («skal være Ecodan …, installert av
# Bravida», «skal … leveres ferdig innrullert av Atea»): the sentence's «skal» obliges that company too.
OBLIGED_PARTICIPLE_BEFORE = re.compile(
    r"(?:,\s*|\s+(?:ferdig|og|samt|and)\s+)(?:\w+\s+)?(?:installert|installeres|montert|monteres|innrullert|innrulleres|"
    r"levert|leveres|utført|utføres|konfigurert|konfigureres|satt\s+opp|installed|mounted|configured|enrolled)\s+(?:av|by)\s+$",
    re.IGNORECASE,
)
OBLIGATION_IN_SENTENCE = re.compile(r"(?<!\w)(?:skal|må|shall|must)(?!\w)", re.IGNORECASE)
# Verbs that name who does the work only when a requirement obliges it («skal gjennomføres av X AS»); elsewhere they
# describe the process («a credit rating carried out by Experian»).
OBLIGED_ONLY_VERB = re.compile(r"(?:gjennomføres|gjøres|ledes|holdes|gjennomført|driftes|videreføres|videreført|overtas|"
                               r"installert|installeres|montert|monteres|innrullert|innrulleres|produced|performed|carried out|delivered|provided|operated)\s",
                               re.IGNORECASE)
# The procurement process as the subject («Konkurransen gjennomføres av Innkjøpskontoret AS»): a helper, not a supplier.
PROCESS_SUBJECT = re.compile(
    r"(?<!\w)(?:konkurranse\w*|anskaffelse\w*|tilbudsevaluering\w*|innkjøpsprosess\w*|evaluering(?:en)? av tilbud\w*|"
    r"(?:the\s+)?(?:tender|procurement|competition)(?:\s+process)?)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# Helpers from outside who run the competition or were hired before: process, not the intended supplier.
SUPPLIER_PROCESS_BEFORE = re.compile(
    r"(?:bistand fra|på vegne av|i regi av|i samarbeid med|gjennomført av|gjennomføres av|ved)\s+$", re.IGNORECASE)
# A partner in a joint effort («i samarbeid med Distriktssenteret»), not the counterparty of a contract.
PARTNER_BEFORE = re.compile(r"(?<!\w)(?:i samarbeid med|sammen med|in (?:cooperation|collaboration|partnership) with)\s+$",
                            re.IGNORECASE)
# The intention to contract with someone: «inngå avtale med X», «har til hensikt å inngå kontrakt med X».
CONTRACT_INTENT_BEFORE = re.compile(
    r"(?<!\w)(?:inngå|inngås|inngåes|direkteforhandle|tildele|enter into|award)\w*\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A sentence that justifies a direct award by exclusivity names the product as the reason, not as a specification.
EXCLUSIVE_JUSTIFICATION = re.compile(
    r"(?<!\w)(?:eneste (?:leverandør|produsent|tilbyder)|eneleverandør\w*|enerett\w*|einerett\w*|only (?:supplier|manufacturer|provider)|"
    r"sole (?:supplier|source|provider)|exclusive rights?)(?!\w)",
    re.IGNORECASE,
)
# A document of the tender named by its number: «se Bilag 1 Prisskjema», «Vedlegg 2: Kravspesifikasjon».
DOCUMENT_BEFORE = re.compile(r"(?<!\w)(?:bilag|vedlegg|appendix|annex|attachment)\s*[\dIVX]+[a-z]?\s*[:.\-–]?\s*$",
                             re.IGNORECASE)

# «benytte prisskjemaet», «bruke Statens vegvesens håndbok N200»: a document or norm the buyer prescribes for the tender
# or the work, which the supplier is free to meet by any means; never a brand («Statens vegvesens Håndbok R762»)
DOCUMENT_NOUN = re.compile(r"(?<!\w)(?:\w*skjema\w*|(?:rapport|prosjekt|dokument|tilbuds|pris)?mal(?:en|er|ene)?|\w*håndbok\w*|\w*veileder\w*|"
                           r"norm(?:en|er|ene|al|alen|aler)?|\w+normen|\w+normal(?:en|er|ene)?|"
                           r"\w*standard(?:en|er|ene)?|bilag\w*|vedlegg\w*|retningslinje\w*|template|form)(?!\w)",
                           re.IGNORECASE)
# Origin: FOA §§ 8-5/15-1 forbid a reference to a specific origin or production that favours suppliers.
ORIGIN = re.compile(
    r"(?<!\w)(?:(?:produsert|laget|framstilt|fremstilt|tilvirket|dyrket|registrert|fanget|landet|slaktet|oppdrettet|produced|"
    r"made|manufactured|registered|caught|landed|slaughtered|farmed|grown)\s+(?:i|av|in|by)\s+"
    # «fartøy registrert i Nord-Norge», «vessels registered in Northern Norway»: a part of the country is origin too
    r"(?:(?:Nord|Sør|Vest|Øst|Midt)-(?=Norge)|(?:Northern|Southern|Western|Eastern|Mid)\s+(?=Norway))?"
    r"(?:norske?|svenske?|nordiske?|europeiske?|lokale?|Norge|Sverige|Norden|Europa|EU|EØS|Norway|Sweden|Europe|"
    # a named country other than Norway is as much an origin demand («produsert i Tyskland»)
    r"(?-i:Danmark|Finland|Island|Tyskland|Østerrike|Sveits|Nederland|Belgia|Frankrike|Italia|Spania|Portugal|Polen|"
    r"Estland|Latvia|Litauen|Tsjekkia|Storbritannia|England|Skottland|Irland|Kina|Japan|USA|Germany|Denmark|Finland|"
    r"Italy|France|Spain|Poland)|"
    r"(?:\w+\s+)?(?:kommune|fylke|regionen))(?:\s+(?:produsenter|leverandører|bedrifter|fabrikker))?"
    r"|norskprodusert\w*|norskprodusert|(?:fra\s+)?norske\s+produsenter|norsk\s+opprinnelse|norskproduserte"
    r"|lokalt\s+produsert\w*|kortreist\w*)(?!\w)",
    re.IGNORECASE,
)

# A nationality made the property of the goods: the adjective as what the goods must be («Fisken skal være norsk»),
# a compound that says where they were made, grown or caught («norskdyrket», «norskfanget»), a producer of a country
# the goods must come from («fra norske gårder»), a country they must come from («skal komme fra Norden»), or a food
# or raw material named by its country where it is served or supplied («det skal serveres norsk lam»).
_NATIONAL = r"(?:norsk|norske|norskt|nordisk|nordiske|svensk|svenske|lokal|lokale|lokalt)"
ORIGIN_PREDICATE = re.compile(
    rf"(?<!\w)(?:(?:skal|må|bør)\s+(?:\w+\s+){{0,3}}?(?:være|vere)|"
    # «Vi krever at all fisk er norsk»: the demand in the main clause, the nationality in the clause it governs
    rf"(?:krever|kreves|forutsetter|forutsettes)\s+at\s+(?:\w+\s+){{1,4}}?(?:er|blir))\s+"
    rf"(?:(?:100\s*%|helt|utelukkende|bare|kun)\s+)?"
    rf"(?P<nat>{_NATIONAL})(?=\s*(?:[.,;:)!]|$)|\s+(?:og|eller|samt|der|når)\b)",
    re.IGNORECASE,
)
ORIGIN_COMPOUND = re.compile(
    r"(?<!\w)(?:norsk|nordisk|svensk)(?:dyrke|fange|oppdrette|slakte|fiske|foredle|produsere|lage|eie|utvikle)"
    r"(?:t|de|te|s)?(?!\w)",
    re.IGNORECASE,
)
_PRODUCERS = (r"gårder|gårdsbruk|gård|bønder|produsenter|fiskere|fiskebåter|fartøy|oppdrettere|oppdrettsanlegg|slakterier|"
              r"slakteri|meierier|meieri|bakerier|møller|fabrikker|skoger|sagbruk|råvareprodusenter|farvann|leverandører|"
              r"bedrifter|virksomheter")
# A playing field: its size in metres is set by the sport's rules and is the scope of the works («kunstgressbane på
# 105 x 68 m»), not a product's dimension.
PITCH = re.compile(r"(?<!\w)(?:\w*bane(?:n|r|ne)?|fotball\w*|idrettsplass\w*|\w*arena(?:en)?|spilleflate\w*)(?!\w)",
                   re.IGNORECASE)
# Countries named after «fra» as where goods come from.
_FOREIGN = (r"Danmark|Finland|Island|Tyskland|Østerrike|Sveits|Nederland|Belgia|Frankrike|Italia|Spania|Portugal|Polen|"
            r"Estland|Latvia|Litauen|Tsjekkia|Storbritannia|Skottland|Irland|Kina|Japan|Tyrkia|India|Vietnam")
ORIGIN_SOURCE = re.compile(
    rf"(?<!\w)fra\s+(?:{_NATIONAL}|(?:Nord|Sør|Vest|Øst|Midt)-?norske)\s+(?:{_PRODUCERS})(?!\w)"
    r"|(?<!\w)(?:komme|stamme|være|hentes|kjøpes|skrive\s+seg)\s+fra\s+(?:Norge|Norden|Sverige|Danmark|Finland|"
    r"(?:Nord|Sør|Vest|Øst|Midt)-Norge|regionen|kommunen|fylket|nærområdet|norsk\s+(?:landbruk|jordbruk|oppdrett|fiske|"
    r"havbruk|skogbruk|skog|produksjon))(?!\w)"
    # a material or goods named with the country it must come from («innfyll av kork fra Portugal», «granitt fra Kina»)
    r"|(?<=\w\s)(?<!reise\s)(?<!reiser\s)(?<!kjøre\s)(?<!kjøres\s)(?<!flytte\s)(?<!flyttes\s)(?<!hente\s)(?<!hentes\s)"
    r"(?<!frakte\s)(?<!fraktes\s)(?<!transporteres\s)(?<!delta\s)(?<!arbeide\s)"
    rf"fra\s+(?-i:{_FOREIGN})(?![\w\-])",
    re.IGNORECASE,
)
_FOODS = (r"kjøtt|storfekjøtt|svinekjøtt|lammekjøtt|lam|storfe|kylling|kalkun|fisk|sjømat|laks|torsk|sei|egg|melk|"
          r"meieriprodukter|ost|smør|grønnsaker|frukt|bær|poteter|korn|mel|råvarer|råvare|matvarer|trevirke|tømmer|"
          r"naturstein|ull")
ORIGIN_GOODS = re.compile(rf"(?<!\w)(?:norsk|norske|norskt|nordisk|nordiske|lokal|lokale|lokalt)\s+(?:{_FOODS})(?!\w)",
                          re.IGNORECASE)
# Supplying the goods in the sentence (where a food or raw material named by its country is the requirement on them).
SUPPLY_VERB = re.compile(r"(?<!\w)(?:serveres|brukes|benyttes|leveres|levere|kjøpes|tilbys|tilby|være|inneholde|bestå|"
                         r"lages|tilberedes|baseres|basert|anskaffes|skal\s+ha)(?!\w)", re.IGNORECASE)
# A label that certifies national or local origin («merket Nyt Norge», «Spesialitet»): an origin requirement as a label.
ORIGIN_LABEL = re.compile(
    r"(?<!\w)(?:(?i:nyt\s+norge)|(?i:godt\s+lokalt)|Spesialitet(?:merket|merke)?|(?i:beskyttet\s+(?:geografisk\s+"
    r"betegnelse|opprinnelsesbetegnelse)))(?!\w)"
)
# What the national adjective is about when it is language, law or a keyboard layout, not where goods come from.
NOT_ORIGIN = re.compile(
    r"språk|tekst|bokmål|nynorsk|grensesnitt|brukerflate|skjermbilde|dokumentasjon|opplæring|kurs|undervisning|tale|"
    r"stemme|tastatur|undertekst|oversett|tolk|rett\b|lov|forskrift|regelverk|standard|norm|statsborger|valuta|"
    r"kroner|tidssone|helligdag|ferie|adresse|telefonnummer|organisasjonsnummer|språklig|language|text|"
    r"kommunikasj\w*|korrespondanse|dialog\w*|samtale\w*|møter",
    re.IGNORECASE,
)


# An office or base in a named place demanded of the supplier («en partner med … og kontor i Bergen sentrum», «ha
# lokalkontor i kommunen», «verksted innen 50 km»): it favours local suppliers; the need is availability.
_PLACE = (r"(?:(?-i:[A-ZÆØÅ])[\w-]+(?:\s+(?:sentrum|kommune|by|området|regionen|fylke))?|kommunen|fylket|regionen|byen|"
          r"sentrum|\d+\s*(?:km|kilometer|minutters?\s+(?:kjøring|reisetid)))")
LOCAL_PRESENCE = re.compile(
    r"(?<!\w)(?:med|ha|har|og)\s+(?:et\s+|eget\s+|sitt\s+|egen\s+|egne\s+)?(?:(?:lokal(?:t|e)?|fast|faste|permanent|"
    r"fysisk|fysiske|bemannet|bemannede)\s+)?"
    r"(?:kontor|lokalkontor|kontoradresse|kontorlokaler|lokaler|avdeling|avdelingskontor|filial|kontorsted|forretningssted|"
    r"forretningsadresse|verksted|serviceverksted|base|driftsbase|tilholdssted|driftssted|hovedkontor|lager)\s+"
    # «driftssted maksimalt 15 km fra Hamar rådhus»: a distance from a named point is a place demanded too
    r"(?:(?:maksimalt|maks\.?|høyst|innen|inntil|under|ikke\s+mer\s+enn|ikke\s+lenger\s+enn)\s+\d+\s*(?:km|kilometer)\s+"
    r"(?:fra|unna)\s+(?-i:[A-ZÆØÅ])[\w-]+"
    rf"|(?:i|på|innen)\s+{_PLACE})"
    # «Leverandøren skal være lokalisert i Bodø», «holde til i kommunen»
    rf"|(?<!\w)(?:være\s+(?:lokalisert|etablert|hjemmehørende|stasjonert)|holde\s+til)\s+(?:i|innen)\s+{_PLACE}",
    re.IGNORECASE,
)
# Who a «være lokalisert i …» demand is made of: the supplier and its people, not the goods or a site.
SUPPLIER_SUBJECT_BEFORE = re.compile(
    r"(?<!\w)(?:leverandør\w*|tilbyder\w*|entreprenør\w*|konsulent\w*|rådgiver\w*|firma\w*|selskap\w*|kontraktspart\w*|"
    r"supplier|contractor|consultant)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# Attendance on site demanded by the day («være til stede på stedet minst tre dager per uke»): the need is usually
# how quickly the supplier answers and turns up, which a fixed number of days does not say.
ATTENDANCE = re.compile(
    r"(?<!\w)(?:være|vere|møte|jobbe|arbeide|sitte)\s+(?:fysisk\s+)?(?:til\s+stede|tilstede|på\s+stedet|på\s+kontoret|"
    r"i\s+våre\s+lokaler|hos\s+(?:oss|oppdragsgiver\w*|kunden))(?:\s+(?:på\s+stedet|i\s+(?-i:[A-ZÆØÅ])[\w-]+|"
    r"i\s+våre\s+lokaler|hos\s+(?:oss|oppdragsgiver\w*)))?\s+(?:minst\s+|minimum\s+|min\.\s+)?"
    r"(?:\d+|en|én|ett|to|tre|fire|fem)\s+(?:dager?|arbeidsdager?|virkedager?)\s+(?:per|pr\.?|i|hver)\s+(?:uken|uke|måneden|måned)(?!\w)",
    re.IGNORECASE,
)

# A named approval, certification body or scheme required with no room for equivalents («dokumentert med SINTEF
# Teknisk Godkjenning», «godkjent av DNV», «TÜV-godkjent»): equivalent bodies and other suitable proof must count.
_BODIES = (r"SINTEF(?:\s+(?:Teknisk\s+Godkjenning|Certification|Byggforsk))?|DNV(?:[\s\-]?GL)?|Nemko|TÜV(?:\s+(?:SÜD|Süd|"
           r"NORD|Nord|Rheinland|Austria))?|TUV|Bureau\s+Veritas|Intertek|SGS|Kiwa|Eurofins|VdS|LPCB|DEKRA|Dekra|"
           r"Teknologisk\s+Institutt|Norsk\s+Sertifisering|Sitac|FG|Byggforsk")
APPROVAL = re.compile(
    r"(?<![\w\-])(?:"
    r"(?i:godkjent|godkjennes|typegodkjent|sertifisert|sertifiseres|testet|testes|kontrollert|verifisert|dokumentert|"
    r"dokumenteres|merket|approved|certified|tested|verified|documented)\s+(?i:av|hos|fra|med|gjennom|ved|by|with|through)\s+"
    rf"(?P<body>{_BODIES})"
    rf"|(?P<compound>(?:{_BODIES})-(?i:godkjent|godkjenning|sertifisert|sertifisering|sertifikat|merket|testet|certified|approved)\w*)"
    r"|(?P<scheme>Teknisk\s+Godkjenning|(?i:teknisk\s+godkjenning)\s+fra\s+SINTEF)"
    r")(?![\w])"
)
# Room for equivalents after a label, standard or approval: then the reference is lawful as written.
EQUIVALENT_PROOF = re.compile(
    r"tilsvarende|likeverdig\w*|equivalent|annen\s+(?:egnet|likeverdig|relevant)\s+dokumentasjon|"
    r"other\s+(?:appropriate|suitable)\s+(?:means\s+of\s+)?(?:proof|evidence|documentation)",
    re.IGNORECASE,
)

# A named certification of a method or a person («PRINCE2-sertifisert prosjektleder», «ha ITIL-sertifisering»): the
# certificate shows competence, and comparable training or experience shows the same. «basert på ITIL» (a framework
# the service follows) is not a certificate and is left to the standards.
PERSON_CERTIFICATION = re.compile(
    r"(?<![\w\-])(?:PRINCE\s?2|ITIL(?:\s?v?[34])?|PMP|IPMA(?:[\s\-]+(?:nivå|level)?\s*[A-D])?|CAPM|PMI|"
    r"(?:Certified|Professional)\s+Scrum\s*Master|Scrum\s*Master|CSM|PSM|SAFe|CISSP|CISA|CISM|TOGAF|COBIT|"
    r"(?:Lean\s+)?Six\s+Sigma(?:\s+(?:Green|Black)\s+Belt)?|MSP|AgilePM)"
    r"(?:[\s\-]+(?:Foundation|Practitioner|Expert|Agile|Professional))?"
    r"(?:[\s\-]*(?:sertifiser\w*|sertifikat\w*|certified|certification|godkjent)"
    r"|(?<=Foundation)|(?<=Practitioner)|(?<=Expert))"
    r"|(?<!\w)(?:sertifisert|sertifisering|sertifikat|certified|certification)\s+(?:i|innen|som|in|as)\s+"
    r"(?:PRINCE\s?2|ITIL|PMP|IPMA|Scrum\s*Master|SAFe|TOGAF|COBIT|Six\s+Sigma)(?:[\s\-]+(?:Foundation|Practitioner))?(?!\w)",
    re.IGNORECASE,
)

# Standards, labels and certifications that are requirements: they need «eller tilsvarende».
STANDARD_VERB_BEFORE = re.compile(
    r"(?:etter|i henhold til|iht\.?|i samsvar med|ihht\.?|jf\.?|jfr\.?|oppfylle[rs]?|tilfredsstille[rs]?|følge[rs]?|"
    r"være|basert på|sertifisert (?:etter|i henhold til|iht\.?)?|godkjent etter|merket med|according to|comply with|meet)\s+"
    r"(?:(?:kravene|krava|kravet|standarden|standarden[e]?|merket|ordningen|nivå|til|i|den|det|en|et|internasjonale|"
    r"norske|europeiske|revisjonsstandarden|revisjonstandarden|the|standard)\s+){0,3}$",
    re.IGNORECASE,
)
NAMED_STANDARD = re.compile(
    r"(?<![\w\-])(?:(?:NS|EN|ISO|IEC|NEK|DIN|ASTM|BS|SN|CEN|ETSI|IEEE|ANSI|UL|NFPA|ISA|INSTA|ISAE)(?:[\s\-/]+(?:EN|ISO|IEC|TS|TR|INSTA))*"
    r"[\s\-]*\d[\w\-:.+/]*"
    # national standards of other EEA states, with a letter for the series («ÖNORM M 5873-1», «DVGW W 294», «VDI 6022»)
    r"|(?:ÖNORM|ONORM|DVGW|VDI|VDE|SFS|SIS|UNE|NF)(?:[\s\-]+(?:EN|ISO|IEC))*(?:\s+[A-Z](?=\s*\d))?[\s\-]*\d[\w\-:.+/]*"
    r"|(?i:BREEAM)(?:\s*[\-–]?\s*(?i:NOR)(?!\w))?(?:[\s\-]sertifiser\w*)?|Svanemerk\w*|EU Ecolabel|Blomsten|FSC|PEFC|TCO Certified\w*|Energy Star|"
    r"M[öø]belfakta|Miljøfyrtårn|EMAS|Passivhus\w*|[A-ZÆØÅ]{3,}-standard(?:en)?)(?![\w])"
)
# References that are law, regulation or national infrastructure: nothing to be «tilsvarende» to.
MANDATED_STANDARD = re.compile(
    r"^(?:TEK\s?\d\d|WCAG|EHF|PEPPOL|ID-porten|Feide|Euro\s?(?:[1-7]|VI|IV|V)|Noark|CE|MDR|IVDR|SOSI|H\d|N\d{3}|"
    r"NS\s?84\d\d|NS\s?3420|NS\s?3430|NS\s?3431|NS\s?3450|SSA)", re.IGNORECASE)

# Technology and method phrases: «basert på Cell Broadcast-teknologien», «hybrid LiDAR og fotogrammetrisk skanningssystem».
TECH_PHRASE = re.compile(
    r"(?<![\w\-])(?P<span>(?:[A-ZÆØÅ][\w]*(?:\s+[A-ZÆØÅ][\w]*)?[\-\s](?:teknologi(?:en)?|teknikk(?:en)?|protokoll(?:en)?)))"
    r"|(?<![\w\-])(?P<span2>(?:hybrid\s+)?(?:LiDAR|lidar|fotogrammetri\w*|Cell Broadcast|NFC|BLE|Bluetooth Low Energy|Zigbee|Z-Wave|"
    r"LoRa(?:WAN)?|NB-IoT|DECT|TETRA|DALI(?:-2)?|KNX|BACnet|Modbus|M-Bus|QR-kode\w*|strekkode\w*|magnetstripe\w*|EPIC array)"
    r"(?:[\s\-]+(?:og\s+)?(?:fotogrammetrisk\s+)?[\w]*(?:system\w*|teknologi\w*|teknikk\w*|kort\w*|brikke\w*|skann\w*|lesere?))?)(?!\w)"
    # a lower-case compound on -teknologi («induksjonsteknologi», «e-blekk-teknologi»), not a field or a purpose
    # («informasjonsteknologi», «velferdsteknologi», «nullutslippsteknologi»)
    r"|(?<![\w\-])(?P<span3>(?!(?:informasjons|kommunikasjons|velferds|helse|miljø|klima|utslipps|nullutslipps|lavutslipps|"
    r"energi|fornybar|grønn|ny|moderne|eksisterende|kjent|beste|tilgjengelig|tilsvarende|annen|samme)-?teknologi)"
    r"[a-zæøå][a-zæøå\-]{2,}teknologi(?:en)?)(?!\w)",
)
