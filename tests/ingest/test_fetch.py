"""The fetcher against a local server: robots.txt, politeness, size and time limits."""

from __future__ import annotations

import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from itertools import pairwise
from pathlib import Path

import pytest

from peyvand.ingest.errors import IngestError
from peyvand.ingest.fetch import USER_AGENT, Fetcher

from .conftest import Site

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
PAGE = (
    "<html lang='en'><head><title>Film week</title></head><body><article><p>"
    + "Iran and Azerbaijan agreed to hold a joint film week in Baku every spring. " * 4
    + "</p></article></body></html>"
).encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(min_interval=0.05, read_timeout=0.5, connect_timeout=0.5, max_bytes=100_000) as f:
        yield f


@pytest.fixture
def served(site: Site) -> Site:
    site.routes.update(
        {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, ROBOTS),
            "/page.html": (200, HTML, PAGE),
            "/private/secret.html": (200, HTML, PAGE),
            "/old": (302, {"Location": "/page.html"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
            "/gone": (410, HTML, b"gone"),
        }
    )
    return site


def test_page_is_fetched_with_our_user_agent(served: Site, fetcher: Fetcher) -> None:
    document = fetcher.fetch_document(served.url("/page.html"))
    assert "joint film week" in document.text
    assert document.title == "Film week"
    assert document.source == document.url == served.url("/page.html")
    assert {agent for _, _, agent in served.hits} == {USER_AGENT}


def test_robots_txt_is_obeyed_and_fetched_once_per_host(served: Site, fetcher: Fetcher) -> None:
    fetcher.get(served.url("/page.html"))
    with pytest.raises(IngestError, match=r"disallowed by robots\.txt") as caught:
        fetcher.get(served.url("/private/secret.html"))
    assert caught.value.source == served.url("/private/secret.html")
    fetcher.get(served.url("/page.html"))
    assert served.paths().count("/robots.txt") == 1
    assert "/private/secret.html" not in served.paths()


def test_minimum_interval_between_requests_to_one_host(served: Site, fetcher: Fetcher) -> None:
    for _ in range(3):
        fetcher.get(served.url("/page.html"))
    times = served.times()
    assert len(times) == 4  # robots.txt, then three pages
    gaps = [b - a for a, b in pairwise(times)]
    assert min(gaps) >= 0.045, gaps


def test_redirects_are_followed_and_limited(served: Site, fetcher: Fetcher) -> None:
    assert fetcher.get(served.url("/old")).url == served.url("/page.html")
    with pytest.raises(IngestError, match="more than 5 redirects"):
        fetcher.get(served.url("/loop"))


def test_http_errors_name_the_url(served: Site, fetcher: Fetcher) -> None:
    with pytest.raises(IngestError, match="HTTP 410") as caught:
        fetcher.get(served.url("/gone"))
    assert caught.value.source == served.url("/gone")


def _endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(1000):
            handler.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_body_size_is_enforced_while_streaming(served: Site, fetcher: Fetcher) -> None:
    served.routes["/endless"] = _endless
    served.routes["/declared"] = (200, HTML, b"x" * 200_000)
    with pytest.raises(IngestError, match=r"response too large: over the 100,000-byte limit") as e:
        fetcher.get(served.url("/endless"))
    assert e.value.source == served.url("/endless")
    with pytest.raises(IngestError, match="response too large: 200,000 bytes; limit 100,000"):
        fetcher.get(served.url("/declared"))


def _slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    try:
        handler.send_response(200)
        handler.end_headers()
    except (BrokenPipeError, ConnectionResetError):
        pass


def test_read_timeout(served: Site, fetcher: Fetcher) -> None:
    served.routes["/slow"] = _slow
    started = time.monotonic()
    with pytest.raises(IngestError, match="timed out"):
        fetcher.get(served.url("/slow"))
    assert time.monotonic() - started < 1.4


def test_unreachable_host_is_an_error() -> None:
    url = "http://127.0.0.1:9/page.html"  # the discard port: nothing listens there
    polite = Fetcher(connect_timeout=0.5, min_interval=0)
    with polite, pytest.raises(IngestError, match=r"robots\.txt unreachable"):
        polite.get(url)
    blunt = Fetcher(connect_timeout=0.5, min_interval=0, respect_robots=False)
    with blunt, pytest.raises(IngestError, match="request failed"):
        blunt.get(url)


def test_content_type_decides_the_reader(served: Site, fetcher: Fetcher) -> None:
    pdf = (Path(__file__).parent / "fixtures" / "rtl-brackets.pdf").read_bytes()
    served.routes["/doc"] = (200, {"Content-Type": "application/pdf"}, pdf)
    legacy = "همكاري فرهنگي ايران و آذربايجان".encode("cp1256")
    served.routes["/note"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, legacy)
    served.routes["/zip"] = (200, {"Content-Type": "application/zip"}, b"\x00\x01zip")
    assert fetcher.fetch_document(served.url("/doc")).format == "pdf"
    note = fetcher.fetch_document(served.url("/note"))
    assert note.text == "همكاري فرهنگي ايران و آذربايجان"  # the declared UTF-8 was wrong
    assert note.format == "text"
    with pytest.raises(IngestError, match="unsupported content type 'application/zip'"):
        fetcher.fetch_document(served.url("/zip"))
