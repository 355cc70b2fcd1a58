"""Build evals/requirements_real_dev6.jsonl (sixth real development set of the analyzer, wave 12) from ../shared/data/doffin.

Rows are notice titles and description sentences of Doffin notices in no other analyzer eval file. The shared
builder (evals/real_builder.py) reads only the `notice` field of every other evals/requirements_real*.jsonl (never
their text), reads the notices with the project's importers and refuses used, duplicate or contact-bearing rows.
The rows and their span labels are written by hand below (labelled before the analyzer was run on them); offsets
are computed by the builder. Usage: PYTHONPATH=. python evals/build_real_dev6.py evals/requirements_real_dev6.jsonl
"""
from real_builder import TECH, A, V, main  # evals/ is the script's folder

# (notice, part, text, domain, [(span text, label, category)]). A span text is found once in the row's text.
ROWS = [
    # Goods and IT titles. As in the older real sets, a drive type heading a goods noun is a violation («elektrisk
    # gravemaskin»); a device or vehicle category (krokbil, IP-telefoner, flowcytometer) is what is bought and left
    # unlabelled; a size range of a machine is a need, not a hint. A transmission technique attached to a service need
    # («TV-signaler med tilhørende fiberforbindelse») is labelled like «konnektivitet ved mørk fiber».
    ("2022-328635", "title", "Elektriske Varebiler Bygg og Eiendom 2022- 2023", "kjøretøy", [("Elektriske", V, TECH)]),
    ("2022-398592", "title", "Leveranse av digitale TV-signaler med tilhørende fiberforbindelse", "IT",
     [("fiberforbindelse", V, TECH)]),
    # a network generation prescribed for a coverage build-out (as in the older real sets)
    ("2022-385389", "title", "Utbygging 4G Kattfjordeidet", "IT", [("4G", V, TECH)]),
    # both carriage types named: no construction is prescribed; a plant or machine category is what is bought
    ("2022-394290", "title", "Anskaffelse av hjulgående og beltegående grunnboringsrigg", "kjøretøy", []),
    ("2022-329865", "title", "Trebearbeidingsmaskin CNC styrt", "annet", []),
    ("2022-395328", "title", "Totalentreprise for solcelleanlegg", "bygg", []),
    ("2022-391092", "title", "Totalentreprise for varmepumpe", "bygg", []),
    ("2020-331760", "title", "Konsulenttjenester - Klimasats forprosjekt: Utslippsfritt hurtigbåtanbud", "konsulent", []),
    ("2022-323995", "title", "Kjøp av gravemaskin 26 - 30 tonnn", "kjøretøy", []),
    ("2022-349931", "title", "Anskaffelse av hjullaster 2022", "kjøretøy", []),
    ("2022-357150", "title", "Innkjøp av ny brannbil", "kjøretøy", []),
    ("2022-376257", "title", "Innkjøp av krokbil Tokke Brann og Redning", "kjøretøy", []),
    ("2022-388776", "title", "Kjøp av væsketette containere", "avfall", []),
    ("2022-381734", "title", "Enkeltanskaffelse av letter terrengkjøretøy - andregangsutlysning", "kjøretøy", []),
    ("2022-397363", "title", "RO-22-02 Kjøp av mannskapsbiler - Prekvalifisering", "kjøretøy", []),
    ("2022-327584", "title", "Rammeavtale telefoniutstyr", "IT", []),
    ("2022-388954", "title", "Rammeavtale for kjøp av mobiltelefoner, IP-telefoner, satellitt-telefoner og tilleggsutstyr",
     "IT", []),
    ("2022-370006", "title", "Rammeavtale - Servere- lagring og nettverkskomponenter", "IT", []),
    ("2022-337437", "title", "Anskaffelse av FDV system", "IT", []),
    ("2022-337396", "title", "Anskaffelse av guard-løsning", "IT", []),
    ("2022-398824", "title", "Rammeavtale TV-løsning, Orkland kommune", "IT", []),
    ("2022-386706", "title", "Anskaffelse av ny løsning for mobilvarsling", "IT", []),
    ("2022-303499", "title", "Levering av elektrisitet til Draugen Plattform", "energi", []),
    ("2022-312776", "title", "Undervisningspakke for fiber innen elektrofag.", "utdanning", []),
    ("2022-361682", "title", "Anskaffelse av filtermateriell til vannverk", "annet", []),
    ("2022-347214", "title", "Anskaffelse av Rammeavtale på lysbøyer", "annet", []),
    ("2022-393797", "title", "Rammeavtale - drivstoff fra pumpestasjon med kortkjøp", "energi", []),
    ("2022-314348", "title", "Rammeavtale VA rør og rørdeler til kommuner og IKS i Kongsvingerregionen 2022 - 2026", "bygg",
     []),
    ("2022-333040", "title", "Rammeavtale for kjøp av digital samhandlingssløsning (prosjekthotell)", "IT", []),
    ("2022-318538", "title", "ANSK-0277-21 Flowcytometer til kjernefasiliteten K2", "laboratorium", []),
    ("2022-350485", "title", "Utskifting av eksisterende ventilasjonsaggregater og tilknytting til eksisterende kanalsystem",
     "bygg", []),
    ("2022-323495", "title", "2022/1298 Brune- og hvitevarer samt småelektrisk utstyr", "annet", []),
    ("2022-358605", "title", "Rammeavtale for kjøp av utstyr til venøs blodprøvetaking for levering til helseforetakene i "
     "Helse Vest RHF", "medisinsk", []),
    ("vilgeir-6bd92a203b4d4a89", "title", "Rammeavtale på Av-utstyr", "IT", []),
    ("vilgeir-718eefe312dbed3c", "title", "20/5391 Anskaffelse av lagringsløsning", "IT", []),
    ("vilgeir-65f04242b25f1c1a", "title", "Anskaffelse av rammeavtale for kjøp av skytjenester", "IT", []),
    ("vilgeir-3afc40bec9c1f9c6", "title", "NRK MA3324/20E - System for radioanalyse (tale og musikk)", "IT", []),
    ("vilgeir-5044b7120e4d9b88", "title", "LIS 2127 Antineovaskulariserende midler", "medisinsk", []),
    ("vilgeir-f5c246f1abe3b238", "title", "Anbud på levering av elektrisk kraft (Strøm)", "energi", []),
    ("vilgeir-3a3ac2ed2e6bf1ff", "title", "Nye Stavanger Universitetssjukehus - K1018 Provisorisk bygningsheis og stillas",
     "bygg", []),
    ("vilgeir-a56a15b31d6cd6c0", "title", "Domkirken 2025 - E17 Glassarbeider", "bygg", []),
    # the buyer's national register is modernised; the test lead works on it
    ("2022-396623", "title", "22/00499 - Testleder/tester til Modernisering SYSVAK - FHI", "IT", [("SYSVAK", A, "brand")]),
    # programme, project, event and cable names (mixed case, codes) that are no product bought
    ("2023-102995", "title", "EXPO25 Nordic Restaurant & Shop (voluntary notice, flexible procedure)", "annet", []),
    ("2022-674620", "title", "Helseovervåking av vilt - ViltHOP 2023-2027", "forskning", []),
    ("2021-322786", "title", "StartOff-prosjekt med Regionalt innkjøp i Kongsvingerregionen (RIIK)", "konsulent", []),
    ("2020-365678", "title", "VerSa et eksperimentellt IKT-pilot program for krisehåndtering", "IT", []),
    ("2020-387532", "title", "Evaluering av prissikringsmuligheter i kraftmarkedet for NordLink, NorNed og North Sea Link",
     "konsulent", []),
    ("vilgeir-3ba4e372ceac2f89", "title", "P 07-20 Prekvalifisering: Starte og drive en frivillig organisasjon - "
     "Brønnøysundregistrene - StimuLab", "konsulent", []),
    ("2020-323594", "title", "Oslo kommune Fornebubanen (Norway) joins the TransQ Qualification System. Notification - "
     "Services.", "annet", []),
    # Description sentences
    # a research vessel type named with the survey it is for (as in dev5)
    ("vilgeir-d4e98ac6051f94f9", "description", "Havforskningsinstituttet (Oppdragsgiver) ønsker å leie et kombinert "
     "ringnot/trålfartøy til mengdeestimering av kolmule vest av Irland i perioden 2021-2024.", "forskning",
     [("kombinert ringnot/trålfartøy", A, TECH)]),
    ("2021-335915", "description", "Karleggingen skal omfatte utkontraktering som datalagring, skytjenester og ASP.", "IT",
     []),
    ("vilgeir-f69f48325b4cab1f", "description", "Grenland Vestfold Bestiller AS skal anskaffe løsning for behandling og "
     "anvendelse av avløpsslam fra renseanlegg på vegne av sine eiere.", "avfall", []),
    ("vilgeir-af3c09b400f308f4", "description", "Steinkjer kulturbygg AS inviterer til åpen anbudskonkurranse for "
     "anskaffelse av byggherreombud for oppfølging av totalentreprise E4 Kulturhuset.", "bygg", []),
    ("vilgeir-ed7752a57a6dec48", "description", "Nye Veier skal anskaffe digitalt driftssystem, og formålet med "
     "anskaffelsen er å finne en løsning for å understøtte og realisere digital drifts- og vedlikeholdsstyring gjennom "
     "hele veianleggets livsløp", "IT", []),
    ("vilgeir-59c7e56dfd4b85c8", "description", "Oppdragsgiver ønsker tilbud på Rør med/uten kork/propper, pipetter og "
     "pipettespisser til bruk ved laboratoriene i Helse Vest RHF.", "laboratorium", []),
    ("vilgeir-769fab87b66dac03", "description", "Det skal inngås rammeavtale for levering av elektroarbeid og materiell til "
     "Stavanger konserthus IKS.", "bygg", []),
    ("vilgeir-ed66a79ee7e58545", "description", "Anskaffelsens formål er i hovedsak å forsyne Forsvarets tannlegekontorer "
     "med dentalt forbruksmateriell.", "medisinsk", []),
    ("2020-331760", "description", "Formålet med anskaffelsen er å fremskaffe et grunnlag for å stille krav til utslippsfri "
     "hurtigbåt i Møre og Romsdal ved neste anbudsperiode.", "konsulent", []),
    ("vilgeir-162ce7ef22a80520", "description", "Fullstendig beskrivelse av leveransen følger av kravspesifikasjon: Bilag 1",
     "IT", []),
    ("2021-348137", "description", "NordForsk administrasjonen vil ha ansvar for å koordinere evaluerings prosessen.",
     "konsulent", []),
    ("2021-385525", "description", "Den norske delen av datasettet fra PRIOs avsluttede forskningsprosjekt GOCVIT er nå "
     "tilgjengelig via NSD.", "forskning", []),
    ("vilgeir-19dc9cc43bfa1880", "description", "Anskaffelsen gjelder flyttetjenester for forsvarets ansatte sitt innbo fra "
     "bolig til bolig, til Norge fra USA Vest, og fra USA Vest til Norge.", "transport", []),
    ("2021-382429", "description", "I denne forbindelse er det behov for konsultasjon og rådgivning for å utvikle "
     "Oppdragsgivers risikobaserte ledelsessystem, samt utvikling av prosesser og innhold for å etterleve nasjonale krav og "
     "internasjonale retningslinjer fra IAEA o.l.", "konsulent", []),
    ("2020-373724", "description", "Havforskningsinstituttet skal ha analysert 10 marine oljerfor 3-MCPD og glysidylestere.",
     "laboratorium", []),
    ("2022-945801", "description", "Oppdragsgiver skal ha opsjon på forlengelse av rammeavtalen ytterligere 1 + 1 år.",
     "annet", []),
    ("2021-359320", "description", "Arbeidsutvalget skal representere den faglige bredden i nettverket, og skal også ha en "
     "representant fra Statped.", "utdanning", []),
    ("vilgeir-74ce4f92883783d7", "description", "Kjøring av farlig avfall i stykkgods fra Heggvin avfallsanlegg og frem til "
     "sluttmottak", "avfall", []),
    ("vilgeir-94b9da427ec6472f", "description", "Forsikringen skal dekke lovpålagt trafikkforsikring i henhold til "
     "bilansvarslova og skal i tillegg omfatte følgende:", "annet", []),
    ("vilgeir-881cc6294e7598d3", "description", "Formålet med anskaffelsen er å etablere rammeavtale med én leverandør for "
     "kjøp og vedlikehold av nettverks- og sikkerhetsutstyr, kjøp og vedlikehold av programvare (lisenser), samt support og "
     "service.", "IT", []),
    ("vilgeir-65f04242b25f1c1a", "description", "Rammeavtalen gjelder dessuten fortløpende rådgivning knyttet til optimal "
     "sammensetning og integrasjon av slike tjenester, herunder rådgivning knyttet til lisensbetingelser, priser, risiko, "
     "endringer osv.", "IT", []),
    ("vilgeir-435bdead9ee26a29", "description", "Kriminalomsorgen, heretter kalt oppdragsgiver, skal inngå avtale for "
     "anskaffelse av trafikkavtale telefoni, fast og mobil med én primærleverandør og én sekundærleverandør", "IT", []),
    ("vilgeir-b16928a8dd7da5c4", "description", "Mattilsynet har 179 leasingbiler pr september 2020, og det er sannsynlig at "
     "de fleste vil bli skiftet ut i løpet av kontraktsperioden.", "kjøretøy", []),
    ("vilgeir-41e561da68ad8f83", "description", "Ringerike kommune har til hensikt med denne rammeavtalen å anskaffe én "
     "leverandør som kan dekke kommunens behov for transport med minibuss, buss og turbuss.", "transport", []),
    ("vilgeir-863bae98e61cfdbb", "description", "Oppdragsgiver for konkurransen er SÅTE-IKT på vegne av Stor-Elvdal, Åmot, "
     "Trysil og Engerdal kommune.", "IT", []),
    ("vilgeir-83c20dd1bb9f0d64", "description", "Prekvalifisering av tilbydere av tung gravemaskin til Forsvaret",
     "kjøretøy", []),
    ("vilgeir-afe26594ddde54f4", "description", "Rammeavtalen omfatter kontroll og vedlikehold av brannalarmsentraler, "
     "ledesystemer og røykluker i oppdragsgivers eiendommer.", "bygg", []),
    ("vilgeir-41e561da68ad8f83", "description", "Avtalen skal ikke omfatte fast kjøring.", "transport", []),
    ("vilgeir-863bae98e61cfdbb", "description", "SÅTE-IKT har fokus på utvikling, digitalisering og automatisering", "IT",
     []),
]


if __name__ == "__main__":
    main(ROWS, "requirements_real_dev6.jsonl", "rdev6", __doc__)
