"""Build evals/assessment_notices_dev3.jsonl (seen dev set, wave 11) from /work/shared/data/doffin.

Written like build_notice_dev2.py, from notices in no other assessment set (the frozen unseen files are read for their
ids only). Three sources: the FoU CSV (doffin_foucpv, «buyer: title. description», so the value has to be read from
the description's own wording), eForms notices («… Estimert/Samlet verdi ekskl. mva.: X NOK.» only when the notice
carries a value) and Vilgeir F02 texts. Chosen for variety: utilities by the activity served (rail, light rail,
drinking water) and one wastewater-only purchase that is not a utility, special services (hotel, legal, security,
child welfare), works without a value, values per year, ceilings and options, frameworks, lots, and notices with no
value. Labels (input, extract, reasoning) were written by hand from the text and the fact sheet before the engine or
the reader was run on them; `expected` is the assessment of the JSON input, checked by hand against the reasoning.
Usage: PYTHONPATH=. python evals/build_notice_dev3.py evals/assessment_notices_dev3.jsonl
"""
import csv
import json
import sys

from build_notice_dev2 import D, V, eforms, nok, used, vilgeir  # noqa: F401  (used: ids of every other set)

from advisor.doffin.privacy import has_contact_data, scrub_text

FOU = "scraped_2020_2022/doffin_foucpv_17032020-17032022.csv"


def fou_rows():
    with open(D / FOU, encoding="utf-8-sig") as f:
        return {r["doffin_referanse"]: r for r in csv.DictReader(f, delimiter=";")}


# FoU CSV: (reference, categories, need, input, extract, reasoning). No value is appended: the text is what Doffin shows.
F = [
 ("2022-328815", ["ordinary", "ceiling"], "Rådgivning i byggesaksbehandling (rammeavtale)",
  dict(estimated_value_nok=6000000, buyer="municipal", category="services", framework_agreement=True),
  dict(buyer="municipal", category="services", framework_agreement=True, estimated_value_nok=6000000, amounts_include_vat=False),
  "Kommune (2,3 mill. kr). Rammeavtalens maksimale verdi, 6 mill. kr med opsjoner, er det som teller (ikke anslaget på 5 mill.): del I og III."),
 ("2022-300620", ["ordinary", "ceiling", "per_period"], "Konsulenttjenester for Optimizely (rammeavtale)",
  dict(estimated_value_nok=20000000, buyer="state", category="services", framework_agreement=True, duration_months=24, option_months=24),
  dict(buyer="state", category="services", framework_agreement=True, estimated_value_nok=20000000, duration_months=24, option_months=24, amounts_include_vat=False),
  "Statsforvalterens fellestjenester er statlig (1,49 mill. kr). 2,5 mill. kr i året og 10 mill. kr med opsjoner er anslaget, men avtalen gjelder for uttak på inntil 20 mill. kr: rammeavtalens maksimale verdi: del I og III."),
 ("2021-359320", ["per_period"], "Koordinator for et nettverk i universitets- og høgskolesektoren",
  dict(value_per_period_nok=2500000, value_period="year", duration_months=48, buyer="state", category="services"),
  dict(buyer="state", category="services", value_per_period_nok=2500000, value_period="year", duration_months=48),
  "Direktorat: statlig (1,49 mill. kr). Inntil 2,5 mill. kr i året for 2022–2025 (fire år) = 10 mill. kr: del I og III."),
 ("2021-333624", ["per_period", "below_national"], "Revisor for et eksternt finansiert program (rammeavtale)",
  dict(value_per_period_nok=100000, value_period="year", buyer="state", category="services", framework_agreement=True),
  dict(buyer="state", category="services", framework_agreement=True, value_per_period_nok=100000, value_period="year", amounts_include_vat=False),
  "NMBU er et statlig universitet. Historisk forbruk ca. 100 000 kr i året, uten oppgitt varighet × 4 = 400 000 kr [guide-kontraktsverdi]: under den nasjonale terskelen, bare del I."),
 ("2021-309840", ["ordinary", "below_national"], "Fasilitering av en scenarioprosess",
  dict(estimated_value_nok=1200000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=1200000, amounts_include_vat=False),
  "Departement: statlig. Øvre ramme 1,2 mill. kr inkludert opsjonen er under 1,3 mill. kr: bare del I."),
 ("2021-302620", ["ordinary", "ceiling"], "Konsulenttjenester innen personvern og cybersikkerhet",
  dict(estimated_value_nok=6000000, buyer="state", category="services", duration_months=12, option_months=12),
  dict(buyer="state", category="services", estimated_value_nok=6000000, duration_months=12, option_months=12),
  "Norad er et direktorat: statlig (1,49 mill. kr). Maksimal ramme 6 mill. kr inkludert opsjon: del I og III."),
 ("2021-369073", ["ordinary", "options"], "Utredning om beslutningsgrunnlag i transportsektoren",
  dict(estimated_value_nok=2500000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=2500000, amounts_include_vat=False),
  "Departement: statlig (1,49 mill. kr). 1,5 mill. kr og en opsjon på 1 mill. kr; oppgitt total med opsjon 2,5 mill. kr: del I og III."),
 ("2021-359270", ["options", "below_national"], "Opplegg for evaluering av en tiltaksplan",
  dict(estimated_value_nok=500000, options_value_nok=400000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=500000, options_value_nok=400000, amounts_include_vat=False),
  "Direktorat: statlig. 500 000 kr og en opsjon på 400 000 kr = 900 000 kr [guide-kontraktsverdi]: bare del I."),
 ("2021-392148", ["per_period"], "Konsulenter i statistikk og beregningsmatematikk (rammeavtale)",
  dict(value_per_period_nok=3000000, value_period="year", buyer="state", category="services", framework_agreement=True),
  dict(buyer="state", category="services", framework_agreement=True, value_per_period_nok=3000000, value_period="year"),
  "Havforskningsinstituttet er et statlig forvaltningsorgan (1,49 mill. kr). Inntil 3 mill. kr i året uten oppgitt avtaletid × 4 = 12 mill. kr: del I og III."),
 ("2021-362095", ["ordinary", "options"], "Redaksjon og innholdsproduksjon for et nettsted",
  dict(estimated_value_nok=3900000, duration_months=53, option_months=48, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=3900000, duration_months=53, option_months=48, amounts_include_vat=False),
  "Departement: statlig. Oppgitt totalverdi med opsjoner 3,9 mill. kr (fire år og fem måneder pluss 2 + 2 år): del I og III."),
 ("2020-376986", ["ceiling", "per_period", "below_national"], "Bistand i petroleumsøkonomi (rammeavtale)",
  dict(estimated_value_nok=1250000, buyer="state", category="services", framework_agreement=True, duration_months=24, option_months=12),
  dict(buyer="state", category="services", framework_agreement=True, estimated_value_nok=1250000, duration_months=24, option_months=12, amounts_include_vat=False),
  "Departement: statlig. 400 000 kr i året, men øvre ramme 1,25 mill. kr for hele perioden med opsjonen: under 1,3 mill. kr, bare del I."),
 ("2020-321706", ["options", "below_national"], "Følgeevaluering av en pilotordning",
  dict(estimated_value_nok=900000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=900000, amounts_include_vat=False),
  "Departement: statlig. 700 000 kr og opsjon 200 000 kr, oppgitt totalverdi 900 000 kr: bare del I."),
 ("2020-350049", ["ordinary", "nynorsk"], "Organisasjons- og lederutvikling (rammeavtale)",
  dict(estimated_value_nok=3000000, buyer="municipal", category="services", framework_agreement=True, duration_months=24, option_months=24),
  dict(buyer="municipal", category="services", framework_agreement=True, estimated_value_nok=3000000, duration_months=24, option_months=24, amounts_include_vat=False),
  "Kommune (2,3 mill. kr). Lederutvikling ved prosessledelse er rådgivning (CPV 79410000), ikke undervisning i vedlegget. 3 mill. kr: del I og III."),
 ("2020-368079", ["range", "options"], "Tilstandsanalyse av demokratiet",
  dict(estimated_value_nok=8000000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=8000000, amounts_include_vat=False),
  "Departement: statlig. 3,5–8 mill. kr med opsjon; det øvre anslaget: del I og III."),
 ("2022-376708", ["utilities", "no_value"], "Kartlegging av vannkvaliteten i en drikkevannskilde",
  dict(buyer="municipal", category="services", regime="utilities"),
  dict(buyer="municipal", category="services", regime="utilities"),
  "Vann- og avløpsetaten kjøper for drikkevannsforsyningen (prøvetakingsplan etter drikkevannsforskriften): forsyningsforskriften. Ingen verdi i teksten."),
 ("2021-344234", ["utilities", "no_value"], "Utvikling av gravefri tilkobling av stikkledninger",
  dict(buyer="municipal", category="services", regime="utilities"),
  dict(buyer="municipal", category="services", regime="utilities"),
  "Vann- og avløpsetaten; rehabilitering av hovedvannledninger hører til drikkevannsnettet: forsyningsforskriften. Ingen verdi."),
 ("2022-382802", ["ordinary", "no_value"], "Kartlegging av tilbud til barn med særskilte behov",
  dict(buyer="municipal", category="services"),
  dict(buyer="municipal", category="services"),
  "En bydel i Oslo kommune; en kartlegging og analyse er en utredningstjeneste, ikke en sosialtjeneste. Ingen verdi."),
 ("2021-343075", ["range", "ordinary"], "Kapasitetsavtale for data og analyse",
  dict(estimated_value_nok=750000000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=750000000),
  "Statens vegvesen er statlig; veger er ikke en forsyningsvirksomhet. 500–750 mill. kr med forlengelser; det øvre anslaget: del I og III."),
]

# eForms: (file, categories, need, input, extract, reasoning); a value only where the notice has one (BT-27 or BT-161).
EF = [
 ("2022-347651_can-standard.xml", ["works", "no_value"], "Kulturbad med kulturskole (samspillsentreprise)",
  dict(buyer="municipal", category="works"), dict(buyer="municipal", category="works"),
  "Kommune; et bygg i samspillsentreprise er bygge- og anleggsarbeid. Ingen verdi."),
 ("2022-642893_pin-rtl.xml", ["ordinary", "no_value"], "Drift av parkering ved et sykehus",
  dict(buyer="other", category="services"), dict(buyer="other", category="services"),
  "Helseforetak (offentligrettslig organ); parkeringsdrift er ikke en helsetjeneste. Ingen verdi."),
 ("2022-674620_veat.xml", ["ordinary"], "Helseovervåking av vilt",
  dict(buyer="state", category="services"), dict(buyer="state", category="services"),
  "Direktorat: statlig (1,49 mill. kr). Sykdomsovervåking hos vilt er ikke helse- og sosialtjenester til mennesker. 21,7 mill. kr: del I og III."),
 ("2022-963627_cn-standard.xml", ["ordinary", "no_value"], "Evaluering av en etats organisering",
  dict(buyer="state", category="services"), dict(buyer="state", category="services"),
  "Tolletaten er statlig. Ingen verdi."),
 ("2023-100860_cn-social.xml", ["utilities", "special_services", "no_value"], "Vektertjenester for en flytogoperatør",
  dict(buyer="other", category="services", regime="utilities", special_services=True),
  dict(buyer="other", category="services", regime="utilities", special_services=True),
  "Flytoget driver jernbanetransport: forsyningsforskriften. Vekter- og sikkerhetstjenester står i vedlegget om særlige tjenester. Ingen verdi."),
 ("2023-632707_can-standard.xml", ["works", "no_value"], "Riving og gjenoppbygging av to bruer",
  dict(buyer="municipal", category="works"), dict(buyer="municipal", category="works"),
  "Kommune; brubygging er anleggsarbeid. Ingen verdi."),
 ("2023-653367_pin-rtl.xml", ["utilities", "works", "no_value"], "Bybane, nytt byggetrinn",
  dict(buyer="municipal", category="works", regime="utilities"), dict(category="works", regime="utilities"),
  "Bybanen er et bybanenett: transport er en forsyningsvirksomhet. Bygging av banen er anleggsarbeid. Ingen verdi."),
 ("2023-659744_pin-rtl.xml", ["utilities", "works", "no_value"], "Byggegrop og betongkulvert for jernbanen",
  dict(buyer="other", category="works", regime="utilities"), dict(buyer="other", category="works", regime="utilities"),
  "Bane NOR forvalter jernbanenettet: forsyningsforskriften. Byggegrop og kulvert er anleggsarbeid. Ingen verdi."),
 ("2023-689565_cn-standard.xml", ["special_services", "no_value"], "Hotell for kurs",
  dict(buyer="municipal", category="services", special_services=True),
  dict(buyer="municipal", category="services", special_services=True),
  "Fylkeskommune. Hotelltjenester står i vedlegget om særlige tjenester. Ingen verdi."),
 ("2023-697632_cn-standard.xml", ["utilities", "works", "no_value"], "Nye vann- og avløpsledninger",
  dict(buyer="municipal", category="works", regime="utilities"),
  dict(buyer="municipal", category="works", regime="utilities"),
  "Vannledninger hører til drikkevannsnettet: forsyningsforskriften. Legging av ledninger er anleggsarbeid. Ingen verdi."),
 ("2023-698775_cn-standard.xml", ["ordinary", "no_value"], "Forsikringer for 34 kommuner",
  dict(buyer="municipal", category="services"), dict(buyer="municipal", category="services"),
  "Kommuner (meglerens navn er ikke oppdragsgiveren); forsikring er en tjeneste. Ingen verdi."),
 ("2024-101636_cn-desg.xml", ["utilities", "no_value"], "Prosjektering av reservevannforsyning",
  dict(buyer="municipal", category="services", regime="utilities"),
  dict(buyer="municipal", category="services", regime="utilities"),
  "Vannforsyning til innbyggerne: forsyningsforskriften. Rådgivning og prosjektering er tjenester. Ingen verdi."),
 ("2024-104667_cn-standard.xml", ["ordinary", "no_value"], "Energirådgivning for statlige eiendommer",
  dict(buyer="state", category="services"), dict(buyer="state", category="services"),
  "Statsbygg er statlig; energirådgivning for egne bygg er ikke energiforsyning. Ingen verdi."),
 ("2024-106969_cn-social.xml", ["ordinary", "no_value"], "Innsamling av husholdningsavfall",
  dict(buyer="other", category="services"), dict(buyer="other", category="services"),
  "Et interkommunalt selskap (IKS) er et offentligrettslig organ; avfallsinnsamling er verken særlig tjeneste eller forsyning. Ingen verdi."),
 ("2024-107345_cn-standard.xml", ["ordinary", "no_value"], "Byggeledelse for et nytt renseanlegg",
  dict(buyer="municipal", category="services"), dict(buyer="municipal", category="services"),
  "Kommune. Et renseanlegg for avløpsvann alene er ikke drikkevannsforsyning: FOA. Byggeledelse er en tjeneste. Ingen verdi."),
 ("2024-110489_veat.xml", ["defence", "no_value"], "Mørkeutrustning med reservedeler (rammeavtale)",
  dict(buyer="state", category="goods", regime="defence_security", framework_agreement=True),
  dict(buyer="state", category="goods", regime="defence_security", framework_agreement=True),
  "Forsvaret kjøper etter forsvars- og sikkerhetsforskriften (FOSA): egen forskrift. Ingen verdi."),
 ("2023-336496_can-standard.xml", ["ordinary"], "System for utlån av e-bøker",
  dict(buyer="municipal", category="goods"), dict(buyer="municipal"),
  "Fylkeskommune (2,3 mill. kr); systemet kunngjort som varer. 2,4 mill. kr: del I og III."),
]

# Vilgeir F02: (index, categories, need, input, extract, reasoning)
VIL = [
 (30, ["per_period", "lots"], "Arbeidstøy, sko og verneutstyr (rammeavtale)",
  dict(value_per_period_nok=6148000, value_period="year", buyer="municipal", category="goods", framework_agreement=True),
  dict(buyer="municipal", category="goods", framework_agreement=True, value_per_period_nok=6148000, value_period="year", amounts_include_vat=False),
  "Kommuner; arbeidstøy er varer. Forbruket per år er summen av gruppene og de to andre kommunene: 3 650 000 + 1 450 000 + 815 000 + 113 000 + 120 000 = 6 148 000 kr, uten oppgitt varighet × 4: del I og III."),
 (437, ["special_services", "health_social", "no_value"], "Hjelpetiltak for barn og unge (dynamisk innkjøpsordning)",
  dict(buyer="municipal", category="services", health_social_services=True),
  dict(buyer="municipal", category="services", health_social_services=True),
  "Hjelpetiltak for barn og unge er sosialtjenester (CPV 85311300). Kommuner. Ingen verdi."),
 (57, ["works", "no_value"], "Elektrikertjenester på kommunale eiendommer (rammeavtale)",
  dict(buyer="municipal", category="works", framework_agreement=True),
  dict(buyer="municipal", category="works", framework_agreement=True),
  "Et kommunalt foretak (KF) er en del av kommunen. Elektrikerarbeid på bygg er bygge- og anleggsarbeid (CPV 45). Ingen verdi."),
 (112, ["works", "lots", "no_value"], "Tømrerarbeid på sykehusene (rammeavtale)",
  dict(buyer="other", category="works", framework_agreement=True),
  dict(buyer="other", category="works", framework_agreement=True),
  "Helseforetak; vedlikeholds- og ombyggingsarbeid som tømrer er bygge- og anleggsarbeid. Ingen verdi."),
 (890, ["special_services", "no_value"], "Juridiske tjenester innen regnskap, skatt og avgift",
  dict(buyer="other", category="services", special_services=True),
  dict(category="services", special_services=True),
  "Juridiske tjenester står i vedlegget om særlige tjenester. Innovasjon Norge er et offentligrettslig organ. Ingen verdi."),
 (241, ["special_services", "no_value"], "Hotellovernatting og møterom for fylkeskommunene",
  dict(buyer="municipal", category="services", special_services=True),
  dict(buyer="municipal", category="services", special_services=True),
  "Fylkeskommuner. Hotelltjenester står i vedlegget om særlige tjenester. Ingen verdi."),
 (142, ["ordinary", "no_value"], "Tømming og behandling av slam fra private avløpsanlegg",
  dict(buyer="municipal", category="services"), dict(buyer="municipal", category="services"),
  "Kommuner. Slamtømming fra separate avløpsanlegg er ikke drikkevannsforsyning: FOA. Ingen verdi."),
]


def rows():
    from advisor.assessment import assess
    from advisor.config import Settings
    settings = Settings()
    out = []
    fou = fou_rows()
    for ref, cats, need, inp, ext, why in F:
        key = f"doffin-{ref}"
        assert key not in used, key
        r = fou[ref]
        text = scrub_text(f"{r['publisert_av'].strip()}: {r['navn'].strip()}. {' '.join(r['beskrivelse'].split())}")
        assert not has_contact_data(text) and "fjernet]" not in text, key
        src = {"dataset": FOU, "doffin_id": ref, "buyer": r["publisert_av"].strip(), "title": r["navn"].strip(),
               "main_cpv": r["cpv"], "published": r["kunngjoring_dato"], "csv_estimated_total": r["estimert_totalverdi"]}
        out.append((key, cats, src, text, need, inp, ext, why))
    for file, cats, need, inp, ext, why in EF:
        n = eforms(file)
        key = f"doffin-{n.doffin_id}"
        assert key not in used, key
        value = n.estimated_value or n.awarded_value
        desc = " ".join((n.description or "").split()).rstrip(". ")
        text = f"{n.buyer_name}: {n.title}. {desc}."
        src = {"dataset": "eforms_xml", "file": file, "doffin_id": n.doffin_id, "notice_subtype": n.notice_subtype,
               "buyer": n.buyer_name, "contract_nature": n.contract_nature, "main_cpv": n.main_cpv}
        if value:
            label = "Estimert verdi" if n.estimated_value else "Samlet verdi"
            assert (n.estimated_currency or n.awarded_currency or "NOK") == "NOK", file
            text += f" {label} ekskl. mva.: {nok(value)} NOK."
            src["estimated_value_nok" if n.estimated_value else "awarded_total_nok"] = int(value)
            inp = {"estimated_value_nok": int(value), **inp}
            ext = {**ext, "estimated_value_nok": int(value), "amounts_include_vat": False}
        text = scrub_text(text)
        assert not has_contact_data(text), key
        out.append((key, cats, src, text, need, inp, ext, why))
    for index, cats, need, inp, ext, why in VIL:
        key = f"vilgeir-{index}"
        assert key not in used, key
        r, text = vilgeir(index)
        text = scrub_text(text)
        assert not has_contact_data(text) and "fjernet]" not in text, key
        src = {"dataset": V, "index": index, "buyer": r["oppdragsgiver"], "title": r["tittel"], "main_cpv": r["cpvnumber"],
               "published": r["kunngjoringsdato"], "form": r["form"]}
        out.append((key, cats, src, text, need, inp, ext, why))
    result = []
    for key, cats, src, text, need, inp, ext, why in out:
        a = assess({"need": need, **inp}, settings)
        expected = {"regime": a.regime, "part": a.part,
                    "value_nok": a.contract_value.total_nok if a.contract_value else None, "threshold": a.threshold.key}
        result.append({"id": key, "set": "dev3", "categories": cats, "source": src, "text": text,
                       "input": {"need": need, **inp}, "expected": expected, "extract": ext, "reasoning": why})
    assert len({r["id"] for r in result}) == len(result)
    return result


if __name__ == "__main__":
    rs = rows()
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for r in rs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in rs:
        print(r["id"], r["expected"])
