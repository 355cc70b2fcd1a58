"""Build evals/requirements_real_dev5.jsonl (fifth real development set of the analyzer, wave 11) from ../shared/data/doffin.

Rows are notice titles and description sentences of Doffin notices in no other analyzer eval file. The shared
builder (evals/real_builder.py) reads only the `notice` field of every other evals/requirements_real*.jsonl (never
their text), reads the notices with the project's importers and refuses used, duplicate or contact-bearing rows.
The rows and their span labels are written by hand below (labelled before the analyzer was run on them); offsets
are computed by the builder. Usage: PYTHONPATH=. python evals/build_real_dev5.py evals/requirements_real_dev5.jsonl
"""
from real_builder import STD, TECH, A, V, main  # evals/ is the script's folder

# (notice, part, text, domain, [(span text, label, category)]). A span text is found once in the row's text.
ROWS = [
    # Goods and IT titles. As in the older real sets, a drive type, carriage or process heading a goods noun is a
    # violation («elektrisk gravemaskin»); a technique that names the instrument category bought (CT, pipetting robot)
    # is what is bought and left unlabelled. A method attached to a service need («kvalitetskontroll … med georadar»,
    # «konnektivitet ved mørk fiber») prescribes how the need is met and is labelled like «helikopterbårent utstyr».
    ("2022-320469", "title", "KK - Enkeltanskaffelse - Hjulgående borerigg", "kjøretøy", [("Hjulgående", V, TECH)]),
    ("2022-378717", "title", "2022 Kvalitetskontroll på nylagte asfaltdekker med georadar (GPR) Trøndelag fylkeskommune",
     "bygg og anlegg", [("georadar (GPR)", V, TECH)]),
    ("2022-395344", "title", "Kjøp av konnektivitet ved mørk fiber - BKMAN", "IT", [("mørk fiber", V, TECH)]),
    # the description states the need as a reception facility for food waste; the title names the treatment technology
    ("vilgeir-711b540688fa74ca", "title", "BIOGASSANLEGG FOR MOTTAK AV VÅRT  MATAVFALL FRÅ HUSHALDNING", "avfall",
     [("BIOGASSANLEGG", V, TECH)]),
    ("vilgeir-711b540688fa74ca", "description", "Søre Sunnmøre Reinhaldsverk IKS treng mottaksanlegg for sitt matavfall "
     "frå hushaldning", "avfall", []),
    # a research trial on longline fishing: the vessel type is the subject of the trial
    ("2022-387657", "title", "22/00668 Leie av Autolinefartøy forsøk krok og forsyn", "forskning",
     [("Autolinefartøy", A, TECH)]),
    ("2022-338366", "title", "Avinor AS - K-190421 - Car Park Booking System (Bookingsystem Parkering)", "IT", []),
    ("2022-339315", "title", "Avinor AS - K-190412 - Rammeavtale på lastebiler og krokpåbygg", "kjøretøy", []),
    ("2022-381735", "title", "Elvia AS - Invitasjon forespørsel Rammeavtale elektrisk kraft for levering i perioden "
     "2023-2025", "energi", []),
    ("2022-354759", "title", "StartOff-prosjekt med Kolumbus AS", "transport", []),
    ("2022-310112", "title", "Tensio AS - Kvalifiseringsfase - Rammeavtale for reisebyråtjenester", "annet", []),
    ("2022-342121", "title", "TILLATELSESORDNING FOR SMÅ ELEKTRISKE KJØRETØY PÅ OFFENTLIG GRUNN I TRONDHEIM", "transport",
     []),
    ("2022-385939", "title", "GRE123 Industriell Varmepumpe", "energi", []),
    ("2022-322530", "title", "2022-14 CNC skjæremaskin til Hustadvika vgs", "utdanning", []),
    ("2022-324381", "title", "SA Avbruttsfri strømforsyning (UPS)", "IT", []),
    ("2022-338657", "title", "Geovekstinnkjøp: Hardanger Lærdal Laser 2022 - LACHVL21/23", "IT", []),
    ("2022-384909", "title", "Apparatus for measurement of coagulation in milk", "laboratorium", []),
    ("2022-316510", "title", "Pacemaker og defibrillator (ICD) til helseforetakene i Norge", "medisinsk", []),
    ("2022-307093", "title", "INR-apparater med forbruksmateriell til helseforetakene i Norge", "medisinsk", []),
    ("2022-366155", "title", "21/03508 Pipetteringsrobot til FHI", "laboratorium", []),
    ("2022-321140", "title", "Grunnarbeider og fundamenter for CCS Prosjektet", "bygg og anlegg", []),
    # an execution contract builds the buyer's design: the ground works method is its scope
    ("2022-368681", "title", "Grunnforsterkning; Kalksementpeler Skredsikring i Ask", "bygg og anlegg", []),
    ("2022-321273", "title", "A150153_Krogstad Biogassanlegg_P3_Råtnetanker inkl. buffertank, avvanning og gassbehandling",
     "bygg og anlegg", []),
    # software for the data format the grid company already holds (an open exchange standard)
    ("vilgeir-bd6548ec3a59b6f0", "title", "Programvare for å behandle CIM-data", "IT", [("CIM-data", A, STD)]),
    ("2022-357748", "title", "Rammeavtale for kjøp av programvarelisenser. Avtalen omfatter volumlisensavtaler", "IT", []),
    ("2022-352378", "title", "Kvalifiseringsfasen - Anskaffelse av klientutstyr som tjeneste", "IT", []),
    ("2022-397222", "title", "RFI - Rammeavtale for idrettsutstyr", "annet", []),
    ("2022-307751", "title", "Kunstgressbane med lys på Fedrelandet", "bygg og anlegg", []),
    ("2022-322618", "title", "Ny teleskoptribune til storsalen i Lofoten kulturhus", "annet", []),
    ("vilgeir-6f0d3da36df5c12a", "title", "Innkjøp forsikring for kunder i S&P (Gabler)", "annet", []),
    ("vilgeir-b9a30eaa47e3b098", "title", "Anbud personforsikringer Aons kommuner", "annet", []),
    ("2022-382416", "title", "Varelagerautomater og vertikale lagerheiser for sykehusapotekforetakene i Norge", "medisinsk",
     []),
    ("2022-355049", "title", "Utstyr for kjøretøydiagnose og kalibrering av førerassistentsystemer", "kjøretøy", []),
    ("vilgeir-68f016ff94c32641", "title", "Anskaffelse (ny) av Digital patologi, Skannere for Helse Vest RHF", "medisinsk",
     []),
    ("2022-329676", "title", "3D røntgen/C-bue St. Olavs hospital HF", "medisinsk", []),
    ("vilgeir-603d5f0a08fad07c", "title", "Leie av torsketråler for seleksjonstokt", "forskning", []),
    ("2022-367796", "title", "Elektriske biler - 5 stk personbiler.", "kjøretøy", [("Elektriske", V, TECH)]),
    # Description sentences
    # the machine's construction is given with no word on the work it must do
    ("vilgeir-beb86c04708766da", "description", "Delkontrakt1 - Maskin med hevbar hytte og bøyd monobom:\n1200 timer pr "
     "år, totalt 6000 timer for hele leieperioden.", "kjøretøy", [("hevbar hytte og bøyd monobom", V, TECH)]),
    # a certification scheme and a passive-house standard named as the building's goals, no «eller tilsvarende»
    ("vilgeir-a2f55a6e29a0e26d", "description", "Prosjektet skal ha høy miljøprofil, smart og innovative løsninger.\n- "
     "Smart bygg\n- Breeam - nor\n- Passivhus standard\n- Fornybar energiløsning", "bygg",
     [("Breeam - nor", V, STD), ("Passivhus standard", V, STD)]),
    ("2020-344195", "description", "Barne-, ungdoms- og familiedirektoratet lyser ut et oppdrag for å kartlegge innhold og "
     "omfang av faktiske ytringer av hatefull eller diskriminerende karakter mot muslimer ved bruk av stordataanalyse.",
     "konsulent", [("stordataanalyse", V, TECH)]),
    # a preferred design, and what it is for (the scheme must be evaluable for effect)
    ("2020-398071", "description", "Kontraktens hovedoppdrag er å utvikle en forsøksordning med stipend til fagarbeidere som "
     "kan effektevalueres, fortrinnsvis gjennom et randomisert, kontrollert forsøk.", "forskning",
     [("randomisert, kontrollert forsøk", A, TECH)]),
    # the buyer's own algorithms are developed further
    ("2020-391073", "description", "Oppdraget er å videreutvikle algoritmer for å generere rutemodeller for blandet trafikk på "
     "det norske jernbanenettet ved hjelp av matematisk optimering, og en fungerende prototyp til et verktøy som bygger på "
     "disse algoritmene og kan benyttes av Jernbanedirektoratet i den strategiske planleggingen.", "IT",
     [("matematisk optimering", A, TECH)]),
    ("2020-391073", "description", "Verktøyet og algoritmene må kunne håndtere forskjellige mål for optimalitet, slik som "
     "framføringstid, faste intervaller, pålitelighet og antall tog, samt forskjellige utgaver av infrastrukturen og "
     "forskjellige krav til tilbudet som skal kjøres.", "IT", []),
    # the map formats the plan is delivered in: the national exchange format and the buyer's drawing format
    ("2020-326303", "description", "Plankart i pdf-, SOSI- og DWG-format", "konsulent", [("SOSI- og DWG-format", A, TECH)]),
    # the vessel type follows from what it is for: catching live mackerel to tag
    ("vilgeir-ff9801dd406ec287", "description", "Havforskningsinstituttet ønsker å leie et ringnotfartøy til merking og "
     "biologiskprøvetaking av makrell på gytefeltene vest av Irland/Hebridene/Shetland i ca 30 døgn årlig i perioden "
     "2021-2022, evt t.o.m. 2024", "forskning", [("ringnotfartøy", A, TECH)]),
    # the design of a works contract is model based: information for the bidder on what it receives
    ("vilgeir-30f84ad993d0fb2d", "description", "Prosjektering er modellbasert.", "bygg og anlegg",
     [("modellbasert", A, TECH)]),
    ("vilgeir-13e8033a40555c63", "description", "Fartøet må ha tilknyttet reketrålkonsesjon nord for 62°N.", "forskning", []),
    ("vilgeir-cfce33679063c87c", "description", "Rammeavtalen for forbruksmateriell varer så lenge instrumentene er i bruk.",
     "laboratorium", []),
    ("vilgeir-181c0a8dee5c802d", "description", "Oppdragsgiver forbeholder seg retten til å kjøpe brukte møbler utenom "
     "avtalen.", "annet", []),
    ("vilgeir-46838dacf77bc3f8", "description", "For nye prosjekter/bygg forbeholder oppdragsgiver seg retten til å innhente "
     "egne tilbud og å vedlikeholde anlegg fra annen produsent uavhengig av avtalen.", "bygg", []),
    ("2022-319614", "description", "Etableringen omfatter bl.a. Bergen Carbon Solutions og Gen 2 Energy.", "konsulent", []),
    ("2022-366820", "description", "Utvikle verktøy (for eksempel sjekkliste, metode, taksonomi) for å adressere Human "
     "Factors (HF) i Ptils granskinger.", "konsulent", []),
    ("2023-664435", "description", "I den forbindelse ber vi om tilbakemeldinger fra leverandørmarkedet før endelig "
     "utlysning.", "annet", []),
    ("2021-372465", "description", "Markedsundersøkelse/RFI om analyser av organisk materiale på arkeologiske gjenstander.",
     "laboratorium", []),
    ("2024-102005", "description", "Invitasjon til leverandørkonferanse vedrørende toppsystem for adgangskontroll.", "IT", []),
    ("vilgeir-af261a1e3d22e302", "description", "I denne konkurransen fremskaffer fylkeskommunen hovedfartøy som skal "
     "benyttes.", "transport", []),
    ("vilgeir-583ea89d61c6fc6b", "description", "Timeprisen for maskin og fører skal være inkludert drivstoff, og "
     "fakturerbar arbeidsdag er 7 timer, Arbeidsdagen er 7,5 timer minus lunsj.", "kjøretøy", []),
    ("vilgeir-9d290dac5620cd97", "description", "Enkelte operative enheter har behov for å benytte biler der bruker "
     "(Tolletaten) ikke kan gjenkjennes (etatens behov for anonymitet og beskyttelse mot gjenkjenning).", "kjøretøy", []),
    ("vilgeir-6c4ee69788b5a941", "description", "Entreprise Energisentral består hovedsaklig av kjølemaskiner, tørrkjølere "
     "og interkomponent rørforbindelser.", "bygg", []),
    ("2023-102500", "description", "Formålet med anskaffelsen er å inngå rammeavtale(r) som sikrer Oppdragsgiver de "
     "nettstasjoner og trafoer med spesifisert tilleggsutstyr som han til enhver tid behøver til sin nettvirksomhet",
     "energi", []),
    ("vilgeir-279d5128c04b5e16", "description", "Helse Vest har til hensikt å inngå rammeavtale på flasker med innhold til "
     "tråddispenser, hånddesinfeksjon i lomme-og pumpeflaske, dusjsåpe/shampo og lotion i pose, og "
     "overflatedesinfeksjon.", "medisinsk", []),
    ("vilgeir-f73675a1a34d97cb", "description", "Tjenestene omfatter NAVs totale infrastruktur fra datacenter til klienter.",
     "IT", []),
    ("vilgeir-9bb0913fec97fd4a", "description", "Totalentreprise 6301 Rørpost omfatter prosjektering, levering, montering, "
     "uttesting, idriftsettelse og dokumentasjon av et komplett og funksjonsdyktig anlegg for rørpost", "bygg", []),
    ("2021-366286", "description", "Excellent Science-programmene kan være ERC (Starting Grant, Consolidator Grant, Advanced "
     "Grant, Synergy Grant) og MSCA (Doctoral Networks, Postdoctoral Fellowships, Staff Exchange, Cofund).", "konsulent",
     []),
    ("vilgeir-d8571eda7660e70a", "description", "Anskaffelse av 1 stk. elektronmikroskop til avdeling for patologi med "
     "opsjon på ytterligere 1 stk. instrument.", "medisinsk", []),
    ("vilgeir-247b3c943d8f21fb", "description", "Indre Fosen Kommune skal lease 17 stk biler + opsjon på ytterligere 10 stk.",
     "kjøretøy", []),
    ("vilgeir-e3fced0c26941675", "description", "Formålet med anskaffelsen er å inngå kontrakt om kjøp av komplett feiebil.",
     "kjøretøy", []),
]


if __name__ == "__main__":
    main(ROWS, "requirements_real_dev5.jsonl", "rdev5", __doc__)
