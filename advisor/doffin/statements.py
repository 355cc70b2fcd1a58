"""Short Norwegian statements from the computed figures, and the Markdown statistics note for the corpus.

Every statement carries its own coverage caveat ("i et utvalg på N kunngjøringer fra … til …; ikke
representativt") so that a cited chunk can never be read without it. The text is produced from the figures by
code; nothing here is written by a language model.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from advisor.doffin.models import FORMAT_LABELS

NOTE_ID = "stat-doffin-beregnet"
NOTE_TITLE = "Beregnede tall fra Doffin-kunngjøringer (utvalg, ikke representativt)"
PUBLISHED_NOTE_ID = "stat-publiserte-tall"
# formats that can state a procedure type at all
PROCEDURE_FORMATS = ("eforms_xml", "dfo_csv")
_MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
    "desember",
)


def norwegian_date(iso: str | None) -> str:
    """'2022-07-04' -> '4. juli 2022'."""
    if not iso:
        return "ukjent dato"
    year, month, day = (int(part) for part in iso[:10].split("-"))
    return f"{day}. {_MONTHS[month - 1]} {year}"


def number(value: float | int | None, decimals: int = 0) -> str:
    """Norwegian number format: space as thousands separator, comma as decimal mark."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text


def percent(share: float | None) -> str:
    """0.125 -> '12,5 %'."""
    return "–" if share is None else f"{number(share * 100, 1)} %"


def caveat(figure: dict[str, Any]) -> str:
    """The coverage caveat every statement ends with."""
    cov = figure["coverage"]
    return (
        f"i et utvalg på {number(cov['n_notices'])} kunngjøringer fra {norwegian_date(cov['date_from'])} "
        f"til {norwegian_date(cov['date_to'])}; ikke representativt"
    )


def plural(count: int, one: str, many: str) -> str:
    """'1 kunngjøring', '3 kunngjøringer'."""
    return f"{number(count)} {one if count == 1 else many}"


def _nok(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 1_000_000:
        return f"{number(value / 1_000_000, 1)} mill. kr"
    return f"{number(value)} kr"


def statements(figures: dict[str, Any]) -> list[tuple[str, list[str]]]:  # noqa: C901 - to split (wave 2 follow-up)
    """(section heading, statements) pairs for the note, in reading order."""
    sections: list[tuple[str, list[str]]] = []
    proc = figures["procedure_type"]
    counts, labels, shares = proc["counts"], proc["labels"], proc["shares"]
    n = proc["n"]

    def procedure_line(code: str, name: str) -> str:
        if n == 0:
            return (
                f"Ingen av de {number(proc['n_total'])} importerte kunngjøringene oppgir prosedyretype, så bruken av "
                f"{name} kan ikke beregnes ({caveat(proc)})."
            )
        return (
            f"{name} (prosedyrekode {code}) er brukt i {number(counts.get(code, 0))} av {number(n)} kunngjøringer "
            f"som oppgir prosedyretype ({percent(shares.get(code))}) ({caveat(proc)})."
        )

    innovation = [procedure_line("innovation", "Innovasjonspartnerskap")]
    if n and counts.get("innovation", 0) == 0:
        innovation.append(
            f"At tallet er 0, betyr bare at prosedyren ikke forekommer blant disse {number(n)} kunngjøringene; det "
            f"sier ikke at innovasjonspartnerskap ikke brukes i Norge ({caveat(proc)}). Se {PUBLISHED_NOTE_ID} for "
            "publiserte tall om innovasjonspartnerskap."
        )
    sections.append(("Hvor ofte brukes innovasjonspartnerskap?", innovation))
    sections.append(
        ("Hvor ofte brukes konkurransepreget dialog?", [procedure_line("comp-dial", "Konkurransepreget dialog")])
    )

    used = [code for code, value in counts.items() if value > 0]
    proc_lines = []
    if used:
        listing = "; ".join(
            f"{labels[code]} ({code}): {number(counts[code])} ({percent(shares[code])})" for code in used
        )
        proc_lines.append(f"Prosedyretyper blant {number(n)} kunngjøringer som oppgir prosedyre: {listing} ({caveat(proc)}).")
    if proc["n_not_stated"]:
        by_format = "; ".join(
            f"{FORMAT_LABELS.get(fmt, fmt)}: {number(count)}"
            + ("" if fmt in PROCEDURE_FORMATS else " (formatet har ikke feltet)")
            for fmt, count in proc["not_stated_by_format"].items()
        )
        proc_lines.append(
            f"{number(proc['n_not_stated'])} av {number(proc['n_total'])} importerte kunngjøringer oppgir ingen "
            f"prosedyretype ({by_format}); de er ikke med i andelene ({caveat(figures['notices_per_year'])})."
        )
    if counts.get("unknown"):
        raw = ", ".join(f"«{value}» ({count})" for value, count in proc["unknown_values"].items())
        proc_lines.append(
            f"{number(counts['unknown'])} kunngjøringer har en prosedyreverdi som ikke er en gyldig eForms-kode ({raw}); "
            f"de telles som ukjent ({caveat(proc)})."
        )
    sections.append(("Prosedyretyper", proc_lines))

    per_year = figures["notices_per_year"]
    year_lines = []
    for year, total in per_year["totals"].items():
        parts = ", ".join(
            f"{per_year['form_type_labels'].get(code, code).lower()} {number(value)}"
            for code, value in per_year["by_form_type"][year].items()
        )
        year_lines.append(f"{year}: {number(total)} kunngjøringer ({parts}) ({caveat(per_year)}).")
    sections.append(("Kunngjøringer per år og type", year_lines))

    cpv = figures["cpv_division"]
    cpv_lines = []
    if cpv["n"]:
        top = list(cpv["counts"].items())[:8]
        listing = "; ".join(
            f"{div} {cpv['names'][div]}: {number(value)} ({percent(cpv['shares'][div])})" for div, value in top
        )
        cpv_lines.append(
            f"De vanligste CPV-hovedgruppene (to første sifre i hoved-CPV) blant {number(cpv['n'])} kunngjøringer med "
            f"CPV-kode: {listing} ({caveat(cpv)})."
        )
    sections.append(("CPV-områder", cpv_lines))

    inn = figures["innovative"]
    if inn["n"]:
        inn_lines = [
            f"{number(inn['n_flagged'])} av {number(inn['n'])} eForms-kunngjøringer er merket som innovativ anskaffelse "
            f"(strategisk anskaffelse «inn-pur») ({percent(inn['share_of_eforms'])}); {number(inn['n_stated'])} av dem "
            f"har fylt ut feltene for strategiske anskaffelser i det hele tatt ({caveat(inn)})."
        ]
    else:
        inn_lines = [
            "Ingen importerte kunngjøringer er i eForms-format, så merket for innovativ anskaffelse (inn-pur) kan ikke "
            f"beregnes ({caveat(figures['notices_per_year'])})."
        ]
    sections.append(("Innovative anskaffelser (merket inn-pur)", inn_lines))

    tenders = figures["tenders_received"]
    tender_lines = []
    if tenders["n"]:
        dist = ", ".join(f"{bucket} tilbud: {number(v)}" for bucket, v in tenders["distribution_lots"].items() if v)
        tender_lines.append(
            f"{number(tenders['n'])} kunngjøringer oppgir antall tilbud, for til sammen {number(tenders['n_lots'])} "
            f"delkontrakter. Fordeling per delkontrakt: {dist}. Median {number(tenders['median_tenders_per_lot'], 1)} "
            f"tilbud per delkontrakt ({caveat(tenders)})."
        )
        biggest = tenders["max_lots_in_one_notice"]
        if biggest > 1 and biggest * 4 > tenders["n_lots"]:
            tender_lines.append(
                f"Én enkelt kunngjøring står for {number(biggest)} av de {number(tenders['n_lots'])} delkontraktene, "
                f"så fordelingen per delkontrakt er preget av den ({caveat(tenders)})."
            )
        tender_lines.append(
            f"Ett tilbud: {number(tenders['single_tender_lots'])} av {number(tenders['n_lots'])} delkontrakter "
            f"({percent(tenders['single_tender_share_lots'])}); {number(tenders['notices_with_single_tender_lot'])} av "
            f"{number(tenders['n'])} kunngjøringer har minst én delkontrakt med bare ett tilbud "
            f"({percent(tenders['single_tender_share_notices'])}) ({caveat(tenders)})."
        )
    sections.append(("Antall tilbud", tender_lines))

    values = figures["values"]
    value_lines = []
    if values["estimated"]["n"]:
        value_lines.append(
            f"Anslått verdi er oppgitt i {plural(values['estimated']['n'], 'kunngjøring', 'kunngjøringer')}; medianen er "
            f"{_nok(values['estimated']['median_nok'])} ({caveat(values)})."
        )
    if values["awarded"]["n"]:
        value_lines.append(
            f"Samlet tildelt verdi er oppgitt i {plural(values['awarded']['n'], 'kunngjøring', 'kunngjøringer')}; medianen er "
            f"{_nok(values['awarded']['median_nok'])} ({caveat(values)})."
        )
    if values["both"]["n"]:
        value_lines.append(
            f"Bare {plural(values['both']['n'], 'kunngjøring', 'kunngjøringer')} oppgir både anslått og tildelt verdi; median forhold "
            f"tildelt/anslått er {number(values['both']['median_ratio_awarded_to_estimated'], 2)} ({caveat(values)})."
        )
    sections.append(("Anslått og tildelt verdi", value_lines))

    buyers = figures["buyer_type"]
    buyer_lines = []
    if buyers["n"]:
        listing = "; ".join(
            f"{buyers['labels'][code]} ({code}): {number(v)} ({percent(buyers['shares'][code])})"
            for code, v in list(buyers["counts"].items())[:8]
        )
        buyer_lines.append(
            f"Oppdragsgivertype (BT-11) blant {number(buyers['n'])} kunngjøringer som oppgir den: {listing} "
            f"({caveat(buyers)})."
        )
    sections.append(("Oppdragsgivertype", buyer_lines))
    return [(heading, lines) for heading, lines in sections if lines]


def source_lines(figures: dict[str, Any]) -> list[str]:
    """One line per source folder and format: what it is, how many notices, which period."""
    lines = []
    for source in figures["coverage"]["sources"]:
        lines.append(
            f"{FORMAT_LABELS.get(source['format'], source['format'])}, mappe {Path(source['folder']).name}: "
            f"{number(source['n'])} kunngjøringer. Data: Doffin / DFØ (CC BY 4.0)"
        )
    return lines


def render_note(figures: dict[str, Any], remarks: list[str] | None = None) -> str:
    """The statistics note (Markdown with YAML front matter) for corpus/statistics/.

    `remarks` are extra caveats about the sources (e.g. how a sample was selected), printed under "Om tallene".
    """
    cov = figures["coverage"]
    proc = figures["procedure_type"]
    front = {
        "id": NOTE_ID,
        "title": NOTE_TITLE,
        "kind": "statistics",
        "authority": "other",
        "as_of": figures["as_of"],
        "sources": source_lines(figures)
        + ["Kodelister: DFØ, eForms-SDK-NOR (CC BY 4.0); beregnet med `advisor stats note`"],
        "language": "nb",
        "summary": (
            f"Tall beregnet av programmet fra et utvalg på {number(cov['n_notices'])} Doffin-kunngjøringer "
            f"({norwegian_date(cov['date_from'])}–{norwegian_date(cov['date_to'])}): prosedyretyper (innovasjonspartnerskap "
            f"{number(proc['counts'].get('innovation', 0))} av {number(proc['n'])}, konkurransepreget dialog "
            f"{number(proc['counts'].get('comp-dial', 0))} av {number(proc['n'])}), CPV-områder, tilbud, verdier og "
            "oppdragsgivertyper. Utvalget er ikke representativt for Doffin."
        ),
    }
    out = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=110).rstrip(), "---", ""]
    out += [
        "## Om tallene",
        "",
        (
            f"Tallene i dette notatet er beregnet av programmet (`advisor stats`) direkte fra "
            f"{number(cov['n_notices'])} Doffin-kunngjøringer publisert fra {norwegian_date(cov['date_from'])} til "
            f"{norwegian_date(cov['date_to'])}. De er telt, ikke anslått, og ikke skrevet av en språkmodell. "
            f"{cov['warning']} Hvert tall oppgir hvor mange kunngjøringer det bygger på (n). Offisielle publiserte "
            f"tall om offentlige anskaffelser står i {PUBLISHED_NOTE_ID}."
        ),
        "",
    ]
    if remarks:
        out += [f"- {remark.strip()}" for remark in remarks if remark.strip()] + [""]
    for heading, lines in statements(figures):
        out.append(f"## {heading}")
        out.append("")
        out.extend(f"- {line}" for line in lines)
        out.append("")
    out += ["## Kilder og metode", ""]
    out += [f"- {line}." for line in source_lines(figures)]
    out += [
        "- Telling: distinkte kunngjøringer. Samme kunngjøring fra flere kilder (samme Doffin-id eller eForms-id) "
        "telles én gang; feltene hentes fra den sterkeste kilden (eForms XML foran API-JSON, DFØ-CSV og skrapede filer).",
        "- Prosedyretype finnes bare i eForms XML og DFØs CSV; API-søket og de skrapede filene har ikke feltet.",
        "- Kontaktpersoner, e-postadresser og telefonnumre er fjernet ved innlesing og er ikke lagret.",
        f"- Beregnet {norwegian_date(figures['as_of'])}.",
        "",
    ]
    return "\n".join(out)


def write_note(figures: dict[str, Any], path: Path, remarks: list[str] | None = None) -> Path:
    """Write the note atomically (temp file + rename) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(render_note(figures, remarks), encoding="utf-8")
    os.replace(tmp, path)
    return path
