"""Which languages' number words to try in a text given without a language.

The dominant script decides: Arabic script is Persian or Arabic by the letters only one of
them writes, Latin script with Turkic letters is Azerbaijani or Turkish («ə» is
Azerbaijani), Cyrillic is Russian. Digits alone say Persian or Arabic by their forms.
"""

from __future__ import annotations

import re

_SCRIPT_RES = {
    "arabic": re.compile("[\u0600-\u06ff]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "latin": re.compile("[A-Za-z\u00c0-\u024f]"),
}
_TURKIC_LETTERS = re.compile("[əƏıİşŞğĞ]")
_PERSIAN_ONLY = re.compile("[پچژگ]")  # letters Arabic does not use
_PERSIAN_FORMS = re.compile("[یک]")  # the Persian forms of yeh and kaf
_ARABIC_FORMS = re.compile("[ةيكى]")


def number_languages(text: str) -> tuple[str, ...]:
    """The languages to try when none is given, from the dominant script."""
    sample = text[:1500]
    counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPT_RES.items()}
    script = max(counts, key=lambda name: counts[name])
    if counts[script] == 0:
        return (
            ("fa",)
            if re.search("[\u06f0-\u06f9]", sample)
            else (("ar",) if re.search("[\u0660-\u0669]", sample) else ("en",))
        )
    if script == "arabic":  # one of the two: «واحد», «الف» are common Persian words
        persian = 4 * len(_PERSIAN_ONLY.findall(sample)) + len(_PERSIAN_FORMS.findall(sample))
        return ("fa",) if persian >= len(_ARABIC_FORMS.findall(sample)) else ("ar",)
    if script == "cyrillic":
        return ("ru",)
    if _TURKIC_LETTERS.search(sample):
        return ("az", "tr") if "ə" in sample or "Ə" in sample else ("tr", "az")
    return ("en",)
