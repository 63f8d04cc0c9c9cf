"""A small OpenAI-compatible chat endpoint over a local model: `python -m adapt serve MODEL`.

Serves POST /v1/chat/completions (non-streaming) and GET /v1/models with the project's own
generation code. Enough for an augmentation backend pointed at a model on this machine, and for
testing the endpoint backend against a real server. Binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from adapt.generation import generate_chat
from adapt.models import load_for_inference, load_tokenizer

MAX_BODY = 4 * 1024 * 1024


class ChatServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, model, tokenizer, model_name: str):
        super().__init__(address, _Handler)
        self.model, self.tokenizer, self.model_name = model, tokenizer, model_name
        self.lock = threading.Lock()  # one generate() at a time on one model


class _Handler(BaseHTTPRequestHandler):
    server: ChatServer

    def log_message(self, *args):  # quiet: the caller's log is the place for errors
        pass

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        self._send(status, {"error": {"message": message, "type": "invalid_request_error"}})

    def do_GET(self):
        if self.path.rstrip("/") == "/v1/models":
            self._send(200, {"object": "list", "data": [{"id": self.server.model_name, "object": "model"}]})
        else:
            self._error(404, "not found")

    def do_POST(self):
        if self.path.rstrip("/") != "/v1/chat/completions":
            return self._error(404, "not found")
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            return self._error(400 if length <= 0 else 413, "request body missing or too large")
        try:
            request = json.loads(self.rfile.read(length))
            messages = request["messages"]
            if not isinstance(messages, list) or not all(isinstance(m, dict) and isinstance(m.get("content"), str)
                                                         for m in messages):
                raise ValueError("messages must be a list of {role, content}")
        except (ValueError, KeyError, TypeError) as err:
            return self._error(400, f"bad request: {err}")
        max_tokens = int(request.get("max_tokens") or request.get("max_completion_tokens") or 256)
        temperature = float(request.get("temperature") if request.get("temperature") is not None else 1.0)
        with self.server.lock:
            text = generate_chat(self.server.model, self.server.tokenizer, [messages], max_new_tokens=max_tokens,
                                 temperature=temperature, top_p=float(request.get("top_p") or 0.95),
                                 seed=request.get("seed"))[0]
        self._send(200, {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.server.model_name,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {},
        })


def make_server(model_ref: str, host: str = "127.0.0.1", port: int = 0, trust_remote_code: bool = False):
    tokenizer = load_tokenizer(model_ref, trust_remote_code)
    model = load_for_inference(model_ref, "fp32", trust_remote_code=trust_remote_code)
    return ChatServer((host, port), model, tokenizer, model_ref)
