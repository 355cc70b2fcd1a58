"""Small helpers shared by the CLI commands: JSON output and reading text arguments."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path
from typing import Any

from advisor.errors import InvalidInput

# C0 and C1 control characters, including ESC (0x1b), CSI (0x9b), NUL, CR and LF.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_line(text: str) -> str:
    """Text as one terminal line: control characters shown as \\x1b-style escapes.

    Error messages and import reports quote file names and file content (a Doffin CSV header, a path); without
    this, an ESC sequence in a downloaded file would restyle or rewrite the user's terminal, and a newline would
    turn the one-line error into several.
    """
    return _TERMINAL_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def to_jsonable(value: Any) -> Any:
    """Dataclasses, paths and sets as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def print_json(value: Any) -> None:
    """Print a value as indented UTF-8 JSON (Norwegian letters unescaped)."""
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def positive_int(text: str) -> int:
    """argparse type for -k and similar: an integer >= 1, else a one-line usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value}")
    return value


def read_text_arg(text: str | None, file: str | None, what: str = "text") -> str:
    """The text from a positional argument, a file, or '-' for stdin; empty or non-text input is an error."""
    if file:
        path = Path(file)
        if file == "-":
            raw = sys.stdin.buffer.read()
        elif not path.is_file():
            raise InvalidInput("file", file, "an existing file")
        else:
            raw = path.read_bytes()
        if b"\x00" in raw[:8192]:
            raise InvalidInput("file", file, "a text file (this looks binary)")
        text = raw.decode("utf-8", errors="replace")
    elif text == "-":
        text = sys.stdin.read()
    if text is None or not text.strip():
        raise InvalidInput(what, text or "", f"non-empty {what}")
    return text
