"""Records in the browser: the queue, one record with evidence and history, a decision that
respects the version the reviewer saw, merge proposals and claims side by side."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peyvand.observatory import Observatory
from peyvand.review import Review
from peyvand.review import merges as merge_proposals
from peyvand.web.app import create_app


@pytest.fixture(scope="module")
def observatory(tmp_path_factory: pytest.TempPathFactory) -> Observatory:
    examples = Path(str(resources.files("peyvand") / "examples"))
    found = Observatory.open(tmp_path_factory.mktemp("web-records") / "obs")
    found.ingest([examples])
    return found


@pytest.fixture(scope="module")
def client(observatory: Observatory) -> TestClient:
    return TestClient(create_app(observatory))


def test_queue_lists_candidates_and_filters_by_kind(client: TestClient) -> None:
    page = client.get("/records?kind=agreement")
    assert page.status_code == 200
    assert page.text.count('<span class="tag">agreement</span>') >= 3
    assert '<span class="tag">event</span>' not in page.text
    assert client.get("/records?kind=treaty").status_code == 400


def test_record_page_shows_the_quote_its_document_and_the_creation(
    client: TestClient, observatory: Observatory
) -> None:
    record = Review(observatory.engine).queue(kind="agreement", limit=1)[0]
    page = client.get(f"/records/{record.id}")
    assert page.status_code == 200
    assert record.quote.replace('"', "&#34;").replace("'", "&#39;") in page.text
    assert f'href="/documents/{record.document_id}"' in page.text
    assert "extractor" in page.text  # the history starts with the extraction
    assert client.get("/records/999999").status_code == 404


def test_a_decision_is_recorded_and_a_stale_one_is_refused(
    client: TestClient, observatory: Observatory
) -> None:
    review = Review(observatory.engine)
    record = review.queue(kind="event", limit=1)[0]
    form = {"decision": "accept", "reviewer": "mina", "version": str(record.version)}
    done = client.post(
        f"/records/{record.id}/decision", data=form | {"reason": "quote supports it"}
    )
    assert done.status_code == 200  # followed the redirect back to the record
    assert review.get(record.id).status == "accepted"
    assert "mina" in done.text and "quote supports it" in done.text
    # a second reviewer who loaded the page before mina's decision sends the old version
    stale = client.post(
        f"/records/{record.id}/decision",
        data={"decision": "reject", "reviewer": "omid", "version": str(record.version)},
    )
    assert stale.status_code == 409
    assert "mina" in stale.text and "reload" in stale.text
    assert review.get(record.id).status == "accepted"


def test_merge_proposals_and_claims_pages(client: TestClient, observatory: Observatory) -> None:
    created = merge_proposals.propose(observatory.engine)
    page = client.get("/merges")
    assert page.status_code == 200
    for proposal in created[:3]:
        assert f'href="/records/{proposal.target_id}"' in page.text
    claims = client.get("/claims")
    assert claims.status_code == 200
    groups = client.get("/api/claims").json()
    assert groups, "the examples state numbers"
    conflicts = client.get("/api/claims?conflicts=true").json()
    assert all(g["conflicting_units"] for g in conflicts)
    assert len(conflicts) < len(groups)
    assert client.get("/claims?tolerance=2").status_code == 400
