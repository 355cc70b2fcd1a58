"""`advisor settings [--markdown] [--defaults]`: every setting with its environment variable, value and meaning."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "settings",
        help="show every setting: environment variable, current value, description",
        description="Every setting with the environment variable that sets it (ADVISOR_<GROUP>_<NAME>; in "
        "advisor.toml: [group] name = value), the value in effect (environment, advisor.toml and defaults "
        "combined) and what it does. Secrets show only '(set)'.",
    )
    p.add_argument("--defaults", action="store_true", help="show the default values instead of the ones in effect")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table (the README's settings table)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings) -> int:
    from advisor.config import settings_table

    rows = settings_table(None if args.defaults else settings)
    if args.markdown:
        print("| Variable | Default | Meaning |" if args.defaults else "| Variable | Value | Meaning |")
        print("|---|---|---|")
        for name, value, description in rows:
            escaped = description.replace("|", "\\|")
            print(f"| `{name}` | `{value}` | {escaped} |")
        return 0
    width = max(len(name) for name, _, _ in rows)
    for name, value, description in rows:
        print(f"{name.ljust(width)}  {value or '-'}\n{' ' * width}  {description}")
    return 0
