from __future__ import annotations

import pytest

from advisor.text import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Når kan vi bruke innovasjonspartnerskap?", "nb"),
        ("Hva er terskelverdien for kommuner?", "nb"),
        ("What does the white paper say about trials and sandboxes?", "en"),
        ("When can we use an innovation partnership?", "en"),
        ("Hvad siger regeringen om samarbejdet mellem det offentlige og forskerne?", "da"),
        ("", "nb"),
        ("innovasjonspartnerskap", "nb"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_detects_the_language_of_every_eval_question():
    import json

    from advisor.config import Settings

    rows = [json.loads(line) for line in (Settings().evals_dir / "retrieval.jsonl").read_text(encoding="utf-8").splitlines()]
    wrong = [r["q"] for r in rows if (detect_language(r["q"]) == "en") != (r["lang"] == "en")]
    assert wrong == []
