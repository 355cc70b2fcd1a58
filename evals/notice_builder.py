"""Shared machinery of the assessment notice builders (build_notice_dev2.py, dev3.py, dev4.py).

Each builder lists its hand-labelled notices, (source, categories, need, input, extract, reasoning), and calls the
functions here to read the notice text from the raw Doffin folders, scrub contact data, compute `expected` with the
assessment engine and write the JSON lines. The frozen unseen files are read for their ids only.
"""
import ast
import csv
import json
import sys
from pathlib import Path

from advisor.doffin.codes import load_codes
from advisor.doffin.eforms import notice_from_root, parse_xml
from advisor.doffin.privacy import has_contact_data, scrub_text

D = Path("/work/shared/data/doffin")
V = "scraped_2020_2022/vilgeir_doffin-form2_F02_2020.json"
FOU = "scraped_2020_2022/doffin_foucpv_17032020-17032022.csv"
EVALS = Path(__file__).resolve().parent
# Notices already in another assessment set, by id only (the frozen unseen files are not read beyond their ids); the
# set being built (the file named in argv[1]) is left out so that a builder can rebuild its own set.
SETS = ("assessment_notices.jsonl", "assessment_notices_dev2.jsonl", "assessment_notices_dev3.jsonl",
        "assessment_notices_dev4.jsonl", "assessment_notices_unseen.jsonl", "assessment_notices_unseen2.jsonl")
_own = Path(sys.argv[1]).name if len(sys.argv) > 1 else None
used = {json.loads(line)["id"] for name in SETS if name != _own and (EVALS / name).exists()
        for line in (EVALS / name).read_text(encoding="utf-8").splitlines() if line.strip()}


def nok(v):
    return f"{int(v):,}".replace(",", " ")


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
    return notice_from_root(parse_xml(p.read_bytes(), p), p, file.split("_")[0], load_codes())


def vilgeir(i):
    rows = json.load(open(D / V))
    r = rows[i]
    return r, f"{r['oppdragsgiver']}: {r['tittel']}. {vdesc(r)}"


def fou_rows():
    with open(D / FOU, encoding="utf-8-sig") as f:
        return {r["doffin_referanse"]: r for r in csv.DictReader(f, delimiter=";")}


def vilgeir_case(index, cats, need, inp, ext, why):
    """A Vilgeir F02 notice as a labelled case: «buyer: title. description», scrubbed."""
    key = f"vilgeir-{index}"
    assert key not in used, key
    r, text = vilgeir(index)
    text = scrub_text(text)
    assert not has_contact_data(text) and "fjernet]" not in text, key
    src = {"dataset": V, "index": index, "buyer": r["oppdragsgiver"], "title": r["tittel"], "main_cpv": r["cpvnumber"],
           "published": r["kunngjoringsdato"], "form": r["form"]}
    return key, cats, src, text, need, inp, ext, why


def eforms_case(file, cats, need, inp, ext, why, *, value_required=False):
    """An eForms notice as a labelled case: «buyer: title. description.», and «Estimert/Samlet verdi ekskl. mva.: X
    NOK.» when the notice carries a value (then also in the input and the extract). `value_required`: the notice must
    carry a value in NOK."""
    n = eforms(file)
    key = f"doffin-{n.doffin_id}"
    assert key not in used, key
    value = n.estimated_value or n.awarded_value
    desc = " ".join((n.description or "").split()).rstrip(". ")
    text = f"{n.buyer_name}: {n.title}. {desc}."
    src = {"dataset": "eforms_xml", "file": file, "doffin_id": n.doffin_id, "notice_subtype": n.notice_subtype,
           "buyer": n.buyer_name, "contract_nature": n.contract_nature, "main_cpv": n.main_cpv}
    assert value or not value_required, file
    if value:
        label = "Estimert verdi" if n.estimated_value else "Samlet verdi"
        currency = n.estimated_currency or n.awarded_currency
        assert currency == "NOK" or (currency is None and not value_required), file
        text += f" {label} ekskl. mva.: {nok(value)} NOK."
        src["estimated_value_nok" if n.estimated_value else "awarded_total_nok"] = int(value)
        inp = {"estimated_value_nok": int(value), **inp}
        ext = {**ext, "estimated_value_nok": int(value), "amounts_include_vat": False}
    text = scrub_text(text)
    assert not has_contact_data(text), key
    return key, cats, src, text, need, inp, ext, why


def fou_case(fou, ref, cats, need, inp, ext, why):
    """A notice of the FoU CSV as a labelled case: «buyer: title. description», the text Doffin shows (no value
    appended)."""
    key = f"doffin-{ref}"
    assert key not in used, key
    r = fou[ref]
    text = scrub_text(f"{r['publisert_av'].strip()}: {r['navn'].strip()}. {' '.join(r['beskrivelse'].split())}")
    assert not has_contact_data(text) and "fjernet]" not in text, key
    src = {"dataset": FOU, "doffin_id": ref, "buyer": r["publisert_av"].strip(), "title": r["navn"].strip(),
           "main_cpv": r["cpv"], "published": r["kunngjoring_dato"], "csv_estimated_total": r["estimert_totalverdi"]}
    return key, cats, src, text, need, inp, ext, why


def labelled(cases, set_name):
    """The eval rows: each case with `expected` = the assessment of its JSON input."""
    from advisor.assessment import assess
    from advisor.config import Settings
    settings = Settings()
    result = []
    for key, cats, src, text, need, inp, ext, why in cases:
        a = assess({"need": need, **inp}, settings)
        expected = {"regime": a.regime, "part": a.part,
                    "value_nok": a.contract_value.total_nok if a.contract_value else None, "threshold": a.threshold.key}
        result.append({"id": key, "set": set_name, "categories": cats, "source": src, "text": text,
                       "input": {"need": need, **inp}, "expected": expected, "extract": ext, "reasoning": why})
    assert len({r["id"] for r in result}) == len(result)
    return result


def write(rows):
    """Write the rows to the path in argv[1] and print each id with its expected assessment."""
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in rows:
        print(r["id"], r["expected"])
