"""The matcher's rules, each on a small hand-built automaton (and the Russian inflections)."""

from __future__ import annotations

from peyvand.lang import LanguageData
from peyvand.registry.countries import CountryCatalog
from peyvand.registry.matcher import NameEntry, NameMatcher
from peyvand.registry.registry import Registry
from peyvand.text.normalize import normalize
from tests.registry.conftest import link, shown

ZWNJ = "\u200c"


def found(matcher: NameMatcher, text: str, turkic: bool = False) -> list[tuple[str, str]]:
    return [
        (m.actor_id, text[m.start : m.end]) for m in matcher.find(normalize(text, turkic=turkic))
    ]


def test_suffixes_of_the_names_own_language() -> None:
    entries = [NameEntry("IND", "India", "en", "cldr"), NameEntry("IRN", "İran", "az", "cldr")]
    matcher = NameMatcher(entries, suffixes_by_lang={"en": ["'s"], "az": ["na", "da"]})
    assert found(matcher, "Indiana and India's") == [("IND", "India's")]
    assert found(matcher, "İranda", turkic=True) == [("IRN", "İranda")]
    flat = NameMatcher(entries, suffixes=["'s", "na", "da"])
    assert found(flat, "Indiana") == [("IND", "Indiana")]  # why the mapping is better


def test_clitic_prefixes_are_not_evidence() -> None:
    entries = [NameEntry("IRN", "إيران", "ar", "cldr"), NameEntry("CHN", "چین", "fa", "cldr")]
    matcher = NameMatcher(entries, prefixes_by_lang={"ar": ["و", "ب"]})
    assert found(matcher, "تركيا وإيران") == [("IRN", "إيران")]
    assert found(matcher, "بچین") == []  # a Persian verb: Arabic clitics are for Arabic names
    assert found(matcher, "ووإيران") == []


def test_a_blocked_entry_outranks_a_name_with_the_same_key() -> None:
    entries = [NameEntry("MLI", "مالی", "fa", "cldr"), NameEntry("-", "مالی", "fa", "word")]
    assert [m.actor_id for m in NameMatcher(entries).find(normalize("حمایت مالی"))] == ["-"]


def test_the_longest_name_wins_a_tie_on_the_word() -> None:
    entries = [NameEntry("RUS", "روس", "fa", "demonym"), NameEntry("-", "روسای", "fa", "word")]
    matcher = NameMatcher(entries, suffixes=["ای", "ها"])
    assert [m.actor_id for m in matcher.find(normalize("روسای دانشگاه"))] == ["-"]
    assert found(matcher, "روس‌ها") == [("RUS", "روس")]  # ZWNJ suffix not given here


def test_detached_suffixes_cover_the_written_word() -> None:
    entries = [NameEntry("IRN", "ایرانی", "fa", "demonym"), NameEntry("IRN", "İran", "tr", "cldr")]
    suffixes = [normalize(s).text for s in (f"{ZWNJ}ها", "ها", "'ın")]
    matcher = NameMatcher(entries, suffixes=suffixes)
    assert found(matcher, f"ایرانی{ZWNJ}ها آمدند") == [("IRN", f"ایرانی{ZWNJ}ها")]
    assert found(matcher, "ایرانی ها آمدند") == [("IRN", "ایرانی ها")]
    assert found(matcher, "ایرانی هادی") == [("IRN", "ایرانی")]
    assert found(matcher, "İran'ın", turkic=True) == [("IRN", "İran'ın")]


def test_an_arabic_script_capital_takes_no_suffix() -> None:
    entries = [
        NameEntry("IRN", "تهران", "fa", "capital"),
        NameEntry("IRN", "Tehran", "az", "capital"),
        NameEntry("IRN", "ایران", "fa", "cldr"),
    ]
    matcher = NameMatcher(entries, suffixes=["ی", "da"])
    assert found(matcher, "آقای تهرانی") == []
    assert found(matcher, "تهران و ایرانی") == [("IRN", "تهران"), ("IRN", "ایرانی")]
    assert found(matcher, "Tehranda", turkic=True) == [("IRN", "Tehranda")]


def test_fuzzy_never_takes_a_common_word_with_an_inflection() -> None:
    entries = [NameEntry("KHM", "کمبودیا", "ar", "cldr")]
    plain = NameMatcher(entries, suffixes=["ها"])
    assert [m.fuzzy for m in plain.find(normalize("کمبودها"))] == [True]
    guarded = NameMatcher(entries, suffixes=["ها"], common_words=["کمبود"])
    assert guarded.find(normalize("کمبودها")) == []


def test_fuzzy_needs_a_capital_in_cased_scripts() -> None:
    matcher = NameMatcher([NameEntry("AZE", "Azerbaijan", "en", "cldr")])
    assert found(matcher, "Azerbajan") == [("AZE", "Azerbajan")]
    assert found(matcher, "azerbajan") == []


def test_russian_names_are_inflected_from_data() -> None:
    names = {(n.id, n.name) for n in CountryCatalog(LanguageData()).names() if n.lang == "ru"}
    for form in ("Москве", "Москвы", "России", "Россию", "Кремля", "Китае", "Израилем"):
        assert any(name == form for _, name in names), form
    assert not any(name.startswith("Самое") for _, name in names)  # Самоа does not inflect
    assert not any(name == "Россиея" for _, name in names)  # a listed oblique form is final


def test_a_foreign_name_that_is_a_word_of_the_document_language(registry: Registry) -> None:
    text = "Qatar Gəncəyə yola düşdü."
    assert shown(link(registry, text, "az"), text) == []
    text = "Qatar hosted the forum."
    assert shown(link(registry, text, "en"), text) == [("QAT", "Qatar")]


def test_titles_only_unmake_countries(registry: Registry) -> None:
    text = "خانم ایران درودی و آقای ایرانی"
    assert shown(link(registry, text, "fa"), text) == [("ir-iran-darroudi", "ایران درودی")]


def test_the_arabic_article_does_not_make_a_name_long_enough_to_be_misspelt() -> None:
    matcher = NameMatcher(
        [NameEntry("RUS", "الروسية", "ar", "demonym"), NameEntry("AZE", "أذربيجان", "ar", "cldr")],
        articles=["ال"],
    )
    # «الرواية» (the novel) is one letter from «الروسية», whose own letters are only five
    assert matcher.find(normalize("صدرت الرواية في بيروت")) == []
    # a long name without the article still catches its slips
    assert [m.actor_id for m in matcher.find(normalize("زار أذربيحان"))] == ["AZE"]
