"""The import rules of docs/architecture.md, checked over the source tree (and the checker checked on bad trees).

Layers, lowest first; a module may import its own package and packages of lower layers, never higher ones:

    base (config, errors, database, access) <- text <- corpus <- search <- llm
        <- features (answer, requirements, rewrite, assessment, doffin, feedback) <- chat, course <- evaluation <- cli, ui

Packages of one layer do not import each other (rewrite -> requirements is the one allowed edge). Outside its
own package, a package is imported through its __init__ only. No importlib for another package's modules, no
imports hidden under `if TYPE_CHECKING:`, and no module imports its own package's facade.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import PROJECT_ROOT

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"config", "errors", "database", "access"}),  # may import each other
    frozenset({"text"}),
    frozenset({"corpus"}),
    frozenset({"search"}),
    frozenset({"llm"}),
    frozenset({"answer", "requirements", "rewrite", "assessment", "doffin", "feedback"}),
    frozenset({"chat", "course"}),
    frozenset({"evaluation"}),
    frozenset({"cli", "ui"}),
)
ALLOWED_SAME_LAYER = frozenset({("rewrite", "requirements")})
LAYER_OF = {unit: n for n, layer in enumerate(LAYERS) for unit in layer}
# advisor/__init__.py is the public API (up to chat); app.py and benchmarks/ are interfaces like the CLI.
TOP = len(LAYERS)


@dataclass(frozen=True)
class Violation:
    """One broken rule: where, what was imported, and which rule."""

    path: str
    line: int
    target: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.target}: {self.rule}"


def _unit(module: str) -> str | None:
    """advisor.answer.engine -> 'answer'; advisor.config -> 'config'; advisor -> None (the public API)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "advisor" else None


def _module_of(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _only_submodules(node: ast.AST, package_dir: Path) -> bool:
    """`from advisor.ui import cases` inside advisor/ui: a sibling module named through the package, not its facade."""
    return isinstance(node, ast.ImportFrom) and all(
        (package_dir / f"{alias.name}.py").is_file() or (package_dir / alias.name / "__init__.py").is_file()
        for alias in node.names)


def _type_checking_blocks(tree: ast.Module) -> list[ast.If]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.If)
            and "TYPE_CHECKING" in ast.unparse(node.test)]


class _FileCheck:
    """The rules applied to one source file."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path, self.root = path, root
        self.rel = str(path.relative_to(root))
        # Benchmarks measure internals (private index builders, eval helpers) like tests do: the facade rule is waived.
        self.is_benchmark = self.rel.startswith("benchmarks")
        self.module = _module_of(path, root) if self.rel.startswith("advisor") else ""
        self.own = _unit(self.module) if self.module else None
        self.layer = LAYER_OF.get(self.own, TOP) if self.own else TOP
        if self.module == "advisor":
            self.layer = LAYER_OF["chat"]
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.hidden = {id(n) for block in _type_checking_blocks(self.tree) for n in ast.walk(block)}
        self.found: list[Violation] = []

    def flag(self, node: ast.AST, target: str, rule: str) -> None:
        self.found.append(Violation(self.rel, getattr(node, "lineno", 0), target, rule))

    def own_package(self, node: ast.AST, target: str) -> None:
        package_dir = self.root / "advisor" / str(self.own)
        if (target == f"advisor.{self.own}" and self.path.name not in ("__init__.py", "__main__.py")
                and package_dir.is_dir() and not _only_submodules(node, package_dir)):
            self.flag(node, target, "a module imports its own package's facade")

    def imported(self, node: ast.AST, target: str) -> None:
        unit = _unit(target)
        if id(node) in self.hidden:
            self.flag(node, target, "import hidden under TYPE_CHECKING")
        if unit is None:
            return
        if unit == self.own:
            self.own_package(node, target)
            return
        if unit not in LAYER_OF:
            self.flag(node, target, "unknown package: add it to a layer")
            return
        if LAYER_OF[unit] > self.layer:
            self.flag(node, target, f"imports upward ({self.own or self.rel} -> {unit})")
        elif (LAYER_OF[unit] == self.layer and self.layer > 0 and (self.own, unit) not in ALLOWED_SAME_LAYER
              and self.module != "advisor"):
            self.flag(node, target, f"features of one layer import each other ({self.own} -> {unit})")
        if target.count(".") > 1 and (self.root / "advisor" / unit).is_dir() and not self.is_benchmark:
            self.flag(node, target, f"imports past the facade (use `from advisor.{unit} import ...`)")

    def dynamic(self, node: ast.Call) -> None:
        arg = node.args[0]
        text = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
        if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
            text = str(arg.values[0].value)
        if text is None or (text.startswith("advisor") and not text.startswith(f"advisor.{self.own}.")):
            self.flag(node, str(text), "importlib outside the module's own package")

    def run(self) -> list[Violation]:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "advisor":
                    for alias in node.names:
                        self.imported(node, f"advisor.{alias.name}")
                elif node.module.startswith("advisor."):
                    self.imported(node, node.module)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("advisor."):
                        self.imported(node, alias.name)
            elif (isinstance(node, ast.Call) and node.args
                  and ast.unparse(node.func).endswith(("import_module", "find_spec", "__import__"))):
                self.dynamic(node)
        return self.found


def check_file(path: Path, root: Path) -> list[Violation]:
    """The violations of one source file; `root` is the folder that holds the advisor package."""
    return _FileCheck(path, root).run()


def check_tree(root: Path) -> list[Violation]:
    """Every violation under root/advisor, root/app.py and root/benchmarks."""
    files = [*sorted((root / "advisor").rglob("*.py")), *sorted((root / "benchmarks").glob("*.py"))]
    if (root / "app.py").is_file():
        files.append(root / "app.py")
    return [v for path in files for v in check_file(path, root)]


def package_graph(root: Path) -> dict[str, set[str]]:
    """Which package imports which (own-package edges left out)."""
    graph: dict[str, set[str]] = {}
    for path in sorted((root / "advisor").rglob("*.py")):
        own = _unit(_module_of(path, root)) or "advisor"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("advisor."):
                unit = _unit(node.module)
                if unit and unit != own:
                    graph.setdefault(own, set()).add(unit)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Package cycles (each as a path that returns to its start)."""
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*trail[trail.index(nxt):], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


# --- the real tree ----------------------------------------------------------------------------------------


def test_the_source_tree_keeps_the_import_rules():
    violations = check_tree(PROJECT_ROOT)
    assert not violations, "\n".join(map(str, violations))


def test_packages_have_no_import_cycles():
    assert cycles(package_graph(PROJECT_ROOT)) == []


def test_every_package_is_in_a_layer():
    units = {p.stem if p.is_file() else p.name for p in (PROJECT_ROOT / "advisor").iterdir()
             if (p.suffix == ".py" and not p.name.startswith("__")) or (p / "__init__.py").is_file()}
    assert units <= set(LAYER_OF), f"not in a layer: {sorted(units - set(LAYER_OF))}"


# --- the checker, on trees that break each rule -------------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for package in ("advisor", "advisor/answer", "advisor/search", "advisor/assessment", "advisor/requirements",
                    "advisor/rewrite"):
        init = tmp_path / package / "__init__.py"
        if not init.exists():
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("files", "rule"), [
    ({"advisor/search/retrieve.py": "from advisor.answer import Answer\n"}, "imports upward"),
    ({"advisor/answer/engine.py": "from advisor.assessment import assess\n"}, "features of one layer"),
    ({"advisor/chat.py": "from advisor.answer.engine import Answer\n"}, "imports past the facade"),
    ({"advisor/answer/engine.py": "import importlib\nm = importlib.import_module('advisor.assessment')\n"},
     "importlib outside"),
    ({"advisor/answer/engine.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                  "    from advisor.search import Hit\n"}, "TYPE_CHECKING"),
    ({"advisor/answer/engine.py": "from advisor.answer import Answer\n"}, "own package's facade"),
    ({"advisor/answer/engine.py": "from advisor.newthing import x\n"}, "unknown package"),
])
def test_the_checker_catches_each_broken_rule(tmp_path, files, rule):
    violations = check_tree(_tree(tmp_path, files))
    assert any(rule in v.rule for v in violations), violations


def test_the_checker_accepts_the_allowed_edges(tmp_path):
    root = _tree(tmp_path, {
        "advisor/rewrite/rewriter.py": "from advisor.requirements import find_hits\n",
        "advisor/answer/engine.py": "from advisor.answer.compose import compose\nfrom advisor.search import Hit\n",
        "advisor/cli/run.py": "import importlib\nm = importlib.import_module(f'advisor.cli.{1}')\n",
    })
    assert check_tree(root) == []


def test_cycles_are_found():
    assert cycles({"answer": {"chat"}, "chat": {"answer"}}) == [["answer", "chat", "answer"]]


def module_graph(root: Path) -> dict[str, set[str]]:
    """Which module imports which, inside and across packages, counting imports inside functions too (a deferred
    import is how a cycle hides)."""
    # Package facades (__init__) are left out: a submodule may use its own package's names, and a facade only
    # gathers its submodules; the cycles that matter run between plain modules.
    facades = {_module_of(p, root) for p in (root / "advisor").rglob("__init__.py")}
    modules = {_module_of(p, root) for p in (root / "advisor").rglob("*.py")} - facades
    graph: dict[str, set[str]] = {}
    for path in sorted((root / "advisor").rglob("*.py")):
        own = _module_of(path, root)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("advisor."):
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                for target in targets:
                    if target in modules and target != own and own not in facades:
                        graph.setdefault(own, set()).add(target)
    return graph


def test_modules_have_no_import_cycles_not_even_through_deferred_imports():
    assert cycles(module_graph(PROJECT_ROOT)) == []


def test_a_deferred_import_cycle_is_found(tmp_path):
    package = tmp_path / "advisor" / "doffin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from advisor.doffin.b import g\n", encoding="utf-8")
    (package / "b.py").write_text("def g():\n    from advisor.doffin.a import f\n", encoding="utf-8")
    assert cycles(module_graph(tmp_path))
