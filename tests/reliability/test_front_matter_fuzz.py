"""The bounded YAML loader and the front matter of user documents under fuzzing.

Whatever the YAML (aliases and anchors nested to any width and depth, recursive aliases, tags, merge keys, numbers
of thousands of digits, deep nesting, random text), load_yaml returns plain data bounded by its limit or raises
YAMLRefused, and a user document either reads with the admin's label (never the front matter's authority, kind,
date or id) or is refused as UnreadableDocument. Budgets: 600 + 600 + 300 + 200 generated inputs per run.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from advisor.config import Settings
from advisor.corpus import SourceLabel, YAMLRefused, load_yaml
from advisor.corpus.documents import read_document
from advisor.corpus.readers import MAX_FRONT_MATTER_CHARS
from advisor.errors import UnreadableDocument

PLAIN = (str, int, float, bool, type(None), datetime.date, list, dict)


def _expanded_size(value: object, budget: int) -> int:
    """Characters of the value written out in full (aliases expanded), counting up to `budget` + 1 at most."""
    total, stack = 0, [value]
    while stack and total <= budget:
        item = stack.pop()
        total += 1
        if isinstance(item, dict):
            stack.extend(k for k in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        else:
            total += len(str(item))
    return total


def _all_plain(value: object, depth: int = 0) -> bool:
    if depth > 200:
        return False
    if isinstance(value, dict):
        return all(_all_plain(k, depth + 1) and _all_plain(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_plain(v, depth + 1) for v in value)
    return isinstance(value, PLAIN)


_scalars = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(lambda s: repr(s)),
    st.integers(-10**6, 10**6).map(str),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.sampled_from(["2024-01-02", "2024-13-45", "2026-11-01T10:00:00", "yes", "no", "~", "null", ".inf", "1e999",
                     "0x1F", "0o17", "!!binary aGVsbG8=", "!!set {a, b}", "!!python/object:os.system ls", "!custom x",
                     "!!str 12", "!!int '7'", "!!omap [{a: 1}]", "[1, 2", "{a: ", "'unterminated"]),
)


@st.composite
def front_matter(draw) -> str:
    """YAML that looks like front matter, with the attacks of issue 20 mixed in."""
    lines = []
    width, depth = draw(st.integers(1, 12)), draw(st.integers(0, 10))
    if depth:
        lines.append(f"a0: &a0 [{', '.join(['lol'] * width)}]")
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth + 1)]
    keys = ["id", "title", "authority", "kind", "as_of", "language", "extra", "<<"]
    for key in draw(st.lists(st.sampled_from(keys), max_size=8)):
        choice = draw(st.integers(0, 4))
        if key == "<<" and depth:
            lines.append(f"<<: {{merged: *a{draw(st.integers(0, depth))}}}")
        elif choice == 0 and depth:
            lines.append(f"{key}: *a{draw(st.integers(0, depth))}")
        elif choice == 1:
            nest = draw(st.integers(1, 120))
            lines.append(f"{key}: " + "[" * nest + "x" + "]" * nest)
        elif choice == 2:
            lines.append(f"{key}: &self [*self]")
        else:
            lines.append(f"{key}: {draw(_scalars)}")
    lines += draw(st.lists(st.sampled_from(["authority: law", "authority: official_guidance", "kind: guidance",
                                            "id: guide-terskelverdier", "as_of: 2026-11-01", "title: Lov"]), max_size=4))
    return "\n".join(lines)


@hsettings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fm=front_matter())
@example(fm="a: &a [lol, lol]\nb: &b [*a, *a]\ntitle: *b\nauthority: law\nid: guide-terskelverdier")
def test_fuzz_front_matter_never_decides_authority_and_never_explodes(tmp_path, fm):
    path = tmp_path / "opplastet.md"
    path.write_text(f"---\n{fm}\n---\n# Et notat\n\nTekst om markedsdialog.\n", encoding="utf-8")
    label = SourceLabel()
    try:
        doc = read_document(path, Settings(home=tmp_path / "home"), None, None, label)
    except UnreadableDocument as exc:
        assert "front matter" in exc.reason or "no text" in exc.reason
        return
    assert (doc.authority, doc.kind, doc.as_of) == (label.authority, label.kind, label.as_of)
    assert doc.doc_id.startswith("opplastet-") and doc.doc_id != "guide-terskelverdier"
    assert len(doc.title) <= 2 * MAX_FRONT_MATTER_CHARS + 100
    assert _expanded_size(doc.meta, 2 * MAX_FRONT_MATTER_CHARS) <= 2 * MAX_FRONT_MATTER_CHARS


@hsettings(max_examples=600, deadline=None)
@given(text=st.text(max_size=3000))
def test_fuzz_load_yaml_gives_plain_data_or_yaml_refused(text):
    try:
        value = load_yaml(text, "fuzz", max_chars=20_000)
    except YAMLRefused as exc:
        assert exc.reason and "fuzz" in str(exc)
        return
    assert _all_plain(value)
    assert _expanded_size(value, 20_000) <= 20_000 + len(text) + 1


@hsettings(max_examples=300, deadline=None)
@given(fm=front_matter())
def test_fuzz_load_yaml_on_front_matter_attacks(fm):
    try:
        value = load_yaml(fm, "front matter", max_chars=MAX_FRONT_MATTER_CHARS)
    except YAMLRefused:
        return
    assert _all_plain(value)
    assert _expanded_size(value, MAX_FRONT_MATTER_CHARS) <= MAX_FRONT_MATTER_CHARS


@hsettings(max_examples=200, deadline=None)
@given(width=st.integers(2, 30), depth=st.integers(1, 14))
def test_alias_chains_are_refused_exactly_when_they_expand_past_the_limit(width, depth):
    text = f"a0: &a0 [{', '.join(['lol'] * width)}]\n"
    text += "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]\n" for i in range(1, depth + 1))
    limit = 100_000
    # Expanded weight of a{depth}: each list costs 1, each "lol" 4 (1 + its length), so w(0) = 1 + 4·width and
    # w(i) = 1 + width·w(i-1); the document holds all of a0..a{depth} plus their keys.
    weights = [1 + 4 * width]
    for _ in range(depth):
        weights.append(1 + width * weights[-1])
    total = 1 + sum(weights) + sum(1 + len(f"a{i}") for i in range(depth + 1))
    if total > limit:
        with pytest.raises(YAMLRefused, match="YAML bomb"):
            load_yaml(text, "bomb", max_chars=limit)
    else:
        value = load_yaml(text, "bomb", max_chars=limit)
        assert len(value) == depth + 1


@pytest.mark.parametrize("text, reason", [
    ("a: &a [*a]", "contains it"),
    ("a: !!binary aGVsbG8=", "not plain data"),
    ("a: !!python/object/apply:os.system [ls]", "not plain data"),
    ("x: " + "9" * 5000, "cannot be read"),
    ("[" * 5000 + "]" * 5000, "levels deep"),
    ("a: [1, 2", "expected"),
])
def test_load_yaml_refuses_with_the_reason(text, reason):
    with pytest.raises(YAMLRefused, match=reason):
        load_yaml(text, "case file")
