"""Common words never link: 5,000+ Persian, English and Azerbaijani words (and Turkish, Russian).

Each word of `lang/<code>/common_words.txt` is put alone in a neutral sentence of its
language, lowercase as it is written mid-sentence, and also with a typical inflection
(Persian plural «ها» joined and with ZWNJ, Azerbaijani and Turkish -lar/-lər, English -s).
None may link to any actor, exactly or as a misspelt name.

A few words stay in the lists although they are also names (`NAME_WORDS`): they are everyday
words, and the case guard (a Capitalised name only matches a Capitalised word) keeps them from
linking. Persian has no case, so a Persian word that is also a name is either left out of the
list (it is a name: «چین», «هند») or blocked in `lang/fa/country_names.tsv` (kind `word`:
«مالی» "financial", «چک» "cheque", «انگلیسی» "English", «روسای» "heads of"), or it links
only after a cue of `lang/fa/ambiguous_names.tsv` (bare «نظامی», "military", is the poet
only in «خمسه نظامی» and the like).
"""

from __future__ import annotations

import pytest

from peyvand.lang import LanguageData
from peyvand.registry.countries import BLOCKED
from peyvand.registry.registry import Registry
from peyvand.text.normalize import normalize
from tests.registry.conftest import TURKIC, link, shown

NAME_WORDS = {
    "en": {
        "china": "porcelain; CLDR's China is Capitalised",
        "turkey": "the bird; an alias of Türkiye, Capitalised",
        "jersey": "the garment; CLDR's Jersey (JEY) is Capitalised",
    },
    "az": {"qatar": "a train; English 'Qatar' is Capitalised"},
    "ru": {"того": "'of that'; CLDR's Того (Togo) is Capitalised"},
    "fa": {"نظامی": "'military'; the poet only after a cue (fa/ambiguous_names.tsv, fallback -)"},
}
MINIMUM = {"fa": 2000, "en": 2000, "az": 1000, "tr": 1000, "ru": 1000}
FRAMES = {
    "fa": "امروز {} را در خبر دیدیم.",
    "en": "We saw the {} in the news today.",
    "az": "Bu gün {} haqqında danışdıq.",
    "tr": "Bugün {} hakkında konuştuk.",
    "ru": "Сегодня мы говорили про {} в новостях.",
}
BACK = {"az": "aıou", "tr": "aıou"}
VOWELS = {"az": "aıoueəiöü", "tr": "aıoueiöü"}


def inflected(word: str, lang: str) -> list[str]:
    if lang == "fa":
        return [word + "\u200cها", word + "ها"]
    if lang == "en":
        return [word + "s"]
    if lang in VOWELS:
        vowels = [c for c in word if c in VOWELS[lang]]
        back = not vowels or vowels[-1] in BACK[lang]
        return [word + ("lar" if back else ("lər" if lang == "az" else "ler"))]
    return []


def words(lang: str) -> list[str]:
    return LanguageData().lines(lang, "common_words.txt")


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_list_is_large_and_clean(lang: str) -> None:
    listed = words(lang)
    assert len(listed) >= MINIMUM[lang]
    assert len(set(listed)) == len(listed), "one word per line, no repeats"
    assert all(w == w.strip() and " " not in w and w == w.lower() for w in listed)


def test_five_thousand_words_in_the_three_main_languages() -> None:
    assert sum(len(words(lang)) for lang in ("fa", "en", "az")) >= 5000


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_no_common_word_is_a_registry_name(registry: Registry, lang: str) -> None:
    def is_name(word: str) -> bool:
        entries = registry.matcher.entries_for(normalize(word, turkic=lang in TURKIC).text)
        return any(entry.actor_id != BLOCKED for entry in entries)  # «مالی» is blocked

    names = [w for w in words(lang) if is_name(w)]
    assert sorted(names) == sorted(NAME_WORDS.get(lang, {}))


@pytest.mark.parametrize("lang", sorted(MINIMUM))
def test_common_words_do_not_link(registry: Registry, lang: str) -> None:
    linked: list[tuple[str, list[tuple[str, str]]]] = []
    for word in words(lang):
        for form in (word, *inflected(word, lang)):
            text = FRAMES[lang].format(form)
            found = link(registry, text, lang)
            if found:
                linked.append((form, shown(found, text)))
    assert linked == []


def test_azerbaijani_inflection_frame() -> None:
    assert inflected("kitab", "az") == ["kitablar"]
    assert inflected("şəhər", "az") == ["şəhərlər"]
    assert inflected("ev", "tr") == ["evler"]
