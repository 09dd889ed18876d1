"""Curated actors other than countries: YAML files, one entry per actor.

The package ships `registry/actors/*.yaml`; a user adds entries of the same shape to the
observatory (`peyvand registry import FILE`, `peyvand registry add`). Every problem in a
file is reported with the file and the entry's id, never silently skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from peyvand.lang import SUPPORTED_LANGUAGES

ACTOR_TYPES = ("organization", "institution", "person", "media", "group", "site")
ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.:")


class RegistryError(ValueError):
    """A registry file or entry is malformed; the message names it."""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    type: str
    name: str
    names: Mapping[str, tuple[str, ...]]
    country: str | None = None
    sponsor: str | None = None
    seat: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name}
        for key in ("country", "sponsor", "seat", "kind", "wikidata"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        data["names"] = {lang: list(names) for lang, names in self.names.items()}
        return data


def _alpha3(value: Any, key: str, where: str) -> str | None:
    if value is None:
        return None
    if not (isinstance(value, str) and len(value) == 3 and value.isalpha() and value.isupper()):
        raise RegistryError(f"{where}: {key} must be an ISO 3166-1 alpha-3 code, got {value!r}")
    return value


def parse_entry(raw: Any, where: str) -> ActorEntry:
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: an entry must be a mapping, got {type(raw).__name__}")
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not actor_id or not set(actor_id) <= ID_CHARS:
        raise RegistryError(f"{where}: id must be lowercase ascii [a-z0-9-_.:], got {actor_id!r}")
    where = f"{where} ({actor_id})"
    actor_type = raw.get("type")
    if actor_type not in ACTOR_TYPES:
        raise RegistryError(f"{where}: type must be one of {', '.join(ACTOR_TYPES)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{where}: name (canonical English name) is required")
    raw_names = raw.get("names") or {}
    if not isinstance(raw_names, dict):
        raise RegistryError(f"{where}: names must map a language code to a list of names")
    names: dict[str, tuple[str, ...]] = {}
    for lang, given in raw_names.items():
        if lang not in SUPPORTED_LANGUAGES:
            raise RegistryError(f"{where}: unsupported language {lang!r} in names")
        values = [given] if isinstance(given, str) else given
        if not isinstance(values, list) or not all(
            isinstance(v, str) and v.strip() for v in values
        ):
            raise RegistryError(f"{where}: names.{lang} must be a list of non-empty strings")
        names[lang] = tuple(v.strip() for v in values)
    if "en" not in names:
        names["en"] = (name,)
    elif name not in names["en"]:
        names["en"] = (name, *names["en"])
    known = {"id", "type", "name", "names", "country", "sponsor", "seat", "kind", "wikidata"}
    return ActorEntry(
        id=actor_id,
        type=actor_type,
        name=name.strip(),
        names=names,
        country=_alpha3(raw.get("country"), "country", where),
        sponsor=_alpha3(raw.get("sponsor"), "sponsor", where),
        seat=_alpha3(raw.get("seat"), "seat", where),
        kind=str(raw["kind"]) if raw.get("kind") else None,
        wikidata=str(raw["wikidata"]) if raw.get("wikidata") else None,
        extra={k: v for k, v in raw.items() if k not in known},
    )


def parse_entries(raw: Any, source: str) -> list[ActorEntry]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise RegistryError(f"{source}: a registry file is a YAML list of entries")
    entries = [parse_entry(item, f"{source} entry {n}") for n, item in enumerate(raw, 1)]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise RegistryError(f"{source}: duplicate id {entry.id}")
        seen.add(entry.id)
    return entries


# libyaml's safe loader when PyYAML was built with it (eight times faster, the same data)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_file(path: Path) -> list[ActorEntry]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    return parse_entries(raw, str(path))


def packaged_entries() -> list[ActorEntry]:
    folder = Path(str(resources.files("peyvand.registry") / "actors"))
    entries: list[ActorEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        entries.extend(read_file(path))
    return entries


def merge(base: Iterable[ActorEntry], overrides: Iterable[ActorEntry]) -> list[ActorEntry]:
    """Entries by id; a user's entry replaces a packaged one with the same id."""
    merged = {entry.id: entry for entry in base}
    for entry in overrides:
        merged[entry.id] = entry
    return list(merged.values())
