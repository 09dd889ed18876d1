"""The one error type of ingestion: it always names the input and the problem."""

from __future__ import annotations


class IngestError(Exception):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
