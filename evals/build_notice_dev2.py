"""Build evals/assessment_notices_dev2.jsonl (seen dev set, wave 9) from /work/shared/data/doffin.

Texts: «buyer: title. description» from the Vilgeir F02 JSON (as assessment_notices.jsonl), and for eForms notices
«buyer: title. description. Estimert/Samlet verdi ekskl. mva.: X NOK.» from the project's eForms reader; contact data
scrubbed. Labels (input, extract, reasoning) are written by hand below; `expected` is the assessment of the JSON input,
checked by hand against the reasoning. Usage: PYTHONPATH=. python evals/build_notice_dev2.py evals/assessment_notices_dev2.jsonl
"""
import ast
import json
import sys
from pathlib import Path

from advisor.doffin.codes import load_codes
from advisor.doffin.eforms import notice_from_root, parse_xml
from advisor.doffin.privacy import has_contact_data, scrub_text

D = Path("/work/shared/data/doffin")

def vdesc(r):
    b = r.get("beskrivelse")
    if isinstance(b, list):
        b = " ".join(b)
    if isinstance(b, str) and b.startswith("["):
        try:
            b = " ".join(ast.literal_eval(b))
        except (ValueError, SyntaxError):
            pass
    return " ".join((b or "").split())

def eforms(file):
    p = D / "eforms_xml" / file
    n = notice_from_root(parse_xml(p.read_bytes(), p), p, file.split("_")[0], load_codes())
    return n

def vilgeir(i):
    rows = json.load(open(D / "scraped_2020_2022/vilgeir_doffin-form2_F02_2020.json"))
    r = rows[i]
    return r, f"{r['oppdragsgiver']}: {r['tittel']}. {vdesc(r)}"


EVALS = Path(__file__).resolve().parent
# Notices already in another assessment set, by id only (the frozen unseen files are not read beyond their ids).
used = {json.loads(line)["id"] for name in ("assessment_notices.jsonl", "assessment_notices_unseen.jsonl",
        "assessment_notices_unseen2.jsonl") for line in (EVALS / name).read_text(encoding="utf-8").splitlines() if line.strip()}
V = "scraped_2020_2022/vilgeir_doffin-form2_F02_2020.json"

def nok(v):
    return f"{int(v):,}".replace(",", " ")

# (index, categories, need, input keys (without need), extract keys, reasoning)
VIL = [
 (4, ["per_period"], "Legemidler: PD1/PD-L1-hemmere med kombinasjonslegemidler",
  dict(value_per_period_nok=750000000, value_period="year", buyer="other", category="goods", framework_agreement=True),
  dict(buyer="other", category="goods", framework_agreement=True, value_per_period_nok=750000000, value_period="year"),
  "Legemidler er varer; Sykehusinnkjøp HF kjøper for de regionale helseforetakene, som er offentligrettslige organer (2,3 mill. kr). 750 mill. kr per år uten oppgitt varighet: × 4 (48 måneder) = 3 mrd. kr [guide-kontraktsverdi]: del I og III."),
 (15, ["ordinary"], "Øyelinser og irrigasjonsløsninger til kataraktoperasjoner",
  dict(estimated_value_nok=3000000, buyer="other", category="goods"),
  dict(buyer="other", category="goods", estimated_value_nok=3000000),
  "Linser er varer; helseforetak er offentligrettslige organer (2,3 mill. kr). Samlet estimert verdi 3,0 MNOK er over: del I og III [guide-terskelverdier]."),
 (41, ["ordinary"], "Sivilt arbeidstøy og verneutstyr",
  dict(estimated_value_nok=5500000, buyer="state", category="goods"),
  dict(buyer="state", category="goods", estimated_value_nok=5500000, market_has_solution="yes"),
  "Politiets fellestjenester kjøper for statlige etater: statlig (1,49 mill. kr). Arbeidstøy er varer. 5,5 mill. kr for hele perioden inkludert opsjonsår er over: del I og III."),
 (59, ["per_period"], "Pasienttransport (drosje) for Vestre Viken HF",
  dict(value_per_period_nok=1700000, value_period="year", buyer="other", category="services"),
  dict(buyer="other", category="services", value_per_period_nok=1700000, value_period="year", amounts_include_vat=False),
  "Pasienttransport med drosje (CPV 60120000) er en transporttjeneste, ikke en helsetjeneste i vedlegget. Helseforetak: 2,3 mill. kr. 1,7 mill. kr per år uten oppgitt varighet: × 4 = 6,8 mill. kr [guide-kontraktsverdi]: del I og III."),
 (105, ["ordinary", "vat"], "Etablering og drift av en innovasjonsarena for helsetjenester",
  dict(estimated_value_nok=12000000, amounts_include_vat=True, duration_months=36, buyer="other", category="services"),
  dict(buyer="other", category="services", estimated_value_nok=12000000, amounts_include_vat=True, duration_months=36),
  "Drift av en innovasjonsarena er prosjektledelse (CPV 79421000), ikke helsetjenester. 12 mill. kr inkl. mva. = 9,6 mill. kr ekskl. mva. [guide-kontraktsverdi], over 2,3 mill. kr: del I og III."),
 (181, ["ordinary", "range"], "Bistand til departementets oppfølging av et IT-prosjekt",
  dict(estimated_value_nok=2000000, duration_months=24, option_months=24, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=2000000, duration_months=24, option_months=24, amounts_include_vat=False),
  "Departement: statlig (1,49 mill. kr). Verdien er oppgitt som 1–2 mill. kr for hele perioden 2021–2024, altså med opsjonsårene; det øvre anslaget 2 mill. kr legges til grunn [guide-kontraktsverdi]: del I og III."),
 (183, ["ordinary"], "Mannskapsbil (brannbil)",
  dict(estimated_value_nok=5500000, buyer="other", category="goods"),
  dict(buyer="other", category="goods", estimated_value_nok=5500000, amounts_include_vat=False),
  "Et interkommunalt selskap (IKS) er et offentligrettslig organ (2,3 mill. kr). En brannbil er en vare; 5,5 mill. kr er over: del I og III."),
 (349, ["ordinary", "range"], "Arbeidsbåt til skjærgårdstjenesten",
  dict(estimated_value_nok=4000000, buyer="municipal", category="goods"),
  dict(buyer="municipal", category="goods", estimated_value_nok=4000000, amounts_include_vat=False),
  "Kommune (2,3 mill. kr); en båt er en vare. Budsjettet er 3–4 mill. kr; det øvre anslaget legges til grunn: del I og III."),
 (465, ["per_period", "range"], "Rådgivning ved rekruttering av styremedlemmer",
  dict(estimated_value_nok=8000000, buyer="state", category="services", framework_agreement=True, duration_months=12, option_months=36),
  dict(buyer="state", category="services", framework_agreement=True, estimated_value_nok=8000000, value_per_period_nok=1000000, value_period="year", option_months=36, amounts_include_vat=False),
  "Departement: statlig (1,49 mill. kr). Rekrutteringstjenester er ikke i vedlegget om særlige tjenester. Kunngjøringen oppgir en samlet verdi på inntil 8 mill. kr (0,5–1 mill. kr per år per kontrakt): del I og III."),
 (527, ["ordinary", "range"], "Sekretariatstjenester til et ekspertutvalg",
  dict(estimated_value_nok=3000000, buyer="state", category="services"),
  dict(buyer="state", category="services", estimated_value_nok=3000000, amounts_include_vat=False),
  "Departement: statlig (1,49 mill. kr). 2,5–3 mill. kr; det øvre anslaget legges til grunn: del I og III."),
 (558, ["ordinary"], "Trelast og byggevarer",
  dict(estimated_value_nok=4000000, buyer="municipal", category="goods", framework_agreement=True),
  dict(buyer="municipal", category="goods", framework_agreement=True, estimated_value_nok=4000000),
  "Byggevarer kjøpt som varer (ikke en bygge- og anleggskontrakt). Kommune: 2,3 mill. kr. 4 mill. kr med opsjonsårene: del I og III."),
 (625, ["ordinary"], "Byggevarer til universitetets eiendomsavdeling",
  dict(estimated_value_nok=5500000, buyer="state", category="goods", framework_agreement=True),
  dict(buyer="state", category="goods", framework_agreement=True, estimated_value_nok=5500000, amounts_include_vat=False),
  "Et statlig universitet er en statlig myndighet (1,49 mill. kr). Byggevarer er varer. 5,5 mill. kr inkludert opsjon: del I og III."),
 (669, ["ordinary"], "Møbler og løst inventar til ny barneskole",
  dict(estimated_value_nok=4000000, buyer="municipal", category="goods"),
  dict(buyer="municipal", category="goods", estimated_value_nok=4000000, amounts_include_vat=False),
  "Kommune (2,3 mill. kr); møbler er varer. 4 mill. kr: del I og III."),
 (739, ["ordinary", "range"], "Lisenser til en meldingshåndteringsløsning (Kafka)",
  dict(estimated_value_nok=24000000, buyer="state", category="goods", framework_agreement=True, duration_months=12, option_months=36),
  dict(buyer="state", category="goods", framework_agreement=True, estimated_value_nok=24000000, duration_months=12, option_months=36),
  "Skatteetaten er statlig (1,49 mill. kr); programvarelisenser er varer. Maksimumsverdien 24 mill. kr legges til grunn: del I og III."),
 (749, ["per_period"], "Forbruksmateriell til respirasjon og overvåking",
  dict(value_per_period_nok=8000000, value_period="year", buyer="other", category="goods"),
  dict(buyer="other", category="goods", value_per_period_nok=8000000, value_period="year"),
  "Helseforetak (2,3 mill. kr); forbruksmateriell er varer. 8 MNOK for et år uten oppgitt varighet: × 4 = 32 mill. kr [guide-kontraktsverdi]: del I og III."),
 (767, ["special_services", "health_social"], "Dagtilbud for personer med demens (Inn på tunet)",
  dict(estimated_value_nok=11000000, buyer="municipal", category="services", health_social_services=True),
  dict(buyer="municipal", category="services", health_social_services=True, estimated_value_nok=11000000),
  "Dagtilbud for personer med demens er en sosialtjeneste (CPV 85311100). 11 mill. kr over avtaleperioden er over 7,8 mill. kr: del I og IV [guide-sarlige-tjenester]."),
 (770, ["ordinary", "range"], "Diatermiapparater til sykehusene i Helse Midt-Norge",
  dict(estimated_value_nok=12000000, buyer="other", category="goods", framework_agreement=True, duration_months=24, option_months=24),
  dict(buyer="other", category="goods", framework_agreement=True, estimated_value_nok=12000000, duration_months=24, option_months=24, amounts_include_vat=False),
  "Helseforetak (2,3 mill. kr); apparater er varer. 7–12 mill. kr; det øvre anslaget legges til grunn: del I og III."),
 (787, ["ordinary"], "Medisinsk forbruksmateriell for seks kommuner",
  dict(estimated_value_nok=42000000, buyer="municipal", category="goods", framework_agreement=True),
  dict(buyer="municipal", category="goods", framework_agreement=True, estimated_value_nok=42000000, amounts_include_vat=False),
  "Kommuner (2,3 mill. kr); forbruksmateriell er varer. 42 mill. kr: del I og III."),
 (931, ["ordinary"], "Møbler til kontor, skole, barnehage og institusjon",
  dict(estimated_value_nok=35000000, buyer="municipal", category="goods", framework_agreement=True, duration_months=48),
  dict(buyer="municipal", category="goods", framework_agreement=True, estimated_value_nok=35000000, duration_months=48),
  "Kommune (2,3 mill. kr); møbler er varer. 35 mill. kr over 4 år (summen av de fire delkonkurransene): del I og III."),
 (1026, ["ordinary", "range"], "Konsulenttjenester for kontroll av bruer",
  dict(estimated_value_nok=180000000, buyer="state", category="services", framework_agreement=True, duration_months=48),
  dict(buyer="state", category="services", framework_agreement=True, estimated_value_nok=180000000, duration_months=48, amounts_include_vat=False),
  "Statens vegvesen er statlig (1,49 mill. kr). Kontroll av bruer er en rådgivende ingeniørtjeneste, ikke bygge- og anleggsarbeid. 120–180 mill. kr inkludert opsjoner; det øvre anslaget: del I og III."),
 (1150, ["ordinary"], "Internrevisjon",
  dict(estimated_value_nok=7500000, buyer="state", category="services", duration_months=24, option_months=36),
  dict(buyer="state", category="services", estimated_value_nok=7500000, duration_months=24, option_months=36, amounts_include_vat=False),
  "NTNU er et statlig universitet (1,49 mill. kr). 7,5 mill. kr: del I og III."),
 (1173, ["ordinary"], "Medisinske forbruksvarer",
  dict(estimated_value_nok=4000000, buyer="municipal", category="goods", framework_agreement=True),
  dict(buyer="municipal", category="goods", framework_agreement=True, estimated_value_nok=4000000),
  "Kommune (2,3 mill. kr); forbruksvarer er varer. 4 mill. kr: del I og III."),
 (1214, ["ordinary"], "Patruljebåt med opsjon på én båt til",
  dict(estimated_value_nok=6500000, options_value_nok=6500000, buyer="state", category="goods"),
  dict(buyer="state", category="goods", estimated_value_nok=6500000, options_value_nok=6500000, amounts_include_vat=False),
  "Direktorat: statlig (1,49 mill. kr); en båt er en vare. 6,5 mill. kr per båt, og opsjonen på én båt til teller med: 13 mill. kr [guide-kontraktsverdi]: del I og III."),
 (1215, ["ordinary", "range"], "Konsulenttjenester for en digital bibliotekplattform",
  dict(estimated_value_nok=9000000, buyer="state", category="services", duration_months=12, option_months=12),
  dict(buyer="state", category="services", estimated_value_nok=9000000, duration_months=12, option_months=12),
  "Norad er et direktorat: statlig (1,49 mill. kr). Budsjettrammen 3,5–9 mill. kr; det øvre anslaget: del I og III."),
 (1226, ["special_services", "range"], "Juridisk rådgivning (rammeavtale)",
  dict(estimated_value_nok=4000000, buyer="state", category="services", special_services=True, framework_agreement=True, duration_months=12, option_months=36),
  dict(buyer="state", category="services", special_services=True, framework_agreement=True, estimated_value_nok=4000000, duration_months=12, option_months=36, amounts_include_vat=False),
  "Juridisk rådgivning er en særlig tjeneste i vedlegget (juridiske tjenester). 0–4 mill. kr inkludert opsjoner er under 7,8 mill. kr [guide-sarlige-tjenester]."),
]

# eForms: (file, categories, need, input, extract, reasoning); value from BT-27 (estimated) or BT-161 (awarded).
EF = [
 ("2022-627736_veat.xml", ["ordinary"], "Lisensavtale for kartprogramvare",
  dict(buyer="state", category="services"), dict(buyer="state"),
  "Riksantikvaren er et statlig direktorat (1,49 mill. kr). Lisensavtalen er kunngjort som tjenester. 5 mill. kr: del I og III."),
 ("2022-955474_veat.xml", ["special_services"], "Flyopplæring for pilotstudenter",
  dict(buyer="state", category="services", special_services=True), dict(buyer="state", category="services", special_services=True),
  "Flyopplæring av studenter er undervisning og opplæring (CPV 80412000), en særlig tjeneste i vedlegget. UiT er statlig. 8 mill. kr er over 7,8 mill. kr: del I og II, med de reglene i del III som gjelder særlige tjenester [guide-sarlige-tjenester]."),
 ("2022-960991_can-standard.xml", ["ordinary"], "Varslingssystem basert på Cell Broadcast",
  dict(buyer="state", category="goods"), dict(buyer="state"),
  "Direktorat: statlig (1,49 mill. kr). Leveranse av et varslingssystem er varer (kunngjort som varer). 42 mill. kr: del I og III."),
 ("2022-967371_pin-cfc-social.xml", ["special_services"], "Nettbasert undervisning med eksamen for en fagskole",
  dict(buyer="municipal", category="services", special_services=True), dict(buyer="municipal", category="services", special_services=True),
  "Undervisning er en særlig tjeneste (CPV 80000000). Fylkeskommune. 2,35 mill. kr er under 7,8 mill. kr [guide-sarlige-tjenester]."),
 ("2023-101456_pin-rtl.xml", ["ordinary"], "Pasientovervåkingsutstyr til nytt sykehus",
  dict(buyer="other", category="goods"), dict(buyer="other", category="goods"),
  "Helseforetak (2,3 mill. kr); utstyr er varer. 7 mill. kr: del I og III."),
 ("2023-335407_can-standard.xml", ["ordinary"], "Bistand til å utarbeide felles sikkerhetskrav for kommunene",
  dict(buyer="other", category="services"), dict(buyer="other", category="services", duration_months=4, option_months=2),
  "KS er en medlemsorganisasjon for kommunene, ikke en kommune; kunngjort som offentligrettslig organ (2,3 mill. kr, samme terskel). Rådgivning er tjenester. 2,7 mill. kr: del I og III."),
 ("2022-365499_veat.xml", ["ordinary"], "Laserskanning og fotogrammetri av to tunneler",
  dict(buyer="municipal", category="services"), dict(buyer="municipal", category="services", market_has_solution="no"),
  "Fylkeskommune. 319 128 kr er under den nasjonale terskelen på 1,3 mill. kr: bare del I."),
 ("2022-945636_veat.xml", ["ordinary"], "Systemavhengig forbruksmateriell til invasiv kardiologi",
  dict(buyer="other", category="goods", framework_agreement=True), dict(buyer="other", category="goods", framework_agreement=True),
  "Helseforetak (2,3 mill. kr); forbruksmateriell er varer. 100 mill. kr: del I og III (direkte anskaffelse etter § 13-4 b)."),
 ("2024-113575_veat.xml", ["ordinary"], "Digitalt patologisystem",
  dict(buyer="other", category="goods"), dict(buyer="other", category="goods"),
  "Helseforetak (2,3 mill. kr); et IT-system kunngjort som varer. 16 mill. kr: del I og III."),
]

def rows():
    from advisor.assessment import assess
    from advisor.config import Settings
    settings = Settings()
    out = []
    for index, cats, need, inp, ext, why in VIL:
        key = f"vilgeir-{index}"
        assert key not in used, key
        r, text = vilgeir(index)
        text = scrub_text(text)
        assert not has_contact_data(text) and "fjernet]" not in text, key
        src = {"dataset": V, "index": index, "buyer": r["oppdragsgiver"], "title": r["tittel"], "main_cpv": r["cpvnumber"],
               "published": r["kunngjoringsdato"], "form": r["form"]}
        out.append((key, cats, src, text, need, inp, ext, why))
    for file, cats, need, inp, ext, why in EF:
        n = eforms(file)
        key = f"doffin-{n.doffin_id}"
        assert key not in used, key
        value = n.estimated_value or n.awarded_value
        label = "Estimert verdi" if n.estimated_value else "Samlet verdi"
        assert (n.estimated_currency or n.awarded_currency) == "NOK", file
        desc = " ".join((n.description or "").split())
        text = scrub_text(f"{n.buyer_name}: {n.title}. {desc.rstrip('.')}. {label} ekskl. mva.: {nok(value)} NOK.")
        assert not has_contact_data(text), key
        src = {"dataset": "eforms_xml", "file": file, "doffin_id": n.doffin_id, "notice_subtype": n.notice_subtype,
               "buyer": n.buyer_name, "contract_nature": n.contract_nature, "main_cpv": n.main_cpv,
               ("estimated_value_nok" if n.estimated_value else "awarded_total_nok"): int(value)}
        inp = {"estimated_value_nok": int(value), **inp}
        ext = {**ext, "estimated_value_nok": int(value), "amounts_include_vat": False}
        out.append((key, cats, src, text, need, inp, ext, why))
    result = []
    for key, cats, src, text, need, inp, ext, why in out:
        a = assess({"need": need, **inp}, settings)
        expected = {"regime": a.regime, "part": a.part,
                    "value_nok": a.contract_value.total_nok if a.contract_value else None, "threshold": a.threshold.key}
        result.append({"id": key, "set": "dev2", "categories": cats, "source": src, "text": text,
                       "input": {"need": need, **inp}, "expected": expected, "extract": ext, "reasoning": why})
    return result

if __name__ == "__main__":
    rs = rows()
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for r in rs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in rs:
        print(r["id"], r["expected"])
