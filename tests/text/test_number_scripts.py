"""The languages whose number words are tried when a text comes without a language."""

from __future__ import annotations

import pytest

from peyvand.text.number_scripts import number_languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دو هزار نفر در این برنامه شرکت کردند", ("fa",)),
        ("شارك ألفا شخص في البرنامج", ("ar",)),
        ("В программе участвовали две тысячи человек", ("ru",)),
        ("Tədbirdə iki min nəfər iştirak edib", ("az", "tr")),
        ("Etkinliğe iki bin kişi katıldı", ("tr", "az")),
        ("Two thousand people took part", ("en",)),
        ("۲۰۰۰", ("fa",)),  # Persian digits alone
        ("٢٠٠٠", ("fa",)),  # Arabic-Indic digits are Arabic script: no letter tells, Persian first
        ("2000", ("en",)),
    ],
)
def test_the_script_decides_the_languages(text: str, expected: tuple[str, ...]) -> None:
    assert number_languages(text) == expected
