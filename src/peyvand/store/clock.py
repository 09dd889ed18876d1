"""Times in the store: every one written is UTC, and every one read comes back aware.

SQLite keeps no time zone and returns naive datetimes; PostgreSQL returns aware ones. Code
that compares or prints stored times reads them through `aware` so both backends agree.
"""

from __future__ import annotations

import datetime as dt
from typing import overload


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@overload
def aware(value: dt.datetime) -> dt.datetime: ...
@overload
def aware(value: None) -> None: ...
def aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value
