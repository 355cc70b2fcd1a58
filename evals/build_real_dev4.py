"""Build evals/requirements_real_dev4.jsonl (fourth real development set of the analyzer, wave 10) from ../shared/data/doffin.

Rows are notice titles and description sentences of Doffin notices in no other analyzer eval file. The shared
builder (evals/real_builder.py) reads only the `notice` field of every other evals/requirements_real*.jsonl (never
their text), reads the notices with the project's importers and refuses used, duplicate or contact-bearing rows.
The rows and their span labels are written by hand below (labelled before the analyzer was run on them); offsets
are computed by the builder. Usage: PYTHONPATH=. python evals/build_real_dev4.py evals/requirements_real_dev4.jsonl
"""
from real_builder import TECH, A, V, main  # evals/ is the script's folder

# (notice, part, text, domain, [(span text, label, category)]). A span text is found once in the row's text.
ROWS = [
    # Goods and IT titles: a drive type, process or design heading a goods noun is labelled as in the older real sets
    # («elektrisk gravemaskin»); a technique that names a laboratory or clinical instrument category (digital PCR,
    # cone beam CT, laser lithotripsy) is what is bought and left unlabelled.
    ("2022-339483", "title", "Elektrisk feiebil", "kjøretøy", [("Elektrisk", V, TECH)]),
    ("2022-379160", "title", "Elektriske biler - 3 stk liten varebil", "kjøretøy", [("Elektriske", V, TECH)]),
    ("2022-381834", "title", "Anskaffelse av ny elektrisk isbane prepareringsmaskin for utebane", "kjøretøy",
     [("elektrisk", V, TECH)]),
    # the electric car is what the pupils are taught on: the purpose is given
    ("2022-367611", "title", "El.bil som undervisningsmodell", "kjøretøy", [("El.bil", A, TECH)]),
    ("2022-343212", "title", "SLS 3D printer", "IT", [("SLS", V, TECH)]),
    ("2022-348122", "title", "CNC-styrt Plasmaskjæremaskin med vannbord", "annet", []),
    ("2022-345309", "title", "76146 UL KLM AMG digital PCR", "laboratorium", []),
    ("2022-358735", "title", "Laser URO Steinknusing - HMR Kristiansund Sjukehus og St.Olavs Hospital", "medisinsk", []),
    ("2022-361527", "title", "Kjøp av 6 rammestyrte dumpere, i vektklasse rundt 20 tonn.", "kjøretøy",
     [("rammestyrte", V, TECH)]),
    ("2022-394467", "title", "Elvia AS - Rammeavtale Kvisting- og toppkapping med helikopterbårent utstyr (1)", "energi",
     [("helikopterbårent", V, TECH)]),
    # maintenance of the buyer's own telephony platform
    ("2022-394826", "title", "Anskaffelse av vedlikeholdsavtale på Avaya Aura, inkludert kompletteringskjøp av "
     "IP-telefoniutstyr, for levering til Helse Vest IKT AS", "IT", [("Avaya Aura", A, "brand")]),
    # the fuel grade the aircraft are certified for
    ("2022-351520", "title", "2021001165 - F-44 Aviation fuel", "energi", [("F-44", A, "standard")]),
    ("2022-303817", "title", "Gassturbin Enga renseanlegg", "energi", []),
    ("2022-392697", "title", "GNSS utstyr", "annet", []),
    ("2022-366876", "title", "Pansret kjøretøy - Prekvalifisering", "kjøretøy", []),
    ("2022-344075", "title", "KK - Enkeltanskaffelse - Lastebil C1 med kran og tipp, 2. utl.", "kjøretøy", []),
    ("2022-314550", "title", "Kristiansand kulturskole - Molton, Intercom og Stativ med hjul for lagring av lys", "annet", []),
    ("2022-306750", "title", "Magnetooptisk Kerreffekt-mikroskop (MOKE)", "forskning", []),
    ("2022-380473", "title", "Elektrisk kraft SIMAS", "energi", []),
    ("2022-346570", "title", "Rammeavtale for kjøp av diesel frå pumpe og bulk - Volda og Ørsta Reinhaldsverk IKS",
     "energi", []),
    ("2022-330776", "title", "RFI: Leie av areal for utøvelse av forretningsvirksomhet innenfor lading av elektriske "
     "kjøretøy", "kjøretøy", []),
    ("2022-304463", "title", "Oppgradering av elektrisk anlegg på Eidfjord samfunnshus", "bygg", []),
    ("2022-367852", "title", "Rammeavtale Kjøp av Lagring: Blokk basert lagring og tilhørende tjenester", "IT", []),
    ("2022-302291", "title", "Vigrestad storskule - Ventilasjonsaggregat 360.001", "bygg", []),
    ("2022-397281", "title", "76314 E2022 RH HLK Kardiologisk avd Angio 8", "medisinsk", []),
    ("2022-396617", "title", "2022-02 Anskaffelse av selvbetjentløsning for Fjellinjen AS", "IT", []),
    ("2022-301030", "title", "TENSIO AS - STYRINGSSYSTEM FOR KVALITET, HMS OG INTERNKONTROLL - KVALIFISERING", "IT", []),
    ("2023-604437", "title", "Toppsystem VMS - T-banen", "IT", []),
    # the national way of working the municipality follows
    ("2022-383263", "title", "Prekvalifisering - Stafettlogg etter BTI-modellen og Individuell plan (IP) til Bærum "
     "kommune", "IT", [("BTI-modellen", A, "standard")]),
    ("2023-618829", "title", "C1 – HPC Facility for Scientific Research", "IT", []),
    ("2021-377698", "title", "Datasjø med opsjon på generelle integrasjons og utviklingstjenester", "IT", []),
    ("2021-338286", "title", "Prosjekt nytt regjeringskvartal Konkurranse om innovasjonspartnerskap: Staut - "
     "kjøretøysperre til å stole på", "annet", []),
    ("2022-366897", "title", '22/00595 - Anskaffelse av verkstedtjenester for dokking og gjennomføring av reparasjons-, '
     'vedlikeholds- og utbedringsarbeider på ""Kronprins Haakon""', "annet", []),
    ("2022-380137", "title", "Ansk_DNT_LYS_22.1 - RØRLEGE LYSKASTARAR, HØGT SIDELYS HOVUDSCENEN", "annet", []),
    # a development project on wooden walls: the material is the subject of the research
    ("2020-379757", "title", "Sirkulære modulvegger i tre med integrert akustisk demping", "forskning",
     [("modulvegger i tre", A, "material")]),
    ("2022-326103", "title", "CBCT-OPG m/Cephalostat Ålesund-HMR", "medisinsk", []),
    ("2022-332421", "title", "Avinor AS - K-189502 - Rammeavtale for kjøp, design og montasje av skjermoppheng og "
     "relaterte produkter", "annet", []),
    ("2022-384441", "title", "Rekruttering daglig leder Grønt Hjerte AS", "konsulent", []),
    ("2022-365543", "title", "Leveranse av Shelter løsninger", "annet", []),
    ("2022-353942", "title", "Smarte avfallscontainere", "avfall", []),
    ("2022-327063", "title", "Kjøp av tre renovasjonsbiler", "kjøretøy", []),
    ("2022-399705", "title", "KK - Rammeavtale - 67630 Etablering av ladeplattform og betalingsløsning for elbillading.",
     "IT", []),
    ("2022-379061", "title", "Anskaffelse av rammeavtale på elektromateriell", "annet", []),
    ("2022-309705", "title", "Rammeavtale for kjøp av bunntømte bakkestående avfallsbeholdere", "avfall",
     [("bunntømte bakkestående", V, TECH)]),
    # Description sentences
    ("2020-303478", "description", "Felles for samtlige leveranser er krav om bruk av stordata med maskinlæringsmetoder "
     "for å gjennomføre analyser.", "konsulent", [("stordata med maskinlæringsmetoder", V, TECH)]),
    ("2020-303478", "description", "Jernbanedirektoratet verdsetter bruk av nye, innovative metoder for å løse oppdraget.",
     "konsulent", []),
    # the buyer's existing open-source code library is maintained
    ("2021-386067", "title", "Dynamisk innkjøpsordning - Utvikling, tilpasning og vedlikehold av veivisere og "
     "kodebibliotek i åpen kildekode", "IT", [("åpen kildekode", A, TECH)]),
    ("vilgeir-4e0f465226021ff6", "description", "Geomatikk omfatter GIS, geodata, geodesi og NVDB og er et viktig "
     "fagområde hos oppdragsgiver.", "IT", [("NVDB", A, "brand")]),
    ("vilgeir-4e0f465226021ff6", "description", "Dette kan være datainnsamling med sensorer og maskinlæring.", "IT", []),
    # the buyer's own site
    ("vilgeir-4623bf5a5c8d2a2b", "description", "Kompetansepakken skal være nettbasert og ligge på kompetanse.udir.no.",
     "IT", [("kompetanse.udir.no", A, "brand")]),
    ("2020-334250", "description", "På Sognsvann har vi både 1000 år gamle kilder og en innovasjonslab hvor vi jobber med "
     "kunstig intelligens.", "IT", []),
    ("2020-334250", "description", "Nå skal vi bygge verdens første nasjonalarkiv samlet på én digital plattform.", "IT", []),
    ("vilgeir-b6507d40c4862d1a", "description", "Norges Bank, avdeling for kapitalforvaltning («NBIM») søker å anskaffe "
     "en analytisk datavarehusplattform.", "IT", []),
    ("vilgeir-dc886d6249ac9726", "description", "Avtalen med nåværende leverandør av print-, skann- og kopimaskiner skal "
     "fases ut og formålet med ny anskaffelse er å anskaffe print, skann og kopi som en tjeneste (Paas) for alle "
     "virksomheter og bygg hvor Bærum kommune er ansvarlig for dette.", "IT", []),
    ("vilgeir-32bf9035f6dd09e9", "description", "Dette utgjør rundt 500 kjøretøy pr i dag, herunder person- og varebiler, "
     "minibusser og tyngre kjøretøy som lastebiler og anleggsmaskiner.", "IT", []),
    ("vilgeir-1f0baa5a73095c1f", "description", "Avtalen vil også gjelde for Havforskningsinstituttet i Bergen, og skal "
     "omfatte tjenester basert på biler med fast biloppstillingsplass i kommunen.", "kjøretøy", []),
    ("vilgeir-1f0baa5a73095c1f", "description", 'Såkalte "free floating"-bildelingstjenester er ikke omfattet av avtalen.',
     "kjøretøy", []),
    ("vilgeir-90510870a7f3d7ea", "description", "Salten Brann IKS, Bodø Spektrum AS og Bodø Spektrum KF, "
     "Sentrumsterminalen Bodø AS,  Frem Bodø AS,  Bodø Produksjonssenter AS,  Bodø kommunale boligstiftelse, Iris Salten "
     "IKS med heleide datterselskaper (Iris Service AS, Retura Iris AS, Iris Produksjon AS, Mivanor AS)", "annet", []),
    ("2023-100868", "description", "Prosjektleder [navn fjernet], Prosjektgruppen AS, på vegne av Drangsvann AS og "
     "Kristiansand kommune har valgt å legge ut en veiledende kunngjøring, se vedlagte dokument for nærmere informasjon.",
     "bygg og anlegg", []),
    ("2020-392581", "description", "Som en del av grunnlagsarbeidet til Nasjonal transportplan (NTP) 2022–2033 har "
     "transportvirksomhetene (Avinor AS, Jernbanedirektoratet, Kystverket, Nye Veier AS og Statens vegvesen) foreslått "
     "prioriteringer av ressursbruk i perioden 2022-2033.", "konsulent", []),
    ("2021-322308", "description", "Helse- og omsorgsdepartementet har ansvar for fire regionale helseforetak, Norsk "
     "Helsenett SF og AS Vinmonopolet.", "konsulent", []),
    ("2020-390704", "description", "Av disse er 20 aksjeselskap (AS), 7 interkommunale selskap (IKS), 3 KF (kommunale "
     "foretak).", "konsulent", []),
    ("2021-372953", "description", "Programmet er operasjonalisert i tre arbeidspakker: 1) Nordic Datasets (WP1) 2) "
     "Cababilities (WP2) 3) Nordic Smart Government (WP3 - ikke en del av denne invitasjonen til anbud).", "forskning", []),
    # the buyer's own plan follows the method; the partner contributes analyses to it
    ("2020-381340", "description", "Vestland fylkeskommune søker partnar til utarbeiding av scenarioanalyser for "
     "næringslivet i fylket som eit ledd i arbeidet med å utarbeide ein regional næringsplan basert på smart "
     "spesialisering-metodikken.", "konsulent", [("smart spesialisering-metodikken", A, TECH)]),
    ("2021-385164", "description", "Tilbudet er et av mange tilrettelagte tiltak og er primært basert på tiltaket "
     "Arbeidsforberedende trening (AFT).", "annet", []),
    ("2024-100506", "description", "Oppdraget omfatter hovedsakelig prøvebearbeiding, laboratorieanalyser og rapportering "
     "av både nivåer og type mikroplast i miljøprøver.", "laboratorium", []),
    ("2024-100506", "description", "Gjennomføring av denne typen tjeneste er allerede strengt regulert gjennom strenge "
     "miljøkrav for drift av laboratorium.", "laboratorium", []),
    ("2020-349466", "description", "Institutt for Energiteknikk (IFE) gjennomfører en anbudskonkurranse med sikte på å "
     "inngå rammeavtale med en leverandør for å dekke behov for bistand for å gjøre en utredning av et eventuelt behov for "
     "forsterkning av IFEs operative IKT-sikkerhetsfunksjon (heretter kalt SOC-funksjon).", "IT", []),
    ("vilgeir-38c5297ca22f784e", "description", "Konsentra ønsker tilbud på et helautomatisk planleggingssystem og et "
     "komplett system for håndtering av on-demand og forhåndsbestilte transportbestillinger.", "IT", []),
    ("vilgeir-6a19dac873452c6d", "description", "NTNU ønsker å kjøpe neste generasjons sekvensering av et stort antall "
     "transkriptome og metatranscriptome prøver fra fisk og kyllinger.", "laboratorium", []),
    ("2026-112539", "description", "Sandefjord kommune og Tønsberg Renseanlegg IKS inviterer til markedsdialog for "
     "byggentreprisene i forbindelse med oppgradering av renseanlegg.Kommunene har fått krav fra Statsforvalter i Vestfold "
     "og Telemark om å oppgradere renseanleggene til å fjerne nitrogen.", "bygg og anlegg", []),
    ("vilgeir-c0d2d2bbc058e403", "description", "Formålet med anskaffelsen er å dekke behovet for ulike typer standard "
     "hyllevare bekledning, herunder arbeidstøy innen kjøkken, kontor, arbeidstøy og verneutstyr.", "verneutstyr", []),
    ("vilgeir-f8c6df9c59b38c2a", "description", "1) utvikle nye innholdselementer til eksisterende kompetansepakke, "
     "tematisert rundt «hybrid undervisning» for å støtte sektor med kvalitet i opplæringen når elever og lærere ikke kan "
     "være på samme plass.", "utdanning", []),
    ("vilgeir-32cdda590f985e52", "description", "Entreprisen omfatter en del konstruksjoner, blant annet skal det bygges "
     "åtte underganger/kulverter dimensjonert for landbruksmaskiner, åtte bruer mellom 15 og 90 meter, samt en 100 meter "
     "lang 4-felts miljøtunnel.", "bygg og anlegg", []),
    ("vilgeir-df232cceadd6712c", "description", "Tinghuset er i tre etasjer og sokkel og har et bruksareal på ca.", "bygg",
     []),
    ("2020-334058", "description", "Viken fylkeskommune v/avdeling for forskning og innovasjon ønsker tilbud på "
     "konsulenttjenester for økt bruk av tre.", "konsulent", []),
    ("vilgeir-1dc4df6cf5f2d2df", "description", "Historisk sett har oppdragsgiver handlet tilsvarende tjenester for NOK "
     "3.700.000- eks mva per år de siste fire årene.", "annet", []),
    ("2021-380366", "description", "Det ønskes tilbud fra leverandører med et tilbud som dekker hele fylket, med kunnskap "
     "fra tilsvarende virksomhet og med kunnskap om aktørbildet.", "konsulent", []),
    ("2020-360715", "description", "Oppdragsgiver vil også ha mulighet for bistand til søknader til Enova og tilsvarende "
     "institusjoner", "bygg", []),
]


if __name__ == "__main__":
    main(ROWS, "requirements_real_dev4.jsonl", "rdev4", __doc__)
