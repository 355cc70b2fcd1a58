"""The errors a user can run into. Only cli.py and app.py turn them into messages."""

from __future__ import annotations

from pathlib import Path


class AdvisorError(Exception):
    """An error to show the user as one clear line (CLI exit code 2)."""


class InvalidInput(AdvisorError):
    """Bad input at a boundary: names the field, the value it got and what is allowed."""

    def __init__(self, field: str, value: object, expected: str):
        self.field = field
        self.value = value
        self.expected = expected
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"invalid {field}: got {shown}; expected {expected}")


class UnreadableDocument(AdvisorError):
    """A file that cannot be turned into text: names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"cannot read {self.path}: {reason}")


class IndexNotBuilt(AdvisorError):
    """No usable index in the state folder."""

    def __init__(self, index_dir: str | Path):
        self.index_dir = str(index_dir)
        super().__init__(f"no index in {self.index_dir}: run `advisor index`")


class UnknownProvider(AdvisorError):
    """A provider or backend name that is not registered."""

    def __init__(self, name: str, known: list[str] | tuple[str, ...], what: str = "provider"):
        self.name = name
        self.known = list(known)
        super().__init__(f"unknown {what} {name!r}; known: {', '.join(self.known)}")


class ProviderError(AdvisorError):
    """An LLM provider failed: HTTP status, timeout, refused connection or unusable reply."""

    def __init__(self, provider: str, status: int | None, detail: str):
        self.provider = provider
        self.status = status
        self.detail = detail
        where = f"HTTP {status}" if status else "error"
        super().__init__(f"LLM provider {provider!r} failed ({where}): {detail}")


class AccessDenied(AdvisorError):
    """An admin action without the right password."""


class StateNotWritable(AdvisorError):
    """The state folder (ADVISOR_HOME) cannot be written: full disk, read-only file system, no permission."""

    def __init__(self, path: str | Path, reason: str, kept: str = ""):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"cannot write to {self.path}: {reason}{kept}; free space or make the folder writable "
                         "(or point ADVISOR_HOME at a writable folder) and try again")


class DamagedState(AdvisorError):
    """A file in the state folder is damaged and nothing intact can stand in for it."""

    def __init__(self, path: str | Path, reason: str, next_step: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path} is damaged ({reason}): {next_step}")


class BuildRunning(AdvisorError):
    """Another index build holds the build lock of this state folder."""

    def __init__(self, where: str | Path, holder: str, waited_s: float):
        self.where = str(where)
        self.holder = holder
        waited = f" (waited {waited_s:.0f} s)" if waited_s >= 1 else ""
        super().__init__(f"an index build is already running for {self.where}{f' ({holder})' if holder else ''}"
                         f"{waited}: try again when it has finished")
