"""The web app lists the documents of the observatory and shows each with its mentions."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peyvand.ingest.files import read_document
from peyvand.observatory import Observatory
from peyvand.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    from importlib import resources

    examples = Path(str(resources.files("peyvand") / "examples"))
    observatory = Observatory.open(tmp_path_factory.mktemp("web") / "obs")
    observatory.ingest([examples])
    return TestClient(create_app(observatory))


def test_index_lists_every_example_title(client: TestClient, example_files: list[Path]) -> None:
    page = client.get("/")
    assert page.status_code == 200
    for path in example_files:
        title = read_document(path).title
        assert title is not None
        assert title.replace("'", "&#39;").replace('"', "&#34;") in page.text, title


def test_document_page_marks_mentions_and_is_right_to_left_for_persian(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    persian = next(d for d in docs if d["language"] == "fa")
    page = client.get(f"/documents/{persian['id']}")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.text
    assert '<mark class="actor"' in page.text


def test_unknown_document_is_404(client: TestClient) -> None:
    assert client.get("/documents/999999").status_code == 404


def test_stats_api_counts_documents(client: TestClient, example_files: list[Path]) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == len(example_files)
    assert stats["by_language"]["fa"] == sum(1 for p in example_files if p.name.startswith("fa"))
