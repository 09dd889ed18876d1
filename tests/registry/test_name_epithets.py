"""The epithet signals come from ``lang/<code>/epithets.tsv``: a language without the file
has none, and a bad row is refused with the file named."""

from __future__ import annotations

from pathlib import Path

import pytest

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.registry.name_bounds import Spans
from peyvand.registry.name_epithets import people_by_epithet, read_epithets


def _names(text: str, lang: str, data: LanguageData | None = None) -> list[str]:
    epithets = read_epithets(data or LanguageData(), lang)
    assert epithets is not None
    return [c.name for c in people_by_epithet(text, epithets, set(), Spans([]))]


def test_the_signals_of_each_language() -> None:
    assert _names("Sergide İbn Haldun'un el yazmaları var.", "tr") == ["İbn Haldun"]
    assert _names("Törende II. Mehmet'in fermanı okundu.", "tr") == ["II. Mehmet"]
    assert _names("Sergi II. Dünya Savaşı yıllarını anlatıyor.", "tr") == []
    assert _names("Он работал с Андреем Смирновым много лет.", "ru") == ["Андреем Смирновым"]
    assert _names("Он работал с Казанским театром.", "ru") == []


def test_a_language_without_the_file_has_no_epithets() -> None:
    assert read_epithets(LanguageData(), "en") is None


def test_a_bad_row_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "tr").mkdir()
    (tmp_path / "tr" / "epithets.tsv").write_text("İbn\tprefix\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match=r"tr/epithets\.tsv"):
        read_epithets(LanguageData([tmp_path]), "tr")
