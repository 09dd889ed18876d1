"""Registry benchmark: automaton build time, scan throughput and memory with ≥ 50,000 names.

Run: ``.venv/bin/python bench/registry.py [--names 50000] [--mb 5] [--repeat 3]``

Loads the real registry (CLDR countries in six languages, curated actors) plus synthetic
actors up to ``--names`` names, then scans a corpus made from the bundled examples. Printed
side by side in one run: pyahocorasick's bare ``iter()`` over the same automaton (the
baseline: no boundaries, no selection, no fuzzy), our matcher (boundaries, suffixes, case
guard, fuzzy seeds), and the full linking step (matcher + context rules).
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import time
import tracemalloc
from pathlib import Path

from peyvand.ingest.files import read_document
from peyvand.lang import LanguageData
from peyvand.registry.actors import ActorEntry
from peyvand.registry.registry import Registry
from peyvand.text.normalize import normalize

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "peyvand" / "examples"
SYLLABLES = {
    "fa": ["بار", "سان", "دیر", "کوه", "مهر", "نوش", "پرو", "زاد", "گلس", "تان", "رود", "شهر"],
    "en": ["Bar", "san", "dor", "wick", "mel", "ton", "gar", "ley", "ford", "ril", "vax", "quo"],
    "az": ["Qar", "bəy", "lı", "çay", "dağ", "kənd", "sər", "xan", "oğl", "ən", "gül", "tər"],
    "ru": ["Бор", "ско", "вал", "ден", "мир", "град", "тор", "лек", "сан", "ров", "нил", "жук"],
}
HEADS = {"fa": "بنیاد", "en": "Foundation", "az": "Fondu", "ru": "Фонд"}


def synthetic_entries(count: int, seed: int = 7) -> list[ActorEntry]:
    """Invented organisations with two-to-three-word names in four scripts."""
    rng = random.Random(seed)
    entries = []
    for n in range(count // 4 + 1):
        names: dict[str, tuple[str, ...]] = {}
        for lang, syllables in SYLLABLES.items():
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))
            word2 = "".join(rng.choice(syllables) for _ in range(2))
            if lang in ("fa", "ru"):
                names[lang] = (f"{HEADS[lang]} {word} {word2}",)
            else:
                names[lang] = (f"{word.capitalize()} {word2.capitalize()} {HEADS[lang]}",)
        entries.append(
            ActorEntry(id=f"x-synthetic-{n}", type="organization", name=names["en"][0], names=names)
        )
    return entries


def corpus(megabytes: float) -> dict[str, str]:
    """Example bodies repeated to ``megabytes`` of UTF-8 per script group."""
    groups: dict[str, list[str]] = {"fa": [], "latin (en/az/tr)": [], "ru": []}
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = read_document(path).text
        key = (
            "fa"
            if path.name.startswith("fa")
            else "ru"
            if path.name.startswith("ru")
            else ("latin (en/az/tr)")
        )
        groups[key].append(text)
    out = {}
    for key, texts in groups.items():
        joined = "\n\n".join(texts)
        size = len(joined.encode())
        out[key] = "\n\n".join([joined] * max(1, int(megabytes * 1e6 / size) + 1))
    return out


def best_rate(fn: object, nbytes: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return nbytes / 1e6 / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    data = LanguageData()
    base = Registry(data)
    base_names = len(base.name_entries())
    extra = synthetic_entries(max(0, args.names - base_names))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.perf_counter()
    registry = Registry(data, extra)
    entries = registry.name_entries()
    matcher = registry.matcher
    build = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"names loaded: {len(entries):,} ({len(matcher):,} distinct keys; "
        f"{base_names:,} real + synthetic)"
    )
    print(
        f"build (load + normalize + automaton): {build:.2f} s; "
        f"traced peak {peak / 2**20:.0f} MiB; max RSS +{(rss_after - rss_before) / 1024:.0f} MiB"
    )
    print()
    print(
        f"{'text':<18} {'MB':>5}  {'pyahocorasick iter':>19}  {'our matcher':>12}  "
        f"{'link (+context)':>16}  {'normalize+link':>15}  {'links/MB':>9}"
    )
    automaton = matcher.automaton
    for key, text in corpus(args.mb).items():
        nbytes = len(text.encode())
        norm = normalize(text, turkic=key.startswith("latin"))
        lang = "fa" if key == "fa" else "ru" if key == "ru" else None

        turkic = key.startswith("latin")

        def bare(view: str = norm.text) -> None:
            for _ in automaton.iter(view):
                pass

        raw = best_rate(bare, nbytes, args.repeat)
        ours = best_rate(lambda n=norm: matcher.find(n), nbytes, args.repeat)
        linked = best_rate(lambda n=norm, g=lang: registry.link(n, g), nbytes, args.repeat)
        full = best_rate(
            lambda t=text, g=lang, k=turkic: registry.link(normalize(t, turkic=k), g),
            nbytes,
            args.repeat,
        )
        count = len(registry.link(norm, lang))
        print(
            f"{key:<18} {nbytes / 1e6:>5.1f}  {raw:>15.1f} MB/s  {ours:>7.1f} MB/s  "
            f"{linked:>11.1f} MB/s  {full:>10.1f} MB/s  {count / (nbytes / 1e6):>9.0f}"
        )


if __name__ == "__main__":
    main()
