"""The Norwegian words the free-text reader recognises: buyers, contract types, special services, regimes and the
process signals of a description. Bokmål first, with the common nynorsk forms; each list is checked in order, and
the earliest match in the text wins (a notice names its buyer before anything else).

These are readings, never conclusions: every value read from them is shown to the user with the words it came from.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# «Kommunal- og distriktsdepartementet»: the first half of a compound whose head is a ministry or a directorate names
# the ministry's field, not a municipal buyer.
_NOT_STATE_COMPOUND = r"(?!-\s*og\s+[\w-]*(?:departement|direktorat|tilsyn)\w*)"
# Buyers. «statlig eid», «statlig aksjeselskap» and «statsforetak» are bodies governed by public law ("other"), not
# state authorities: they have the 2.3 MNOK threshold, not the state's 1.49 MNOK.
BUYER: dict[str, list[str]] = {
    "other": [r"\b\w*helseforetak\w*", r"\b\w*helseføretak\w*", r"(?-i:\bHelse (?:Vest|Nord|Midt-Norge|Sør-Øst|Bergen|Stavanger|Fonna|Førde|Møre og Romsdal|Nord-Trøndelag|"
              r"Finnmark|Helgeland)\b)",
              # A company owned by the municipality or the state is a body governed by public law, not its owner.
              r"\b\w*selskap(?:et)?\s+(?:som\s+er\s+|er\s+)?(?:hel)?(?:eid|eigd|eigt|eide|eigde)\s+av\b", r"\b\w*sykehus\w*", r"\b\w*sjukehus\w*", r"\bhospital\b", r"(?-i:\b(?:R?HF)\b)",
              # KS and other member organisations of the municipalities are no municipality: an association of
              # public bodies or a body governed by public law (same 2.3 MNOK threshold as a municipality).
              r"(?-i:^\s*KS\b)", r"(?-i:\bKS\b)(?=\s+(?:skal|ønsker|vil|trenger|kjøper|har behov))",
              r"\bkommunesektorens organisasjon\b", r"\binterkommunal\w*", r"(?-i:\bIKS\b)", r"(?-i:\bAS[A]?\b)", r"(?-i:\bSF\b)", r"\baksjeselskap\w*",
              r"\baktieselskap\w*", r"\bstatsforetak\w*", r"\bstatlig (?:eid|eide|aksjeselskap|selskap|foretak)\w*",
              r"\bkommunal[te]? (?:eid|eide|aksjeselskap|selskap)\w*", r"\boffentligrettslig\w*",
              # A health trust or regional health authority is a body governed by public law, not the state.
              r"\b(?:regional )?health (?:trusts?|authorit(?:y|ies)|enterprises?)\b", r"\bhospital trusts?\b"],
    "municipal": [rf"\b(?:fylkes)?kommun(?:e|en|ens|a|as|al|alt|ale|ane|ene|ar|er|erne)\b{_NOT_STATE_COMPOUND}", r"\bbydel(?:en)?\b", r"(?-i:\bKF\b)",
                  r"\bmunicipalit(?:y|ies)\b", r"\bcount(?:y|ies)(?: councils?| authorit(?:y|ies))?\b",
                  r"^\s*(?:fylket|fylka)\b",  # «Fylket skal kjøpe …» opening a message: the county authority
                  r"\b(?:vi|me) er (?:et|eit) fylke\b",  # «Vi er et fylke som skal kjøpe …»: the county authority
                  r"\bkommunalt foretak\b",
                  # A school, kindergarten or nursing home that buys for itself is a unit of the municipality (or county).
                  r"\b\w*(?:skole|barnehage|sykehjem)(?:n|met)?(?= (?:skal|vil|trenger|ønsker|har behov))"],
    "state": [r"\bministry\b", r"\bdirectorate\b", r"\bcentral government\b", r"\bstate (?:agency|body|authority)\b",
              r"\b\w*direktorat(?:et)?\b", r"\b\w*departement(?:et)?\b", r"\b\w*etat(?:en|ens)?\b", r"\bstatlig\w*",
              r"\bstaten\b", r"\bstatens\b", r"\bstatleg\w*", r"\b\w*tilsynet\b", r"\b\w*universitet(?:et)?\b", r"\bhøgsk(?:ole|ule)(?:n)?\b",
              r"(?-i:\b(?:NTNU|UiO|UiB|UiT|NMBU|USN|OsloMet|HVL)\b)", r"\bforsvarsbygg\b",
              r"\bpolitiet?s?\b", r"\bpolitidistrikt\w*", r"\bforsvaret?s?\b", r"\bforsvarsmateriell\b", r"(?-i:\bNAV\b)",
              r"\bstatsbygg\b", r"\bstatsforvalter\w*", r"\bfylkesmann(?:en|ens)?\b",  # the state's county office before 2021 r"\briksantikvaren\b", r"\bkriminalomsorg\w*",
              # State agencies whose names say neither «direktorat» nor «etat».
              r"(?-i:\b(?:Kystverket|Kartverket|Lånekassen|Husbanken|Folkehelseinstituttet|Meteorologisk institutt|"
              r"Domstoladministrasjonen|Riksrevisjonen|Stortinget|Sivilforsvaret|Brønnøysundregistrene|"
              r"Statistisk sentralbyrå|Sysselmesteren|Norges forskningsråd|Forskningsrådet|Norsk kulturråd|Kulturrådet|"
              r"Kompetanse Norge)\b)"],
}
# «med helikopterbårent utstyr», «service på medisinteknisk utstyr»: equipment used in or serviced by the contract is
# not what is bought.
EQUIPMENT_NOT_BOUGHT = re.compile(r"\b(?:med|på|av)\s+(?:[\w-]+\s+){0,2}$", _I)
# A state word used about money or ownership does not make the buyer a state authority.
STATE_NOT_BUYER = re.compile(r"\bstatl[ie]g\w*\s+(?:eid|eide|midler|tilskudd|støtte|finansier\w*|aksjeselskap|selskap|foretak)", _I)
STATE_EXPLICIT = re.compile(r"\bstatl[ie]g\w*|\bstaten\b", _I)
MUNICIPAL_EXPLICIT = re.compile(rf"\b(?:fylkes)?kommun(?:e|en|al|alt|ale)\b{_NOT_STATE_COMPOUND}", _I)
MUNICIPAL_DEFINITE = re.compile(r"(?:fylkes)?kommun(?:en|ens|a|as)", _I)
# Services municipalities run («klasserommene», «sykehjemmet», «folkebiblioteket», «SFO»): with no buyer named, the
# buyer is read as municipal (a state or private buyer of these says so, and then that word is read instead).
MUNICIPAL_SERVICE = re.compile(r"\b(?:klasserom\w*|grunnskol\w*|barneskol\w*|ungdomsskol\w*|barnehage\w*|sfo|"
                               r"sykehjem\w*|omsorgsbolig\w*|hjemmetjeneste\w*|heimetenest\w*|hjemmesykepleie\w*|"
                               r"folkebibliotek\w*|bibliotek\w*|kommunestyre\w*|formannskap\w*|"
                               r"rådhus\w*|byggesak\w*|skolefritidsordning\w*)\b", _I)
MUNICIPAL_AGENCY = re.compile(r"etat", _I)  # «Bymiljøetaten i Oslo kommune» is municipal
# «… i Lyngdal kommune»: a place named by its municipality, not the buyer; but «Bymiljøetaten i Oslo kommune» and
# «Tannhelsetjenesten i Agder fylkeskommune» name a unit of the municipality, which is the buyer.
# «Jeg jobber i en kommune» says where the writer works (the buyer), not a place: an article is no place name.
PLACE_BEFORE = re.compile(r"\bi\s+(?!(?:en|ein)\s+$)(?:[\w-]+\s+){0,2}$", _I)
# «i kommunen» after a unit of the buyer («teknisk drift i kommunen»), or after «vi/oss» («Vi i kommunen skal kjøpe …»), names the buyer, not a place.
UNIT_OF = re.compile(r"(?:etaten|tjenesten|avdelingen|kontoret|enheten|sektoren|forvaltningen|\bdrift(?:en)?|\bvi|\boss)\s+i\s+"
                     r"(?:[\w-]+\s+){0,2}$", _I)

# The building words that make a plant («anlegg») a works contract: it is built, not bought as a product.
_CONSTRUCTION = r"bygg|byggj|oppfør|rehabil|renover|grunnarbeid|entrepris|anlegge\b|etablere|utvide|utvid|ombygg"
# «bygge kompetanse», «bygge opp kunnskap», «bygge tillit»: building in the figurative sense is no works contract.
_NOT_BUILT = (r"(?!\s+(?:opp\s+)?(?:\w+\s+)?(?:kompetanse|kunnskap\w*|tillit|relasjon\w*|nettverk\w*|kapasitet|kultur|"
              r"omdømme|merkevare\w*|fagmiljø\w*|forståelse)\b)")
# «langs veien», «på vegane», «ved brua»: the place where something is mounted or used.
_NOT_ALONG = (r"(?<!\blangs )(?<!\bpå )(?<!\bved )(?<!\bover )(?<!\bnær )(?<!\bfor )(?<!\btil )(?<!\blangs med )")
# «kjøpe drift av ventilasjonsanlegget», «tilsyn med anlegget»: a service performed on a plant, not the plant bought.
_SERVICE_ON = (r"drift|vedlikeh|service|tilsyn|kontroll|renhold|reinhald|rengjør|inspeksjon|overvåk|overvak|vakt|"
               r"ettersyn")
# Contract types. Goods first: on a tie at the same position («tjenestebiler») the goods reading wins.
CATEGORY: dict[str, list[str]] = {
    "goods": [r"\w*maskin(?:er|en|ene)?\b", r"\b\w*kjemikali(?:er|ar|ane|ene|en)?\b", r"\b(?:tørke|toalett|kopi|print|hånd|handkle)papir\w*", r"\b\w*utstyr\w*", r"\bkjøretøy\w*", r"\w*biler\b",
              r"\w*busser\b", r"\w*sykler\b", r"\w*senger\b",
              # Nynorsk plurals and the singular of a vehicle («elsyklar», «bilar», «bussar», «ein ny bil»; not «mobil»).
              r"\w*syklar\b", r"\w*bil(?:ar|ane)\b", r"\w*buss(?:ar|ane)\b", r"\w*maskin(?:ar|ane)\b",
              r"\b(?:\w*[^\Wo])?bil\b", r"\w*seng(?:ene|ane|ar)\b",
              # Devices and signs that are supplied and mounted: «trygghetsalarmer», «detektorer», «varselskilt».
              r"\w*alarm(?:er|ar|ene|ane)\b", r"\w*sensor(?:er|ar|ene|ane)\b", r"\bdetektor(?:er|ar|ene|ane)?\b",
              r"\b\w*(?:varsel|varsling|trafikk|informasjons|vei|veg|vegvisnings|vegvisings)skilt\w*",
              r"\bskilt(?:ene|a)\b", r"\b\w*kamera(?:er|ene|aer)\b",
              r"\b\w*(?:varslings|overvåkings|trafikkstyrings|signal|teljings|tellings|måle)system\w*",
              r"\b(?:kjøpe|anskaffe|levere|levering)\s+og\s+(?:installere|montere|installasjon|montering)\b", r"\bpc(?:-er)?\b", r"\w*møbler\b", r"\bleas(?:e|ing)\b",
              r"\bkjøpe (?:inn )?\d+\b", r"\w*ovner\b", r"\bvarer\b(?!\s+(?:i\s+|ut\b|til\b|fram\b|frem\b)?(?:\d|ett|to|tre|fire|fem|seks)\b)(?!\s+ut\b)", r"\w+varer\b", r"\bmatvarer\b", r"\bdrivstoff\w*",
              r"\bdiesel\b", r"\bbensin\b", r"\benergi\b", r"\belektrisitet\b", r"\bstrøm\b", r"\w*flasker\b", r"\w*såpe\b", r"\blegemid(?:del|ler)\w*", r"\w*midl(?:er|ene)\b", r"\w*middel\b",
              r"\bforbruksmateriell\w*", r"\bmateriell\w*", r"\bprodukter\b", r"\btrafoer\b", r"\btransformator\w*",
              r"\bnettstasjoner\b", r"\bverktøy\b", r"\btrelast\b", r"\bfestemidler\b", r"\barbeidstøy\b", r"\bklær\b",
              r"\bkatetre\b", r"\bhansker\b", r"\w*leker\b", r"\bkontorrekvisita\b", r"\bdatamaskiner\b", r"\bskrivere\b", r"\bnettbrett\b",
              # Furniture (bokmål and nynorsk plurals): «elevpultar og stolar», «kontorstoler», «inventar».
              r"\w*møblar\b", r"\w*pult(?:er|ar|ene|ane)\b", r"\w*stol(?:er|ar|ene|ane)\b", r"\binventar\b",
              # A plant or an installation that is bought, delivered or mounted is goods (with installation), not
              # works: «kjøpe nytt UV-anlegg», «levere og montere». Construction words make it works (below).
              rf"\b(?:kjøpe|kjøp av|kjøper|anskaffe|anskaffelse av|levere|levering av|leveranse av|skifte ut|bytte ut)\s+"
              rf"(?:(?!{_CONSTRUCTION}|{_SERVICE_ON})[\w-]+\s+){{0,3}}?[\w-]*anlegg\w*",
              r"\blever(?:e|ing) og monter\w*", r"\blevere, installere\w*", r"\bleveranse og montering\b",
              # Common goods as the head of a compound, in the plural (and the singular where it is no verb):
              # «elev-PCer», «bærbare PC-ar», «arbeidsklær», «vernesko», «pumper og styringssystem», «vinterdekk».
              r"\b[\w-]*pc(?:-?er|-?ar|-?ene|-?ane)?\b", r"\b[\w-]*(?:laptop|skjerm|printer|mobiltelefon|smarttelefon|"
              r"telefon|nettbrett|projektor|kopimaskin)(?:e|er|ar|ene|ane)\b",
              r"\b[\w-]*(?:laptop|printer|projektor|kopimaskin)\b", r"\w*klær\b", r"\w*klede\b", r"\w*tøy\b",
              r"\w*(?:uniform|støvl|hjelm|jakk|bukse|kjeledress)(?:e|er|ar|ene|ane)\b", r"\b\w*sko\b",
              r"\b(?:laptops?|computers|pcs|tablets|furniture|chairs|desks?|workwear|uniforms|pumps|vehicles|goods|equipment)\b",
              r"\w*pump(?:e|er|ar|ene|ane)\b", r"\w*(?:ventil|lamp|armatur|batteri|kabl|sprøyt|kanyl|bandasj|bleie)"
              r"(?:e|er|ar|ene|ane)\b", r"\w*dekk\b", r"\w*(?:container|traktor|båt|hyll)(?:e|er|ar|ene|ane)\b", r"\b\w*båt\b",
              r"\w*(?:dispenser|autoklav)(?:e|er|ar|ene|ane)?\b"],
    # Construction words only: a bare «bygg» is as often the building a purchase is for («strøm til UiTs bygg»).
    "works": [r"\bbygg(?:e|es|ing|eprosjekt\w*|earbeid\w*|eplass\w*|entreprise\w*)\b" + _NOT_BUILT, r"\bnytt bygg\b", r"\bnybygg\w*",
              r"\bombygging\b", r"\boppussing\w*", r"\b(?:(?:ut|inn)vendig\s+)?maling av\b", r"\b(?:rive|rives|rivast)\b", r"\b(?:rehabilitere|renovere|bygge om|pusse opp|totalrehabilitere)\s+(?:\w+\s+){0,3}"
              r"(?:skole|skule|bygg|barnehage|sykehjem|sjukeheim|hall|kontor|bolig|bustad|bygning|sykehus|sjukehus|sengepost|tak|"
              r"fasade|bru|vei|veg)\w*",
              r"\brenovering\w*", r"\b\w*rehabilitering av (?:\w+ ){0,2}\w*(?:bygg|bru|bruer|skole|skule|vei|veg|tak|fasade|sykehjem|sjukeheim|barnehage|"
              r"hall|kontor|bolig|bustad|bygning|sykehus|sjukehus|rådhus|kyrkje|kirke)\w*",
              # «nytt anlegg for overvann»: the word on its own is infrastructure; a compound («UV-anlegg») is works
              # only when built.
              r"(?<![\w-])anlegg(?:et)?\b",
              rf"\b(?:{_CONSTRUCTION})\w*\s+(?:[\w-]+\s+){{0,3}}?[\w-]*anlegg\w*", r"\banleggsarbeid\w*", r"\banleggskontrakt\w*", r"\bbygge- og anlegg\w*",
              # A road named as where something is put up («skilt langs veien», «på vegane») is a place, not the works.
              _NOT_ALONG + r"\bve[ig](?:en|er|ene)?\b", r"\bve[ig](?:bygging|prosjekt\w*|arbeid\w*|strekning\w*)\b", r"\bmotorve[ig]\w*",
              r"\bsykkelve[ig]\w*", _NOT_ALONG + r"\bvegar(?:ne)?\b", _NOT_ALONG + r"\bvegane\b", _NOT_ALONG + r"\bbr[ou](?:a|en)?\b",
              r"\b(?:gang|sykkel|gangbru|henge|fot|bil|veg|vei|jernbane)br[ou](?:a|en|er|ene)?\b", r"\bbyggj(?:e|ast)\b", r"\bbruer(?:ne)?\b", r"\w*entreprise\w*", r"\bskolebygg\w*",
              r"\btunnel\w*", r"\bvognskjul\w*", r"\bcarport\w*", r"\btakoverbygg\w*", r"\bstøttemur\w*", r"\briving\w*",
              r"\bgrunnarbeid\w*", r"\bsettes opp\b", r"\brekkverk\w*", r"\bautovern\w*", r"\boppføring\w*", r"\b(?:vann|va|avløps?)-? ?(?:og avløps)?ledning\w*",
              r"\bva-anlegg\w*", r"\bansvarsrett\w*",
              # Building out a network or an area: «bredbåndsutbygging», «utbygging av fiber».
              r"\b(?:bredbånd|fiber|mobilnett|bolig|hytte)s?utbygging\w*", r"\butbygging av (?:\w+ )?(?:bredbånd|fiber|nett)\w*",
              # Building trades and the parts of a building they work on are works, even when called «tjenester».
              r"\btømrer\w*", r"\bsnekker(?:arbeid|tjenest)\w*", r"\bmaler(?:arbeid|tjenest)\w*", r"\bmurer\w*", r"\brørlegger\w*",
              r"\belektriker\w*", r"\belektroinstallasjon\w*", r"\bblikkenslager\w*", r"\btaktekk\w*", r"\bgraving\w*",
              r"\basfalt\w*", r"\butskifting av (?:\w+ ){0,2}(?:tak|fasade\w*|vinduer|heis\w*)\b", r"\bfasade(?:arbeid|utbedring|rehabilitering)\w*",
              r"\bbygging\b", r"\b(?:et|eit) (?:nytt )?bygg\b",
              # English: «construction», «build a new school», «renovate the town hall».
              r"\bconstruction\b", r"\bbuilding works\b", r"\bbuild (?:a|an|the|new|our)\b", r"\brenovat\w*", r"\brefurbish\w*"],
    "services": [r"\b\w*tjenest(?:e|er|en|ene)\b", r"\b\w*tjeneste\w*", r"\b\w*tenest(?:e|er|ene|a|ane)\b", r"\bdrift(?:en)?\b",
                 r"\bdrifts(?:tjeneste|avtale|oppdrag|kontrakt)\w*", r"\brenhold(?!\w*(?:midl|middel|midd|kjemikal|utstyr|papir|produkt|artikl|maskin|vogn|mopp|klut))\w*", r"\breinhald(?!\w*(?:midl|middel|midd|kjemikal|utstyr|papir|produkt|artikl|maskin|vogn|mopp|klut))\w*", r"\brådgiv\w*", r"\bkonsulent\w*",
                 r"\bkurs\w*", r"\bopplæring\w*", r"\bveiledning\w*", r"\btilbud om\b", r"\bkonsept\w*", r"\bprototyp\w*",
                 r"\bforskning\w*", r"\bfou\b", r"\butredning\w*", r"\boppdrag(?:et)?\b", r"\bservice\w*", r"\bkontroll\b",
                 r"\btransport\b", r"\btransport av\b", r"\bslamkjøring\b", r"\btolking\w*", r"\boversett\w*", r"\bspråkvask\w*",
                 r"\bkorrekturlesing\w*", r"\brevisjon\w*", r"\bforsikring\w*", r"\bvikar\w*", r"\bkantinedrift\b",
                 r"\bvedlikehold\w*", r"\breparasjon\w*", r"\bkvisting\w*", r"\bhogst\w*", r"\bbrøyting\w*",
                 r"\bskjøtsel\w*", r"\butlevering\w*", r"\bovervåking\w*", r"\banalyser\b", r"\bprosjektering\w*",
                 r"\bbyggeledelse\w*", r"\bevaluering\w*", r"\bdisponering\w*", r"\bavklaring\b", r"\boppfølging\b",
                 r"\baktivitetstilbud\w*", r"\bskyss\w*",
                 # Studies and collection work: «kartlegging av vannkvaliteten», «data og analyse», «innsamling av avfall».
                 r"\bkartlegging\w*", r"\banalyse(?:n|ne|arbeid\w*|oppdrag\w*)?\b", r"\binnsamling\w*", r"\bkoordiner\w*", r"\bservices\b", r"\bconsult(?:ing|ancy|ants?)\b",
                 # Work done on an existing building or plant, bokmål and nynorsk: «rengjøring av rådhuset»,
                 # «vintervedlikehold av veiene», «vedlikehald av heisane», «vakthald», «overvaking», «tilsyn med
                 # brannalarmanlegget», «skadedyrkontroll», «energirådgivning»; and the verbs («vaske rådhuset»,
                 # «drifte anlegget», «overvåke skolebyggene»).
                 r"\brengjøring(?!\w*(?:midl|middel|midd|kjemikal|utstyr|papir|produkt|artikl|maskin|vogn|mopp|klut))\w*", r"\breingjering(?!\w*(?:midl|middel|midd|kjemikal|utstyr|papir|produkt|artikl|maskin|vogn|mopp|klut))\w*", r"\b\w+vedlikehold\w*", r"\b\w*vedlikehald\w*", r"\bvakthald\b",
                 r"\bovervaking\w*", r"\b\w*inspeksjon\w*", r"\btilstandsvurdering\w*", r"\bvinduspuss\w*",
                 r"\b(?:skadedyr|brann|el|heis|legionella|radon|inneklima|ventilasjons)kontroll\w*", r"\b\w+rådgiv\w*", r"\bvaktmester\w*", r"\bsnømåking\w*",
                 r"\btømming\w*", r"\bfeiing\w*", r"\btilsyn med\b", r"\bvakthold\w*", r"\bvekter\w*",
                 r"\b(?:vaske|rengjøre|drifte|vedlikeholde|overvåke|overvake|inspisere)(?:s|st|r)?\b",
                 r"\b(?:cleaning|maintenance|security guards?|monitoring|inspection)\b"],
}

# The head of the purchase object decides the contract type, not a building noun in its complement: «renhold av
# rådhuset», «vakthold av skolebygg og anlegg», «drift av ventilasjonsanlegget» are services performed on an existing
# building; works is the execution of building work (new build, rebuilding, renovation, demolition). A works cue that
# only names the building or structure (not the building work) is the object of the work, not its kind.
WORKS_OBJECT = re.compile(r"(?:skole|skule)bygg\w*|anlegg(?:et|a)?|ve[ig](?:en|er|ene|ar|arne|ane)?|br[ou](?:a|en|er|ene)?|"
                          r"\w*br[ou](?:a|en|er|ene)?|bruer(?:ne)?|tunnel\w*|motorve[ig]\w*|sykkelve[ig]\w*|"
                          r"(?:et|eit) bygg|va-anlegg\w*|(?:vann|va|avløps?)-? ?(?:og avløps)?ledning\w*", _I)
# «nytt anlegg», «ny bru», «ei ny skule»: a new structure named as what is bought is its building (works).
NEW_BEFORE = re.compile(r"\b(?:ny|nytt|nye|new)\s+(?:[\w-]+\s+)?$", _I)
# The prepositions that attach a complement to the service named before it («renhold av», «vakthold ved»).
_COMPLEMENT_PREP = r"(?:av|for|i|på|ved|til|med|hos|rundt|langs|of|at|on|in|for)"
SERVICE_CUE = re.compile("|".join(CATEGORY["services"]), _I)
# A service with its complement running up to a later cue: «renhold av (de kommunale) skolebyggene», «drift og
# vedlikehold av anlegget», «vakthold ved rådhuset og skolebygg».
SERVICE_COMPLEMENT = re.compile(rf"(?:{'|'.join(CATEGORY['services'])})(?:\s+(?:og|eller|&|/)\s+[\w-]+)?\s+{_COMPLEMENT_PREP}\s+"
                                r"(?:[\w-]+,?\s+){0,5}$", _I)
# «Oppdraget gjelder levering av PC-er», «Oppdraget er bygging av …»: a word for any contract that introduces what is
# bought is no head of its own.
GENERIC_INTRO = re.compile(r"(?:oppdrag(?:et)?|tjenesten|tenesta|oppdraget)\s+(?:er|gjeld|gjelder|omfatter|omfattar|"
                           r"består av|inneber|innebærer|inkluderer|dekker|dekkjer)\s+(?!(?:å|at|om|et|eit|ikke|ikkje)\b)", _I)
# Directly coordinated with a service («prosjektering og bygging av …», «vedlikehold og rehabilitering av taket»): a
# contract that includes the execution of building work is works (design and execution together included).
COORDINATED = re.compile(r"^\s*(?:og|eller|samt|,|/|&|and)\s*$", _I)

# The contract type named as such («regnes som bygge- og anleggsarbeid», «en rein varekontrakt») wins over the nouns of
# what is bought («solcellepaneler og batterier»), whichever comes first.
CATEGORY_NAMED: dict[str, re.Pattern[str]] = {
    "works": re.compile(r"\bbygge- og anleggs(?:arbeid|kontrakt|oppdrag)\w*|\bbygg- og anleggs(?:arbeid|kontrakt)\w*|"
                        r"\bbygg\w*kontrakt\w*|\bbyggj\w*kontrakt\w*|\bworks contracts?\b|\bconstruction (?:contract|works)\b", _I),
    "goods": re.compile(r"\bvare(?:kontrakt|kjøp|leveranse)\w*", _I),
    "services": re.compile(r"\btjeneste(?:kontrakt|kjøp)\w*|\bteneste(?:kontrakt|kjøp)\w*", _I),
}

# Health and social services (FOA part IV from 7.8 MNOK) and other special services (parts I and II, some of III).
# Which services are which is set by the regulation's annex, which the fact base does not hold: the engine says so.
HEALTH_SOCIAL = re.compile(
    r"helse- og (?:omsorgs|sosial)tjenester?\b|\bhelse- og sosialtenest\w*|\bhealth and social services\b|\bsosialtjenester?\b|\bomsorg(?:stjeneste\w*|stilbud\w*)?\b|"
    r"\bhjemmetjeneste\w*|\bhjemmesykepleie\b|\bheimetenest\w*|\bheimesjukepleie\b|\bomsorgstenest\w*|\b\w*helsetenest\w*|"
    r"\bavlasting\w*|\bbrukerstyrt personlig assistanse\b|\bbrukarstyrt personleg assistanse\b|"
    r"(?-i:\bBPA\b)|\bavlastning\w*|\bbarnevern\w*|\bhjelpetiltak\w*|\bdagaktivitet(?:stilbud|senter)\w*|\bdemens\w*|\brus(?:behandling|omsorg|tjeneste)\w*|"
    r"\b\w*helsetjeneste\w*|\btannhelse\w*|\blegetjeneste\w*|"
    # examinations and treatment bought from clinics: imaging, laboratory medicine for patients, operations
    r"\b(?:MR|MRI|CT|PET|røntgen|ultralyd)-?undersøk\w*|\brøntgeninstitutt\w*|\bbildediagnosti\w*|\bradiologiske? tjenest\w*|"
    r"\b(?:dag)?kirurgiske? (?:inngrep|behandling\w*|tjenest\w*)|\bpoliklinisk\w*|\bsykepleier\w*|\bhelsefagarbeider\w*|\bpsykisk helse\b|"
    r"\brehabiliterings(?:tjeneste|plass|opphold)\w*|\b(?:institusjons|sykehjems)plass\w*|\bbo- og omsorg\w*|"
    # Stays and places, bokmål and nynorsk: «rehabiliteringsopphald», «korttidsopphold», «avlastingsopphald»,
    # «døgnplass», «dagtilbod», «plass i barnebustad», «opphald på institusjon».
    r"\b(?:rehabiliterings|korttids|langtids|avlastnings|avlastings|institusjons|behandlings|sjukeheims|sykehjems|"
    r"døgn|døgnbemanna|dag)(?:opphold|opphald|plass|tilbod|tilbud|tilbod|senter|tenest|tjenest)\w*|"
    r"\brehabiliteringstenest\w*|\bheimehjelp\w*|\bomsorgstilbod\w*|\bdagaktivitetstilbod\w*|\bsjukepleiar\w*|"
    r"\bhelsefagarbeidar\w*|\barbeidsmarknadstiltak\w*|\bpårørandestøtte\w*|\blegetenest\w*|"
    r"\b(?:miljøterapi|fysioterapi|ergoterapi)\w*|\b(?:miljøterapeut|miljøarbeider|miljøarbeidar)\w*|"
    r"\brehabilitering (?:av|for|til) (?:\w+ )?(?:eldre|pasient\w*|brukar\w*|bruker\w*|born|barn|ungdom\w*|personar|"
    r"personer)\b|"
    r"\b(?:opphold|opphald)\s+(?:i|på|ved)\s+(?:ein |en |et |eit )?\w*(?:institusjon|sykehjem|sjukeheim|"
    r"rehabiliteringssenter|behandlingssenter)\w*|"
    r"\bplass(?:er|ar)?\s+(?:i|på|ved)\s+(?:ein |en |et |eit )?\w*(?:bustad|bolig|bufellesskap|bofellesskap|"
    r"fosterheim|fosterhjem|beredskapsheim|beredskapshjem|barneheim|barnehjem|omsorgssenter)\w*|"
    r"\barbeidsmarkedstiltak\w*|\bsamtalegrupp\w*|\bpårørendestøtte\w*|\bpraktisk bistand\b|\bhjemmehjelp\w*|\blegevakt\w*|"
    r"\bfastlege\w*|\bambulanse\w*|\bpsykolog\w*|\bjordmor\w*|\bhelsestasjon\w*|"
    # a staffed home or residential care with follow-up («døgnbemannet botilbud med oppfølging», «bemannet bolig»),
    # and services named by whom they serve («for personer med rus- og psykiske lidelser», «støttekontakt»)
    r"\bbotilbud\w*|\bbutilbod\w*|\b(?:døgn)?bemannet bolig\w*|\b(?:døgn)?bemanna bustad\w*|\bpsykiske lidelser\b|"
    r"\brus- og psykiske\b|\brusavhengig\w*|\bruslidelse\w*|\bstøttekontakt\w*|"
    r"\bplass(?:er)? (?:i|på) \w*(?:institusjon|barnevern|sykehjem|rusbehandling)\w*", re.IGNORECASE)
# «ventetid i hjemmetjenesten», «beboere i omsorgsboliger», «ruteplanlegger til hjemmetjenesten»: the service is where
# the purchase is used, not what is bought.
SERVICE_AS_PLACE = re.compile(r"\b(?:i|til)\s+$", _I)
# «på hotellet», «ved konferansehotellet»: the place where something happens, not what is bought.
_NOT_PLACE = r"(?<!\bpå )(?<!\bved )(?<!\bhos )"
# The other special services the fact base names (hotel and restaurant services, certain legal services; the regulation's
# annex lists more, such as security and education), by kind, so that an answer can say what it read and why.
SPECIAL_SERVICE_KINDS: dict[str, str] = {
    "kantine, servering og restauranttjenester":
        r"\b\w*kantine(?:ne|n|r|drift|tjeneste\w*|tenester)?\b|\b\w*kantina\b|\bdrift(?:en)? av (?:\w+ )?\w*kantin\w*|\bcatering(?!produkt|utstyr|artikl)\w*|\bmatservering\w*|"
        r"\bserveringstjeneste\w*|\bskolemat\w*|\brestaurant(?:tjeneste|teneste|drift)\w*|\bdrift av (?:\w+ )?restaurant\w*",
    # Hotels and lodging as what is bought («hotell, overnatting og konferanselokaler», «kurs- og konferansehotell»,
    # «hotellrom»), not a hotel as the place («på hotellet») nor lodging as a cost of another service («reise og
    # overnatting dekkes»). CPV group 55 (hotel, restaurant) is in the directive's annex; FOA's own annex is unverified.
    "hotell- og restauranttjenester":
        r"\bhotell-?\s*og\s+restaurant\w*|\brestaurant-?\s*og\s+hotell\w*|\bhotel and restaurant services\b",
    "hotelltjenester":
        rf"{_NOT_PLACE}\b\w*hotell(?:tjeneste|teneste|opphold|overnatting|rom)\w*|\bovernattingst[je]{{1,2}}neste\w*|"
        rf"{_NOT_PLACE}\b(?:(?:kurs|konferanse|møte)-?\s*og\s+)?(?:kurs|konferanse|møte)hotell\w*|"
        rf"{_NOT_PLACE}\bhotell(?:\s*,|-?\s+og)\s+(?:overnatting|konferanse|møte|kurs|bevertning|servering|mat)\w*|"
        r"(?<!reise og )(?<!reise- og )(?<!reiser og )(?<!reise, )(?<!kost og )(?<!utgifter til )(?<!kostnader til )"
        r"\bovernatting(?:stilbud\w*|er|ar|a|en)?\b|"
        r"\b(?:kjøpe|kjøp av|anskaffe|anskaffelse av|leie|leige|leie av|avtale om|rammeavtale (?:for|om|på|med)|"
        r"behov for|trenger|treng)\s+(?:(?!(?:til|for|på|i|ved|hos|av)\b)\w+\s+){0,2}?hotell\w*(?![\w-])",
    "vakt- og sikkerhetstjenester":
        r"\bvakt(?:hold|hald|tjeneste\w*|teneste\w*)\b|\bvakt- og sikkerhetstjeneste\w*|\bvekter(?:tjeneste\w*)?\b|"
        r"(?<!politiets )\bsikkerhetstjeneste\w*",
    # Legal advice bought from a law firm; a bare «advokat» is as often the buyer's own adviser as what is bought.
    "juridiske tjenester":
        r"\bjuridisk[e]? (?:bistand|tjenester|tenester|rådgivning|rådgiving|hjelp|råd)\b|\bjuridisk rådgiver\w*|"
        r"\badvokat(?:firma|bistand|tjeneste|teneste|hjelp|kontor|selskap|oppdrag)\w*|"
        r"\b(?:bistand|hjelp|råd|rådgivning) fra (?:en |et |ei |eit )?advokat\w*|\brettshjelp\w*",
    # Courses and teaching only as what is bought: «kurs» in an IT contract's list of deliverables is not the purchase.
    "undervisning og opplæring":
        r"\b(?:kjøpe|kjøp av|anskaffe|anskaffelse av|levering av|gjennomføring av)\s+(?:\w+\s+){0,2}?(?:kurs|undervisning)\w*|"
        r"\b(?:kjøpe|kjøp av|anskaffe|anskaffelse av)\s+opplæring\s+i\b|"
        r"\bundervisningstjeneste\w*|\bkurstjeneste\w*|\bopplæringstjeneste\w*|\bopplæringstilbud\w*|"
        # Training in a subject named in the compound («flyopplæring», «førstehjelpskurs», «flytrening»); training of
        # a system's users («brukeropplæring») comes with an IT purchase and is not what is bought.
        r"\b(?!(?:super|slutt)?bruker|system|produkt|kon(?:kurs)|dis(?:kurs)|eks(?:kurs))\w+(?:opplæring|undervisning)(?:en|a)?\b|"
        r"\b(?!(?:super|slutt)?bruker|system|produkt|valuta|aksje|kon|dis|eks|re)\w{3,}kurs(?:et|ene|a)?\b|"
        r"\b\w*(?:fly|simulator|sertifiserings)trening\w*",
}
_KINDS = list(SPECIAL_SERVICE_KINDS)
SPECIAL_SERVICES = re.compile("|".join(f"(?P<kind{i}>{p})" for i, p in enumerate(SPECIAL_SERVICE_KINDS.values())),
                              re.IGNORECASE)


def special_service_kind(phrase: str | re.Match[str]) -> str:
    """The kind of special service a SPECIAL_SERVICES match (or the phrase it matched) names («advokatfirma» →
    «juridiske tjenester»). A match knows its kind even when a pattern looked at the words around it («hotell, …»)."""
    if isinstance(phrase, re.Match):
        return next((_KINDS[i] for i in range(len(_KINDS)) if phrase.group(f"kind{i}") is not None),
                    "andre særlige tjenester")
    for kind, pattern in SPECIAL_SERVICE_KINDS.items():
        if re.fullmatch(pattern, phrase, re.IGNORECASE):
            return kind
    return "andre særlige tjenester"


# Regimes. Utilities go by the activity the purchase serves; a buyer that merely consumes electricity or water is not a
# utility. Known Norwegian utility undertakings are named so that «Elvia AS: kvisting …» is read as the grid company.
# An IT purchase for a health or social service («fagsystem for barnevernet»), and the text naming the class itself.
IT_PURCHASE = re.compile(r"\b\w*fagsystem\w*|\b\w*journalsystem\w*|\bsaksbehandlingssystem\w*|\bIT-system\w*|"
                         r"\bprogramvare\w*|\bsoftware\b|\bcase (?:handling|management) system\b|"
                         r"\b(?:digital\w*|elektronisk\w*|nytt)\s+(?:\w+\s+)?(?:fag|IT-|data)?system\w*|"
                         r"\b\w*(?:oppvekst|arkiv|økonomi|lønns|HR-|skole|barnehage|administrasjons|bestillings|booking|innkallings|turnus|kø)system\w*|"
                         r"\b(?:IT|software|management) system\b|\bSaaS\b|\bskytjeneste\w*", _I)
# How a software purchase with no other contract type is read: goods and services share a threshold, so «varer»
# stands for both, and software is never works.
IT_PURCHASE_NOTE = "er et IT-kjøp: varer eller tjenester (samme terskel), ikke bygg og anlegg."
HEALTH_SOCIAL_NAMED = re.compile(r"\bhelse- og (?:omsorgs|sosial)te?n?\w*|\bhealth and social services\b", _I)

UTILITIES = re.compile(
    r"\bforsyningssektor\w*|\butilit(?:y|ies)\b|\bforsyningsforskrift\w*|\bdrikkevann(?!s?(?:automat|kjøler|fontene|dispenser))\w*|\bhøydebasseng\w*|"
    r"\btrikk(?:er|ene|ar|ane)?\b|\bsporvogn\w*|\bbybuss\w*|\b(?:til|for|i) kollektiv(?:transport|trafikk)en\b|"
    r"\bvannforsyning\w*|\bvannverk\w*|\blufthavn\w*|"
    # nynorsk water supply, a municipal power or energy company, a bus company: «vassverket», «energiverket»
    r"\bvass(?:verk|forsyning)\w*|\bdrikkevatn\w*|\benergiverk\w*|\bkraftlag\w*|\bbus(?:s)?selskap\w*|"
    r"\bnettselskap\w*|\bnettvirksomhet\w*|\bstrømnett\w*|\bkraftnett\w*|\bdistribusjonsnett\w*|\bkraftledning\w*|"
    r"\bfjernvarme\w*|\bhavnevesen\w*|\bhavneselskap\w*|\bhavnevesenet\b|\bgodshavn\w*|\bcontainerhavn\w*|\bport (?:authority|company|operator)\b|\bposttjeneste\w*|\bjernbaneinfrastruktur\w*|\benergiselskap\w*|\bkraftselskap\w*|"
    r"\bvannbehandling\w*|\brå(?:vann|vatn)\w*|\bel-?verk\w*|\be-verk\w*|\bkraftlinje\w*|\bkollektivselskap\w*|\bkollektivtrafikkselskap\w*|\bt-bane\w*|\bbybane\w*|"
    r"(?-i:\b(?:Elvia|Statnett|Hafslund|Tensio|Glitre|Lyse|BKK|Norgesnett|Elmea|Bane NOR|Sporveien|Avinor|Posten|Bring|"
    r"Flytoget|Vy|Ruter|AtB|Skyss|Kolumbus|Bybanen|Brakar|Innlandstrafikk|FRAM)\b)", re.IGNORECASE)
# Water and wastewater named together as a municipal sector («rådgivning innen vann og avløp», «VA-sektoren»): the
# drinking-water supply is a utility activity, so the purchase is read as one, with a note (wastewater alone is not).
# Plumbing in a building («rørleggerarbeid, vann og avløp i skolen») is no utility: those words leave it a hint.
UTILITIES_HINT = re.compile(r"\bvann- og avløp\w*|\bvann og avløp\w*|\bvann\s*[–-]\s*og avløp\w*|(?-i:\bVA\b)|"
                            r"\bVA-(?:sektor|fag|område|tjeneste|etat|anlegg|nett)\w*", re.IGNORECASE)
PLUMBING = re.compile(r"\brørlegg\w*|\bvvs\w*|\bsanitær\w*|\btoalett\w*|\bdusj\w*|\bbaderom\w*|\bbygget\b|"
                      r"\bi (?:den nye |det nye )?(?:skolen|barnehagen|sykehjemmet|hallen|rådhuset)\b", re.IGNORECASE)
# «arbeidstøy til barnehage, renhold, vei, vann og avløp, skole og helse»: water and wastewater named among the buyer's
# other sectors says who uses the purchase, not that it serves the water supply.
SECTOR_LIST = re.compile(r"\b\w*(?:barnehage|skole|sfo|helse|kjøkken|kantine|renhold|verksted|omsorg|vaktmester|idrett|"
                         r"kultur|administrasjon)\w*", re.IGNORECASE)
SECTOR_LIST_WINDOW = 120
SECTOR_LIST_MIN = 3
# Wastewater without drinking water («avløpsrenseanlegg», «slam fra renseanlegget»): under FOA, said in a note.
WASTEWATER_ONLY = re.compile(r"\b\w*renseanlegg\w*|\bavløp\w*|\bslam\b|\bslamkjøring\b|\bovervann\w*", re.IGNORECASE)
# «havner»/«havna» are also the verb «end up» («Havner vi over terskelen?», «kjøpet havna i del III»): read as
# harbours only when no subject stands before or after and no «i/over/under/på» follows.
_HARBOUR_VERB_BEFORE = r"(?<!\b(?:vi|me|du|de|eg) )(?<!\b(?:som|man|jeg|dei|hva|kva) )(?<!\bdere )(?<!\bhvor )(?<!(?:et|en) )"
_HARBOUR_VERB_AFTER = (r"(?!\s+(?:vi|me|dere|de|dei|du|jeg|eg|man|dette|disse|kjøpet|\w+(?:et|en)|i|over|under|på|innenfor|"
                       r"utanfor|utenfor|inn|ut|nok|da|altså|dermed|derfor|så|likevel|fortsatt|ikkje|ikke|automatisk|"
                       r"rett|direkte|alltid|typisk|vel)\b)")
# A sector where a purchase may serve a utility activity (transport, energy, water, ports, post, fuel) without the
# text saying so: the answer asks the buyer to check the utilities regulation, it does not apply it.
UTILITIES_SECTOR = re.compile(
    r"\bbuss\w*|\bkollektivtrafikk\w*|\bkollektivtransport\w*|\bjernbane\w*|\btrikk\w*|\bsporvogn\w*|"
    rf"\bhavn(?:en|ene)?\b|{_HARBOUR_VERB_BEFORE}\bhavner\b{_HARBOUR_VERB_AFTER}|"
    rf"{_HARBOUR_VERB_BEFORE}\bhavna\b(?!\s+(?:vi|me|dere|de|dei|du|jeg|eg|man|kjøpet|\w+(?:et|en)|over|under|innenfor|utenfor|utanfor)\b)|"
    r"\bhavnefogd\w*|\bkai(?:a|en|ene|er|anlegg\w*|kran\w*)?\b|\bhavne(?:anlegg|vesen|drift|område|avgift)\w*|\bflyplass\w*|\bstrømforsyning\w*|\bkraftforsyning\w*|\benergiforsyning\w*|\bkraftproduksjon\w*|"
    r"\bkraftverk\w*|\bvannledning\w*|\bvannrør\w*|\bvannforsyning\w*|\bgassforsyning\w*|\bbrensel\w*|"
    r"\bvarmesentral\w*|\bpost(?:omdeling|levering)\w*|\benergiselskap\w*|\btransportselskap\w*|\btransportetat\w*|"
    r"\bpublic transport\b|\bbus(?:es)?\b|\brailway\w*|\btram\w*|\bairports?\b|\bports?\b|\bwater supply\b|"
    r"\belectricity\b|\benergy (?:company|utility|supply)\b", re.IGNORECASE)
CONCESSION = re.compile(r"\btjenestekonsesjon\w*|\btenestekonsesjon\w*|\bkonsesjonsavtale\w*|\bkonsesjonskontrakt\w*|"
                        r"\btildel\w* (?:av )?konsesjon\w*|\bbygge- og anleggskonsesjon\w*", re.IGNORECASE)
DEFENCE = re.compile(r"\bforsvarsmateriell\b|\bforsvaret\b|\bforsvarets\b|\bforsvars- og sikkerhet\w*|"
                     r"\bforsvarsanskaffelse\w*|\bmilitær\w*|\bvåpen\b|\bammunisjon\b|\barmed forces\b", re.IGNORECASE)
FRAMEWORK = re.compile(r"\bramme(?:avtale|kontrakt)\w*|\brammeavtalen\w*", re.IGNORECASE)

# Process signals (market, dialogue, development, purchase, specification, design, earlier failure, deadline, risk).
# A market dialogue or survey named in a sentence (Norwegian, nynorsk, English): what it showed is a finding on the
# market («Markedsdialogen viste at …», «Our market research showed that …»).
MARKET_SURVEY = (r"\b(?:markeds(?:dialog|undersøking|undersøkelse|analyse|kartlegging)\w*|marknads(?:dialog|undersøking|"
                 r"analyse|kartlegging)\w*|dialogkonferanse\w*|market (?:dialogue|engagement|research|survey|consultation|"
                 r"analysis)|(?:pre-?market|preliminary market) \w+)\b")
# The words between the survey and its finding, in one sentence and not a question still open («for å se om …»).
_SURVEY_GAP = r"(?:(?!\b(?:om|if|whether)\b)[^.?!]){0,80}?"
# Solutions, products or suppliers said to exist in a sentence that names a market dialogue or survey.
_SURVEY_SOME = (r"(?:\b(?:har|tilbyr|leverer|finnes|fins|finst|eksisterer|have|has|offer\w*|exist|are available)\b"
                r"[^.?!]{0,50}?\b\w*(?:løsning|løysing|produkt|system|solution|product)\w*\b|"
                r"\b(?:løsning\w*|løysing\w*|solutions?|products?)\b[^.?!]{0,30}?\b(?:finnes|fins|finst|exist|are available)\b)")
MARKET = {
    # Checked in this order: an explicit "we do not know" beats everything, "not on the market" beats "can be adapted".
    "unknown": [r"\bvet ikke om (?:det finnes|markedet)[^.]*",
                r"\b(?:vite|undersøke|finne ut|sjekke|avklare) om (?:det finnes|markedet)[^.]*",
                r"\b(?:ingen|ikke)\b[^.]{0,30}?\bvet om\b[^.]*", r"\busikker(?:e)? på (?:om det finnes|markedet)[^.]*",
                r"\bukjent (?:om|marked)[^.]*", r"\buklart om (?:det finnes|markedet)[^.]*",
                # «Vi er usikre på hva som finnes i markedet», «vi kjenner ikke markedet», «we don't know the market»
                r"\b(?:usikk?(?:er|re|ert)|uvisse?|usikre)\b[^.]{0,10}?\b(?:på|om)\b[^.]{0,10}?\b(?:hva|kva|hvilke|kva for)\b"
                r"[^.]{0,30}?\b(?:finnes|fins|finst|markedet|marknaden|leverer|tilbyr)\b[^.]*",
                r"\b(?:vet|veit) ikkj?e? (?:hva|kva|hvilke|kva for)\b[^.]{0,30}?\b(?:finnes|fins|finst|markedet|marknaden)\b[^.]*",
                r"\b(?:kjenner|kjenn) (?:ikkj?e|lite til|ikkje godt) (?:\w+ )?(?:markedet|marknaden)[^.]*",
                r"\b(?:not sure|unsure|(?:don't|do not) know)\b[^.]{0,30}?\b(?:the market|what (?:exists|is available|is out "
                r"there|the market (?:offers|has)))[^.]*"],
    "no": [r"\b(?:ikke|ingen)\b[^.]{0,40}?\b(?:finnes|eksisterer|tilgjengelig|tilbys|leverer)\b[^.]{0,30}?\bmarkedet\b",
           r"\b(?:finnes|eksisterer)\b[^.]{0,15}?\bikke\b[^.]{0,25}?\bmarkedet\b", r"\bingen leverandør\w*",
           r"\bingen (?:løsning|løsninger|produkter?)\b[^.]{0,10}?\b(?:på|i) markedet\b",
           r"\b(?:finnes|eksisterer) ikke (?:ennå|enda)\b", r"\bingen\b[^.]{0,20}?\bhar (?:en )?(?:slik|sånn|denne) løsning\w*", r"\bikke (?:finnes|eksisterer) (?:ennå|enda)\b", r"\bmarkedet har ikke\b",
           # what the buyer has looked for and not found («på messer har vi ikke sett noe som løser dette»)
           r"\b(?:ikke|aldri) (?:sett|funnet|sett eller hørt om)\b[^.]{0,30}?\b(?:noe|noen|en|ei|et)\b[^.]{0,30}?"
           r"\bsom (?:løser|dekker|fungerer|gjør)\b",
           r"\b(?:haven't|have not|hasn't|has not|did not|didn't) (?:seen|found)\b[^.]{0,30}?\b(?:anything|any \w+)\b"
           r"[^.]{0,30}?\bthat (?:solves|meets|works|does)\b",
           # nynorsk and English («ikkje noko løysing», «nothing on the market meets the need»)
           r"\b(?:ikkje noko[nt]?|ingen) (?:\w+ )?løysing\w*\b[^.?!]{0,40}?\b(?:finst|fins|i marknaden|på marknaden|dekkjer|dekker)\b",
           r"\b(?:finst|fins)\s+(?:det\s+)?(?:ikkje|ingen)\b",
           r"\bnothing on the market\b", r"\bno existing (?:solutions?|products?|suppliers?)\b",
           r"\b(?:no|none of the)\b[^.?!]{0,20}?\b(?:solutions?|suppliers?|products?)\b[^.?!]{0,40}?\b(?:on the market|"
           r"exists?|meets?|can (?:meet|deliver|offer|solve))\b",
           r"\b(?:solution|product)s? (?:does|do) not (?:yet )?exist\b",
           # what a market dialogue or survey showed: nobody has or offers it
           MARKET_SURVEY + _SURVEY_GAP + r"\b(?:ingen|ikkje noko[nt]?|ikke noe[nt]?|no|none of the)\b[^.?!]{0,60}?"
           r"\b(?:løysing\w*|løsning\w*|leverandør\w*|tilbyder\w*|solutions?|suppliers?|products?)\b"],
    "with_adaptation": [r"\b\w*(?:løsning|system|produkt|programvare|utstyr)\w*\b[^.]{0,30}?\b(?:må|kan)\b[^.]{0,25}?\btilpasses\b",
                        r"\b(?:finnes|fins)\b[^.]{0,40}?\bmen\b[^.]{0,30}?\b(?:må|kan)\b[^.]{0,25}?\btilpasses\b",
                        r"\b(?:må|kan)\b[^.]{0,15}?\btilpasses\b[^.]{0,10}?\b(?:våre?|oss|vårt)\b",
                        r"\bmed (?:noen |noe |noko |visse |enkelte |litt |en viss |mindre )?tilpas(?:ning|sing)\w*", r"\bkrever tilpasning\w*",
                        r"\btilpasning av eksisterende\b",
                        # after some adaptation, nynorsk and English («etter litt tilpassing», «can be adapted»)
                        r"\better (?:noe |noko |litt |en viss |mindre )?tilpas(?:ning|sing)\w*", r"\btilpassast\b",
                        r"\b(?:with|after) (?:some |minor |a little |limited )?(?:adaptation|customi[sz]ation)s?\b",
                        r"\b(?:can|must|could|will|would|need to) be (?:adapted|customi[sz]ed)\b",
                        r"\badapt(?:ed|ing)? (?:them|it|the solutions?)\b"],
    "yes": [r"\bstandard(?:produkt|vare|løsning|utstyr|system|møbl|model|tjenest)\w*", r"\b(?:er|som|kun|bare|vanlige?) standard\b(?! for| ?(?:NS|ISO|EN)\b| ?\d)",
            r"\bstandard (?:produkter|varer|løsninger|utstyr|systemer|tjenester|møbler)\b", r"\bhyllevare\w*",
            r"\b(?:flere|mange) (?:\w+ (?:og \w+ )?)?(?:leverandører|produsenter|aktører|forhandlere|firmaer|tilbydere|"
            r"kursleverandører|enheter|modeller)\b (?:kan )?(?:levere|leverer|tilbyr|har|kjøre|dekke)\b",
            r"\bleveres av (?:flere|mange)\b[^.]{0,20}", r"\bvanlig i markedet\b", r"\b(?:er|blir) vanlig\w* og leveres\b",
            r"\bvelkjent\w*", r"\bkjente løsninger\b", r"\b(?:tjenestene|tjenesten|varene|arbeidet|produktene) er (?:vel)?kjente?\b",
            r"\bhandle i (?:en )?(?:\w+ )?butikk\b",
            # «vanlige kontorrekvisita», «ordinære kontorstoler»: the buyer calls what it buys ordinary goods; not
            # the ordinary rules, procedure, time limits or ways of working («de vanlige reglene»).
            r"\b(?:vanlige|ordinære|alminnelige)\s+(?!(?:regler|reglene|reglane|prosedyre\w*|framgangsmåte\w*|"
            r"fremgangsmåte\w*|frist\w*|terskel\w*|prinsipp\w*|anbud\w*|tilbud\w*|konkurranse\w*|måte\w*|ting|tilfeller|"
            r"behov\w*|oppgaver|rutiner|dager|arbeidsdager|forhold|krav\w*|vilkår\w*|leverandør\w*|kontrakt\w*|avtale\w*)\b)"
            r"[a-zæøå-]*(?:rekvisita|varer|produkter|møbler|stoler|pulter|biler|utstyr|klær|sko|pc-?er|maskiner|"
            r"skrivere|telefoner|datamaskiner|forbruksmateriell|artikler)\b",
            r"\bfinnes (?:flere |mange |gode )?(?:løsninger |leverandører |produkter )?(?:i|på) markedet\b",
            # what a market dialogue or survey showed: suppliers have or offer solutions
            MARKET_SURVEY + _SURVEY_GAP + _SURVEY_SOME],
}
DIALOGUE_NOT_DONE = re.compile(r"\b(?:ikke|ingen)\b[^.]{0,25}?\bmarkedsdialog\w*|\bmarkedsdialog\w* (?:er|har) ikke\b|"
                               r"\buten markedsdialog\w*", re.IGNORECASE)
DIALOGUE_DONE = re.compile(
    r"\b\w*dialog\w*\b[^.]{0,50}?\b(?:viste|har vist|avdekket|bekreftet)\b|\b(?:har|er|ble) (?:gjennomført|holdt|hatt) (?:en )?"
    r"(?:markedsdialog|dialogkonferanse|dialogmøte)\w*|\better (?:markedsdialog|dialogkonferanse|dialogmøte)\w*|"
    # a market survey or dialogue that showed something, nynorsk and English («Marknadsundersøkinga viste», «Our
    # market research showed»)
    + MARKET_SURVEY + r"[^.?!]{0,30}?\b(?:viste|synte|har vist|avdekket|avdekte|bekreftet|stadfesta|showed|has shown|"
    r"found|revealed|confirmed|indicated)\b|\b(?:after|following) (?:the|our|a) (?:market dialogue|dialogue conference)",
    re.IGNORECASE)
NO_DEVELOPMENT = re.compile(r"\b(?:ikke|ingen|uten)\b(?:\s+\w+){0,2}?\s+utvikl\w*", re.IGNORECASE)
# Developing a solution, not «utviklingshemming» or an organisation's «utviklingsprosjekt». A plan given up («planla å
# få utviklet …, men …») is not a need today.
PAST_PLAN = re.compile(r"\b(?:planla|hadde planlagt|var planlagt) (?:å )?(?:få )?$", re.IGNORECASE)
# Building a website, an app or an intranet, or consultants hired to develop one, is a service the market delivers
# every day (a web agency's work), not a solution that does not exist yet: no innovation procedure follows from it.
ROUTINE_DEVELOPMENT = re.compile(r"\butvikl\w*\s+(?:av\s+)?(?:\w+\s+){0,2}?(?:nettsid\w*|nettsted\w*|hjemmesid\w*|websid\w*|"
                                 r"nettbutikk\w*|intranett\w*|(?:mobil)?app(?:en|er|ene)?\b|nettløsning\w*)|"
                                 r"\b(?:nettsid|nettsted|hjemmesid|websid|intranett)\w*utvikling\w*", re.IGNORECASE)
DEVELOPMENT = re.compile(r"\b(?:videre|ny)?utvikl(?:e|es|et|ede|er|ing av|ingen av|ingsfase\w*)\b|\bvidereutvikl\w*", re.IGNORECASE)
NO_PURCHASE = re.compile(r"\b(?:ikke|uten å)\b(?:\s+\w+){0,4}?\s+kjøpe\b|\bbare (?:finansiere|betale for) "
                         r"(?:forskning|utvikling|fou)\b", re.IGNORECASE)
PURCHASE = re.compile(r"\bkjøpe\b[^.]{0,30}", re.IGNORECASE)
# Buying what works or what has been developed is buying the result, whatever else the text says.
PURCHASE_RESULT = re.compile(r"\bkjøpe\b[^.]{0,40}?\b(?:som virker|hvis (?:den|de|det|løsningen) virker|når (?:de|den|det) er "
                             r"(?:utviklet|testet))|\b(?:senere|deretter) kjøp\w*", re.IGNORECASE)
CANNOT_SPECIFY = re.compile(r"\b(?:kan|vet) ikke (?:beskrive|spesifisere)\b[^.]{0,30}|\bvanskelig å (?:beskrive|spesifisere)\b[^.]{0,30}|"
                            r"\bvet ikke (?:hvordan|hva) løsningen\b[^.]{0,30}|\bvet hva \w+ vil oppnå, men ikke\b[^.]{0,30}",
                            re.IGNORECASE)
CAN_SPECIFY = re.compile(r"\bkan (?:beskrive|spesifisere) (?:løsningen|kravene|produktet)\b|\bkan beskrives (?:presist|nøyaktig)\b|"
                         r"\bvet (?:godt )?hva \w+ (?:trenger|vil ha)\b|\bvelkjent\w*|\bkjente løsninger\b|"
                         r"\b(?:tjenestene|tjenesten|arbeidet) er (?:vel)?kjente?\b|\bbeskrive ønsket\b", re.IGNORECASE)
# A design contest (FOA part V) is a contest for plans or designs, not the hiring of an architect or an IT architect:
# «plan- og designkonkurranse», «arkitektkonkurranse», «konkurranse om utforming/skisser/plan(forslag)».
DESIGN = re.compile(r"\b(?:plan|design|arkitekt|idé|ide|skisse)konkurranse\w*|\bplan-\s+og\s+designkonkurranse\w*|"
                    r"\bkonkurranse\w*\s+(?:om|for|på)\s+(?:[\w-]+\s+){0,3}?(?:arkitekt\w*|design\w*|plan\w*forslag\w*|"
                    r"planløsning\w*|skisse\w*|utforming\w*)|\bdesign contest\w*|"
                    # «forslag til arkitektonisk utforming … gi vinneren oppdraget»: proposals judged for a winner or prizes
                    r"\b(?:forslag|skisse)\w*\s+(?:til|om|for|på)\s+(?:[\w-]+\s+){0,2}?(?:arkitekt\w*|design\w*|"
                    r"utforming\w*|plan\w*)[\s\S]{0,160}?\b(?:vinner\w*|premie\w*|premier\w*|jury\w*|pris(?:er|ene|en)?\b)",
                    re.IGNORECASE)
FAILED = re.compile(r"\b(?:forrige|tidligere) (?:konkurranse|anbud\w*|utlysning)[^.]{0,50}?(?:avlyst|mislyktes|ingen tilbud|"
                    r"uakseptable|ga ikke)\w*|\bavlyst\w* (?:konkurranse|anbud\w*)|\bfikk ingen (?:gyldige )?tilbud\b", re.IGNORECASE)
# «innen 6 måneder», «i løpet av 2 år»: when the buyer needs the solution. «på 2 år» is a contract term, not a deadline.
DEADLINE = re.compile(r"\b(?:innen|i løpet av) (\d{1,3}) (måneder|mnd\.?|år)\b", re.IGNORECASE)
RISK = {"low": re.compile(r"\b(?:lav|liten) risikovilje\b|\bunngå risiko\b", re.IGNORECASE),
        "high": re.compile(r"\b(?:høy|stor) risikovilje\b|\bvillige? til å ta risiko\b", re.IGNORECASE)}

# CPV codes, when a pasted notice carries them («CPV: 85300000», «85312320-8»). The division gives the contract type
# (45 works; 03–44 and 48 goods; the rest services). Directive 2014/24/EU Annex XIV lists the services of the light
# regime by CPV code; its first row (health, social and related services) is read as health and social services, the
# other rows (education, culture, hotels and restaurants, legal, security, administrative and community services …)
# as other special services. FOA's own annex was not in the fact base, so the assessment says the reading is unverified.
CPV = re.compile(r"\bCPV(?:-?kode\w*)?\s*(?:nr\.?|nummer)?\s*:?\s*(\d{8})(?:-\d)?\b|\b(\d{8})-\d\b", re.IGNORECASE)
CPV_HEALTH_SOCIAL = ((75200000, 75200000), (75231200, 75231200), (75231240, 75231240), (79611000, 79611000),
                     (79622000, 79622000), (79624000, 79625000), (85000000, 85323000), (98133000, 98133100),
                     (98200000, 98200000), (98500000, 98500000), (98513000, 98514000))
CPV_SPECIAL = ((55100000, 55410000), (55510000, 55524000), (75000000, 75000000), (75100000, 75131000),
               (75210000, 75231100), (75231210, 75231230), (75240000, 75252000), (75300000, 75340000),
               (79100000, 79140000), (79430000, 79430000), (79700000, 79723000), (79950000, 79956000),
               (79995000, 79995200), (80000000, 80532999), (80533300, 80660000), (92000000, 92700000),
               (98000000, 98000000), (98113100, 98113100), (98120000, 98132000), (98133110, 98133110),
               (98900000, 98990000))


def cpv_category(code: str) -> str:
    """The contract type a CPV code's division gives: 45 works, 03–44 and 48 goods, the rest services."""
    division = int(code[:2])
    if division == 45:
        return "works"
    return "goods" if division <= 44 or division == 48 else "services"


def cpv_service_kind(code: str) -> str | None:
    """«health_social» or «special» when the code is in the light regime's annex, else None."""
    number = int(code)
    for kind, ranges in (("health_social", CPV_HEALTH_SOCIAL), ("special", CPV_SPECIAL)):
        if any(low <= number <= high for low, high in ranges):
            return kind
    return None
