"""The pipeline: named components over one document object, in the order of DESIGN.md.

Each component is a plain callable ``(doc) -> None`` that reads some fields of a `Doc` and
fills others; the `Pipeline` object owns the language data and builds each component lazily,
once, on first use, so the same object serves one document or a million. Extension point:
``Pipeline.register(name, factory)`` adds a component (a factory takes the pipeline and returns
the callable) and ``Pipeline(components=[...])`` chooses and orders them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peyvand.lang import LanguageData
from peyvand.model import Document, Extraction
from peyvand.registry.actors import ActorEntry

if TYPE_CHECKING:
    from peyvand.registry.registry import Registry
from peyvand.text.normalize import NormalizedText, normalize


@dataclass(slots=True)
class Doc:
    """One document on its way through the pipeline."""

    document: Document
    extraction: Extraction
    lang: str | None = None
    norm: NormalizedText | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    stash: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def view(self) -> NormalizedText:
        if self.norm is None:
            self.norm = normalize(self.text, turkic=self.lang in ("az", "tr"))
        return self.norm


Component = Callable[[Doc], None]
ComponentFactory = Callable[["Pipeline"], Component]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "language",
    "normalize",
    "sentences",
    "actors",
    "dates",
    "quantities",
    "agreements",
    "events",
    "claims",
    "institutions",
)


class Pipeline:
    """Holds configuration, language data and built components; extracts documents."""

    def __init__(
        self,
        components: Sequence[str] = DEFAULT_COMPONENTS,
        data_dirs: list[Path] | None = None,
        user_actors: Sequence[ActorEntry] = (),
    ) -> None:
        from peyvand.extract import components as builtin

        self.data = LanguageData(extra_dirs=data_dirs)
        self.user_actors = tuple(user_actors)
        self._factories: dict[str, ComponentFactory] = dict(builtin.FACTORIES)
        self._names = list(components)
        self._built: dict[str, Component] = {}
        self._shared: dict[str, Any] = {}
        for name in self._names:
            if name not in self._factories:
                raise ValueError(f"unknown pipeline component {name!r}")

    @property
    def component_names(self) -> list[str]:
        return list(self._names)

    def register(self, name: str, factory: ComponentFactory, *, after: str | None = None) -> None:
        """Add a component; it runs after ``after`` (default: last)."""
        self._factories[name] = factory
        if name not in self._names:
            position = self._names.index(after) + 1 if after else len(self._names)
            self._names.insert(position, name)

    def shared(self, key: str, build: Callable[[], Any]) -> Any:
        """An object built once per pipeline and shared by components (a matcher, a model)."""
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]

    def component(self, name: str) -> Component:
        if name not in self._built:
            self._built[name] = self._factories[name](self)
        return self._built[name]

    @property
    def registry(self) -> Registry:
        from peyvand.extract.components import registry

        return registry(self)

    def run(self, document: Document) -> Doc:
        doc = Doc(document=document, extraction=Extraction(document=document))
        for name in self._names:
            self.component(name)(doc)
        return doc

    def extract(self, document: Document) -> Extraction:
        return self.run(document).extraction
