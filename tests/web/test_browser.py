"""The served observatory in a real browser (Debian's chromium through Playwright): search
across spellings, open a record, decide on it, see the decision in its history."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from peyvand.observatory import Observatory
from peyvand.web.app import create_app

CHROMIUM = "/usr/bin/chromium"


def _chromium_or_skip() -> None:
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: no {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"no {CHROMIUM}: apt-get install -y chromium")
    pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _chromium_or_skip()
    import uvicorn

    examples = Path(str(resources.files("peyvand") / "examples"))
    observatory = Observatory.open(tmp_path_factory.mktemp("browser") / "obs")
    observatory.ingest([examples])
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(observatory), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the web app did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    observatory.close()


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-background-networking"],
        )
        yield launched
        launched.close()


def test_search_finds_every_spelling_and_script(base_url: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base_url + "/")
    page.fill("input[name=q]", "آذربايجان")  # Arabic yeh, as many Persian sites write it
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?**")
    hits = page.locator("ol.hits > li:not(.none)")
    assert hits.count() >= 3
    languages = set(page.locator("ol.hits a[lang]").evaluate_all("els => els.map(e => e.lang)"))
    assert {"fa", "az"} <= languages or {"fa", "en"} <= languages
    page.close()


def test_a_reviewer_accepts_a_record_and_sees_it_in_the_history(
    base_url: str, browser: object
) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base_url + "/records?kind=agreement")
    first = page.locator("table.records tbody a").first
    first.click()
    page.wait_for_url("**/records/*")
    assert page.locator("h1 .tag").inner_text() == "candidate"
    page.fill("form.decision input[name=reviewer]", "nasrin")
    page.fill("form.decision input[name=reason]", "the quote names both parties")
    page.click("form.decision button[value=accept]")
    page.wait_for_load_state()
    assert page.locator("h1 .tag").inner_text() == "accepted"
    history = page.locator("table.history tbody").inner_text()
    assert "nasrin" in history and "the quote names both parties" in history
    page.close()
