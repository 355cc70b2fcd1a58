"""advisor.search.added: what tells stuffing from prose, and the per-document cap (the replay with a real index is
tests/reliability/test_redteam.py::test_attack[keyword-stuffed-uploads])."""

from __future__ import annotations

from pathlib import Path

from advisor.corpus import Chunk
from advisor.search.added import PER_DOCUMENT, cap_added, demote_stuffing, reads_as_stuffing

PROSE = ("Granvik kommune vil bruke markedsdialog før hver større anskaffelse. Dialogen skal gi leverandørene "
         "mulighet til å foreslå løsninger vi ikke kjenner, og den skal dokumenteres slik at alle får den samme "
         "informasjonen. Behovet skal beskrives som funksjonskrav og ytelseskrav, ikke som et bestemt produkt.")


def chunk(cid: str, doc: str, source: str, text: str = PROSE) -> Chunk:
    return Chunk(chunk_id=cid, doc_id=doc, title=doc, section="", page=None, start=0, end=len(text), text=text,
                 kind="user_document", authority="uploaded", as_of="", language="nb", source=source)


def test_prose_is_not_stuffing_but_word_lists_and_repetition_are():
    assert not reads_as_stuffing(PROSE)
    assert reads_as_stuffing(" ".join(f"anskaffelse{i} terskelverdi innovasjonspartnerskap" for i in range(20)))
    assert reads_as_stuffing("terskelverdi og " * 40)  # one word over 15 % of all words
    assert not reads_as_stuffing("terskelverdi terskelverdi")  # too short to judge


def test_only_added_documents_are_demoted(tmp_path: Path):
    corpus = tmp_path / "corpus"
    stuffed = "anskaffelse terskelverdi innovasjon dialog " * 20
    chunks = {"a": chunk("a", "shipped", str(corpus / "guidance" / "x.md"), stuffed),
              "b": chunk("b", "upload", str(tmp_path / "uploads" / "y.md"), stuffed),
              "c": chunk("c", "upload2", str(tmp_path / "uploads" / "z.md"))}
    fused = {"a": 1.0, "b": 1.0, "c": 1.0}
    assert demote_stuffing(fused, chunks, corpus) == {"b"}
    assert fused == {"a": 1.0, "b": 0.1, "c": 1.0}


def test_one_added_document_takes_at_most_two_places_and_the_corpus_is_not_capped(tmp_path: Path):
    corpus = tmp_path / "corpus"
    chunks = {f"u{i}": chunk(f"u{i}", "upload", str(tmp_path / "uploads" / "y.md")) for i in range(4)}
    chunks |= {f"s{i}": chunk(f"s{i}", "shipped", str(corpus / "x.md")) for i in range(4)}
    ranked = ["u0", "u1", "u2", "s0", "s1", "s2", "s3", "u3"]
    capped = cap_added(ranked, chunks, corpus)
    assert capped[:5] == ["u0", "u1", "s0", "s1", "s2"]
    assert sorted(capped) == sorted(ranked)  # nothing is lost, the rest goes to the end
    assert sum(c.startswith("u") for c in capped[:6]) == PER_DOCUMENT
