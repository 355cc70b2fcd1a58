"""Every user-facing string of the app, in Norwegian bokmål (nb) and English (en).

Content that comes from the library (answers, assessment reasons, analyzer explanations, corpus passages) is
Norwegian; the English interface says so where it shows such content.
"""

from __future__ import annotations

LANGUAGES = {"nb": "Norsk", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    # --- app and sidebar ---
    "app_title": {"nb": "Innovasjonsrådgiveren", "en": "Innovation procurement advisor"},
    "nav_label": {"nb": "Sider", "en": "Pages"},
    "page_chat": {"nb": "Spør kildene", "en": "Ask the sources"},
    "page_behov": {"nb": "Fra løsning til behov", "en": "From solution to need"},
    "page_vurdering": {"nb": "Anskaffelsesvurdering", "en": "Procurement assessment"},
    "page_statistikk": {"nb": "Statistikk", "en": "Statistics"},
    "page_kilder": {"nb": "Kilder", "en": "Sources"},
    "page_kurs": {"nb": "Kurs", "en": "Course"},
    "mode_extractive": {
        "nb": "Svarmodus: uten språkmodell (ekstraktiv). Svarene er setninger hentet direkte fra kildene.",
        "en": "Answer mode: no language model (extractive). Answers are sentences taken directly from the sources.",
    },
    "mode_llm": {"nb": "Svarmodus: språkmodell via {provider} ({model}).", "en": "Answer mode: language model via {provider} ({model})."},
    "mode_unknown": {
        "nb": "Ukjent svarmodus «{provider}» i ADVISOR_LLM_PROVIDER. Kjente: {known}.",
        "en": "Unknown answer mode «{provider}» in ADVISOR_LLM_PROVIDER. Known: {known}.",
    },
    "default_model": {"nb": "standardmodell", "en": "default model"},
    "admin_session": {"nb": "Innlogget som administrator.", "en": "Logged in as administrator."},
    "about_title": {"nb": "Om tjenesten", "en": "About"},
    "about_text": {
        "nb": "Rådgiver for innovative offentlige anskaffelser. Svarene bygger på Meld. St. 30 (2019–2020), "
              "veiledningsnotater med kildehenvisninger og Doffin-tall, og viser alltid kildene. Alt kjører lokalt; "
              "ingenting sendes ut uten at en språkmodell er satt opp. Beslutningsstøtte, ikke juridisk rådgivning.",
        "en": "Adviser for innovative public procurement in Norway. Answers rest on the white paper Meld. St. 30 "
              "(2019–2020), cited guidance notes and Doffin figures, and always show their sources. Everything runs "
              "locally; nothing leaves the machine unless a language model is configured. Decision support, not legal advice.",
    },
    "settings_invalid": {"nb": "Innstillingene er ugyldige: {error}", "en": "The settings are invalid: {error}"},
    "error_prefix": {"nb": "Det gikk ikke: {error}", "en": "That did not work: {error}"},
    "index_building": {
        "nb": "Bygger søkeindeksen for første gang (det kan ta et minutt) …",
        "en": "Building the search index for the first time (this can take a minute) …",
    },
    "content_in_norwegian": {
        "nb": "Innholdet er på norsk.",
        "en": "The advice and the sources are in Norwegian, the language of the rules.",
    },
    "yes": {"nb": "ja", "en": "yes"},
    "no": {"nb": "nei", "en": "no"},
    "unknown": {"nb": "ukjent", "en": "unknown"},
    "undated": {"nb": "udatert", "en": "undated"},
    "page_n": {"nb": "s. {page}", "en": "p. {page}"},
    "as_of": {"nb": "per {date}", "en": "as of {date}"},
    "sources": {"nb": "Kilder", "en": "Sources"},
    "show_whole_passage": {"nb": "Vis hele utdraget", "en": "Show the whole passage"},
    "download_markdown": {"nb": "Last ned (Markdown)", "en": "Download (Markdown)"},
    "download_pdf": {"nb": "Last ned (PDF)", "en": "Download (PDF)"},
    "back": {"nb": "Tilbake", "en": "Back"},
    "next": {"nb": "Neste", "en": "Next"},
    # --- authority and kind labels ---
    "authority_law": {"nb": "lov", "en": "act"},
    "authority_regulation": {"nb": "forskrift", "en": "regulation"},
    "authority_official_guidance": {"nb": "veiledning (bygger på offisielle kilder)", "en": "guidance (based on official sources)"},
    "authority_white_paper": {"nb": "stortingsmelding", "en": "white paper"},
    "authority_other": {"nb": "annet", "en": "other"},
    "authority_uploaded": {"nb": "opplastet dokument", "en": "uploaded document"},
    "kind_white_paper": {"nb": "stortingsmelding", "en": "white paper"},
    "kind_guidance": {"nb": "veiledningsnotat", "en": "guidance note"},
    "kind_statistics": {"nb": "statistikk", "en": "statistics"},
    "kind_case": {"nb": "eksempel/case", "en": "case"},
    "kind_conference": {"nb": "konferanse", "en": "conference"},
    "kind_opinion": {"nb": "meningsytring", "en": "opinion"},
    "kind_user_document": {"nb": "opplastet dokument", "en": "uploaded document"},
    "kind_other": {"nb": "annet", "en": "other"},
    # --- admin ---
    "admin_disabled": {
        "nb": "Opplasting og ny indeksering er slått av. En administrator kan slå dem på ved å sette miljøvariabelen "
              "ADVISOR_APP_ADMIN_PASSWORD (eller admin_password i advisor.toml) og starte appen på nytt.",
        "en": "Upload and re-indexing are switched off. An administrator can switch them on by setting the environment "
              "variable ADVISOR_APP_ADMIN_PASSWORD (or admin_password in advisor.toml) and restarting the app.",
    },
    "admin_password": {"nb": "Administratorpassord", "en": "Administrator password"},
    "admin_login": {"nb": "Logg inn", "en": "Log in"},
    "admin_logout": {"nb": "Logg ut", "en": "Log out"},
    "admin_logged_in": {"nb": "Du er logget inn som administrator.", "en": "You are logged in as administrator."},
    "admin_wrong": {"nb": "Feil passord.", "en": "Wrong password."},
    "login_locked": {
        "nb": "For mange feil passord. Prøv igjen om {seconds} s.",
        "en": "Too many wrong passwords. Try again in {seconds} s.",
    },
    "trainer_disabled": {
        "nb": "Kursledermodus er slått av. En administrator kan slå den på ved å sette miljøvariabelen "
              "ADVISOR_APP_TRAINER_PASSWORD (eller trainer_password under [app] i advisor.toml; minst 12 tegn) og "
              "starte appen på nytt.",
        "en": "Trainer mode is switched off. An administrator can switch it on by setting the environment variable "
              "ADVISOR_APP_TRAINER_PASSWORD (or trainer_password under [app] in advisor.toml; at least 12 characters) "
              "and restarting the app.",
    },
    "trainer_password": {"nb": "Kursleders passord", "en": "Trainer password"},
    "trainer_logged_in": {"nb": "Du er logget inn som kursleder.", "en": "You are logged in as trainer."},
    # --- chat ---
    "chat_title": {"nb": "Spør kildene", "en": "Ask the sources"},
    "chat_intro": {
        "nb": "Still spørsmål om innovative offentlige anskaffelser. Hvert svar viser kildene det bygger på. "
              "Finner kildene ikke svaret, sier rådgiveren det.",
        "en": "Ask about innovative public procurement. Every answer shows the sources it rests on. "
              "If the sources do not answer the question, the adviser says so.",
    },
    "chat_extractive_note": {
        "nb": "Ingen språkmodell er koblet til: svarene settes sammen av setninger fra kildene.",
        "en": "No language model is connected: answers are put together from sentences in the sources.",
    },
    "chat_placeholder": {"nb": "Skriv et spørsmål …", "en": "Type a question …"},
    "chat_examples": {"nb": "Prøv for eksempel:", "en": "For example:"},
    "chat_example_1": {
        "nb": "Når kan vi bruke innovasjonspartnerskap?",
        "en": "When can we use an innovation partnership?",
    },
    "chat_example_2": {
        "nb": "Hvordan kan vi beskrive behovet i stedet for løsningen?",
        "en": "How can we describe the need instead of the solution?",
    },
    "chat_example_3": {
        "nb": "Hva er terskelverdiene for offentlige anskaffelser?",
        "en": "What are the thresholds for public procurement?",
    },
    "chat_thinking": {"nb": "Leter i kildene …", "en": "Searching the sources …"},
    "chat_not_grounded": {
        "nb": "Kildene sier ikke noe sikkert om dette. Under er de nærmeste kildene; les dem selv før du bruker dem.",
        "en": "The sources do not say this with confidence. The nearest sources are below; read them yourself before relying on them.",
    },
    "chat_nearest": {"nb": "Nærmeste kilder ({n})", "en": "Nearest sources ({n})"},
    "chat_sources": {"nb": "Kilder ({n})", "en": "Sources ({n})"},
    "chat_no_sources": {"nb": "Ingen kilder funnet.", "en": "No sources found."},
    "chat_answered_by": {"nb": "Besvart av {provider}", "en": "Answered by {provider}"},
    "chat_provider_extractive": {"nb": "uten språkmodell (ekstraktivt)", "en": "no language model (extractive)"},
    "chat_prompt_version": {"nb": "versjon {version}", "en": "version {version}"},
    "chat_by_extractive": {"nb": "Uten språkmodell (ekstraktivt)", "en": "No language model (extractive)"},
    "chat_failed": {"nb": "Svaret kunne ikke lages: {error}", "en": "The answer could not be made: {error}"},
    "chat_feedback_thanks": {"nb": "Takk! Tilbakemeldingen er lagret.", "en": "Thank you! Your feedback is saved."},
    "chat_feedback_comment": {"nb": "Kommentar (valgfritt)", "en": "Comment (optional)"},
    "chat_feedback_comment_placeholder": {
        "nb": "Hva var bra, feil eller manglet?",
        "en": "What was good, wrong or missing?",
    },
    "chat_feedback_save": {"nb": "Lagre kommentar", "en": "Save comment"},
    "chat_feedback_saved": {"nb": "Kommentaren er lagret.", "en": "Comment saved."},
    "chat_export": {"nb": "Last ned samtalen (Markdown)", "en": "Download the conversation (Markdown)"},
    "chat_new": {"nb": "Ny samtale", "en": "New conversation"},
    "chat_feedback_admin": {"nb": "Tilbakemeldinger (for evaluering)", "en": "Feedback (for evaluators)"},
    "chat_feedback_counts": {
        "nb": "{up} tommel opp og {down} tommel ned er lagret i {path}.",
        "en": "{up} thumbs up and {down} thumbs down are stored in {path}.",
    },
    "chat_feedback_login": {
        "nb": "Eksport av tilbakemeldinger krever innlogging som administrator (siden Kilder).",
        "en": "Exporting feedback requires logging in as administrator (the Sources page).",
    },
    "chat_feedback_csv": {"nb": "Eksporter som CSV", "en": "Export as CSV"},
    "chat_feedback_jsonl": {"nb": "Eksporter som JSONL", "en": "Export as JSONL"},
    "chat_md_title": {"nb": "Samtale med innovasjonsrådgiveren", "en": "Conversation with the innovation procurement advisor"},
    "chat_md_meta": {"nb": "Eksportert {date} · {mode}", "en": "Exported {date} · {mode}"},
    "chat_md_question": {"nb": "Spørsmål {n}", "en": "Question {n}"},
    "chat_md_answer": {"nb": "Svar", "en": "Answer"},
    "chat_md_not_grounded": {
        "nb": "Kildene sa ikke noe sikkert om dette; kildene under er de nærmeste.",
        "en": "The sources did not say this with confidence; the sources below are the nearest.",
    },
    "chat_md_disclaimer": {
        "nb": "Beslutningsstøtte, ikke juridisk rådgivning. Kontroller kildene før bruk.",
        "en": "Decision support, not legal advice. Check the sources before use.",
    },
    "chat_open_tool": {"nb": "Åpne «{page}» med denne teksten", "en": "Open «{page}» with this text"},
    # --- requirements (from solution to need) ---
    "req_title": {"nb": "Fra løsning til behov", "en": "From solution to need"},
    "req_intro": {
        "nb": "Lim inn ett eller flere krav (ett per linje eller avsnitt), eller last opp en fil. Rådgiveren markerer "
              "løsningsspesifikke formuleringer (merkenavn, modeller, «som i dag» …), forklarer hvorfor og foreslår en "
              "behovsbeskrivelse med funksjonskrav.",
        "en": "Paste one or more requirements (one per line or paragraph), or upload a file. The adviser marks "
              "solution-specific wording (brands, models, «as today» …), explains why, and suggests a need statement "
              "with functional requirements.",
    },
    "req_input": {"nb": "Kravtekst", "en": "Requirement text"},
    "req_placeholder": {
        "nb": "Eksempel: Takheisene skal være Guldmann GH3 eller likeverdig, med 255 kg løftekapasitet.",
        "en": "Example (in Norwegian): Takheisene skal være Guldmann GH3 eller likeverdig, med 255 kg løftekapasitet.",
    },
    "req_upload": {"nb": "… eller last opp en fil (TXT, MD eller PDF)", "en": "… or upload a file (TXT, MD or PDF)"},
    "req_file_read": {"nb": "Leste {chars} tegn fra {file}.", "en": "Read {chars} characters from {file}."},
    "req_analyze": {"nb": "Analyser og skriv om", "en": "Analyse and rewrite"},
    "req_example": {"nb": "Bruk et eksempel", "en": "Use an example"},
    "req_empty": {"nb": "Skriv eller last opp minst ett krav først.", "en": "Type or upload at least one requirement first."},
    "req_findings": {"nb": "Funn ({n})", "en": "Findings ({n})"},
    "req_no_findings": {
        "nb": "Fant ingen løsningsspesifikke formuleringer. Les likevel kravet med behovet i tankene.",
        "en": "No solution-specific wording found. Still read the requirement with the need in mind.",
    },
    "req_marked": {"nb": "Markert tekst", "en": "Marked text"},
    "req_marked_help": {
        "nb": "Hold musepekeren over en markering for å se forklaringen. Nummeret viser til listen under.",
        "en": "Hover over a mark to see the explanation. The number refers to the list below.",
    },
    "req_rule": {"nb": "Regel", "en": "Rule"},
    "req_severity": {"nb": "Alvorlighet", "en": "Severity"},
    "req_original": {"nb": "Opprinnelig krav", "en": "Original requirement"},
    "req_rewrite": {"nb": "Forslag: beskriv behovet", "en": "Suggestion: describe the need"},
    "req_need_statement": {"nb": "Behovsbeskrivelse", "en": "Need statement"},
    "req_functional": {"nb": "Funksjons- og ytelseskrav", "en": "Functional and performance requirements"},
    "req_market_questions": {"nb": "Spørsmål til markedet", "en": "Questions for the market"},
    "req_buyer_questions": {"nb": "Spørsmål dere må avklare selv", "en": "Questions for you as the buyer"},
    "req_references": {"nb": "Henvisninger som kan beholdes hvis de er begrunnet",
                       "en": "References you may keep if they are justified"},
    "req_legal_basis": {"nb": "Hvorfor kravene er skrevet slik", "en": "Why the requirements are written this way"},
    "req_copy": {"nb": "Kopier forslaget", "en": "Copy the suggestion"},
    "req_copy_help": {
        "nb": "Bruk kopiknappen øverst til høyre i boksen.",
        "en": "Use the copy button at the top right of the box.",
    },
    "req_download": {"nb": "Last ned analyse og forslag (Markdown)", "en": "Download analysis and suggestion (Markdown)"},
    "req_md_title": {"nb": "Fra løsning til behov", "en": "From solution to need"},
    "req_md_findings": {"nb": "Funn", "en": "Findings"},
    "req_rewrite_offline": {
        "nb": "Forslaget er laget uten språkmodell, fra gjennomarbeidede eksempler og maler.",
        "en": "The suggestion was made without a language model, from worked examples and templates.",
    },
    "req_rewrite_llm": {"nb": "Forslaget er laget med språkmodell ({provider}).", "en": "The suggestion was made with a language model ({provider})."},
    "req_working": {"nb": "Analyserer og skriver om krav {n} av {total} …", "en": "Analysing and rewriting requirement {n} of {total} …"},
    "req_category_counts": {"nb": "Kategorier", "en": "Categories"},
    "req_count": {"nb": "Krav", "en": "Requirements"},
    "req_specific_count": {"nb": "Løsningsspesifikke", "en": "Solution-specific"},
    "req_findings_total": {"nb": "Funn", "en": "Findings"},
    "req_item": {"nb": "Krav {n} av {total}", "en": "Requirement {n} of {total}"},
    "req_verdict_specific": {
        "nb": ":red[Løsningsspesifikt] (styrke {score})",
        "en": ":red[Solution-specific] (strength {score})",
    },
    "req_verdict_ok": {
        "nb": ":green[Ikke løsningsspesifikt] (styrke {score})",
        "en": ":green[Not solution-specific] (strength {score})",
    },
    "severity_high": {"nb": "høy", "en": "high"},
    "severity_medium": {"nb": "middels", "en": "medium"},
    "severity_low": {"nb": "lav", "en": "low"},
    "cat_brand": {"nb": "Merkenavn", "en": "Brand name"},
    "cat_model_type": {"nb": "Modell eller type", "en": "Model or type"},
    "cat_product_named": {"nb": "Navngitt produkt", "en": "Named product"},
    "cat_prescribed_technology": {"nb": "Foreskrevet teknologi", "en": "Prescribed technology"},
    "cat_material_dimension_method": {"nb": "Materiale, mål eller metode", "en": "Material, dimension or method"},
    "cat_same_as_current": {"nb": "Som dagens løsning", "en": "Same as the current solution"},
    "cat_missing_or_equivalent": {"nb": "Mangler «eller tilsvarende»", "en": "Missing «or equivalent»"},
    "cat_tailoring": {"nb": "Skreddersydd krav", "en": "Tailored requirement"},
    # --- assessment wizard ---
    "as_title": {"nb": "Anskaffelsesvurdering", "en": "Procurement assessment"},
    "as_intro": {
        "nb": "Svar på noen spørsmål om anskaffelsen. Du får vite hvilken del av forskriften som gjelder, om dette bør "
              "gjennomføres som en innovativ anskaffelse, hvilken prosedyre som passer og hva neste steg er – med kilder "
              "og et revisjonsspor du kan legge i anskaffelsesprotokollen. Svarer du «vet ikke», sier vurderingen hva "
              "den antar.",
        "en": "Answer a few questions about the purchase. You learn which part of the regulation applies, whether it "
              "should be run as an innovative procurement, which procedure fits and what to do next – with sources and "
              "an audit trail for the procurement record. If you answer «don't know», the assessment says what it assumes.",
    },
    "step_of": {"nb": "Steg {n} av {total}: {name}", "en": "Step {n} of {total}: {name}"},
    "step_need": {"nb": "Behovet", "en": "The need"},
    "step_value": {"nb": "Verdi og oppdragsgiver", "en": "Value and buyer"},
    "step_market": {"nb": "Markedet og løsningen", "en": "Market and solution"},
    "step_result": {"nb": "Vurdering", "en": "Assessment"},
    "as_example_intro": {
        "nb": "Vil du se hvordan det virker? Start fra et eksempel fra case-banken og endre svarene.",
        "en": "Want to see how it works? Start from an example in the case bank and change the answers.",
    },
    "as_example": {"nb": "Eksempel", "en": "Example"},
    "as_example_none": {"nb": "Ingen – jeg fyller ut selv", "en": "None – I will fill it in myself"},
    "as_read_description": {"nb": "Les opplysninger ut av beskrivelsen", "en": "Read details from the description"},
    "as_read_description_help": {
        "nb": "Finner beløp, oppdragsgiver, kontraktstype og svar om markedet i teksten og fyller dem inn i de neste "
              "stegene. Kontroller dem der.",
        "en": "Finds the amount, buyer, contract type and answers about the market in the (Norwegian) text and fills "
              "them into the next steps. Check them there.",
    },
    "as_read_done": {"nb": "Fylte inn: {fields}. Kontroller svarene i de neste stegene.", "en": "Filled in: {fields}. Check the answers in the next steps."},
    "as_read_nothing": {"nb": "Fant ingen opplysninger å fylle inn; svar på spørsmålene i de neste stegene.",
                        "en": "Found nothing to fill in; answer the questions in the next steps."},
    "need_placeholder": {
        "nb": "Eksempel: Vi trenger å oppdage tidlig at pasienters tilstand forverres, uten å feste utstyr på pasienten.",
        "en": "Example: We need to detect early that a patient's condition is getting worse, without attaching equipment to the patient.",
    },
    "value_placeholder": {"nb": "f.eks. 3000000", "en": "e.g. 3000000"},
    "value_echo": {"nb": "= {amount} kr ekskl. mva.", "en": "= NOK {amount} excl. VAT"},
    "as_more": {"nb": "Flere opplysninger (valgfritt)", "en": "More details (optional)"},
    "as_run": {"nb": "Vurder anskaffelsen", "en": "Assess the purchase"},
    "as_reset": {"nb": "Start på nytt", "en": "Start again"},
    "q_need": {"nb": "Hva er behovet?", "en": "What is the need?"},
    "help_need": {
        "nb": "Beskriv hva dere vil oppnå og for hvem – resultatet og effekten – ikke hvilken løsning dere ser for dere. "
              "Et godt behov er løsrevet fra dagens løsning og tidligere kjøp.",
        "en": "Describe what you want to achieve and for whom – the result and the effect – not the solution you have "
              "in mind. A good need is free of today's solution and earlier purchases.",
    },
    "q_estimated_value_nok": {"nb": "Anslått verdi (kroner, uten mva.)", "en": "Estimated value (NOK, excluding VAT)"},
    "help_estimated_value_nok": {
        "nb": "Den samlede verdien av kontrakten over hele avtaleperioden, inkludert opsjoner og forlengelser, uten "
              "merverdiavgift. Beløpet avgjør hvilken del av forskriften som gjelder.",
        "en": "The total value of the contract over the whole period, including options and extensions, excluding VAT. "
              "The amount decides which part of the regulation applies.",
    },
    "q_buyer": {"nb": "Hvem kjøper?", "en": "Who is buying?"},
    "help_buyer": {
        "nb": "Statlige oppdragsgivere (departementer, direktorater, etater) har lavere EØS-terskel for varer og "
              "tjenester enn kommuner, fylkeskommuner og andre offentligrettslige organer (for eksempel helseforetak).",
        "en": "State buyers (ministries, directorates, agencies) have a lower EEA threshold for goods and services than "
              "municipalities, counties and other bodies governed by public law (for example health trusts).",
    },
    "buyer_state": {"nb": "Staten", "en": "State"},
    "buyer_municipal": {"nb": "Kommune eller fylkeskommune", "en": "Municipality or county"},
    "buyer_other": {"nb": "Annen offentlig virksomhet", "en": "Other public body"},
    "q_category": {"nb": "Hva skal kjøpes?", "en": "What is being bought?"},
    "help_category": {
        "nb": "Varer er fysiske produkter. Tjenester er arbeid eller oppdrag som utføres for dere. Bygge- og "
              "anleggsarbeid er oppføring eller endring av bygg og anlegg.",
        "en": "Goods are physical products. Services are work carried out for you. Works are the construction or "
              "alteration of buildings and civil engineering works.",
    },
    "category_goods": {"nb": "Varer", "en": "Goods"},
    "category_services": {"nb": "Tjenester", "en": "Services"},
    "category_works": {"nb": "Bygg og anlegg", "en": "Works"},
    "q_health_social_services": {"nb": "Gjelder det helse- og sosialtjenester?", "en": "Is it health or social services?"},
    "help_health_social_services": {
        "nb": "For helse- og sosialtjenester (for eksempel omsorgstjenester eller rusbehandling) gjelder egne, høyere "
              "terskler og enklere regler.",
        "en": "Health and social services (for example care services or addiction treatment) have their own, higher "
              "thresholds and simpler rules.",
    },
    "q_market_has_solution": {"nb": "Finnes det en løsning i markedet i dag?", "en": "Does the market have a solution today?"},
    "help_market_has_solution": {
        "nb": "Kan dere kjøpe noe som dekker behovet som det er, eller med litt tilpasning? Markedsdialog er den beste "
              "måten å finne det ut på.",
        "en": "Can you buy something that meets the need as it is, or with some adaptation? Market dialogue is the "
              "best way to find out.",
    },
    "market_yes": {"nb": "Ja", "en": "Yes"},
    "market_with_adaptation": {"nb": "Ja, med tilpasning", "en": "Yes, with adaptation"},
    "market_no": {"nb": "Nei", "en": "No"},
    "market_unknown": {"nb": "Vet ikke", "en": "Don't know"},
    "q_development_needed": {"nb": "Må noe utvikles for å dekke behovet?", "en": "Does something have to be developed?"},
    "help_development_needed": {
        "nb": "Ja hvis leverandørene må forske, utvikle eller videreutvikle noe som ikke finnes ferdig.",
        "en": "Yes if suppliers have to research, develop or further develop something that does not yet exist.",
    },
    "q_wants_to_buy_result": {
        "nb": "Vil dere kjøpe løsningen når den er utviklet?",
        "en": "Do you want to buy the solution once it has been developed?",
    },
    "help_wants_to_buy_result": {
        "nb": "Ja hvis dere vil kjøpe og ta i bruk løsningen etter utviklingen, ikke bare betale for forskning og "
              "utvikling. Det skiller innovasjonspartnerskap fra førkommersielle anskaffelser.",
        "en": "Yes if you want to buy and use the solution after the development, not only pay for research and "
              "development. This separates innovation partnerships from pre-commercial procurement.",
    },
    "q_can_specify_solution": {"nb": "Kan dere beskrive løsningen presist på forhånd?", "en": "Can you describe the solution precisely in advance?"},
    "help_can_specify_solution": {
        "nb": "Ja hvis dere kan skrive en kravspesifikasjon som leverandørene kan prise uten å forhandle. Nei hvis dere "
              "trenger dialog med leverandørene for å finne ut hva som er mulig.",
        "en": "Yes if you can write a specification that suppliers can price without negotiation. No if you need "
              "dialogue with suppliers to find out what is possible.",
    },
    "q_market_dialogue_done": {"nb": "Har dere hatt markedsdialog?", "en": "Have you held a market dialogue?"},
    "help_market_dialogue_done": {
        "nb": "Markedsdialog er møter, konferanser eller skriftlige innspill fra leverandører før konkurransen, for å "
              "lære hva markedet kan levere.",
        "en": "Market dialogue means meetings, conferences or written input from suppliers before the competition, to "
              "learn what the market can deliver.",
    },
    "q_special_services": {"nb": "Gjelder det andre særlige tjenester?", "en": "Is it other special services?"},
    "help_special_services": {
        "nb": "For eksempel visse juridiske tjenester, hotell- og restauranttjenester eller utdanning, som har egne regler.",
        "en": "For example certain legal services, hotel and restaurant services or education, which have their own rules.",
    },
    "q_utilities": {"nb": "Er dere i forsyningssektoren?", "en": "Are you in the utilities sector?"},
    "help_utilities": {
        "nb": "Vann, energi, transport og posttjenester følger forsyningsforskriften, med egne terskler.",
        "en": "Water, energy, transport and postal services follow the utilities regulation, with their own thresholds.",
    },
    "q_design_contest": {"nb": "Ønsker dere planer eller design (plan- og designkonkurranse)?", "en": "Do you want plans or a design (design contest)?"},
    "help_design_contest": {
        "nb": "For eksempel arkitektur, byplanlegging eller design, der en jury vurderer forslagene.",
        "en": "For example architecture, urban planning or design, where a jury judges the proposals.",
    },
    "q_previous_competition_failed": {"nb": "Har en tidligere konkurranse mislyktes?", "en": "Has an earlier competition failed?"},
    "help_previous_competition_failed": {
        "nb": "Ja hvis en åpen eller begrenset konkurranse om det samme bare ga ugyldige eller uakseptable tilbud.",
        "en": "Yes if an open or restricted competition for the same purchase only produced invalid or unacceptable tenders.",
    },
    "q_deadline_months": {"nb": "Hvor mange måneder har dere til løsningen må være på plass?", "en": "How many months until the solution must be in place?"},
    "help_deadline_months": {
        "nb": "Innovative prosedyrer tar lengre tid. Tomt felt betyr at fristen ikke er kjent.",
        "en": "Innovative procedures take longer. Leave empty if the deadline is not known.",
    },
    "q_risk_tolerance": {"nb": "Hvor stor risiko er dere villige til å ta?", "en": "How much risk are you willing to take?"},
    "help_risk_tolerance": {
        "nb": "Innovasjon betyr at ikke alt lykkes. Lav risikovilje peker mot gjennomprøvde løsninger.",
        "en": "Innovation means that not everything succeeds. Low risk tolerance points to proven solutions.",
    },
    "q_as_regime": {"nb": "Hvilket regelverk hører kjøpet under?", "en": "Which regulation does the purchase fall under?"},
    "help_as_regime": {
        "nb": "Forsyningsforskriften gjelder når kjøpet knytter seg til drikkevann, energi, transport, havner, lufthavner eller "
              "post. Forsvars- og sikkerhetsanskaffelser og konsesjoner har egne forskrifter.",
        "en": "The utilities regulation applies when the purchase serves drinking water, energy, transport, ports, airports "
              "or postal services. Defence and security purchases and concessions have their own regulations.",
    },
    "asregime_foa": {"nb": "Anskaffelsesforskriften", "en": "Procurement regulation"},
    "asregime_utilities": {"nb": "Forsyningsforskriften", "en": "Utilities regulation"},
    "asregime_defence_security": {"nb": "Forsvar og sikkerhet", "en": "Defence and security"},
    "asregime_concession": {"nb": "Konsesjon", "en": "Concession"},
    "as_value_parts": {"nb": "Verdi per periode og avtaleperiode (valgfritt)", "en": "Value per period and contract term (optional)"},
    "q_value_per_period_nok": {"nb": "Beløp per periode (kroner)", "en": "Amount per period (NOK)"},
    "help_value_per_period_nok": {
        "nb": "Fyll ut hvis dere kjenner beløpet per måned eller år; verdien regnes da ut for hele perioden med opsjoner.",
        "en": "Fill in if you know the amount per month or year; the value is then worked out for the whole term with options.",
    },
    "q_value_period": {"nb": "Periode for beløpet", "en": "Period of the amount"},
    "help_value_period": {"nb": "Per måned eller per år.", "en": "Per month or per year."},
    "period_month": {"nb": "Per måned", "en": "Per month"},
    "period_year": {"nb": "Per år", "en": "Per year"},
    "q_duration_months": {"nb": "Fast avtaleperiode uten opsjoner (måneder)", "en": "Fixed term without options (months)"},
    "help_duration_months": {"nb": "For eksempel 24 for to år.", "en": "For example 24 for two years."},
    "q_option_months": {"nb": "Opsjoner på forlengelse (måneder)", "en": "Extension options (months)"},
    "help_option_months": {"nb": "For eksempel 24 for opsjon på 1 + 1 år.", "en": "For example 24 for options of 1 + 1 years."},
    "q_open_ended": {"nb": "Er avtalen uten fast sluttdato?", "en": "Is the contract without a fixed end date?"},
    "help_open_ended": {"nb": "Da regnes månedsverdien ganget med 48.", "en": "Then the monthly value is multiplied by 48."},
    "q_framework_agreement": {"nb": "Er det en rammeavtale?", "en": "Is it a framework agreement?"},
    "help_framework_agreement": {
        "nb": "Verdien er da de samlede kjøpene over hele perioden, og største verdi må oppgis.",
        "en": "The value is then all call-offs over the whole term, and the maximum value must be stated.",
    },
    "q_amounts_include_vat": {"nb": "Er beløpene oppgitt med mva.?", "en": "Are the amounts given including VAT?"},
    "help_amounts_include_vat": {
        "nb": "Terskelverdiene gjelder beløp uten mva.; beløp med mva. regnes om (÷ 1,25).",
        "en": "Thresholds apply to amounts excluding VAT; amounts including VAT are converted (÷ 1.25).",
    },
    "label_regime": {"nb": "regelverk", "en": "regulation"},
    "label_value_per_period_nok": {"nb": "beløp per periode", "en": "amount per period"},
    "label_value_period": {"nb": "periode", "en": "period"},
    "label_duration_months": {"nb": "avtaleperiode", "en": "contract term"},
    "label_option_months": {"nb": "opsjoner", "en": "options"},
    "label_options_value_nok": {"nb": "verdi av opsjoner", "en": "value of options"},
    "label_open_ended": {"nb": "uten fast sluttdato", "en": "no fixed end date"},
    "label_framework_agreement": {"nb": "rammeavtale", "en": "framework agreement"},
    "label_amounts_include_vat": {"nb": "mva. i beløpene", "en": "VAT in the amounts"},
    "as_read_problem": {"nb": "Dette ble ikke brukt: {problem}", "en": "Not used: {problem}"},
    "as_regime": {"nb": "Regelverk", "en": "Regulation"},
    "as_regime_reasons": {"nb": "Hvorfor dette regelverket og denne delen", "en": "Why this regulation and part"},
    "as_value": {"nb": "Kontraktsverdi", "en": "Contract value"},
    "as_value_reasons": {"nb": "Slik er verdien beregnet", "en": "How the value was worked out"},
    "as_time_limits": {"nb": "Frister og karensperiode", "en": "Time limits and standstill"},
    "as_unverified": {"nb": "Ikke verifisert i faktagrunnlaget", "en": "Not verified in the fact base"},
    "risk_low": {"nb": "Lav", "en": "Low"},
    "risk_medium": {"nb": "Middels", "en": "Medium"},
    "risk_high": {"nb": "Høy", "en": "High"},
    "tri_yes": {"nb": "Ja", "en": "Yes"},
    "tri_no": {"nb": "Nei", "en": "No"},
    "tri_unknown": {"nb": "Vet ikke", "en": "Don't know"},
    "label_need": {"nb": "behov", "en": "need"},
    "label_estimated_value_nok": {"nb": "verdi", "en": "value"},
    "label_buyer": {"nb": "oppdragsgiver", "en": "buyer"},
    "label_category": {"nb": "kontraktstype", "en": "contract type"},
    "label_health_social_services": {"nb": "helse- og sosialtjenester", "en": "health and social services"},
    "label_market_has_solution": {"nb": "løsning i markedet", "en": "solution in the market"},
    "label_development_needed": {"nb": "utvikling", "en": "development"},
    "label_wants_to_buy_result": {"nb": "kjøp etter utvikling", "en": "purchase after development"},
    "label_can_specify_solution": {"nb": "presis beskrivelse", "en": "precise description"},
    "label_market_dialogue_done": {"nb": "markedsdialog", "en": "market dialogue"},
    "label_special_services": {"nb": "særlige tjenester", "en": "special services"},
    "label_utilities": {"nb": "forsyningssektoren", "en": "utilities"},
    "label_design_contest": {"nb": "plan- og designkonkurranse", "en": "design contest"},
    "label_previous_competition_failed": {"nb": "mislykket konkurranse", "en": "failed competition"},
    "label_deadline_months": {"nb": "frist", "en": "deadline"},
    "label_risk_tolerance": {"nb": "risikovilje", "en": "risk tolerance"},
    "as_provisional": {
        "nb": "Foreløpig anbefaling: noen svar mangler, og anbefalingen kan endre seg når de er avklart (se «Må avklares»).",
        "en": "Provisional recommendation: some answers are missing and it may change once they are clarified (see «To find out»).",
    },
    "as_part": {"nb": "Del av anskaffelsesforskriften", "en": "Part of the procurement regulation"},
    "as_procedure": {"nb": "Anbefalt prosedyre", "en": "Recommended procedure"},
    "as_innovative_yes": {
        "nb": "**Innovativ anskaffelse:** ja (innovasjonspotensial: {potential})",
        "en": "**Innovative procurement:** yes (innovation potential: {potential})",
    },
    "as_innovative_no": {
        "nb": "**Innovativ anskaffelse:** nei (innovasjonspotensial: {potential})",
        "en": "**Innovative procurement:** no (innovation potential: {potential})",
    },
    "as_threshold_line": {
        "nb": "**Terskel lagt til grunn:** {name}: {amount} kr ekskl. mva., gjelder fra {date} (kilde: {source}). "
              "Terskelverdiene i modellen er per {table_date}.",
        "en": "**Threshold applied:** {name}: NOK {amount} excl. VAT, in force from {date} (source: {source}). "
              "The thresholds in the model are as of {table_date}.",
    },
    "as_next_threshold": {"nb": "Neste terskel: {name}: {amount} kr (fra {date}).", "en": "Next threshold: {name}: NOK {amount} (from {date})."},
    "as_sources": {"nb": "Kilder ({n}) – tallene i hakeparentes viser hit", "en": "Sources ({n}) – the numbers in brackets point here"},
    "as_download_help": {
        "nb": "Revisjonssporet (inndata, terskler med dato, regler og kilder) for anskaffelsesprotokollen.",
        "en": "The audit trail (inputs, dated thresholds, rules and sources) for the procurement record.",
    },
    "as_legal_ground": {"nb": "Hjemmel", "en": "Legal basis"},
    "as_not_verified": {"nb": "ikke verifisert i faktagrunnlaget", "en": "not verified in the fact base"},
    "as_procedure_reasons": {"nb": "Hvorfor denne prosedyren", "en": "Why this procedure"},
    "as_innovation_reasons": {"nb": "Hvorfor innovativ eller ikke", "en": "Why innovative or not"},
    "as_alternatives": {"nb": "Alternativer", "en": "Alternatives"},
    "as_next_steps": {"nb": "Neste steg", "en": "Next steps"},
    "as_to_find_out": {"nb": "Må avklares", "en": "To find out"},
    "as_assumptions": {"nb": "Forutsetninger", "en": "Assumptions"},
    "as_audit": {"nb": "Revisjonsspor: {n} regler som slo til", "en": "Audit trail: {n} rules that fired"},
    "as_model_version": {"nb": "Modellversjon {version}, vurdert {date}.", "en": "Model version {version}, assessed {date}."},
    "as_pdf_title": {"nb": "Vurdering av anskaffelse", "en": "Procurement assessment"},
    "as_pdf_footer": {"nb": "Anskaffelsesvurdering {date} – beslutningsstøtte, ikke juridisk rådgivning",
                      "en": "Procurement assessment {date} – decision support, not legal advice"},
    "col_rule": {"nb": "Regel", "en": "Rule"},
    "col_input": {"nb": "Inndata", "en": "Input"},
    "col_value": {"nb": "Verdi", "en": "Value"},
    "col_conclusion": {"nb": "Konklusjon", "en": "Conclusion"},
    "col_sources": {"nb": "Kilder", "en": "Sources"},
    # --- statistics ---
    "stats_title": {"nb": "Statistikk", "en": "Statistics"},
    "stats_intro": {
        "nb": "Tall fra Doffin-kunngjøringer som er importert på denne maskinen, med dekning og dato, ved siden av "
              "offisielle publiserte tall. Data: Doffin / DFØ.",
        "en": "Figures from the Doffin notices imported on this machine, with coverage and date, beside the officially "
              "published figures. Data: Doffin / DFØ.",
    },
    "stats_computed": {"nb": "Beregnet fra Doffin-kunngjøringer", "en": "Computed from Doffin notices"},
    "stats_published": {"nb": "Offisielle publiserte tall", "en": "Officially published figures"},
    "stats_no_store": {
        "nb": "Ingen Doffin-kunngjøringer er importert på denne maskinen ennå ({path}). Importer eForms-XML, "
              "API-JSON, DFØ-CSV eller skrapede filer på kommandolinjen; da vises diagrammer og tabeller her. Til "
              "da vises notatet med beregnede tall som følger med korpuset.",
        "en": "No Doffin notices have been imported on this machine yet ({path}). Import eForms XML, API JSON, DFØ "
              "CSV or scraped files on the command line; charts and tables then appear here. Until then, the note "
              "with computed figures that ships with the corpus is shown.",
    },
    "stats_note_hint": {
        "nb": "Den første kommandoen leser filene inn i en lokal database; den andre skriver notatet med beregnede tall "
              "i korpuset på nytt, så svarene i chatten også bruker dem (indekser deretter på nytt).",
        "en": "The first command reads the files into a local database; the second rewrites the corpus note with the "
              "computed figures, so chat answers use them too (re-index afterwards).",
    },
    "stats_import_path": {"nb": "mappe/med/doffin-filer/", "en": "folder/with/doffin-files/"},
    "stats_no_shipped_note": {"nb": "Korpuset har ikke noe notat med beregnede tall.", "en": "The corpus has no note with computed figures."},
    "stats_note_meta": {"nb": "Per {date} · fil {file}", "en": "As of {date} · file {file}"},
    "stats_no_published": {"nb": "Notatet {id} finnes ikke i korpuset.", "en": "The note {id} is not in the corpus."},
    "stats_notices": {"nb": "Kunngjøringer", "en": "Notices"},
    "stats_coverage_line": {
        "nb": "Publisert **{start} – {end}** · beregnet {date}",
        "en": "Published **{start} – {end}** · computed {date}",
    },
    "stats_charts": {"nb": "Diagrammer og tabeller", "en": "Charts and tables"},
    "col_format": {"nb": "Format", "en": "Format"},
    "col_folder": {"nb": "Mappe", "en": "Folder"},
    "stats_sources": {"nb": "Hvilke filer tallene bygger på", "en": "Which files the figures come from"},
    "stats_tab_procedures": {"nb": "Prosedyrer", "en": "Procedures"},
    "stats_tab_cpv": {"nb": "CPV-områder", "en": "CPV divisions"},
    "stats_tab_tenders": {"nb": "Tilbud", "en": "Tenders"},
    "stats_tab_years": {"nb": "Per år", "en": "Per year"},
    "stats_tab_statements": {"nb": "Oppsummert i tekst", "en": "Summary in words"},
    "stats_figure_caption": {
        "nb": "n = {n} kunngjøringer, {start} – {end}; beregnet {date}. Utvalg, ikke representativt for Doffin.",
        "en": "n = {n} notices, {start} – {end}; computed {date}. A sample, not representative of Doffin.",
    },
    "col_procedure": {"nb": "Prosedyre", "en": "Procedure"},
    "col_code": {"nb": "Kode", "en": "Code"},
    "col_count": {"nb": "Antall", "en": "Count"},
    "col_share": {"nb": "Andel", "en": "Share"},
    "col_cpv": {"nb": "CPV", "en": "CPV"},
    "col_name": {"nb": "Navn", "en": "Name"},
    "col_tenders": {"nb": "Tilbud mottatt", "en": "Tenders received"},
    "col_lots": {"nb": "Delkontrakter", "en": "Lots"},
    "col_year": {"nb": "År", "en": "Year"},
    # --- Doffin: innovation figures and similar notices ---
    "stats_snapshot_imported": {
        "nb": "Doffin-utdraget som følger med (corpus/doffin) ble importert: {n} kunngjøringer. Data: Doffin / DFØ, "
              "CC BY 4.0.",
        "en": "The shipped Doffin snapshot (corpus/doffin) was imported: {n} notices. Data: Doffin / DFØ, CC BY 4.0.",
    },
    "stats_tab_innovation": {"nb": "Innovasjon", "en": "Innovation"},
    "stats_innov_intro": {
        "nb": "Andel kunngjøringer med innovasjonspartnerskap, konkurransepreget dialog og forhandling, av dem som "
              "oppgir prosedyre (n), per år og oppdragsgivertype.",
        "en": "Share of notices using innovation partnership, competitive dialogue and negotiation, of those that "
              "state a procedure (n), per year and buyer type.",
    },
    "stats_innov_by_year": {"nb": "Per år", "en": "Per year"},
    "stats_innov_by_buyer": {"nb": "Per oppdragsgivertype", "en": "Per buyer type"},
    "stats_innov_cpv": {"nb": "CPV-områder der de brukes", "en": "CPV divisions where they are used"},
    "stats_innov_tenders": {"nb": "Tilbud mottatt sammenlignet med åpen anbudskonkurranse",
                            "en": "Tenders received compared with open procedures"},
    "stats_innov_none_cpv": {"nb": "Ingen av disse prosedyrene har oppgitt CPV i utvalget.",
                             "en": "None of these procedures states a CPV code in the sample."},
    "col_group": {"nb": "Gruppe", "en": "Group"},
    "col_n_total": {"nb": "Alle (n_total)", "en": "All (n_total)"},
    "col_n": {"nb": "Med prosedyre (n)", "en": "With procedure (n)"},
    "col_median": {"nb": "Median per delkontrakt", "en": "Median per lot"},
    "col_notices": {"nb": "Kunngjøringer", "en": "Notices"},
    "sim_title": {"nb": "Sammenlignbare kunngjøringer på Doffin", "en": "Comparable notices on Doffin"},
    "sim_intro": {
        "nb": "Hvem har kjøpt noe lignende før, og hvordan? Søk i de importerte Doffin-kunngjøringene (tittel, "
              "beskrivelse og CPV). Data: Doffin / DFØ, CC BY 4.0. Et utvalg, ikke alle kunngjøringer.",
        "en": "Who has bought something similar before, and how? A search of the imported Doffin notices (title, "
              "description and CPV). Data: Doffin / DFØ, CC BY 4.0. A sample, not all notices.",
    },
    "sim_none": {"nb": "Ingen Doffin-kunngjøringer er importert, eller ingen ligner.",
                 "en": "No Doffin notices are imported, or none is similar."},
    "sim_failed": {"nb": "Søket i Doffin-kunngjøringene feilet: {error}",
                   "en": "The search of the Doffin notices failed: {error}"},
    "col_notice": {"nb": "Kunngjøring", "en": "Notice"},
    "col_buyer": {"nb": "Oppdragsgiver", "en": "Buyer"},
    "col_link": {"nb": "Lenke", "en": "Link"},
    # --- sources ---
    "src_title": {"nb": "Kilder", "en": "Sources"},
    "src_intro": {
        "nb": "Dokumentene rådgiveren søker i, med type, autoritet og dato. Lov og forskrift går foran veiledning, "
              "som går foran stortingsmeldinger og annet.",
        "en": "The documents the adviser searches, with kind, authority and date. Acts and regulations come before "
              "guidance, which comes before white papers and other sources.",
    },
    "src_documents": {"nb": "Dokumenter", "en": "Documents"},
    "src_passages": {"nb": "Utdrag i indeksen", "en": "Passages in the index"},
    "src_build": {"nb": "Indeksversjon", "en": "Index build"},
    "src_filter": {"nb": "Filtrer", "en": "Filter"},
    "src_filter_placeholder": {"nb": "tittel, type, dato …", "en": "title, kind, date …"},
    "src_authority_note": {
        "nb": "«Per»-datoen er datoen innholdet gjelder fra eller sist ble kontrollert. Veiledningsnotatene er skrevet "
              "for denne tjenesten og viser til lov, forskrift og offisiell veiledning.",
        "en": "The as-of date is the date the content applies from or was last checked. The guidance notes were "
              "written for this service and cite the act, the regulation and official guidance.",
    },
    "src_admin": {"nb": "Legg til dokumenter", "en": "Add documents"},
    "src_upload": {"nb": "Last opp", "en": "Upload"},
    "src_upload_help": {
        "nb": "PDF, TXT eller MD, høyst {mb} MB per fil. Originalene lagres i {folder} og tas med i hver ny indeks. "
              "En fil med samme navn overskrives aldri; den nye får et tillegg i navnet.",
        "en": "PDF, TXT or MD, at most {mb} MB per file. The originals are kept in {folder} and included in every new "
              "index. A file with the same name is never overwritten; the new one gets a suffix.",
    },
    "src_upload_label": {"nb": "Velg filer", "en": "Choose files"},
    "src_label_help": {
        "nb": "Hva filene er, bestemmer du her, ikke filen selv: autoritet, type og dato i filens egen «front matter» "
              "blir oversett. Standard er «opplastet dokument», lavest rang, slik at en opplastet fil aldri går foran "
              "lov, forskrift eller veiledning uten at du har valgt det.",
        "en": "You decide here what the files are, not the files themselves: authority, kind and date in a file's own "
              "front matter are ignored. The default is «uploaded document», the lowest rank, so an upload never "
              "comes before an act, a regulation or guidance unless you choose so.",
    },
    "src_label_authority": {"nb": "Autoritet", "en": "Authority"},
    "src_label_kind": {"nb": "Type", "en": "Kind"},
    "src_label_has_date": {"nb": "Oppgi dato", "en": "Give a date"},
    "src_label_as_of": {"nb": "Gjelder per", "en": "Valid as of"},
    "src_index_notes": {"nb": "Merk: {notes}", "en": "Note: {notes}"},
    "src_relabel": {"nb": "Endre hva en fil er", "en": "Change what a file is"},
    "src_relabel_button": {"nb": "Lagre merkingen og indekser", "en": "Save the label and index"},
    "src_busy": {
        "nb": "En annen indeksering pågår. Filene er lagret; trykk «Indekser på nytt» når den er ferdig.",
        "en": "Another indexing run is in progress. The files are saved; press «Re-index» when it has finished.",
    },
    "src_upload_button": {"nb": "Lagre og indekser", "en": "Save and index"},
    "src_saving": {"nb": "Lagrer filene …", "en": "Saving the files …"},
    "src_saved_n": {"nb": "Lagret {n} av {total}", "en": "Saved {n} of {total}"},
    "src_indexing": {"nb": "Indekserer (det kan ta litt tid) …", "en": "Indexing (this can take a while) …"},
    "src_saved_files": {"nb": "Lagret: {files}", "en": "Saved: {files}"},
    "src_refused": {"nb": "{file} ble ikke lagret: {reason}", "en": "{file} was not saved: {reason}"},
    "src_index_error": {"nb": "Indekseringen mislyktes: {error}", "en": "Indexing failed: {error}"},
    "src_kept_after_error": {
        "nb": "De opplastede filene er beholdt. Rett feilen og trykk «Indekser på nytt».",
        "en": "The uploaded files are kept. Fix the problem and press «Re-index».",
    },
    "src_report": {
        "nb": "Indeksen er bygd: {documents} dokumenter, {chunks} utdrag ({new} nye, {cached} fra hurtigbuffer) på {seconds} s.",
        "en": "The index is built: {documents} documents, {chunks} passages ({new} new, {cached} from cache) in {seconds} s.",
    },
    "src_report_unchanged": {
        "nb": "Ingenting er endret: indeksen har fortsatt {documents} dokumenter og {chunks} utdrag.",
        "en": "Nothing changed: the index still has {documents} documents and {chunks} passages.",
    },
    "src_skipped": {"nb": "{n} filer ble hoppet over:", "en": "{n} files were skipped:"},
    "src_clear_report": {"nb": "Skjul rapporten", "en": "Hide the report"},
    "src_reindex": {"nb": "Indekser på nytt", "en": "Re-index"},
    "src_reindex_help": {
        "nb": "Leser korpuset og opplastede filer på nytt. Uendrede utdrag gjenbrukes, så det går raskt.",
        "en": "Reads the corpus and uploaded files again. Unchanged passages are reused, so it is quick.",
    },
    "src_rebuild": {"nb": "Bygg helt fra bunnen", "en": "Rebuild from scratch"},
    "src_rebuild_help": {
        "nb": "Regner ut alle vektorer på nytt. Tar omtrent et minutt.",
        "en": "Recomputes every embedding. Takes about a minute.",
    },
    "src_reindex_button": {"nb": "Indekser på nytt", "en": "Re-index"},
    "src_kept": {"nb": "Opplastede originaler ({n})", "en": "Uploaded originals ({n})"},
    "src_kept_none": {"nb": "Ingen filer er lastet opp.", "en": "No files have been uploaded."},
    "col_title": {"nb": "Tittel", "en": "Title"},
    "col_kind": {"nb": "Type", "en": "Kind"},
    "col_authority": {"nb": "Autoritet", "en": "Authority"},
    "col_as_of": {"nb": "Per", "en": "As of"},
    "col_passages": {"nb": "Utdrag", "en": "Passages"},
    "col_doc_id": {"nb": "Id", "en": "Id"},
    "col_file": {"nb": "Fil", "en": "File"},
    "col_reason": {"nb": "Grunn", "en": "Reason"},
    "col_size_kb": {"nb": "Størrelse (kB)", "en": "Size (kB)"},
    "col_saved": {"nb": "Lagret (UTC)", "en": "Saved (UTC)"},
    # --- course ---
    "course_title": {"nb": "Kurs", "en": "Course"},
    "course_intro": {
        "nb": "Øvelser til kurs i innovative anskaffelser: skriv om løsningsspesifikke krav til behov, og velg "
              "regelverk og prosedyre for en case. Svarene vurderes mot en sjekkliste og fasiten, og casene også mot "
              "vurderingsmotoren.",
        "en": "Exercises for courses on innovative procurement: rewrite solution-specific requirements as needs, and "
              "choose the rules and the procedure for a case. Answers are graded against a checklist and the model "
              "answer, and the cases also against the assessment engine.",
    },
    "course_trainer": {"nb": "For kursleder", "en": "For the trainer"},
    "course_hide_answers": {"nb": "Skjul fasit for kurset", "en": "Hide the model answers for the class"},
    "course_hide_answers_help": {
        "nb": "Skjuler fasiten for alle deltakerne i kurset, også på denne skjermen. Deltakerne kan ikke slå den på "
              "selv. Uten kurs gjelder valget bare denne skjermen.",
        "en": "Hides the model answers for every participant of the class, and on this screen. Participants cannot "
              "switch them back on. Without a class the choice applies to this screen only.",
    },
    "course_reset": {"nb": "Nullstill økten", "en": "Reset the session"},
    "course_reset_done": {
        "nb": "Økten er nullstilt. Lagrede resultater er beholdt.",
        "en": "The session has been reset. Stored results are kept.",
    },
    "course_score": {"nb": "Resultater: {done} oppgaver besvart, {right} riktig (siste svar).",
                     "en": "Results: {done} exercises answered, {right} right (latest answer)."},
    "course_score_session": {
        "nb": "Denne økten: {done} oppgaver besvart, {right} riktig. Skriv inn et navn for å lagre resultatene.",
        "en": "This session: {done} exercises answered, {right} right. Enter a name to keep the results.",
    },
    "course_join_name": {"nb": "Navn eller kallenavn", "en": "Name or pseudonym"},
    "course_join_help": {
        "nb": "Velg selv hva du vil kalles. Kursleder ser navnet sammen med resultatene dine. Lenken i adressefeltet "
              "tar deg tilbake til resultatene hvis siden lastes på nytt.",
        "en": "Choose what you want to be called. The trainer sees the name with your results. The link in the "
              "address bar takes you back to your results if the page is reloaded.",
    },
    "course_join": {"nb": "Lagre resultatene mine", "en": "Keep my results"},
    "course_join_why": {
        "nb": "Skriv inn et navn eller kallenavn for å lagre resultatene dine.",
        "en": "Enter a name or pseudonym to keep your results.",
    },
    "course_you_are": {"nb": "Du deltar som **{name}**.", "en": "You take part as **{name}**."},
    "course_leave": {"nb": "Bytt deltaker", "en": "Change participant"},
    "course_class_banner": {"nb": "Kurs: **{name}** (kode {code})", "en": "Class: **{name}** (code {code})"},
    "course_unknown_class": {
        "nb": "Ukjent kurskode «{code}». Sjekk lenken fra kursleder; øvelsene virker likevel.",
        "en": "Unknown class code «{code}». Check the link from the trainer; the exercises still work.",
    },
    "course_unknown_participant": {
        "nb": "Fant ikke deltakeren i lenken. Skriv inn navnet ditt på nytt.",
        "en": "The participant in the link was not found. Enter your name again.",
    },
    "course_trainer_classes": {"nb": "Kurs og resultater", "en": "Classes and results"},
    "course_class_name": {"nb": "Navn på nytt kurs", "en": "Name of a new class"},
    "course_class_create": {"nb": "Start kurset", "en": "Start the class"},
    "course_class_created": {"nb": "Kurset «{name}» er startet med koden {code}.",
                             "en": "The class «{name}» has started with the code {code}."},
    "course_class_pick": {"nb": "Kurs", "en": "Class"},
    "course_class_none": {"nb": "Ingen kurs er startet ennå.", "en": "No class has been started yet."},
    "course_class_link": {
        "nb": "Del denne lenken med deltakerne (legg til adressen til tjenesten foran):",
        "en": "Share this link with the participants (put the service's address in front):",
    },
    "course_class_view": {"nb": "Klasseoversikt: {n} deltakere", "en": "Class view: {n} participants"},
    "course_class_empty": {"nb": "Ingen deltakere har svart ennå.", "en": "No participant has answered yet."},
    "course_class_by_exercise": {"nb": "Per oppgave", "en": "Per exercise"},
    "course_export_csv": {"nb": "Last ned resultatene (CSV)", "en": "Download the results (CSV)"},
    "course_delete_class": {"nb": "Slett kurset og resultatene", "en": "Delete the class and its results"},
    "course_delete_confirm": {"nb": "Ja, slett kurset {code}", "en": "Yes, delete the class {code}"},
    "course_class_deleted": {"nb": "Kurset {code} er slettet.", "en": "The class {code} has been deleted."},
    "course_no_class_results": {"nb": "Uten kurs (egen øving)", "en": "No class (practising alone)"},
    "col_participant": {"nb": "Deltaker", "en": "Participant"},
    "col_answered": {"nb": "Besvart", "en": "Answered"},
    "col_correct": {"nb": "Riktig (siste svar)", "en": "Right (latest answer)"},
    "col_first_try": {"nb": "Riktig første gang", "en": "Right first time"},
    "col_attempts": {"nb": "Forsøk", "en": "Attempts"},
    "col_last_answered": {"nb": "Sist svart (UTC)", "en": "Last answer (UTC)"},
    "col_exercise": {"nb": "Oppgave", "en": "Exercise"},
    "col_right_share": {"nb": "Andel riktig", "en": "Share right"},
    "col_cases": {"nb": "Caser", "en": "Cases"},
    "col_exercises": {"nb": "Oppgaver", "en": "Exercises"},
    "course_material_title": {"nb": "Egne caser og oppgaver", "en": "Your own cases and exercises"},
    "course_material_help": {
        "nb": "YAML-filer med `cases:` og/eller `exercises:` i samme format som case-banken og de gjennomarbeidede "
              "eksemplene. Filene kontrolleres før de lagres, og lagres i {folder}. En case der vurderingsmotoren "
              "kommer til et annet svar enn fasiten din, vises som diskusjonscase.",
        "en": "YAML files with `cases:` and/or `exercises:` in the format of the case bank and the worked examples. "
              "Files are checked before they are saved, and saved in {folder}. A case where the assessment engine "
              "reaches another answer than yours is shown as a discussion case.",
    },
    "course_material_upload": {"nb": "Last opp en fil", "en": "Upload a file"},
    "course_material_saved": {"nb": "Lagret {file}: {cases} caser og {exercises} oppgaver.",
                              "en": "Saved {file}: {cases} cases and {exercises} exercises."},
    "course_material_refused": {"nb": "Filen ble ikke lagret: {reason}", "en": "The file was not saved: {reason}"},
    "course_material_problems": {"nb": "{n} filer i mappen kunne ikke brukes:", "en": "{n} files in the folder could not be used:"},
    "course_material_delete": {"nb": "Slett filen", "en": "Delete the file"},
    "course_material_deleted": {"nb": "{file} er slettet.", "en": "{file} has been deleted."},
    "course_material_none": {"nb": "Ingen egne filer ennå.", "en": "No files of your own yet."},
    "course_tab_need": {"nb": "Øvelse: fra løsning til behov", "en": "Exercise: from solution to need"},
    "course_tab_case": {"nb": "Øvelse: velg prosedyre", "en": "Exercise: choose the procedure"},
    "course_pick_example": {"nb": "Oppgave", "en": "Exercise"},
    "course_random": {"nb": "Tilfeldig", "en": "Random"},
    "course_original": {"nb": "Kravet slik det står i dag", "en": "The requirement as written today"},
    "course_domain": {"nb": "Område: {domain}", "en": "Area: {domain}"},
    "course_write_need": {"nb": "Skriv en behovsbeskrivelse", "en": "Write a need statement"},
    "course_write_need_help": {
        "nb": "Beskriv problemet og hvem som har det, hva som skal bli bedre, og minst ett kriterium som kan måles. "
              "Ikke nevn merke, leverandør eller produkt.",
        "en": "Describe the problem and who has it, what should be better, and at least one criterion that can be "
              "measured. Do not name a brand, supplier or product.",
    },
    "course_check": {"nb": "Sjekk svaret", "en": "Check the answer"},
    "course_checklist": {"nb": "Sjekkliste for behovsbeskrivelsen", "en": "Checklist for the need statement"},
    "course_your_answer": {"nb": "Ditt svar", "en": "Your answer"},
    "course_need_passed": {
        "nb": "Bra! Behovsbeskrivelsen oppfyller alle punktene på sjekklisten.",
        "en": "Good! The need statement meets every point of the checklist.",
    },
    "course_need_failed": {
        "nb": "Ikke helt: {n} av {total} punkter på sjekklisten mangler.",
        "en": "Not quite: {n} of {total} points of the checklist are missing.",
    },
    "course_need_nonsense": {
        "nb": "Dette kan ikke vurderes som en behovsbeskrivelse: {reason}",
        "en": "This cannot be graded as a need statement: {reason}",
    },
    "need_substance_too_short": {
        "nb": "teksten har bare {words} ord. Skriv minst én hel setning.",
        "en": "the text has only {words} words. Write at least one whole sentence.",
    },
    "need_substance_not_words": {
        "nb": "de fleste ordene er ikke vanlige ord ({found}). Skriv hele setninger.",
        "en": "most of the words are not ordinary words ({found}). Write whole sentences.",
    },
    "need_check_substance": {"nb": "Hele setninger med vanlige ord", "en": "Whole sentences of ordinary words"},
    "need_check_problem_and_who": {"nb": "Problemet og hvem som har det", "en": "The problem and who has it"},
    "need_check_outcome": {"nb": "Hva som skal bli bedre", "en": "What should be better"},
    "need_check_measurable": {"nb": "Minst ett målbart kriterium", "en": "At least one measurable criterion"},
    "need_check_no_brand": {"nb": "Ingen merkevare, leverandør eller produkt", "en": "No brand, supplier or product"},
    "need_check_own_words": {"nb": "Egne ord, ikke en kopi av kravet", "en": "Own words, not a copy of the requirement"},
    "need_found": {"nb": "fant: {found}", "en": "found: {found}"},
    "need_not_graded": {"nb": "ikke vurdert", "en": "not graded"},
    "need_missing_who": {
        "nb": "Si hvem som har behovet (brukerne, pasientene, de ansatte, skolen, vi).",
        "en": "Say who has the need (the users, the patients, the staff, the school, we).",
    },
    "need_missing_problem": {
        "nb": "Si hva problemet eller behovet er («… må kunne …», «i dag tar det for lang tid å …»).",
        "en": "Say what the problem or need is («… must be able to …», «today it takes too long to …»).",
    },
    "need_missing_outcome": {
        "nb": "Si hva som skal bli bedre når behovet er dekket, for eksempel «slik at …», «uten at …», «færre …», "
              "«raskere …».",
        "en": "Say what should be better once the need is met, for example «so that …», «without …», «fewer …», "
              "«faster …».",
    },
    "need_missing_measurable": {
        "nb": "Ta med minst ett kriterium som kan måles eller kontrolleres: et tall med enhet («innen 5 sekunder», "
              "«minst 255 kg»), en andel eller en standard.",
        "en": "Include at least one criterion that can be measured or checked: a number with a unit («within 5 "
              "seconds», «at least 255 kg»), a share or a standard.",
    },
    "need_missing_no_brand": {
        "nb": "Fjern navn på merke, leverandør, produkt eller modell: {found}.",
        "en": "Remove the names of brands, suppliers, products or models: {found}.",
    },
    "need_missing_own_words": {
        "nb": "Teksten ligner for mye på kravet ({similarity} % likt). Beskriv behovet bak kravet med egne ord.",
        "en": "The text is too close to the requirement ({similarity} % alike). Describe the need behind it in your "
              "own words.",
    },
    "course_need_advice": {
        "nb": "Vurder også: {found} kan peke på en bestemt løsning (se markeringene).",
        "en": "Consider also: {found} may point to one particular solution (see the marks).",
    },
    "course_need_findings": {
        "nb": "Analysatoren markerer {n} formuleringer i teksten din:",
        "en": "The analyser marks {n} wordings in your text:",
    },
    "course_model_answer": {"nb": "Fasit", "en": "Model answer"},
    "course_answers_hidden": {"nb": "Fasiten er skjult av kursleder.", "en": "The model answers are hidden by the trainer."},
    "course_why": {"nb": "Hvorfor kravet er et problem", "en": "Why the requirement is a problem"},
    "course_problems": {"nb": "Problemtyper", "en": "Problem types"},
    "course_analyzer_on_original": {"nb": "Hva analysatoren finner i det opprinnelige kravet",
                                    "en": "What the analyser finds in the original requirement"},
    "course_pick_case": {"nb": "Case", "en": "Case"},
    "course_trainer_case": {"nb": "kursleders case", "en": "trainer's case"},
    "course_discussion_tag": {"nb": "diskusjonscase", "en": "discussion case"},
    "course_trainer_exercise": {"nb": "kursleders oppgave", "en": "trainer's exercise"},
    "course_situation": {"nb": "Situasjon", "en": "Situation"},
    "course_choose_regime": {"nb": "Hvilket regelverk gjelder?", "en": "Which rules apply?"},
    "course_choose_procedure": {"nb": "Hvilken prosedyre ville du valgt?", "en": "Which procedure would you choose?"},
    "course_choose_part": {"nb": "Hvilken del av forskriften gjelder ut fra verdien?",
                           "en": "Which part of the regulation applies by value?"},
    "course_choose_innovative": {"nb": "Er dette en innovativ anskaffelse?", "en": "Is this an innovative procurement?"},
    "regime_ordinary": {"nb": "Anskaffelsesforskriften (vanlige regler etter verdi)",
                        "en": "The procurement regulation (ordinary rules by value)"},
    "regime_special_services": {"nb": "Særlige tjenester eller helse- og sosialtjenester (egne terskler)",
                                "en": "Special services or health and social services (own thresholds)"},
    "regime_utilities": {"nb": "Forsyningsforskriften (vann, energi, transport, post)",
                         "en": "The utilities regulation (water, energy, transport, postal services)"},
    "regime_exempt_rd": {"nb": "Unntatt: forskning og utvikling uten kjøp av resultatet (FOA § 2-5)",
                         "en": "Exempt: research and development without buying the result (FOA § 2-5)"},
    "regime_below": {"nb": "Utenfor regelverket (under 100 000 kr)", "en": "Outside the rules (under NOK 100,000)"},
    "course_answer_all": {"nb": "Svar på alle de fire spørsmålene først.", "en": "Answer all four questions first."},
    "course_result_right": {"nb": "Riktig på alle spørsmålene.", "en": "Right on every question."},
    "course_result_partly": {"nb": "Ikke helt: {right} av {total} spørsmål er riktige.",
                             "en": "Not quite: {right} of {total} questions are right."},
    "course_acceptable": {
        "nb": "Prosedyren er akseptabel, men fasiten anbefaler {expected}.",
        "en": "The procedure is acceptable, but the model answer recommends {expected}.",
    },
    "course_regime_check": {"nb": "Regelverk: du svarte {given}, fasiten er {expected}.",
                            "en": "Rules: you answered {given}, the model answer is {expected}."},
    "course_part_check": {"nb": "Del av forskriften: du svarte {given}, fasiten er {expected}.",
                          "en": "Part of the regulation: you answered {given}, the model answer is {expected}."},
    "course_innovative_check": {"nb": "Innovativ: du svarte {given}, fasiten er {expected}.",
                                "en": "Innovative: you answered {given}, the model answer is {expected}."},
    "course_procedure_check": {"nb": "Prosedyre: du svarte {given}, fasiten er {expected}.",
                               "en": "Procedure: you answered {given}, the model answer is {expected}."},
    "course_engine": {"nb": "Vurderingsmotoren", "en": "The assessment engine"},
    "course_engine_says": {
        "nb": "Vurderingsmotoren anbefaler {label} ({part}, {regime}, innovativ: {innovative}).",
        "en": "The assessment engine recommends {label} ({part}, {regime}, innovative: {innovative}).",
    },
    "course_engine_agrees": {"nb": "Motoren og fasiten er enige.", "en": "The engine and the model answer agree."},
    "course_engine_disagrees": {
        "nb": "Motoren og fasiten er ikke enige om {what} – et godt utgangspunkt for diskusjon.",
        "en": "The engine and the model answer disagree on {what} – a good starting point for discussion.",
    },
    "course_discussion": {
        "nb": "Diskusjonscase: kursleders fasit og vurderingsmotoren kommer til forskjellig svar om {what}. "
              "Begge begrunnelsene står under.",
        "en": "Discussion case: the trainer's model answer and the assessment engine differ on {what}. Both "
              "reasonings are below.",
    },
    "course_engine_reasoning": {"nb": "Motorens begrunnelse", "en": "The engine's reasoning"},
    "q_regime": {"nb": "regelverk", "en": "the rules"},
    "q_part": {"nb": "del av forskriften", "en": "the part of the regulation"},
    "q_innovative": {"nb": "om den er innovativ", "en": "whether it is innovative"},
    "q_procedure": {"nb": "prosedyre", "en": "the procedure"},
    "course_reasoning": {"nb": "Begrunnelse", "en": "Reasoning"},
    "course_sources_title": {"nb": "Kilder ({n})", "en": "Sources ({n})"},
    "course_show_passages": {"nb": "Vis utdragene fra kildene", "en": "Show the passages from the sources"},
    "course_engine_details": {"nb": "Se hele vurderingen fra motoren", "en": "See the engine's full assessment"},
    "course_no_material": {"nb": "Kursmateriellet ({file}) finnes ikke.", "en": "The course material ({file}) is missing."},
    "course_pick_first": {"nb": "Skriv et svar først.", "en": "Write an answer first."},
    "part_below": {"nb": "Utenfor regelverket", "en": "Outside the rules"},
    "part_I": {"nb": "Del I", "en": "Part I"},
    "part_II": {"nb": "Del I og II", "en": "Parts I and II"},
    "part_III": {"nb": "Del I og III", "en": "Parts I and III"},
    "part_IV": {"nb": "Del I og IV (helse- og sosialtjenester)", "en": "Parts I and IV (health and social services)"},
    "part_referred": {"nb": "Egen forskrift (forsvar og sikkerhet, konsesjoner)", "en": "Own regulation (defence and security, concessions)"},
    "proc_open": {"nb": "Åpen konkurranse", "en": "Open procedure"},
    "proc_restricted": {"nb": "Begrenset konkurranse", "en": "Restricted procedure"},
    "proc_negotiated": {"nb": "Konkurranse med forhandling", "en": "Competitive procedure with negotiation"},
    "proc_competitive_dialogue": {"nb": "Konkurransepreget dialog", "en": "Competitive dialogue"},
    "proc_innovation_partnership": {"nb": "Innovasjonspartnerskap", "en": "Innovation partnership"},
    "proc_pcp": {"nb": "Førkommersiell anskaffelse (PCP)", "en": "Pre-commercial procurement (PCP)"},
    "proc_design_contest": {"nb": "Plan- og designkonkurranse", "en": "Design contest"},
    "proc_direct": {"nb": "Direkte anskaffelse", "en": "Direct award"},
    "proc_part_iv": {"nb": "Egen prosedyre etter del IV", "en": "Own procedure under part IV"},
    "proc_other_regulation": {"nb": "Prosedyre etter egen forskrift", "en": "Procedure under its own regulation"},
}


def t(key: str, lang: str, missing_ok: bool = False, **values: object) -> str:
    """The text `key` in `lang` (falling back to Norwegian), with {placeholders} filled from `values`.

    An unknown key raises KeyError, so a typo fails in the tests instead of showing a raw key; with
    missing_ok=True the key itself is returned (for labels of data values such as document kinds).
    """
    entry = TEXTS.get(key)
    if entry is None:
        if missing_ok:
            return key
        raise KeyError(f"no user-facing text {key!r} in advisor/ui/texts.py")
    text = entry.get(lang) or entry["nb"]
    return text.format(**values) if values else text
