"""Registry benchmark: build time, cache load, memory and linking speed with ≥ 50,000 names.

Run: ``.venv/bin/python bench/registry.py [--names 50000] [--mb 5] [--repeat 3]``

Loads the real registry (CLDR countries in six languages, curated actors) plus synthetic
actors up to ``--names`` names, then scans a corpus made from the bundled example bodies
(repeated: dense in names) per script group. Side by side, in MB/s of UTF-8 input:

* ``bare iter``: pyahocorasick's ``iter()`` over the matcher's own automaton and scan text,
  doing nothing with the hits (the floor every column stands on);
* ``unanchored``: ``iter()`` over an automaton of the same names without the leading space,
  over the view (how the matcher scanned before: every substring of every word is a hit);
* ``matcher``: `NameMatcher.hits` — scan text, boundaries, suffixes, case, misspellings;
* ``link``: `Registry.link` — the matcher plus the context and usage rules, the links;
* ``normalize+link``: the same from the raw text.

The columns are timed in turns, pass after pass (the machine is shared: a pass of one column
never sees other conditions than its neighbours'); each figure is the best pass, with the
median after the slash. ``--repeat`` passes of 5 MB each, at least 5.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import ahocorasick

from peyvand.compiled import compiled_modules
from peyvand.ingest.files import read_document
from peyvand.lang import LanguageData
from peyvand.registry.actors import ActorEntry
from peyvand.registry.cache import DiskCache
from peyvand.registry.registry import Registry
from peyvand.registry.scan import scan_text
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


def interleaved(runs: dict[str, Callable[[], object]], passes: int) -> dict[str, list[float]]:
    """Seconds per pass of each function, timed in turns."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(passes):
        for name, run in runs.items():
            gc.collect()
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return times


def calibration() -> float:
    """Milliseconds for a million iterations of a trivial Python loop (the machine's speed)."""

    def loop() -> int:
        total = 0
        for i in range(1_000_000):
            total += i
        return total

    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        loop()
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def unanchored(registry: Registry) -> ahocorasick.Automaton:
    """The same names (and first letters) without the leading space: the old way."""
    automaton = ahocorasick.Automaton()
    for key in registry.matcher.automaton:
        automaton.add_word(key[1:], key)
    automaton.make_automaton()
    return automaton


def columns_for(
    registry: Registry, old: ahocorasick.Automaton, text: str, lang: str | None, turkic: bool
) -> dict[str, Callable[[], object]]:
    """What each column times, over one text."""
    norm = normalize(text, turkic=turkic)
    scan = scan_text(norm.text)
    automaton = registry.matcher.automaton

    def bare() -> object:
        return [None for _ in automaton.iter(scan)]

    def unanchored() -> object:
        return [None for _ in old.iter(norm.text)]

    def matcher() -> object:
        return registry.matcher.hits(norm)

    def link() -> object:
        return registry.link(norm, lang)

    def normalize_and_link() -> object:
        return registry.link(normalize(text, turkic=turkic), lang)

    return {
        "bare iter": bare,
        "unanchored": unanchored,
        "matcher": matcher,
        "link": link,
        "normalize+link": normalize_and_link,
    }


def build(data: LanguageData, extra: list[ActorEntry], folder: Path | None) -> Registry:
    registry = Registry(data, extra, cache=DiskCache(folder))
    registry.matcher  # noqa: B018  (builds or loads it)
    return registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    passes = max(5, args.repeat * 5)

    data = LanguageData()
    base_names = len(Registry(data, cache=DiskCache(None)).name_entries())
    extra = synthetic_entries(max(0, args.names - base_names))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    cold = build(data, extra, None)  # no cache: load YAML and CLDR, normalize, automaton
    cold_time = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        DiskCache(Path(folder)).save("bench", (cold.matcher, cold._load_info()))
        save_time = time.perf_counter() - start
        del cold
        gc.collect()
        build(data, extra, Path(folder))  # builds and saves under its own key
        start = time.perf_counter()
        registry = build(data, extra, Path(folder))  # loads the pickle
        load_time = time.perf_counter() - start
        size = Path(folder, "registry-bench.pickle").stat().st_size
    gc.collect()
    tracemalloc.start()
    build(data, extra, None)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    matcher = registry.matcher
    stats = matcher.automaton.get_stats()
    print(
        f"names: {len(registry.name_entries()):,} ({base_names:,} real + synthetic), "
        f"{len(matcher):,} distinct keys; automaton {stats['words_count']:,} keys, "
        f"{stats['nodes_count']:,} nodes"
    )
    print(
        f"cold build (YAML + CLDR + normalize + automaton): {cold_time:.2f} s; "
        f"max RSS +{(rss_after - rss_before) / 1024:.0f} MiB; traced peak {peak / 2**20:.0f} MiB"
    )
    print(
        f"disk cache: save {save_time:.2f} s, load {load_time:.2f} s "
        f"(pickle {size / 2**20:.0f} MiB)"
    )
    print(f"machine: a 1M-iteration Python loop takes {calibration():.0f} ms (best of 5)")
    compiled = [name.rsplit(".", 1)[-1] for name in compiled_modules()]
    print("compiled (setup.py):", ", ".join(compiled) or "none, all interpreted")
    print(f"{passes} passes per column, best / median MB/s; pid {os.getpid()}")
    print()
    columns = ["bare iter", "unanchored", "matcher", "link", "normalize+link"]
    print(f"{'text':<17} {'MB':>4}  " + "  ".join(f"{c:>15}" for c in columns) + "  links/MB")
    old = unanchored(registry)
    for key, text in corpus(args.mb).items():
        nbytes = len(text.encode())
        turkic = key.startswith("latin")
        norm = normalize(text, turkic=turkic)
        lang = "fa" if key == "fa" else "ru" if key == "ru" else None
        times = interleaved(columns_for(registry, old, text, lang, turkic), passes)
        cells = []
        for name in columns:
            best = nbytes / 1e6 / min(times[name])
            median = nbytes / 1e6 / statistics.median(times[name])
            cells.append(f"{best:>7.1f} / {median:<5.1f}")
        count = len(registry.link(norm, lang))
        print(
            f"{key:<17} {nbytes / 1e6:>4.1f}  "
            + "  ".join(cells)
            + f"  {count / (nbytes / 1e6):>8.0f}"
        )


if __name__ == "__main__":
    main()
