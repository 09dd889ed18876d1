"""A polite, bounded HTTP fetcher: robots.txt, per-host intervals, size and time limits.

Every failure is an `IngestError` naming the URL. Redirects are followed by hand so that
each hop is checked against robots.txt and the politeness interval like the first request.
The body is read as a stream and abandoned as soon as it passes the size limit.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from peyvand.ingest.errors import IngestError
from peyvand.model import Document

USER_AGENT = "peyvand/0.1 (+offline observatory)"
_REDIRECTS = {301, 302, 303, 307, 308}
_ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body with what decides how to read it."""

    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case: "text/html"
    charset: str | None
    body: bytes


def _media_type(header: str) -> tuple[str, str | None]:
    media, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.lower(), charset


class Fetcher:
    """Fetches URLs one at a time through one `httpx.Client`; close it (or use ``with``)."""

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        total_timeout: float = 120.0,
        max_bytes: int = 20 * 1024 * 1024,
        max_redirects: int = 5,
        min_interval: float = 1.0,
        respect_robots: bool = True,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.min_interval = min_interval
        self.total_timeout = total_timeout
        self.respect_robots = respect_robots
        self.user_agent = user_agent
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            remaining = self.min_interval - (self._clock() - last)
            if remaining > 0:
                self._sleep(remaining)

    def _done(self, url: str) -> None:
        """The interval counts from the end of a response, so slow hosts get more rest."""
        self._last[urlsplit(url).netloc.lower()] = self._clock()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        """The parsed robots.txt of the URL's host, or why the whole host is off limits."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            robots_url = f"{root}/robots.txt"
            parser = urllib.robotparser.RobotFileParser(robots_url)
            try:
                response = self._request(robots_url, _ROBOTS_MAX_BYTES)
            except IngestError as exc:  # RFC 9309: unreachable robots.txt means stay out
                self._robots[root] = f"robots.txt unreachable ({exc.reason})"
                return self._robots[root]
            if response.status >= 500:
                self._robots[root] = f"robots.txt unavailable (HTTP {response.status})"
            elif response.status >= 400:
                parser.parse([])  # no robots.txt: everything is allowed
                self._robots[root] = parser
            else:
                parser.parse(response.body.decode("utf-8", "replace").splitlines())
                self._robots[root] = parser
        return self._robots[root]

    def allowed(self, url: str) -> tuple[bool, str]:
        """Whether robots.txt lets us fetch ``url``, and the reason when it does not."""
        if not self.respect_robots:
            return True, ""
        robots = self._robots_for(url)
        if isinstance(robots, str):
            return False, robots
        if robots.can_fetch(self.user_agent, url):
            return True, ""
        return False, "disallowed by robots.txt"

    # -- requests ----------------------------------------------------------------------

    def _request(self, url: str, limit: int) -> Response:
        """One GET without following redirects; the body is capped at ``limit`` bytes."""
        self._wait_turn(url)
        started = self._clock()
        try:
            with self._client.stream("GET", url) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise IngestError(
                        url, f"response too large: {int(declared):,} bytes; limit {limit:,}"
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise IngestError(url, f"response too large: over the {limit:,}-byte limit")
                    if self._clock() - started > self.total_timeout:
                        raise IngestError(url, f"timed out after {self.total_timeout:g} s in all")
                    chunks.append(chunk)
                media, charset = _media_type(response.headers.get("content-type", ""))
                location = response.headers.get("location", "")
                status = response.status_code
        except httpx.TimeoutException as exc:
            raise IngestError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise IngestError(url, f"request failed ({type(exc).__name__}: {exc})") from exc
        finally:
            self._done(url)
        if status in _REDIRECTS:
            if not location:
                raise IngestError(url, f"HTTP {status} without a Location")
            return Response(urljoin(url, location), status, "", None, b"")
        return Response(str(url), status, media, charset, b"".join(chunks))

    def get(self, url: str) -> Response:
        """Fetch ``url`` (redirects followed, robots.txt obeyed) or raise `IngestError`."""
        current = url
        for _ in range(self.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                raise IngestError(url, f"not an http(s) URL: {current}")
            allowed, reason = self.allowed(current)
            if not allowed:
                raise IngestError(current, reason)
            response = self._request(current, self.max_bytes)
            if response.status in _REDIRECTS:
                current = response.url
                continue
            if response.status >= 400:
                raise IngestError(current, f"HTTP {response.status}")
            return response
        raise IngestError(url, f"more than {self.max_redirects} redirects")

    def fetch_document(self, url: str) -> Document:
        """Fetch one page (HTML, PDF, DOCX or plain text) as a Document."""
        from peyvand.ingest.readers import response_document

        return response_document(self.get(url), source=url)
