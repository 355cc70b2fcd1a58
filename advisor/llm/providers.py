"""LLM providers: a registry from provider name to a LangChain chat model, and one call that talks to it.

"extractive" is not an LLM: it is the offline default handled by answer.py (and by the analyzers), so
`chat_model` refuses it. Retries with exponential backoff happen here, in one place, for every provider.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence

import httpx

from advisor.config import Settings
from advisor.errors import ProviderError, UnknownProvider

log = logging.getLogger(__name__)

EXTRACTIVE = "extractive"


def _api_key(settings: Settings) -> str:
    # Local servers (vLLM, llama.cpp, LM Studio) accept any key; the OpenAI client insists on one.
    return settings.llm.api_key.get_secret_value() if settings.llm.api_key else "not-needed"


def _openai(settings: Settings):
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.llm.model or "gpt-4o-mini",
        base_url=settings.llm.base_url,
        api_key=_api_key(settings),
        timeout=settings.llm.timeout_s,
        max_retries=0,
        temperature=settings.llm.temperature,
    )


def _azure(settings: Settings):
    from langchain_openai import AzureChatOpenAI

    if not settings.llm.base_url:
        raise ProviderError("azure", None, "set ADVISOR_LLM_BASE_URL to the Azure OpenAI endpoint")
    return AzureChatOpenAI(
        azure_deployment=settings.llm.model,
        azure_endpoint=settings.llm.base_url,
        api_key=_api_key(settings),
        api_version=settings.llm.api_version,
        timeout=settings.llm.timeout_s,
        max_retries=0,
        temperature=settings.llm.temperature,
    )


def _ollama(settings: Settings):
    from langchain_ollama import ChatOllama

    return ChatOllama(
        model=settings.llm.model or "llama3.1",
        base_url=settings.llm.base_url or "http://127.0.0.1:11434",
        temperature=settings.llm.temperature,
        client_kwargs={"timeout": settings.llm.timeout_s},
    )


PROVIDERS: dict[str, Callable[[Settings], object]] = {"openai": _openai, "azure": _azure, "ollama": _ollama}
KNOWN_PROVIDERS: tuple[str, ...] = (EXTRACTIVE, *PROVIDERS)


def check_provider(name: str | None, settings: Settings) -> str:
    """The provider to use: the given name or the configured one; unknown names raise UnknownProvider."""
    chosen = (name or settings.llm.provider).strip().lower()
    if chosen not in KNOWN_PROVIDERS:
        raise UnknownProvider(chosen, KNOWN_PROVIDERS)
    return chosen


def chat_model(settings: Settings, provider: str | None = None):
    """A LangChain chat model for the configured (or given) LLM provider."""
    chosen = check_provider(provider, settings)
    if chosen == EXTRACTIVE:
        raise UnknownProvider(chosen, tuple(PROVIDERS), what="LLM provider (extractive uses no LLM)")
    return PROVIDERS[chosen](settings)


def model_name(settings: Settings, provider: str) -> str:
    """The model name recorded with an answer."""
    return "" if provider == EXTRACTIVE else (settings.llm.model or "default")


def _status_of(exc: BaseException) -> int | None:
    for attr in ("status_code", "status"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


def _is_retryable(status: int | None, exc: BaseException) -> bool:
    if status is not None:
        return status == 429 or status >= 500
    name = type(exc).__name__
    return "Timeout" in name or "Connection" in name or isinstance(exc, httpx.TransportError)


def _provider_exceptions() -> tuple[type[BaseException], ...]:
    import openai

    excs: list[type[BaseException]] = [openai.APIError, httpx.HTTPError, json.JSONDecodeError, ConnectionError, TimeoutError]
    try:
        import ollama

        excs.append(ollama.ResponseError)
    except ImportError:  # pragma: no cover - ollama ships with langchain-ollama
        pass
    return tuple(excs)


def complete(
    messages: Sequence[tuple[str, str]],
    settings: Settings,
    provider: str | None = None,
    on_token: Callable[[str], None] | None = None,
) -> str:
    """Send (role, text) messages to the LLM and return its reply; with on_token, stream tokens as they arrive.

    Failures (HTTP 401/5xx, timeouts, refused connections, malformed replies) raise ProviderError after
    settings.llm.max_retries retries with exponential backoff (0.5 s, 1 s, 2 s, ...). A stream that already
    delivered tokens is not retried, so no token is shown twice.
    """
    chosen = check_provider(provider, settings)
    model = chat_model(settings, chosen)
    errors = _provider_exceptions()
    attempt = 0
    while True:
        delivered = False
        try:
            if on_token is None:
                reply = model.invoke(list(messages))
                text = reply.content if isinstance(reply.content, str) else _join_content(reply.content)
            else:
                parts: list[str] = []
                for chunk in model.stream(list(messages)):
                    piece = chunk.content if isinstance(chunk.content, str) else _join_content(chunk.content)
                    if piece:
                        delivered = True
                        parts.append(piece)
                        on_token(piece)
                text = "".join(parts)
        except errors as exc:
            status = _status_of(exc)
            if attempt < settings.llm.max_retries and not delivered and _is_retryable(status, exc):
                delay = 0.5 * (2**attempt)
                log.warning("provider %s failed (%s); retry %d in %.1f s", chosen, type(exc).__name__, attempt + 1, delay)
                time.sleep(delay)
                attempt += 1
                continue
            if status is not None and status < 400:
                # A 200 whose body is not the chat-completions JSON.
                raise ProviderError(chosen, None, f"malformed reply: {_describe(exc)}") from exc
            raise ProviderError(chosen, status, _describe(exc)) from exc
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # LangChain raises these when a 200 reply does not have the chat-completions shape.
            raise ProviderError(chosen, None, f"malformed reply: {_describe(exc)}") from exc
        if not text.strip():
            raise ProviderError(chosen, None, "empty reply")
        return text


def _join_content(content: object) -> str:
    if isinstance(content, list):
        return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content or "")


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"{type(exc).__name__}: {text[:200]}"
