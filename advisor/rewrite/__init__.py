"""The rewriter: a solution-specific requirement rewritten as a need and functional requirements."""

from advisor.rewrite.examples import EXAMPLES_PATH, Example, load_worked_examples
from advisor.rewrite.legal import LegalBasis, legal_basis
from advisor.rewrite.references import Reference, find_references
from advisor.rewrite.rewriter import Rewrite, rewrite_requirement
from advisor.rewrite.targets import measurable_targets, missing_targets
from advisor.rewrite.templates import PLACEHOLDER_NEED

__all__ = [
    "EXAMPLES_PATH",
    "Example",
    "LegalBasis",
    "PLACEHOLDER_NEED",
    "Reference",
    "Rewrite",
    "find_references",
    "legal_basis",
    "load_worked_examples",
    "measurable_targets",
    "missing_targets",
    "rewrite_requirement",
]
