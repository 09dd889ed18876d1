"""The search box, the search page and the search API over the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peyvand.observatory import Observatory
from peyvand.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> TestClient:
    observatory = Observatory.open(tmp_path_factory.mktemp("web-search") / "obs")
    observatory.ingest([examples_dir])
    return TestClient(create_app(observatory))


def test_index_page_has_a_search_box(client: TestClient) -> None:
    page = client.get("/")
    assert '<form class="search" action="/search"' in page.text
    assert 'name="q"' in page.text


def test_search_page_marks_matches_and_links_documents(client: TestClient) -> None:
    page = client.get("/search", params={"q": "آذربایجان", "lang": "fa"})
    assert page.status_code == 200
    assert '<mark class="hit">' in page.text
    assert 'href="/documents/' in page.text
    assert 'dir="rtl"' in page.text


def test_search_page_escapes_the_query(client: TestClient) -> None:
    page = client.get("/search", params={"q": '<script>alert(1)</script> "'})
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text


def test_api_search_finds_all_languages_and_filters(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "آذربایجان", "kind": "document"}).json()
    assert {"fa", "en", "az", "tr", "ru"} <= {h["language"] for h in body["hits"]}
    narrowed = client.get(
        "/api/search", params={"q": "آذربایجان", "kind": "document", "lang": "ru"}
    ).json()
    assert narrowed["hits"] and {h["language"] for h in narrowed["hits"]} == {"ru"}
    assert all(h["snippet"] for h in narrowed["hits"])


def test_api_search_rejects_a_bad_date(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "x", "since": "yesterday"})
    assert response.status_code == 422
    assert "since" in response.json()["detail"]
