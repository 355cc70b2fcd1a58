"""The corpus: documents described by the manifest (or front matter), repaired, cut into chunks with stable ids.

Every chunk keeps its document id, title, section path, page, character offsets into the document text,
kind, authority and as-of date, and has a stable id: a hash of its content and place.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advisor.config import Settings
from advisor.corpus.labels import AUTHORITY_RANK, LABEL_KEYS, SourceLabel
from advisor.corpus.readers import SUPPORTED_SUFFIXES, Piece, read_file
from advisor.corpus.safe_yaml import load_yaml
from advisor.corpus.uploads import open_upload_store, upload_labels
from advisor.errors import AdvisorError, UnreadableDocument
from advisor.text import drop_boilerplate, repair_ocr

log = logging.getLogger(__name__)

# Bump when the chunking or repair logic changes: the collection name changes with it.
CHUNKER_VERSION = 3


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: the unit that is embedded, searched and cited."""

    chunk_id: str
    doc_id: str
    title: str
    section: str
    page: int | None
    start: int
    end: int
    text: str
    kind: str
    authority: str
    as_of: str
    language: str
    source: str

    def search_text(self) -> str:
        """What retrievers see: the section path (or, for documents without sections, the title) gives context.

        The section path already names the topic; adding a long document title to every chunk of a large
        document made all its chunks look alike and cost retrieval accuracy on our eval set.
        """
        return f"{self.section}\n{self.text}" if self.section else f"{self.title}\n{self.text}"


@dataclass(frozen=True)
class Citation:
    """A numbered reference to one chunk, as shown to the user."""

    n: int
    chunk_id: str
    doc_id: str
    title: str
    section: str
    page: int | None
    text: str
    kind: str = ""
    authority: str = ""
    as_of: str = ""

    @classmethod
    def from_chunk(cls, n: int, chunk: Chunk) -> Citation:
        """Cite a chunk as source number n."""
        return cls(n, chunk.chunk_id, chunk.doc_id, chunk.title, chunk.section, chunk.page, chunk.text,
                   chunk.kind, chunk.authority, chunk.as_of)


@dataclass
class Document:
    """A corpus document after reading and repair: its text and the sections/pages of that text."""

    doc_id: str
    title: str
    kind: str
    authority: str
    as_of: str
    language: str
    source: str
    text: str
    spans: list[tuple[int, int, str, int | None]]  # (start, end, section, page) over text
    meta: dict = field(default_factory=dict)


@dataclass
class LoadReport:
    """What loading the corpus did: documents read, files skipped with reasons, repairs made."""

    documents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    repairs: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "doc"


def load_manifest(corpus_dir: Path) -> dict:
    """The corpus manifest (corpus/manifest.yaml)."""
    path = corpus_dir / "manifest.yaml"
    if not path.is_file():
        raise AdvisorError(f"corpus manifest {path} is missing")
    return load_yaml(path.read_text(encoding="utf-8"), str(path)) or {}


def _assemble(doc_id: str, pieces: list[Piece], meta: dict, source: Path, title: str) -> Document:
    text_parts: list[str] = []
    spans: list[tuple[int, int, str, int | None]] = []
    pos = 0
    for piece in pieces:
        body = piece.text.strip()
        if not body:
            continue
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        spans.append((pos, pos + len(body), piece.section, piece.page))
        text_parts.append(body)
        pos += len(body)
    authority = str(meta.get("authority", "other"))
    if authority not in AUTHORITY_RANK:
        raise UnreadableDocument(source, f"unknown authority {authority!r}; known: {', '.join(AUTHORITY_RANK)}")
    return Document(
        doc_id=doc_id,
        title=str(meta.get("title") or title or source.stem),
        kind=str(meta.get("kind", "other")),
        authority=authority,
        as_of=str(meta.get("as_of", "")),
        language=str(meta.get("language", "nb")),
        source=str(source),
        text="".join(text_parts),
        spans=spans,
        meta=meta,
    )


def _clean_pieces(pieces: list[Piece], entry: dict, settings: Settings, report: LoadReport) -> list[Piece]:
    """Apply the manifest's repairs: cut scrambled text, drop boilerplate and contacts, repair OCR."""
    out = []
    cut = entry.get("keep_until")
    for piece in pieces:
        text = piece.text
        if cut:
            at = text.find(cut)
            if at >= 0:
                out.append(Piece(drop_boilerplate(text[:at], entry.get("drop_contacts", False)), piece.section, piece.page))
                report.repairs["scrambled_chars_dropped"] = report.repairs.get("scrambled_chars_dropped", 0) + len(text) - at
                break
        text = drop_boilerplate(text, entry.get("drop_contacts", False))
        if entry.get("ocr") and settings.index.repair_ocr:
            text, rep = repair_ocr(text)
            report.repairs["ocr_words_fixed"] = report.repairs.get("ocr_words_fixed", 0) + rep.words_fixed
            report.repairs["ocr_dehyphenated"] = report.repairs.get("ocr_dehyphenated", 0) + rep.dehyphenated
        out.append(Piece(text, piece.section, piece.page))
    return out


def read_document(path: Path, settings: Settings, entry: dict | None = None, report: LoadReport | None = None,
                  label: SourceLabel | None = None) -> Document:
    """Read one file into a Document.

    `entry` is the metadata of a bundled file (its manifest entry, or {} for a shipped note, whose front matter
    then counts). Any other file is a user document: its id is made from its path and its authority, kind and
    date come from `label` (default: the lowest rank), whatever its front matter says.
    """
    report = report or LoadReport()
    result = read_file(path, int(settings.index.max_file_mb * 1e6), settings.index.max_pdf_pages)
    meta = dict(result.meta)
    pieces = _clean_pieces(result.pieces, entry or {}, settings, report)
    if entry is not None:
        meta.update({k: v for k, v in entry.items() if k not in ("path",)})
        doc_id = str(entry.get("id") or meta.get("id") or _slug(path.stem))
    else:
        claimed = [k for k in LABEL_KEYS if k in meta]
        if claimed:
            report.notes.append((str(path), f"front matter {', '.join(claimed)} ignored: a user document's authority, "
                                            "kind and date are set when it is added, and its id comes from its path"))
        meta.update((label or SourceLabel()).to_dict())
        meta.pop("id", None)
        # A readable slug plus a hash of the resolved path, so two "rapport.pdf" never collide.
        doc_id = f"{_slug(path.stem)}-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:6]}"
    doc = _assemble(doc_id, pieces, meta, path, result.title)
    if not doc.text.strip():
        raise UnreadableDocument(path, "no text left after removing boilerplate")
    return doc


def corpus_files(settings: Settings) -> list[tuple[Path, dict]]:
    """The bundled corpus files with their manifest entries ({} for notes, which carry theirs as front matter)."""
    manifest = load_manifest(settings.corpus_dir)
    files: list[tuple[Path, dict]] = []
    for entry in manifest.get("documents", []):
        files.append((settings.corpus_dir / entry["path"], entry))
    for group in manifest.get("notes", []):
        for path in sorted(settings.corpus_dir.glob(group["glob"])):
            files.append((path, {}))
    return files


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to index from files and folders; folders are walked and unsupported files listed as skipped."""
    files, skipped = [], []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(child)
                else:
                    skipped.append((str(child), f"unsupported file type {child.suffix or '(none)'}"))
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise UnreadableDocument(path, f"unsupported file type {path.suffix or '(none)'}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
            files.append(path)
        else:
            raise UnreadableDocument(path, "no such file or folder")
    return files, skipped


def load_documents(settings: Settings, extra: Sequence[Path] = (),
                   labels: Mapping[Path, SourceLabel] | None = None) -> tuple[list[Document], LoadReport]:
    """Read the bundled corpus, the uploads folder and any extra files/folders.

    `labels` gives the label of an extra file or folder (keyed by its resolved path; files in a folder take the
    folder's); uploads take theirs from the upload store. Without one, a user document gets the default label.
    A file named directly in `extra` that cannot be read raises; files found by walking a folder (and the
    uploads folder) are skipped with their reason in the report.
    """
    report = LoadReport()
    docs: list[Document] = []
    for path, entry in corpus_files(settings):
        docs.append(read_document(path, settings, entry, report))
    labels = {Path(p).resolve(): label for p, label in (labels or {}).items()}
    direct = {p.resolve() for p in extra if p.is_file()}
    roots: list[tuple[Path, SourceLabel]] = [(p, labels.get(p, SourceLabel())) for p in sorted(direct)]
    roots += [(p, labels.get(p.resolve(), SourceLabel())) for p in extra if not p.is_file()]
    uploads = settings.uploads_dir
    stored = upload_labels(settings) if uploads.is_dir() else {}
    if uploads.is_dir():
        roots.append((uploads, SourceLabel()))
    seen: set[str] = {d.doc_id for d in docs}
    for root, label in roots:
        files, skipped = expand_paths([root])
        report.skipped.extend(skipped)
        for path in files:
            own = stored.get(path.name, label) if root == uploads and path.parent == uploads else label
            _add_user_document(path, settings, own, path.resolve() in direct, docs, seen, report)
    report.documents = len(docs)
    return docs, report


def _add_user_document(path: Path, settings: Settings, label: SourceLabel, named: bool, docs: list[Document],
                       seen: set[str], report: LoadReport) -> None:
    """Read one user file into docs; a file found by walking a folder is skipped with its reason, a named one raises."""
    try:
        doc = read_document(path, settings, None, report, label)
    except UnreadableDocument as exc:
        if named:
            raise
        report.skipped.append((str(path), exc.reason))
        return
    if doc.doc_id in seen:
        report.skipped.append((str(path), f"document id {doc.doc_id!r} already in the corpus"))
        return
    seen.add(doc.doc_id)
    docs.append(doc)


# --- chunking -------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[\"«“(]?[A-ZÆØÅ0-9•–-])|\n+")


def _units(text: str, start: int, end: int, hard_max: int) -> list[tuple[int, int]]:
    """Sentence/paragraph spans inside text[start:end]; sentences longer than hard_max are cut at spaces."""
    spans = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    out = []
    for s, e in spans:
        while e - s > hard_max:
            cut = text.rfind(" ", s + hard_max // 2, s + hard_max)
            cut = cut if cut > s else s + hard_max
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s and text[s:e].strip():
            out.append((s, e))
    return out


def chunk_document(doc: Document, chunk_chars: int, overlap_chars: int) -> list[Chunk]:
    """Cut a document into chunks of about chunk_chars, at sentence boundaries, with overlap, never across sections.

    E.g. chunk_chars=1000: sentences are packed until the next one would pass 1200 characters; the next chunk
    starts with the last sentences of this one that fit in overlap_chars.
    """
    hard_max = int(chunk_chars * 1.2)
    chunks: list[Chunk] = []
    for span_start, span_end, section, page in doc.spans:
        units = _units(doc.text, span_start, span_end, hard_max)
        i = 0
        groups: list[tuple[int, int]] = []  # unit index ranges [i, j)
        while i < len(units):
            j = i + 1
            while j < len(units) and units[j][1] - units[i][0] <= hard_max and units[j - 1][1] - units[i][0] < chunk_chars:
                j += 1
            groups.append((i, j))
            if j >= len(units):
                break
            k = j - 1
            while k > i + 1 and units[j - 1][1] - units[k - 1][0] <= overlap_chars:
                k -= 1
            i = k if (overlap_chars and units[j - 1][1] - units[k][0] <= overlap_chars and k > i) else j
        # A short tail joins the previous chunk when the two fit comfortably.
        if len(groups) > 1:
            a, b = groups[-2], groups[-1]
            if units[b[1] - 1][1] - units[b[0]][0] < chunk_chars * 0.3 and units[b[1] - 1][1] - units[a[0]][0] <= chunk_chars * 1.5:
                groups[-2:] = [(a[0], b[1])]
        for a, b in groups:
            start, end = units[a][0], units[b - 1][1]
            text = doc.text[start:end]
            digest = hashlib.sha256(f"{doc.doc_id}\x1f{section}\x1f{page}\x1f{text}".encode()).hexdigest()[:16]
            chunks.append(Chunk(digest, doc.doc_id, doc.title, section, page, start, end, text, doc.kind,
                                doc.authority, doc.as_of, doc.language, doc.source))
    return chunks


def chunk_documents(docs: list[Document], settings: Settings) -> list[Chunk]:
    """All chunks of all documents, in corpus order, without duplicate ids."""
    out, seen = [], set()
    for doc in docs:
        for chunk in chunk_document(doc, settings.index.chunk_chars, settings.index.chunk_overlap_chars):
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                out.append(chunk)
    return out


def _corpus_key(settings: Settings) -> tuple:
    stamps = []
    for root in (settings.corpus_dir, settings.uploads_dir):
        if root.is_dir():
            stamps.extend((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*")) if p.is_file())
    return (str(settings.corpus_dir), str(settings.uploads_dir), settings.index.chunk_chars, settings.index.chunk_overlap_chars,
            settings.index.repair_ocr, tuple(stamps), open_upload_store(settings).version())


@functools.lru_cache(maxsize=4)
def _cached_chunks(key: tuple, settings: Settings) -> tuple[Chunk, ...]:
    docs, _ = load_documents(settings)
    return tuple(chunk_documents(docs, settings))


def load_chunks(settings: Settings) -> list[Chunk]:
    """The chunks of the bundled corpus and uploads (cached until a file changes); no vector index needed."""
    return list(_cached_chunks(_corpus_key(settings), settings))


def cite(settings: Settings, doc_id: str, anchor: str = "", n: int = 1) -> Citation:
    """Cite the passage of doc_id whose section (first) or text contains `anchor`, else the document's first chunk."""
    chunks = [c for c in load_chunks(settings) if c.doc_id == doc_id]
    if not chunks:
        raise AdvisorError(f"no corpus document with id {doc_id!r}")
    needle = anchor.lower().strip()
    if needle:
        for chunk in chunks:
            if needle in chunk.section.lower():
                return Citation.from_chunk(n, chunk)
        for chunk in chunks:
            if needle in chunk.text.lower():
                return Citation.from_chunk(n, chunk)
        log.warning("anchor %r not found in %s; citing its first passage", anchor, doc_id)
    return Citation.from_chunk(n, chunks[0])
