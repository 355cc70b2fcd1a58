"""Shared machinery of the real development-set builders (evals/build_real_dev4.py, dev5, dev6, ...).

A builder lists its rows by hand as (notice, part, text, domain, [(span text, label, category)]) and calls `main`.
This module reads only the `notice` field of every evals/requirements_real*.jsonl other than the output (seen or
frozen; never their text), reads the notices in ../shared/data/doffin with the project's importers (contact data
scrubbed by them), and refuses a row whose notice id is used, whose notice shares a title with a used notice, whose
text also occurs in a used notice, whose text is not in its notice, or that holds contact data. Span offsets are
computed here; a span text must occur exactly once in its row's text.
"""
import html
import json
import re
import sys
from pathlib import Path

from advisor.doffin.formats import read_notice_bytes
from advisor.doffin.privacy import has_contact_data
from advisor.errors import UnreadableDocument

DATA = Path("/work/shared/data/doffin")
EVALS = Path(__file__).resolve().parent
# the eval files name the Vilgeir JSON source by its author, the importer by its shape
SOURCE_NAMES = {"scraped_json": "vilgeir_json"}

V, A = "violation", "allowed"
TECH = "prescribed_technology"
STD = "standard"


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _notice_id(notice) -> str:
    return notice.doffin_id or notice.synthetic_id or notice.source_id


def read_notices() -> list:
    """Every notice the project's importers read in the folder (files they cannot read are skipped)."""
    notices = []
    for path in sorted(DATA.rglob("*")):
        if not path.is_file() or path.suffix not in (".xml", ".json", ".csv"):
            continue
        try:
            notices.extend(read_notice_bytes(path.read_bytes(), path).notices)
        except UnreadableDocument:
            continue
    return notices


def read_legacy_bodies() -> dict[str, str]:
    """Text of every file in legacy_nav_notices/ (tags removed, spaces collapsed) by file name, for the old formats the
    importers do not read; a row from one of them has part «body»."""
    bodies = {}
    for path in sorted((DATA / "legacy_nav_notices").glob("*.xml")):
        text = html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8", errors="replace")))
        bodies[path.stem] = " ".join(text.split())
    return bodies


def used_notice_ids(output_name: str) -> set[str]:
    """Notice ids of every other requirements_real*.jsonl, read field by field (no text is looked at)."""
    used = set()
    for path in sorted(EVALS.glob("requirements_real*.jsonl")):
        if path.name == output_name:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                used.add(json.loads(line)["notice"])
    return used


def build(rows_spec: list, output_name: str, id_prefix: str) -> list[dict]:
    notices = read_notices()
    used = used_notice_ids(output_name)
    used_notices = [n for n in notices if _notice_id(n) in used]
    used_titles = {_norm(n.title) for n in used_notices}
    used_text = " \n ".join(_norm(n.title) + " \n " + _norm(n.description) for n in used_notices)
    legacy = read_legacy_bodies()
    used_text += " \n ".join(_norm(body) for legacy_id, body in legacy.items() if legacy_id in used)
    by_id = {}
    for notice in notices:
        by_id.setdefault(_notice_id(notice), notice)
    rows = []
    for number, (notice_id, part, text, domain, spans) in enumerate(rows_spec, start=1):
        where = f"row {number} ({notice_id})"
        notice = by_id.get(notice_id)
        if part == "body":  # a legacy file the importers do not read
            if notice_id not in legacy or notice_id in used:
                raise SystemExit(f"{where}: no such unused legacy file in {DATA}")
            if text not in legacy[notice_id]:
                raise SystemExit(f"{where}: text not found in the legacy file")
        elif notice is None:
            raise SystemExit(f"{where}: no such notice in {DATA}")
        elif notice_id in used or _norm(notice.title) in used_titles:
            raise SystemExit(f"{where}: notice (or its title) is already in an analyzer eval file")
        if _norm(text) in used_text:
            raise SystemExit(f"{where}: the text also occurs in a used notice")
        if part != "body":
            source_text = notice.title if part == "title" else notice.description
            if (part == "title" and text != (source_text or "").strip()) or text not in (source_text or ""):
                raise SystemExit(f"{where}: text not found in the notice's {part}")
        if has_contact_data(text) or re.search(r"https?://|www\.|@", text):
            raise SystemExit(f"{where}: contact data or a web address")
        labelled = []
        for span_text, label, category in spans:
            if text.count(span_text) != 1:
                raise SystemExit(f"{where}: span {span_text!r} occurs {text.count(span_text)} times")
            start = text.index(span_text)
            labelled.append({"start": start, "end": start + len(span_text), "text": span_text, "label": label,
                             "category": category})
        rows.append({
            "id": f"{id_prefix}-{number:03d}",
            "notice": notice_id,
            "source": "legacy_xml" if part == "body" else SOURCE_NAMES.get(notice.source_format, notice.source_format),
            "text": text,
            "spans": labelled,
            "part": part,
            "domain": domain,
            "solution_specific": any(s["label"] in ("violation", "hint") for s in labelled),
        })
    notice_ids = [r["notice"] for r in rows]
    if len(set(r["text"] for r in rows)) != len(rows):
        raise SystemExit("duplicate row text")
    print(f"{len(rows)} rows from {len(set(notice_ids))} notices; "
          f"{sum(s['label'] == 'violation' for r in rows for s in r['spans'])} violation spans, "
          f"{sum(s['label'] == 'allowed' for r in rows for s in r['spans'])} allowed", file=sys.stderr)
    return rows


def main(rows_spec: list, output_name: str, id_prefix: str, usage: str) -> None:
    """Build the rows and write them to the path given on the command line."""
    if len(sys.argv) != 2:
        raise SystemExit(usage)
    rows = build(rows_spec, output_name, id_prefix)
    Path(sys.argv[1]).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
