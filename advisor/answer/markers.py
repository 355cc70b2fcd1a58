"""Citation markers in model output: [n] renumbered to our citation numbers, invented ones dropped."""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

_MARKER = re.compile(r"\[\s*(\d{1,3}(?:\s*(?:[,;]|[-–])\s*\d{1,3})*)\s*\]")
_MARKER_PREFIX = re.compile(r"\[\s*[\d\s,;\-–]*$")


class MarkerRewriter:
    """Renumbers [n] markers to our citation numbers and drops unknown ones, token by token or all at once.

    The same object serves streaming (feed pieces as they arrive) and whole replies (feed once), so the text
    the user saw streamed is exactly the final text.
    """

    def __init__(self, n_sources: int) -> None:
        self.n_sources = n_sources
        self.mapping: dict[int, int] = {}  # source number in the prompt -> citation number in the answer
        self.dropped: list[int] = []
        self._buffer = ""
        self._space = ""
        self._after_drop = False

    def _numbers(self, inner: str) -> list[int]:
        out: list[int] = []
        for part in re.split(r"\s*[,;]\s*", inner.strip()):
            bounds = re.split(r"\s*[-–]\s*", part)
            if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit() and int(bounds[1]) - int(bounds[0]) < 10:
                out.extend(range(int(bounds[0]), int(bounds[1]) + 1))
            elif part.isdigit():
                out.append(int(part))
        return out

    def _rewrite(self, inner: str) -> str:
        kept = []
        for n in self._numbers(inner):
            if 1 <= n <= self.n_sources:
                if n not in self.mapping:
                    self.mapping[n] = len(self.mapping) + 1
                kept.append(f"[{self.mapping[n]}]")
            else:
                self.dropped.append(n)
                log.warning("dropped citation marker [%d]: the prompt had sources 1-%d", n, self.n_sources)
        return "".join(dict.fromkeys(kept))

    def _emit(self, text: str) -> str:
        """Hold back trailing spaces, so a dropped marker does not leave 'word  .' behind."""
        out = []
        for ch in text:
            if ch.isspace():
                self._space += ch
                continue
            if self._space:
                if not (self._after_drop and (ch in ".,;:!?)" or ch.isspace())):
                    out.append(self._space)
                self._space = ""
            self._after_drop = False
            out.append(ch)
        return "".join(out)

    def feed(self, piece: str) -> str:
        """Text ready to show after this piece; an unfinished marker is held until it closes."""
        self._buffer += piece
        out = []
        while self._buffer:
            start = self._buffer.find("[")
            if start < 0:
                out.append(self._emit(self._buffer))
                self._buffer = ""
                break
            out.append(self._emit(self._buffer[:start]))
            self._buffer = self._buffer[start:]
            match = _MARKER.match(self._buffer)
            if match:
                replacement = self._rewrite(match.group(1))
                if replacement:
                    out.append(self._emit(replacement))
                else:
                    self._after_drop = True
                self._buffer = self._buffer[match.end():]
                continue
            if _MARKER_PREFIX.fullmatch(self._buffer) and len(self._buffer) < 24:
                break  # may still become a marker: wait for the next piece
            out.append(self._emit(self._buffer[0]))
            self._buffer = self._buffer[1:]
        return "".join(out)

    def finish(self) -> str:
        """Whatever is still held back at the end of the reply."""
        rest, self._buffer = self._buffer, ""
        out = self._emit(rest) if rest else ""
        return out  # trailing spaces are dropped

