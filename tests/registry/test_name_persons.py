"""Persons after a title or a role noun (`peyvand.registry.name_persons`), beyond the table.

The sentences are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peyvand.lang import LanguageData, LanguageDataError
from peyvand.model import Document
from peyvand.pipeline import Pipeline
from peyvand.registry.unlinked import UnlinkedFinder

FINDER = UnlinkedFinder(LanguageData())
PIPE = Pipeline(components=("language", "normalize", "actors"))


def test_a_later_surname_is_a_mention_of_the_same_person() -> None:
    text = "Koreograf Deniz Yıldız provaları yönetti. Yıldız'a göre dans ortak bir dildir."
    doc = PIPE.run(Document(text=text, language="tr"))
    (person,) = [a for a in doc.extraction.actors if a.type == "person"]
    assert person.id is None
    assert person.name == "Deniz Yıldız"
    assert [text[m.start : m.end] for m in person.mentions] == ["Deniz Yıldız", "Yıldız'a"]


def test_a_surname_before_the_full_name_is_not_a_mention() -> None:
    text = "Yıldız bir yıldızdır. Koreograf Deniz Yıldız provaları yönetti."
    found = FINDER.find(text, "tr")
    assert [c.name for c in found] == ["Deniz Yıldız"]


def test_a_later_mention_refers_to_the_first_name() -> None:
    text = "Film critic Nargiz Hasanova chose the films. Hasanova said comedies sell best."
    found = FINDER.find(text, "en")
    assert [(c.name, c.refers) for c in found] == [
        ("Nargiz Hasanova", None),
        ("Hasanova", "Nargiz Hasanova"),
    ]


def test_a_conventional_name_has_no_later_mentions() -> None:
    """«مولانا …» keeps its honorific: no surname is looked for."""
    text = "دیوان مولانا جلال‌الدین بلخی چاپ شد. شاعران بلخی را می‌ستایند."
    found = FINDER.find(text, "fa")
    assert [c.name for c in found] == ["مولانا جلال‌الدین بلخی"]


def test_of_ends_the_role() -> None:
    """ "of" ends the role: the role reads no name; the given name «Rashad» finds the person,
    without "Culture" (`peyvand.registry.name_given`)."""
    found = FINDER.find("Minister of Culture Rashad Mammadli spoke.", "en")
    assert [c.name for c in found if c.type == "person"] == ["Rashad Mammadli"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Film critic NARGIZ HASANOVA spoke.", "en"),  # capitals: not read as a name
        ("Professor emeritus of history spoke.", "en"),
        ("قال الكاتب الإيراني إن الترجمة مهمة.", "ar"),  # an adjective after the role
    ],
)
def test_no_person(text: str, lang: str) -> None:
    assert [c.name for c in FINDER.find(text, lang) if c.type == "person"] == []


def test_a_title_must_be_a_person_head_before_the_name(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "actor_heads.tsv").write_text("Institute\tinstitution\tafter\t3\ttitle\n")
    finder = UnlinkedFinder(LanguageData([tmp_path]))
    with pytest.raises(LanguageDataError, match="title"):
        finder.find("Nur Institute", "en")


def test_a_surname_case_form_is_a_later_mention() -> None:
    """«Ирины Волковой» … «Волкова»: the surname in another case is the same person."""
    text = "По словам куратора Ирины Волковой, залы полны. Позже Волкова уехала."
    found = FINDER.find(text, "ru")
    assert [(c.name, c.refers) for c in found if c.type == "person"] == [
        ("Ирины Волковой", None),
        ("Волкова", "Ирины Волковой"),
    ]
