"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (plain and streaming).

Tests point the "openai" provider at `server.base_url` and then read `server.requests` to see exactly
what the product sent (system prompt, numbered sources). `server.reply` decides the answer: a string,
or a function of the request body returning a string. `server.mode` injects failures:
"ok", "401", "500", "timeout" (sleeps past the client's timeout), "bad_json", "empty".
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class OpenAICompatibleServer:
    """Start with `with OpenAICompatibleServer() as server:`; base_url ends in /v1."""

    def __init__(self, reply: str | Callable[[dict[str, Any]], str] = "OK", mode: str = "ok", sleep_s: float = 3.0):
        self.reply = reply
        self.mode = mode
        self.sleep_s = sleep_s
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --
    def __enter__(self) -> OpenAICompatibleServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(body)
                server.headers.append({k.lower(): v for k, v in self.headers.items()})
                server._answer(self, body)

            def do_GET(self) -> None:  # noqa: N802
                self._send(200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]})

            def _send(self, status: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base_url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    # -- what the last request carried --
    def last_messages(self) -> list[dict[str, Any]]:
        return self.requests[-1]["messages"] if self.requests else []

    def last_system_prompt(self) -> str:
        return "\n".join(m["content"] for m in self.last_messages() if m.get("role") == "system")

    def last_user_prompt(self) -> str:
        users = [m["content"] for m in self.last_messages() if m.get("role") == "user"]
        return users[-1] if users else ""

    # -- replies --
    def _text_for(self, body: dict[str, Any]) -> str:
        return self.reply(body) if callable(self.reply) else self.reply

    def _answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        send = handler._send  # type: ignore[attr-defined]
        if self.mode == "401":
            send(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "code": "invalid_api_key"}})
            return
        if self.mode == "500":
            send(500, {"error": {"message": "internal error", "type": "server_error"}})
            return
        if self.mode == "timeout":
            time.sleep(self.sleep_s)
            send(200, _completion("too late"))
            return
        if self.mode == "bad_json":
            data = b"{this is not json"
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        text = "" if self.mode == "empty" else self._text_for(body)
        if body.get("stream"):
            self._stream(handler, text)
        else:
            send(200, _completion(text))

    def _stream(self, handler: BaseHTTPRequestHandler, text: str) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Connection", "close")
        handler.end_headers()
        words = text.split(" ")
        for i, word in enumerate(words):
            piece = word if i == 0 else " " + word
            chunk = {
                "id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": "test-model",
                "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}],
            }
            handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            handler.wfile.flush()
        end = {
            "id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": "test-model",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
        }
        handler.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
        handler.wfile.flush()
        handler.close_connection = True


def _completion(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
