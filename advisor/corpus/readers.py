"""Readers: turn a .txt, .md or .pdf file into text pieces, each with its section path and page.

Markdown headings and numbered headings ("1.3.1.2 Se mulighetene …") become the section path; PDF pages keep
their page numbers. Bad files raise UnreadableDocument naming the file and the reason.
"""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

from advisor.corpus.safe_yaml import YAMLRefused, load_yaml
from advisor.errors import UnreadableDocument

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf")
# Front matter is a handful of lines (id, title, kind, as_of); 64 KB leaves room and bounds what a file can make us parse.
MAX_FRONT_MATTER_CHARS = 65_536

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# "1.3.1.2 Se mulighetene, og definere behov i stedet for løsning": a number path, a capitalised title, no full stop.
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,5})\.?\s+([A-ZÆØÅ][^\n]{1,110})$")


@dataclass
class Piece:
    """A run of text under one section heading on one page."""

    text: str
    section: str = ""
    page: int | None = None


@dataclass
class ReadResult:
    """What a reader found: the pieces, front matter (Markdown) and a title if the file names one."""

    pieces: list[Piece]
    meta: dict = field(default_factory=dict)
    title: str = ""


def decode_text(raw: bytes, path: Path) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1; binary is refused."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableDocument(path, f"broken UTF-16 text ({exc.reason})") from exc
    if b"\x00" in raw[:65536]:
        raise UnreadableDocument(path, "binary content, not text (NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    # Latin-1 decodes anything: refuse it if it is mostly control characters (a binary file with a text name).
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\r\n\t\f")
    if controls > 0.05 * min(len(text), 65536):
        raise UnreadableDocument(path, "binary content, not text")
    return text


def _numbered_sections(text: str, page: int | None = None) -> list[Piece]:
    """Split plain text at numbered headings; the section path is the chain of enclosing headings."""
    pieces: list[Piece] = []
    stack: list[tuple[str, str]] = []  # (number, "number title")
    buf: list[str] = []

    def flush() -> None:
        body = "\n".join(buf).strip()
        if body:
            pieces.append(Piece(body, " > ".join(title for _, title in stack), page))
        buf.clear()

    for line in text.splitlines():
        match = _NUMBERED_HEADING.match(line.strip())
        if match and not line.strip().endswith((".", ",", ";")) and len(line.split()) <= 16:
            flush()
            number = match.group(1)
            while stack and not number.startswith(stack[-1][0] + "."):
                stack.pop()
            stack.append((number, f"{number} {match.group(2).strip()}"))
        else:
            buf.append(line)
    flush()
    return pieces


def read_txt(path: Path, raw: bytes) -> ReadResult:
    """Plain text; numbered headings become sections."""
    text = decode_text(raw, path).replace("\r\n", "\n").replace("\r", "\n")
    return ReadResult(_numbered_sections(text))


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """YAML front matter between leading '---' lines, and the body after it (read with the bounded loader)."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        raise UnreadableDocument(path, "front matter starts with '---' but never ends")
    try:
        meta = load_yaml(text[3:end], "front matter", max_chars=MAX_FRONT_MATTER_CHARS) or {}
    except YAMLRefused as exc:
        raise UnreadableDocument(path, f"front matter is not plain YAML: {exc.reason}") from exc
    if not isinstance(meta, dict):
        raise UnreadableDocument(path, "front matter is not a mapping")
    body = text[end + 4 :]
    return meta, body.lstrip("\n")


def read_md(path: Path, raw: bytes) -> ReadResult:
    """Markdown; '#' headings become the section path (the top '#' title is the document title)."""
    text = decode_text(raw, path).replace("\r\n", "\n")
    meta, body = split_front_matter(text, path)
    pieces: list[Piece] = []
    stack: list[tuple[int, str]] = []
    buf: list[str] = []
    title = str(meta.get("title", "")).strip()

    def flush() -> None:
        chunk = "\n".join(buf).strip()
        if chunk:
            pieces.append(Piece(chunk, " > ".join(h for _, h in stack)))
        buf.clear()

    in_code = False
    for line in body.splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _MD_HEADING.match(line)
        if match:
            flush()
            level, heading = len(match.group(1)), match.group(2).strip()
            if level == 1 and (not title or heading == title):
                title = title or heading  # the document's own title, not a section
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading))
        else:
            buf.append(line)
    flush()
    return ReadResult(pieces, meta, title)


def pdf_pages(path: Path, raw: bytes, max_pages: int) -> tuple[list[str], str]:
    """The text of every page of a PDF (pypdf) and its metadata title; unusable PDFs raise UnreadableDocument."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableDocument(path, "not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (PdfReadError, NotImplementedError, ValueError) as exc:
                raise UnreadableDocument(path, "encrypted PDF (password required)") from exc
            if not ok:
                raise UnreadableDocument(path, "encrypted PDF (password required)")
        n_pages = len(reader.pages)
        if n_pages > max_pages:
            raise UnreadableDocument(path, f"{n_pages} pages, more than the limit of {max_pages} (ADVISOR_INDEX_MAX_PDF_PAGES)")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title).strip() if meta is not None and meta.title else ""
    except UnreadableDocument:
        raise
    except LimitReachedError as exc:
        raise UnreadableDocument(path, f"a compressed stream expands past pypdf's limit (possible decompression bomb): {exc}") from exc
    except (PyPdfError, ValueError, LookupError, TypeError, AttributeError, RecursionError, OSError, EOFError,
            NotImplementedError, ArithmeticError, AssertionError, struct.error) as exc:
        # Malformed PDFs surface as any of these inside pypdf (found by fuzzing: a damaged /Filter name
        # raises NotImplementedError); all of them mean the file cannot be read.
        raise UnreadableDocument(path, f"corrupt PDF ({type(exc).__name__}: {str(exc)[:120]})") from exc
    if not any(pages):
        raise UnreadableDocument(path, "no text layer (scanned PDF?)")
    return pages, title


def read_pdf(path: Path, raw: bytes, max_pages: int) -> ReadResult:
    """PDF through pypdf, page by page; numbered headings inside pages become sections."""
    pages, title = pdf_pages(path, raw, max_pages)
    pieces = [piece for number, text in enumerate(pages, start=1) if text
              for piece in _numbered_sections(text, page=number)]
    return ReadResult(pieces, {}, title)


def _checked_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file after the size checks, which come before reading (a 2 GB file is never read)."""
    try:
        size = path.stat().st_size
        if size == 0:
            raise UnreadableDocument(path, "empty file (0 bytes)")
        if size > max_bytes:
            raise UnreadableDocument(path, f"{size / 1e6:.1f} MB, larger than the limit of {max_bytes / 1e6:.0f} MB (ADVISOR_INDEX_MAX_FILE_MB)")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, f"cannot open ({exc.strerror or exc})") from exc


def read_plain_text(path: Path, max_bytes: int, max_pdf_pages: int) -> str:
    """The whole text of a .txt, .md or .pdf file as written, without sections (requirement lists, pasted cases).

    A file without a suffix is read as PDF when it starts with %PDF, else as text.
    """
    suffix = path.suffix.lower()
    if suffix not in (*SUPPORTED_SUFFIXES, ""):
        raise UnreadableDocument(path, f"unsupported file type {suffix}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    raw = _checked_bytes(path, max_bytes)
    if not raw.strip():
        raise UnreadableDocument(path, "empty file")
    if suffix == ".pdf" or (suffix == "" and raw.startswith(b"%PDF")):
        text = "\n".join(pdf_pages(path, raw, max_pdf_pages)[0])
    else:
        text = decode_text(raw, path)
    if not text.strip():
        raise UnreadableDocument(path, "no text after parsing (empty or only whitespace)")
    return text


def read_file(path: Path, max_bytes: int, max_pdf_pages: int) -> ReadResult:
    """Read one supported file into pieces; raises UnreadableDocument for anything unusable."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableDocument(path, f"unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    raw = _checked_bytes(path, max_bytes)
    if suffix == ".pdf":
        result = read_pdf(path, raw, max_pdf_pages)
    elif suffix == ".md":
        result = read_md(path, raw)
    else:
        result = read_txt(path, raw)
    if not any(p.text.strip() for p in result.pieces):
        raise UnreadableDocument(path, "no text after parsing (empty or only whitespace)")
    return result
