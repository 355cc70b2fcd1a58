"""Import notice files and folders into the store and report what happened (imported, duplicates, skipped)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from advisor.config import Settings
from advisor.doffin.codes import load_codes
from advisor.doffin.figures import cached_figures
from advisor.doffin.formats import NOTICE_SUFFIXES, read_notice_bytes
from advisor.doffin.store import NoticeStore, file_sha256, open_store
from advisor.errors import InvalidInput, UnreadableDocument

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileReport:
    """One imported file: its format, notices read, and what the store did with them."""

    path: str
    format: str
    notices: int
    imported: int
    merged: int
    updated: int
    duplicates: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SkippedFile:
    """A file that was not imported, with the reason."""

    path: str
    reason: str


@dataclass
class ImportReport:
    """The import report: per-file results, skipped files with reasons, and the totals."""

    files: list[FileReport] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files in folders that are not .xml/.json/.csv
    store_total: int = 0

    @property
    def imported(self) -> int:
        """New distinct notices."""
        return sum(f.imported for f in self.files)

    @property
    def merged(self) -> int:
        """Records that added a new source (format, file or version) to a notice already stored."""
        return sum(f.merged for f in self.files)

    @property
    def updated(self) -> int:
        """Records that replaced what the same file said before (changed content)."""
        return sum(f.updated for f in self.files)

    @property
    def duplicates(self) -> int:
        """Records identical to one already stored (re-imports, the same notice twice)."""
        return sum(f.duplicates for f in self.files)

    @property
    def notices_read(self) -> int:
        """Notice records read from all files."""
        return sum(f.notices for f in self.files)

    def summary(self) -> dict[str, int]:
        """The totals as a dict."""
        return {
            "files_imported": len(self.files),
            "files_skipped": len(self.skipped),
            "files_ignored": len(self.ignored),
            "notices_read": self.notices_read,
            "imported": self.imported,
            "merged": self.merged,
            "updated": self.updated,
            "duplicates": self.duplicates,
            "store_total": self.store_total,
        }

    def lines(self) -> list[str]:
        """The report as short Norwegian lines for the terminal."""
        out = [
            f"Filer lest: {len(self.files)}, hoppet over: {len(self.skipped)}"
            + (f", ignorert (ikke .xml/.json/.csv): {len(self.ignored)}" if self.ignored else ""),
            f"Kunngjøringer lest: {self.notices_read} — nye: {self.imported}, slått sammen med kjente: {self.merged}, "
            f"oppdatert: {self.updated}, duplikater: {self.duplicates}",
            f"Distinkte kunngjøringer i lageret nå: {self.store_total}",
        ]
        by_format: dict[str, int] = {}
        for f in self.files:
            by_format[f.format] = by_format.get(f.format, 0) + f.notices
        if by_format:
            out.append("Per format: " + ", ".join(f"{k} {v}" for k, v in sorted(by_format.items())))
        for skipped in self.skipped:
            out.append(f"  hoppet over {skipped.path}: {skipped.reason}")
        warnings = [(f.path, w) for f in self.files for w in f.warnings]
        for path, warning in warnings[:20]:
            out.append(f"  merknad {Path(path).name}: {warning}")
        if len(warnings) > 20:
            out.append(f"  … og {len(warnings) - 20} merknader til")
        return out


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str], bool]:
    """Files to import from files and folders (folders recursively, .xml/.json/.csv only, hidden files left out).

    Returns (files, ignored files, whether the input was exactly one file).
    """
    files: list[Path] = []
    ignored: list[str] = []
    given = [Path(p) for p in paths]
    if not given:
        raise InvalidInput("paths", [], "one or more files or folders with Doffin notices")
    for path in given:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in NOTICE_SUFFIXES:
                    files.append(child)
                else:
                    ignored.append(str(child))
        elif path.is_file():
            files.append(path)
        else:
            raise InvalidInput("path", str(path), "an existing file or folder")
    single = len(given) == 1 and given[0].is_file()
    return list(dict.fromkeys(files)), ignored, single


def import_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    store: NoticeStore | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Import notice files/folders into the store; unreadable files in folders are skipped with a reason.

    A single file given on its own that cannot be read raises UnreadableDocument (nothing to report instead).
    """
    files, ignored, single = collect_files(paths)
    codes = load_codes()
    report = ImportReport(ignored=ignored)
    owns_store = store is None
    store = store or open_store(settings)
    max_bytes = int(settings.index.max_file_mb * 1024 * 1024)
    try:
        for path in files:
            resolved = path.resolve()
            try:
                if path.stat().st_size > max_bytes:
                    raise UnreadableDocument(resolved, f"larger than max_file_mb={settings.index.max_file_mb:g}")
                data = path.read_bytes()
                result = read_notice_bytes(data, resolved, codes)
                if not result.notices:
                    raise UnreadableDocument(resolved, "no notices in file")
            except UnreadableDocument as exc:
                if single:
                    raise
                log.info("skipped %s: %s", path, exc.reason)
                report.skipped.append(SkippedFile(str(resolved), exc.reason))
                continue
            except OSError as exc:
                if single:
                    raise UnreadableDocument(resolved, exc.strerror or str(exc)) from exc
                report.skipped.append(SkippedFile(str(resolved), exc.strerror or str(exc)))
                continue
            outcome = store.add_file(resolved, file_sha256(data), result)
            report.files.append(
                FileReport(
                    path=str(resolved),
                    format=result.format,
                    notices=len(result.notices),
                    imported=outcome.imported,
                    merged=outcome.merged,
                    updated=outcome.updated,
                    duplicates=outcome.duplicates,
                    warnings=list(result.warnings),
                )
            )
            if progress:
                progress(f"{path.name}: {len(result.notices)} kunngjøringer ({result.format})")
        report.store_total = store.count()
        if report.files and report.store_total:
            cached_figures(store)  # computed once here, so `advisor stats` reads them instead of recomputing
    finally:
        if owns_store:
            store.close()
    return report
