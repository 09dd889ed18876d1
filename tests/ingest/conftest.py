"""A local HTTP server for the fetcher and feed tests: routes are set per test, nothing leaves
127.0.0.1. Each route is ``(status, headers, body)`` or a callable writing the response."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[tuple[str, float, str]] = field(default_factory=list)  # path, time, user agent

    def url(self, path: str) -> str:
        return self.base + path

    def times(self) -> list[float]:
        return [t for _, t, _ in self.hits]

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.hits]


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append((self.path, time.monotonic(), self.headers.get("User-Agent", "")))
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
