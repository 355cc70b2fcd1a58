"""The shipped Doffin snapshot (corpus/doffin), its first-run import and vectors, the similar-notice search and
the privacy guarantee: no e-mail, phone number, contact name or national identity number in the snapshot, the
store, the JSON output or the answer sources, checked on a generated corpus of such formats and on the real one.

The rebuild test reads the raw data from ../shared/data/doffin (or $DOFFIN_RAW_DIR) and skips when absent.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import re
import shutil
from collections import Counter
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from paths import PROJECT_ROOT, SHARED

from advisor.config import Settings
from advisor.doffin import (
    SimilarFilters,
    as_hits,
    build_snapshot,
    ensure_snapshot,
    import_snapshot,
    notice_stats,
    similar_notices,
    summarize,
    summary_line,
)
from advisor.doffin.privacy import has_contact_data, scrub_text
from advisor.doffin.snapshot import (
    MANIFEST_FILE,
    NOTICES_FILE,
    SNAPSHOT_FIELDS,
    read_manifest,
    read_rows,
    write_manifest,
)
from advisor.doffin.store import open_store
from advisor.doffin.vectors import build_vectors, dequantize, load_shipped_vectors, quantize
from advisor.errors import AdvisorError, InvalidInput

SHIPPED = PROJECT_ROOT / "corpus" / "doffin"
RAW = Path(os.environ.get("DOFFIN_RAW_DIR", SHARED / "data" / "doffin"))


def raw() -> Path:
    if not (RAW / "eforms_xml").is_dir():
        pytest.skip(f"raw Doffin data not present: {RAW}")
    return RAW


def hash_settings(home: Path, corpus: Path | None = None) -> Settings:
    extra = {"corpus_dir": corpus} if corpus else {}
    return Settings(home=home, index={"embedding_backend": "hash"}, **extra)


# ---------------------------------------------------------------- a generated corpus of personal data formats


def _national_id(birth: str, individual: str) -> str:
    """A valid 11-digit national identity number for ddmmyy + 3 individual digits (control digits computed)."""
    digits = [int(c) for c in birth + individual]
    k1 = 11 - sum(w * d for w, d in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), digits, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    digits.append(k1)
    k2 = 11 - sum(w * d for w, d in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    return birth + individual + str(k1) + str(k2)


def _valid_ids() -> list[str]:
    found = []
    for birth in ("150765", "010190", "311299", "450588"):  # 45 = D-number (day + 40)
        for individual in range(100, 200):
            candidate = _national_id(birth, f"{individual:03d}")
            if len(candidate) == 11 and "10" not in candidate[9:]:
                found.append(candidate)
                break
    return found


NATIONAL_IDS = _valid_ids()
# (text planted in a notice, what must never be seen again anywhere)
PLANTED: list[tuple[str, str]] = [
    ("Spørsmål til kari.nordmann@testkommune.no innen fristen.", "kari.nordmann"),
    ("Skriv til ola (at) firma.no eller", "ola (at)"),
    ("per at firma dot no svarer", "per at firma"),
    ("lise[at]firma[dot]no", "lise[at]"),
    ("anne\uff20firma.no (fullbredde)", "anne"),
    ("knut @ firma.no med mellomrom", "knut @"),
    ("<a href='mailto:siri%40firma.no'>her</a>", "siri"),
    ("siv%40firma.no", "siv%40"),
    ("Ring +47 22 03 52 00 i dag", "22 03 52 00"),
    ("sentralbord 415 59 247", "415 59 247"),
    ("mobil 4812 3456", "4812 3456"),
    ("tlf. 900 11 222", "900 11 222"),
    ("Kontaktperson: Kari Nordmann", "Kari Nordmann"),
    ("Prosjektleder Per Olsen leder arbeidet", "Per Olsen"),
    ("ta kontakt med Ola Hansen for befaring", "Ola Hansen"),
    *[(f"Søkerens fødselsnummer {n}", n) for n in NATIONAL_IDS],
    *[(f"personnr {n[:6]} {n[6:]}", f"{n[:6]} {n[6:]}") for n in NATIONAL_IDS],
]


def _hit(n: int, heading: str, description: str, buyer: str) -> dict:
    return {
        "id": f"2025-{200000 + n}", "buyer": [{"id": f"b{n}", "organizationId": "999000555", "name": buyer}],
        "heading": heading, "description": description, "locationId": ["NO060"],
        "estimatedValue": {"currencyCode": "NOK", "amount": 1_000_000 + n}, "type": "ANNOUNCEMENT_OF_COMPETITION",
        "allTypes": ["ANNOUNCEMENT_OF_COMPETITION"], "status": "ACTIVE", "issueDate": "2025-03-14T07:00:00Z",
        "deadline": None, "publicationDate": "2025-03-14", "receivedTenders": None, "allReceivedTenders": None,
        "cpvCodes": ["72000000"], "limitedDataFlag": None, "doffinClassicUrl": None,
    }


@pytest.fixture
def planted_folder(tmp_path: Path) -> Path:
    """API v2 search pages whose titles, descriptions and buyer names carry every planted format."""
    hits = [
        _hit(i, f"Velferdsteknologi {i}: {text}", f"Drift av trygghetsalarmer. {text} Mer tekst.", f"Testkommune {text}")
        for i, (text, _) in enumerate(PLANTED)
    ]
    folder = tmp_path / "raw" / "api"
    folder.mkdir(parents=True)
    page = {"numHitsTotal": len(hits), "numHitsAccessible": len(hits), "hits": hits}
    (folder / "page.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    return folder


def _leaks(text: str) -> list[str]:
    return [secret for _, secret in PLANTED if secret in text]


def test_every_planted_format_is_scrubbed_from_free_text():
    assert len(NATIONAL_IDS) == 4
    for text, secret in PLANTED:
        cleaned = scrub_text(text)
        assert secret not in cleaned, (text, cleaned)
        assert not has_contact_data(cleaned), cleaned
        assert has_contact_data(text), text  # the checker used by the scans sees every format


def test_codes_amounts_org_numbers_and_non_id_numbers_are_kept():
    text = ("CPV 72000000, org.nr. 920 415 288, verdi 14 000 000 kr, 2 000 timer, periode 2024-2026, konto "
            "12345678901, at leverandøren svarer, Oslo kommune ved Helseetaten")
    assert scrub_text(text) == text


def test_no_personal_data_in_snapshot_store_json_output_or_answer_sources(planted_folder, tmp_path):
    settings = hash_settings(tmp_path / "build-home")
    out = tmp_path / "snap"
    report = build_snapshot([planted_folder], out, settings)
    rows, data = read_rows(out)
    manifest = read_manifest(out)
    manifest["vectors"] = {**build_vectors(rows, out, settings), "notices_sha256": report.sha256}
    write_manifest(out, manifest)
    assert report.n_notices == len(PLANTED)
    snapshot_text = gzip.decompress(data).decode("utf-8")
    assert _leaks(snapshot_text) == []
    assert all(set(row) == {*SNAPSHOT_FIELDS, "link", "formats"} for row in rows)
    assert "999000555" not in snapshot_text  # no organisation numbers or other fields outside the list

    home = tmp_path / "home"
    use = hash_settings(home)
    assert import_snapshot(use, out) == len(PLANTED)
    with open_store(use) as store:
        assert _leaks("\n".join(store.all_text())) == []
    results = similar_notices("trygghetsalarmer velferdsteknologi", use, k=len(PLANTED))
    assert len(results) == len(PLANTED)
    output = json.dumps([r.to_dict() for r in results], ensure_ascii=False)
    output += json.dumps(notice_stats(use), ensure_ascii=False, default=str)
    output += "\n".join(h.text + h.chunk.title for h in as_hits(results))
    output += summary_line(results)
    assert _leaks(output) == []
    assert not [s for s in (snapshot_text, output) if has_contact_data(s)]


def test_the_shipped_snapshot_has_no_contact_data_and_only_the_listed_fields():
    rows, data = read_rows(SHIPPED)
    manifest = read_manifest(SHIPPED)
    assert manifest["n_notices"] == len(rows) > 3000
    assert len(data) < 1_000_000 and (SHIPPED / "vectors.npz").stat().st_size < 2_000_000
    assert (SHIPPED / "LICENSE.md").read_text(encoding="utf-8").count("CC BY 4.0") >= 1
    for row in rows:
        assert set(row) == set(manifest["fields"])
        for key, value in row.items():
            assert not (isinstance(value, str) and has_contact_data(value)), (key, value)
    assert all(row["link"] is None or row["link"] == f"https://doffin.no/notices/{row['doffin_id']}" for row in rows)


# ---------------------------------------------------------------- reproducible figures


def test_shipped_snapshot_keeps_the_hand_counted_procedures_of_the_eforms_notices():
    rows, _ = read_rows(SHIPPED)
    eforms = [r for r in rows if "eforms_xml" in r["formats"]]
    counts = Counter(r["procedure_code"] for r in eforms)
    # SOURCES.md hand count of the 108 files in eforms_xml/ (open 25, neg-w-call 13, neg-wo-call 11, restricted 3,
    # oth-mult 2, UNKNOWN 2, oth-single 1, absent 51) plus one eForms notice among the legacy_nav_notices files
    # (2023-601022, restricted).
    assert counts == {None: 51, "open": 25, "neg-w-call": 13, "neg-wo-call": 11, "restricted": 4, "unknown": 2,
                      "oth-mult": 2, "oth-single": 1}


def test_the_108_eforms_notices_in_the_snapshot_match_the_hand_index():
    index = raw() / "eforms_xml" / "_index.csv"
    hand = {row["doffin_id"]: row["procedure_code"] for row in csv.DictReader(index.open(encoding="utf-8"))}
    rows, _ = read_rows(SHIPPED)
    ours = {r["doffin_id"]: r["procedure_code"] for r in rows if r["doffin_id"] in hand}
    assert len(hand) == len(ours) == 108
    expected = {k: (v.lower() if v else None) for k, v in hand.items()}
    assert ours == expected
    assert Counter(ours.values())["open"] == 25


@pytest.mark.slow
def test_rebuilding_the_snapshot_from_the_raw_data_gives_the_same_bytes(tmp_path):
    out = tmp_path / "rebuilt"
    report = build_snapshot([raw()], out, hash_settings(tmp_path / "home"))
    shipped = read_manifest(SHIPPED)
    assert report.n_notices == shipped["n_notices"]
    assert report.sha256 == shipped["sha256"], "corpus/doffin is stale: run `advisor stats snapshot --from …`"
    assert (out / NOTICES_FILE).read_bytes() == (SHIPPED / NOTICES_FILE).read_bytes()


def test_figures_from_the_snapshot_equal_the_figures_from_the_raw_files(tmp_path):
    folder = raw()
    from_raw = hash_settings(tmp_path / "raw-home")
    from advisor.doffin import import_paths

    import_paths([folder], from_raw)
    from_snap = hash_settings(tmp_path / "snap-home")
    import_snapshot(from_snap, SHIPPED)
    a, b = notice_stats(from_raw, as_of=date(2026, 1, 1)), notice_stats(from_snap, as_of=date(2026, 1, 1))
    for name in ("procedure_type", "cpv_division", "buyer_type", "notices_per_year"):
        for key in ("n", "counts", "totals"):
            assert a[name].get(key) == b[name].get(key), (name, key)
    assert a["innovation_procedures"]["by_year"] == b["innovation_procedures"]["by_year"]
    assert a["tenders_received"]["distribution_lots"] == b["tenders_received"]["distribution_lots"]


# ---------------------------------------------------------------- first run


def _corpus_with_snapshot(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED, corpus / "doffin")
    return corpus


def test_first_run_imports_the_snapshot_once_and_the_statistics_work(tmp_path):
    settings = hash_settings(tmp_path / "home", _corpus_with_snapshot(tmp_path))
    note = ensure_snapshot(settings)
    assert note and "3" in note and "importert" in note
    figures = notice_stats(settings)
    assert figures["coverage"]["n_notices"] == read_manifest(settings.corpus_dir / "doffin")["n_notices"]
    assert "Utvalg, ikke representativt" in figures["innovation_procedures"]["warning"]
    assert ensure_snapshot(settings) is None  # not empty any more: nothing to do


def test_a_damaged_snapshot_is_a_one_line_warning_and_nothing_is_imported(tmp_path):
    corpus = _corpus_with_snapshot(tmp_path)
    path = corpus / "doffin" / NOTICES_FILE
    path.write_bytes(path.read_bytes()[:1000])
    settings = hash_settings(tmp_path / "home", corpus)
    note = ensure_snapshot(settings)
    assert note is not None and "\n" not in note and "checksum" in note
    with open_store(settings) as store:
        assert store.count() == 0
    with pytest.raises(AdvisorError, match="checksum"):
        import_snapshot(settings, corpus / "doffin")


def test_a_home_without_snapshot_is_left_alone(tmp_path):
    assert ensure_snapshot(hash_settings(tmp_path / "home", tmp_path / "empty-corpus")) is None


def test_real_files_win_over_the_snapshot_for_the_same_notice(tmp_path):
    settings = hash_settings(tmp_path / "home")
    import_snapshot(settings, SHIPPED)
    from advisor.doffin import import_paths

    api = PROJECT_ROOT / "tests" / "data" / "doffin" / "api"
    before = import_paths([api], settings).store_total
    with open_store(settings) as store:
        assert store.count() == before


# ---------------------------------------------------------------- vectors


def test_int8_vectors_keep_the_cosine_ranking():
    rng = __import__("numpy").random.default_rng(1)
    vectors = rng.normal(size=(50, 384)).astype("float32")
    vectors /= (vectors**2).sum(axis=1, keepdims=True) ** 0.5
    back = dequantize(*quantize(vectors))
    assert float(abs((back * vectors).sum(axis=1) - 1).max()) < 1e-3


def test_shipped_vectors_load_only_for_their_model(tmp_path):
    manifest = read_manifest(SHIPPED)
    assert manifest["vectors"]["model_id"] == "e5-multilingual-small-q4" and manifest["vectors"]["dtype"] == "int8"
    assert manifest["vectors"]["notices_sha256"] == manifest["sha256"]
    # the hash embedder is another model: the e5 vectors are ignored, not mixed in
    assert load_shipped_vectors(hash_settings(tmp_path / "home"), SHIPPED, read_manifest(SHIPPED)["vectors"]) == 0


def test_vectors_of_the_configured_model_are_used_and_a_bad_checksum_is_ignored(tmp_path, planted_folder):
    settings = hash_settings(tmp_path / "home")
    out = tmp_path / "snap"
    report = build_snapshot([planted_folder], out, settings)
    rows, _ = read_rows(out)
    manifest = read_manifest(out)
    manifest["vectors"] = {**build_vectors(rows, out, settings), "notices_sha256": report.sha256}
    write_manifest(out, manifest)
    fresh = hash_settings(tmp_path / "fresh")
    assert load_shipped_vectors(fresh, out, read_manifest(out)["vectors"]) == len(rows)
    manifest["vectors"]["sha256"] = "0" * 64
    write_manifest(out, manifest)
    assert load_shipped_vectors(hash_settings(tmp_path / "fresh2"), out, read_manifest(out)["vectors"]) == 0


# ---------------------------------------------------------------- similar notices


@pytest.fixture(scope="module")
def shipped_home(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = hash_settings(tmp_path_factory.mktemp("similar-home"))
    import_snapshot(settings, SHIPPED)
    return settings


def test_similar_finds_notices_by_words_and_applies_filters(shipped_home):
    results = similar_notices("vintervedlikehold brøyting strøing", shipped_home, k=5, mode="bm25")
    assert len(results) == 5 and results[0].rank == 1
    assert all(re.search(r"brøyt|strø|vinter", (r.title + (r.description or "")).lower()) for r in results[:3])
    since = similar_notices("rammeavtale", shipped_home, k=10, mode="bm25", filters=SimilarFilters(since=date(2023, 1, 1)))
    assert since and all(r.publication_date >= "2023-01-01" for r in since)
    opened = similar_notices("rammeavtale", shipped_home, k=10, filters=SimilarFilters(procedures=("open",)))
    assert opened and {r.procedure for r in opened} == {"open"}
    cpv = similar_notices("tjenester", shipped_home, k=10, filters=SimilarFilters(cpv=("72",)))
    assert cpv and all(r.main_cpv.startswith("72") or r.main_cpv is None for r in cpv)
    assert similar_notices("rammeavtale", shipped_home, filters=SimilarFilters(buyer_types=("ingen-slik",))) == []


def test_summary_line_and_answer_sources(shipped_home):
    results = similar_notices("rammeavtale", shipped_home, k=6, filters=SimilarFilters(procedures=("open", "neg-w-call")))
    s = summarize(results)
    assert s["n"] == 6 and sum(s["procedures"].values()) == 6
    line = summary_line(results)
    assert line.startswith("6 sammenlignbare kunngjøringer siden ")
    hits = as_hits(results)
    assert [h.chunk.kind for h in hits] == ["doffin"] * 6
    assert all(h.chunk.as_of == r.publication_date and h.chunk.source == r.link for h, r in zip(hits, results, strict=True))


@pytest.mark.parametrize("text", ["", "   ", "x" * 6000])
def test_bad_query_is_a_clear_error(shipped_home, text):
    with pytest.raises(InvalidInput):
        similar_notices(text, shipped_home)


def _cli(settings: Settings, *argv: str) -> tuple[int, str]:
    from advisor.cli import ArgumentParser
    from advisor.cli import similar as similar_cli

    parser = ArgumentParser(prog="advisor")
    similar_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            code = args.func(args, settings)
    except AdvisorError as exc:
        return 2, str(exc)
    return code, out.getvalue()


def test_similar_cli_prints_rows_with_links_and_json(shipped_home):
    code, out = _cli(shipped_home, "similar", "brøyting av kommunale veier", "-k", "3", "--mode", "bm25")
    assert code == 0 and out.count("\n[") + out.startswith("[") >= 2 and "Doffin / DFØ" in out
    code, out = _cli(shipped_home, "similar", "brøyting", "-k", "2", "--json", "--since", "2020")
    data = json.loads(out)
    assert code == 0 and len(data["notices"]) == 2
    assert set(data["notices"][0]) >= {"rank", "score", "notice_id", "title", "buyer", "year", "procedure",
                                      "estimated_value", "awarded_value", "tenders", "link"}
    assert _cli(shipped_home, "similar", "   ")[0] == 2
    with pytest.raises(SystemExit):
        _cli(shipped_home, "similar", "x", "--cpv", "abc")


def test_snapshot_cli_refuses_a_folder_without_notices(tmp_path):
    from advisor.cli import ArgumentParser
    from advisor.cli import stats as stats_cli

    parser = ArgumentParser(prog="advisor")
    stats_cli.register(parser.add_subparsers(dest="command"))
    (tmp_path / "empty").mkdir()
    args = parser.parse_args(["stats", "snapshot", "--from", str(tmp_path / "empty"), "--out", str(tmp_path / "o"),
                              "--no-vectors"])
    assert isinstance(args, argparse.Namespace)
    with pytest.raises(InvalidInput):
        args.func(args, hash_settings(tmp_path / "home"))
    assert not (tmp_path / "o" / MANIFEST_FILE).exists()


def test_innovation_figures_per_year_buyer_type_cpv_and_tenders(tmp_path):
    settings = hash_settings(tmp_path / "home")
    import_snapshot(settings, SHIPPED)
    fig = notice_stats(settings)["innovation_procedures"]
    # every notice that states a procedure is counted once per year and once per buyer type
    assert fig["n"] == sum(g["n"] for g in fig["by_year"].values()) == sum(g["n"] for g in fig["by_buyer_type"].values())
    assert fig["by_year"]["2023"]["counts"] == {"innovation": 0, "comp-dial": 0, "neg-w-call": 6, "neg-wo-call": 0,
                                                "open": 14}
    assert fig["by_year"]["2023"]["shares"]["neg-w-call"] == round(6 / 23, 4)
    assert fig["n_total"] == 3348 and fig["n_not_stated"] == 3348 - fig["n"]
    assert set(fig["cpv_areas"]) <= set(fig["procedures"]) and "neg-w-call" in fig["cpv_areas"]
    assert fig["tenders"]["open"]["n_notices"] >= 1 and fig["tenders"]["open"]["median_per_lot"] is not None
    assert "Utvalg, ikke representativt" in fig["warning"] and fig["coverage"]["n_notices"] == fig["n"]


def test_snapshot_command_rebuilds_vectors_when_the_model_differs_and_import_reads_a_snapshot_folder(tmp_path, planted_folder):
    from advisor.cli import ArgumentParser
    from advisor.cli import stats as stats_cli

    def run(settings: Settings, *argv: str) -> str:
        parser = ArgumentParser(prog="advisor")
        stats_cli.register(parser.add_subparsers(dest="command"))
        args = parser.parse_args(list(argv))
        out = io.StringIO()
        with redirect_stdout(out):
            assert args.func(args, settings) == 0
        return out.getvalue()

    out = tmp_path / "snap"
    hashed = hash_settings(tmp_path / "home")
    first = json.loads(run(hashed, "stats", "snapshot", "--from", str(planted_folder), "--out", str(out), "--json"))
    assert first["vectors"]["model_id"].startswith("hash")
    manifest = read_manifest(out)
    manifest["vectors"]["model_id"] = "another-model"
    write_manifest(out, manifest)
    again = json.loads(run(hashed, "stats", "snapshot", "--from", str(planted_folder), "--out", str(out), "--json"))
    assert again["vectors"]["model_id"] == first["vectors"]["model_id"]  # rebuilt for the configured model
    home = hash_settings(tmp_path / "import-home")
    printed = run(home, "stats", "import", str(out))
    assert f"{len(PLANTED)} kunngjøringer" in printed
