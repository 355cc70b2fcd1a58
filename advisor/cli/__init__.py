"""`advisor` command line: parse arguments, build Settings, call the library, print.

Each command lives in its own module here with `register(subparsers)`; the module sets `func` on its parser.
Library code raises AdvisorError; this is the one place that turns it into one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from advisor.errors import AdvisorError

COMMAND_MODULES = ("index", "search", "ask", "analyze", "assess", "stats", "similar", "evaluate", "settings")

DESCRIPTION = (
    "Offline, cited advisory assistant for innovative public procurement (Norway). "
    "Every command works without an LLM; set ADVISOR_LLM_PROVIDER to use one."
)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with usage errors as one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every command registered."""
    parser = ArgumentParser(prog="advisor", description=DESCRIPTION)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and warnings to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"advisor.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `advisor` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        # pypdf logs its repairs of a damaged file as warnings; the reader reports the outcome (text or a reason).
        logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from pydantic import ValidationError

    from advisor.config import Settings

    try:
        try:
            settings = Settings()
        except ValidationError as exc:  # a bad ADVISOR_* value: one line naming it, not a traceback
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise AdvisorError(f"invalid setting {where}: {first['msg'].removeprefix('Value error, ')}") from exc
        code = args.func(args, settings)
    except AdvisorError as exc:
        from advisor.cli.common import terminal_line

        # terminal_line: the message may quote a file name or file content with ESC sequences or line breaks
        print(f"advisor: error: {terminal_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("advisor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
