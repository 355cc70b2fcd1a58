"""The tests in this folder test the passage and LLM paths: answer cards are switched off (card_min_score 1.0) so that
a question a card would answer still reaches the passages. The card and rules routes are tested in tests/chat."""

import pytest

from advisor.config import Settings


@pytest.fixture(scope="session")
def corpus_hash_settings(corpus_hash_settings: Settings) -> Settings:
    return corpus_hash_settings.with_overrides(answer={"card_min_score": 1.0})


@pytest.fixture(scope="session")
def corpus_e5_settings(corpus_e5_settings: Settings) -> Settings:
    return corpus_e5_settings.with_overrides(answer={"card_min_score": 1.0})
