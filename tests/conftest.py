"""Shared fixtures: store URLs for every backend, the bundled examples, one pipeline."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

PG_ADMIN_URL = os.environ.get("PEYVAND_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_reason() -> str | None:
    """None when a PostgreSQL server answers, else why the PostgreSQL tests are skipped."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: no server for these tests here
        return f"PostgreSQL not reachable at {PG_ADMIN_URL} ({type(exc).__name__})"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    reason = _postgres_reason()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests: {reason}")
        pytest.skip(reason)
    return PG_ADMIN_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    name = f"peyvand_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = postgres_server.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An observatory location on each backend: a folder (SQLite) or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "observatory")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return Path(str(resources.files("peyvand") / "examples"))


@pytest.fixture(scope="session")
def example_files(examples_dir: Path) -> list[Path]:
    return sorted(examples_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from peyvand.pipeline import Pipeline

    return Pipeline()
