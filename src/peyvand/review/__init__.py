"""The review stage: the candidate lifecycle (accept, edit, reject, merge) and its audit trail."""

from peyvand.review.service import (
    AuditEntry,
    Evidence,
    InvalidTransition,
    RecordNotFound,
    Review,
    ReviewRecord,
    StaleVersionError,
)

__all__ = [
    "AuditEntry",
    "Evidence",
    "InvalidTransition",
    "RecordNotFound",
    "Review",
    "ReviewRecord",
    "StaleVersionError",
]
