"""The one YAML loader for text from a user or a file: front matter, case files, the corpus manifest.

yaml.safe_load is safe from code execution but not from size: a 464-byte front matter with nested aliases
("billion laughs") is a list of billions of strings once anything walks it (str(), repr(), json.dumps), and
`advisor index` hung eating gigabytes. Here the node graph is checked before anything is built from it:

- the text is at most `max_chars` characters;
- what the aliases expand to is at most `max_chars` characters too (each value counted with its length), so a
  document with aliases is never bigger than a document of the same limit written out in full;
- nesting is at most `max_depth` levels, and an alias may not contain itself;
- only plain values: strings, numbers, booleans, null, dates, lists and mappings (no !!binary, !!set, !!python/…).

Anything else raises YAMLRefused (an InvalidInput) naming the input and the reason, in milliseconds.
"""

from __future__ import annotations

from typing import Any

import yaml

from advisor.errors import InvalidInput

MAX_CHARS = 1_000_000
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
# Tags the resolver gives plain YAML, and the explicit forms of the same (`!!str 12`).
ALLOWED_TAGS = frozenset(_CORE + name for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map", "merge"))


class YAMLRefused(InvalidInput):
    """YAML text that is malformed, too large, too deep, a bomb, or not plain data; `reason` says which."""

    def __init__(self, name: str, text: str, reason: str):
        self.reason = reason
        super().__init__(name, text.lstrip()[:60], f"plain YAML ({reason})")


class _TooDeep(Exception):
    pass


class _Loader(yaml.SafeLoader):
    """SafeLoader with only the plain-data constructors (the graph is checked before they run).

    The composer is recursive: 5 000 opening brackets took 1.3 s to fail with RecursionError, so the depth is
    counted while composing and refused at max_depth.
    """

    def __init__(self, text: str, max_depth: int):
        super().__init__(text)
        self._depth = 0
        self._max_depth = max_depth

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > self._max_depth:
                raise _TooDeep
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_constructors = {tag: fn for tag, fn in yaml.SafeLoader.yaml_constructors.items() if tag in ALLOWED_TAGS}


def _check_graph(root: yaml.Node, max_chars: int, max_depth: int) -> str:
    """'' if the node graph is plain, bounded data; else why not. Iterative: a deep graph cannot overflow the stack.

    Aliases are the same node object in several places, so the expanded size is computed once per node (memo)
    and summed per use: linear in the number of nodes, however large the expansion would be.
    """
    weight: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            children = _children(node)
            weight[key] = 1 + sum(weight[id(c)] for c in children)
            if weight[key] > max_chars:
                return f"its aliases expand to more than {max_chars:,} characters (a YAML bomb?)".replace(",", " ")
            continue
        if key in weight:
            continue
        if key in on_path:
            return "an alias refers to a value that contains it"
        if node.tag not in ALLOWED_TAGS:
            return f"tag {node.tag!r} is not plain data; only text, numbers, true/false, dates, lists and mappings"
        if depth > max_depth:
            return f"nested more than {max_depth} levels deep"
        if isinstance(node, yaml.ScalarNode):
            weight[key] = 1 + len(node.value)
            continue
        on_path.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))
    return ""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_yaml(text: str, name: str = "input", max_chars: int = MAX_CHARS, max_depth: int = MAX_DEPTH) -> Any:
    """Parse one YAML document of plain data, bounded in size, expansion and depth; raises YAMLRefused otherwise."""
    if len(text) > max_chars:
        raise YAMLRefused(name, text, f"{len(text):,} characters; at most {max_chars:,}".replace(",", " "))
    loader = None
    try:
        loader = _Loader(text, max_depth)  # the reader already refuses control characters here
        node = loader.get_single_node()
        if node is None:
            return None
        problem = _check_graph(node, max_chars, max_depth)
        if problem:
            raise YAMLRefused(name, text, problem)
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0][:80] or exc.__class__.__name__
        raise YAMLRefused(name, text, f"{problem}{where}") from exc
    except (_TooDeep, RecursionError) as exc:
        raise YAMLRefused(name, text, f"nested more than {max_depth} levels deep") from exc
    except ValueError as exc:  # an integer of more than 4 300 digits, a date like 2024-13-45
        raise YAMLRefused(name, text, f"a value cannot be read: {str(exc).split(':')[0][:80]}") from exc
    finally:
        if loader is not None:
            loader.dispose()
