"""Build evals/assessment_notices_dev4.jsonl (seen dev set, wave 12) from /work/shared/data/doffin.

Written like build_notice_dev3.py, from notices in no other assessment set (the frozen unseen files are read for their
ids only, by notice_builder.py; FoU notices were also checked against the Vilgeir titles so that the same notice does
not come in under another id). Sources: the FoU CSV (value, if any, in the description's own wording: «1 000.000»,
«kr 1 600.000, -», «2 mill. kronereks. mva.», ranges, amounts incl. VAT, four contracts of «inntil» each, and project
or grant sums that are not the contract's value), eForms (a range in «million kroner», a sum of listed maximum values,
works, a health trust, postal services as a utility) and Vilgeir F02 (nynorsk, frameworks with options, leasing as
goods, buses bought by a university). Labels (input, extract, reasoning) were written by hand from the text and the
fact sheet before the engine or the reader was run on them; `expected` is the assessment of the JSON input.
Usage: PYTHONPATH=. python evals/build_notice_dev4.py evals/assessment_notices_dev4.jsonl
"""
import sys

from notice_builder import eforms_case, fou_case, fou_rows, labelled, vilgeir_case, write

S, M = "state", "municipal"
EX = dict(amounts_include_vat=False)

# FoU CSV: (reference, categories, need, input, extract, reasoning). No value is appended: the text is what Doffin shows.
F = [
 ("2022-396549", ["ordinary", "below_national"], "Utredning om forskning og innovasjon for mindre farlig avfall",
  dict(estimated_value_nok=1000000, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=1000000, **EX),
  "Forskningsrådet er et statlig forvaltningsorgan. «kr. 1 000.000 (eks. mva.)» er 1 mill. kr, under 1,3 mill. kr: bare del I."),
 ("2021-380366", ["special_services", "ceiling"], "Opplæring for etablerere i fylket",
  dict(estimated_value_nok=2500000, buyer=M, category="services", special_services=True),
  dict(buyer=M, category="services", special_services=True, estimated_value_nok=2500000, **EX),
  "Fylkeskommune. Etablereropplæring er undervisning/opplæring: særlige tjenester. Maks 2,5 mill. kr eks. mva. (bevilget beløp som tilbudet ikke kan overstige)."),
 ("2021-302705", ["ordinary", "below_national"], "Koordinator for en bærekraftsarena (konsulent)",
  dict(estimated_value_nok=450000, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=450000, **EX),
  "NMBU er et statlig universitet. 450 000 kr eks. mva. for hele perioden: bare del I."),
 ("2021-384802", ["ordinary", "below_national", "calendar_period"], "Kunnskapsprosjekt om kunstnere med funksjonsnedsettelser",
  dict(estimated_value_nok=1200000, buyer=S, category="services", duration_months=10),
  dict(buyer=S, category="services", estimated_value_nok=1200000, duration_months=10, **EX),
  "Kulturrådet er statlig. Fastpris 1,2 mill. kr eks. mva., under 1,3 mill. kr: bare del I. November 2021 – august 2022 er ti måneder."),
 ("2021-363771", ["ordinary", "below_national", "calendar_period"], "Konsulent om utslipp fra sjøfart",
  dict(estimated_value_nok=450000, buyer=M, category="services", duration_months=5),
  dict(buyer=M, category="services", estimated_value_nok=450000, duration_months=5, **EX),
  "Kommune. Øvre ramme 450 000 kr eks. mva.: bare del I. Oktober 2021 – februar 2022 er fem måneder."),
 ("2021-367356", ["ordinary", "vat_included"], "Evaluering av en satsing på digitalisering i lærerutdanningen",
  dict(estimated_value_nok=1800000, amounts_include_vat=True, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=1800000, amounts_include_vat=True),
  "Direktorat: statlig. 1,8 mill. kr inkl. mva. er 1,44 mill. kr uten mva.: over 1,3 mill. kr, under 1,49 mill. kr."),
 ("2021-372961", ["options", "below_national"], "Evaluering av et prosjekt",
  dict(estimated_value_nok=480000, buyer="other", category="services"),
  dict(category="services", estimated_value_nok=480000, **EX),
  "Sametinget; hvilken oppdragsgivertype er uten betydning her. 400 000 kr og opptil 80 000 kr ved forlengelse, oppgitt total inntil 480 000 kr eks. mva.: bare del I."),
 ("2021-311099", ["no_value", "distractor_amount"], "Gevinstberegning for et digitaliseringsprosjekt",
  dict(buyer=S, category="services"), dict(buyer=S, category="services"),
  "Husbanken er statlig. 30 mill. kr i året og 90 mill. kr er hele prosjektets kostnadsramme, ikke verdien av dette oppdraget: ingen verdi."),
 ("2021-319755", ["ordinary", "below_national"], "Litteraturstudie om edelkreps i regulerte magasiner",
  dict(estimated_value_nok=250000, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=250000),
  "NVE er et direktorat: statlig. Budsjett inntil 250 000 kr (mva. ikke nevnt): bare del I."),
 ("2021-371904", ["range", "below_national"], "Undersøkelser av kunstneres arbeidsforhold og levekår",
  dict(estimated_value_nok=1200000, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=1200000, **EX),
  "Kulturrådet er statlig. 1.000.000 – 1.200.000 kr eks. mva.; det øvre anslaget: under 1,3 mill. kr, bare del I."),
 ("2021-330032", ["ordinary", "below_national"], "Samfunnsanalyse av en fabrikketablering",
  dict(estimated_value_nok=1000000, buyer=M, category="services"),
  dict(buyer=M, category="services", estimated_value_nok=1000000, **EX),
  "Fylkeskommune. Øvre ramme 1 mill. kr eks. mva.: bare del I."),
 ("2021-352991", ["ordinary", "below_national"], "Bistand til en kommunikasjonsstrategi",
  dict(estimated_value_nok=350000, buyer=M, category="services"),
  dict(buyer=M, category="services", estimated_value_nok=350000, **EX),
  "En bydel i Oslo kommune. Maksimalt 350 000 kr eks. mva.: bare del I."),
 ("2021-367270", ["lots", "per_unit"], "Fire kompetansemeglere for forskningsbasert innovasjon",
  dict(estimated_value_nok=1600000, buyer=M, category="services"),
  dict(buyer=M, category="services", estimated_value_nok=1600000, **EX),
  "Fylkeskommune. Fire rammer (kontrakter) på inntil 400 000 kr hver lyses ut sammen: 4 × 400 000 = 1,6 mill. kr [delkontrakter legges sammen]; over 1,3 mill. kr, under 2,3 mill. kr."),
 ("2020-325554", ["ordinary"], "Evaluering av virkemidler for festivaler",
  dict(estimated_value_nok=2600000, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=2600000, **EX),
  "Kulturrådet er statlig (1,49 mill. kr). «NOK 2.6 mill. eks. mva.» er 2,6 mill. kr: del I og III."),
 ("2020-331760", ["ordinary", "ceiling"], "Forprosjekt om krav til utslippsfri hurtigbåt",
  dict(estimated_value_nok=2000000, buyer=M, category="services"),
  dict(buyer=M, category="services", estimated_value_nok=2000000, **EX),
  "Fylkeskommunen kjøper en utredning for sitt neste anbud på hurtigbåtruter; båtruter er ikke et forsyningsnett (jernbane, trikk, buss, kabelbane): FOA. Tilsagnet på 2 mill. kr eks. mva. er oppgitt som øvre grense for konsulenten."),
 ("2021-340229", ["ordinary", "no_value", "lots", "options"], "Rådgivning om avfall (rammeavtaler i fire deler)",
  dict(buyer=M, category="services", framework_agreement=True, duration_months=24, option_months=24),
  dict(buyer=M, category="services", framework_agreement=True, duration_months=24, option_months=24),
  "En etat i Oslo kommune; avfallsrådgivning er ikke en forsyningsvirksomhet. 400 000 kr er bare grensen for minikonkurranse, ikke en verdi. 2 år og opsjon på 1 + 1 år. Ingen verdi."),
 ("2020-384532", ["ordinary", "notation"], "Følgeforskning på et læringsnettverk om kollektivtransport",
  dict(estimated_value_nok=1600000, buyer=S, category="services", duration_months=24),
  dict(buyer=S, category="services", estimated_value_nok=1600000, duration_months=24, **EX),
  "Departement: statlig (1,49 mill. kr). «kr 1 600.000, - eksklusiv mva.» er 1,6 mill. kr: del I og III. To år. Følgeforskning er ingen transportvirksomhet."),
 ("2021-383854", ["ordinary", "vat_included"], "Følgeevaluering av porteføljestyring",
  dict(estimated_value_nok=1800000, amounts_include_vat=True, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=1800000, amounts_include_vat=True),
  "Forskningsrådet er statlig. 1,8 mill. kr inkl. mva. er 1,44 mill. kr uten mva."),
 ("2021-317776", ["ordinary", "below_national"], "Utredning av behovet for videreutdanning av lærere",
  dict(estimated_value_nok=800000, buyer=S, category="services"),
  dict(buyer=S, category="services", estimated_value_nok=800000, **EX),
  "Kompetanse Norge er et direktorat: statlig. En utredning om behovet for videreutdanning er ikke selv undervisning. Fast pris 800 000 kr eks. mva.: bare del I."),
 ("2021-375056", ["ordinary", "no_value"], "Rådgivning i et utviklingsprosjekt for helse og velferd",
  dict(buyer=M, category="services"), dict(buyer=M, category="services"),
  "Kommune. Rådgivning om hvordan helse- og velferdstjenestene skal utvikles er ikke selv en helse- eller sosialtjeneste. Ingen verdi."),
 ("2021-385164", ["ordinary", "no_value"], "Kartlegging av erfaringer med et arbeidstilbud på gårdsbruk",
  dict(buyer=S, category="services"), dict(buyer=S, category="services"),
  "Departement: statlig. En kartlegging av et velferdstilbud er en utredning, ikke en sosialtjeneste. Ingen verdi."),
 ("2020-347143", ["ordinary", "no_value", "lots"], "Forskning og utvikling innen utenrikspolitikk (rammeavtaler)",
  dict(buyer=S, category="services", framework_agreement=True),
  dict(buyer=S, category="services", framework_agreement=True),
  "Departement: statlig. Åtte rammeavtaler med inntil tre leverandører hver. Ingen verdi."),
 ("2021-371777", ["ordinary", "no_value", "distractor_amount", "nynorsk"], "Evaluering av virkningene av et vegprosjekt",
  dict(buyer=M, category="services"), dict(buyer=M, category="services"),
  "Fylkeskommune; veger er ikke en forsyningsvirksomhet. 5,6 milliarder kr er vegprosjektets verdi, ikke evalueringens: ingen verdi."),
]

# eForms: (file, categories, need, input, extract, reasoning); a value only where the notice has one (BT-27 or BT-161).
EF = [
 ("2023-618728_cn-standard.xml", ["range", "goods"], "IKT-utstyr for 23 kommuner (rammeavtale)",
  dict(estimated_value_nok=250000000, buyer=M, category="goods", framework_agreement=True, duration_months=48),
  dict(buyer=M, category="goods", framework_agreement=True, estimated_value_nok=250000000, duration_months=48),
  "Kommuner; IKT-utstyr er varer. 150–250 millioner kr for fire år; det øvre anslaget: del I og III."),
 ("2023-674907_pin-only.xml", ["goods", "no_value"], "Elektroniske medisindispensere (videreføring)",
  dict(buyer=M, category="goods", duration_months=48), dict(buyer=M, category="goods", duration_months=48),
  "Kommuner; medisindispensere er utstyr (varer), ikke helsetjenester. Ny periode på fire år. Ingen verdi."),
 ("2024-102199_cn-standard.xml", ["goods", "no_value"], "Elsykler for ansatte via leasing (rammeavtale)",
  dict(buyer=M, category="goods", framework_agreement=True), dict(buyer=M, category="goods", framework_agreement=True),
  "Fylkeskommune; elsykler (kunngjort som varer). Ingen verdi."),
 ("2023-642439_pin-only.xml", ["works", "no_value", "health_trust"], "Støttemur ved en sykehustomt",
  dict(buyer="other", category="works"), dict(buyer="other", category="works"),
  "Regionalt helseforetak: offentligrettslig organ. En støttemur og støyskjerm er anleggsarbeid; at sykehuset gir tilbud i psykisk helse gjør ikke kjøpet til en helsetjeneste. Ingen verdi."),
 ("2023-610912_cn-standard.xml", ["works", "lots"], "Utbygging av bredbånd (delkontrakter)",
  dict(buyer=M, category="works"), dict(buyer=M, category="works"),
  "Fylkeskommune; bredbåndsutbygging er anleggsarbeid (CPV 45). 120 mill. kr er over 57,8 mill. kr: del I og III."),
 ("2022-697882_veat.xml", ["goods", "sum_of_items", "health_trust"], "Legemidler til et beredskapslager",
  dict(estimated_value_nok=7432000, buyer="other", category="goods"),
  dict(buyer="other", category="goods", estimated_value_nok=7432000),
  "Helseforetak: offentligrettslig organ; legemidler er varer. Tre legemidler med inntil 67 000 + 1 315 000 + 6 050 000 kr = 7 432 000 kr: del I og III."),
 ("2023-100966_pin-buyer.xml", ["works", "no_value"], "Ny brannstasjon (samspill/totalentreprise)",
  dict(buyer=M, category="works"), dict(buyer=M, category="works"),
  "Kommune; å bygge en brannstasjon er byggearbeid. 30 % er en vekt, ikke en verdi. Ingen verdi."),
 ("2024-104961_pin-cfc-standard.xml", ["utilities", "no_value"], "Drift av post- og pakkeutlevering i butikk",
  dict(buyer="other", category="services", regime="utilities"),
  dict(buyer="other", category="services", regime="utilities"),
  "Posten driver posttjenester, en forsyningsvirksomhet: forsyningsforskriften. Ingen verdi."),
]

# Vilgeir F02: (index, categories, need, input, extract, reasoning)
VIL = [
 (342, ["ordinary", "no_value", "nynorsk", "options"], "Innsamling av hytte- og næringsavfall (rammeavtale)",
  dict(buyer="other", category="services", framework_agreement=True, duration_months=12, option_months=24),
  dict(buyer="other", category="services", framework_agreement=True, duration_months=12, option_months=24),
  "IKS: offentligrettslig organ; avfallsinnsamling er ingen forsyningsvirksomhet. 1 år og opsjon 1 + 1 år. Ingen verdi."),
 (357, ["ordinary", "no_value"], "Turkjøring med buss (rammeavtale)",
  dict(buyer=S, category="services", framework_agreement=True),
  dict(buyer=S, category="services", framework_agreement=True),
  "NMBU er statlig; et universitet som leier busser driver ikke et transportnett: FOA. Ingen verdi."),
 (190, ["goods", "no_value", "lots", "options"], "Leasing av tjenestebiler (rammeavtaler per bilklasse)",
  dict(buyer=M, category="goods", framework_agreement=True, duration_months=36, option_months=12),
  dict(buyer=M, category="goods", framework_agreement=True, duration_months=36, option_months=12),
  "Kommune; leasing av biler er en vareanskaffelse. 3 år og opsjon på 1 år. Ingen verdi."),
 (1087, ["goods", "no_value"], "Tre brannbiler",
  dict(buyer="other", category="goods"), dict(buyer="other", category="goods"),
  "IKS: offentligrettslig organ; biler er varer. Ingen verdi."),
 (26, ["ordinary", "no_value"], "Vask av tøy for en helseinstitusjon (rammeavtale)",
  dict(buyer=M, category="services", framework_agreement=True),
  dict(buyer=M, category="services", framework_agreement=True),
  "Kommune; vaskeritjenester er ikke helsetjenester selv om tøyet er fra et helsehjem. Ingen verdi."),
 (224, ["goods", "no_value"], "Fire autoklaver for laboratorier",
  dict(buyer="other", category="goods"), dict(category="goods"),
  "Norsk Helsenett SF er et statsforetak; autoklaver er varer. Ingen verdi."),
 (926, ["ordinary", "no_value"], "Fast- og mobiltelefoni (rammeavtale)",
  dict(buyer=M, category="services", framework_agreement=True),
  dict(buyer=M, category="services", framework_agreement=True),
  "Fylkeskommune; telefoni og datatrafikk er tjenester. Ingen verdi."),
 (1139, ["goods", "no_value"], "Billeasing og biladministrasjon (rammeavtale)",
  dict(buyer=S, category="goods", framework_agreement=True),
  dict(buyer=S, category="goods", framework_agreement=True),
  "Mattilsynet er statlig; billeasing er en vareanskaffelse. 179 er antall biler, ikke en verdi. Ingen verdi."),
 (204, ["ordinary", "no_value", "lots"], "Hogst av fremmede treslag i verneområder (regional rammeavtale)",
  dict(buyer=S, category="services", framework_agreement=True),
  dict(buyer=S, category="services", framework_agreement=True),
  "Statsforvalteren (Fylkesmannen) er statlig; skjøtselshogst er en tjeneste. En av seks regionale rammeavtaler. Ingen verdi."),
]


def rows():
    fou = fou_rows()
    return labelled([fou_case(fou, *case) for case in F] + [eforms_case(*case) for case in EF]
                    + [vilgeir_case(*case) for case in VIL], "dev4")


if __name__ == "__main__":
    sys.exit(write(rows()))
