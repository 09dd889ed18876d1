"""Pipeline benchmark: documents per second, file → contract JSON, on one core.

Run: ``.venv/bin/python bench/pipeline.py [--docs 600] [--repeat 3]``
(``bash bench/baselines.sh`` once, for the hazm yardstick).

The corpus is generated: the bundled examples (fa, en, az, tr, ru) cut into news items of
about 2 KB, written to files in a temporary folder, so the measured path is the user's:
read and decode the file, extract everything, serialise the contract JSON. Beside it, in the
same run and on the same Persian items, hazm's ``Normalizer().normalize`` followed by
``WordTokenizer().tokenize`` (one reused instance) as a yardstick; it does far less. Peak
memory is read after every language's data has been loaded.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import SEPARATOR  # noqa: E402  (bench/ is not a package)
from peyvand.extract.contract import to_contract  # noqa: E402
from peyvand.ingest.files import read_document  # noqa: E402
from peyvand.model import Document  # noqa: E402
from peyvand.pipeline import Pipeline  # noqa: E402
from text import run_baseline  # noqa: E402

EXAMPLES = HERE.parent / "src" / "peyvand" / "examples"
TARGET_BYTES = 2000


def news_items(count: int) -> list[tuple[str, str]]:
    """(language, body) items of about 2 KB cut at paragraph ends from the examples."""
    paragraphs: list[tuple[str, str]] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        document = read_document(path)
        lang = document.language or path.name[:2]
        paragraphs += [(lang, p) for p in document.text.split("\n\n") if p.strip()]
    by_lang: dict[str, list[str]] = {}
    for lang, paragraph in paragraphs:
        by_lang.setdefault(lang, []).append(paragraph)
    items: list[tuple[str, str]] = []
    cursor = dict.fromkeys(by_lang, 0)
    langs = sorted(by_lang)
    while len(items) < count:
        lang = langs[len(items) % len(langs)]
        chunk: list[str] = []
        while len("\n\n".join(chunk).encode()) < TARGET_BYTES:
            pool = by_lang[lang]
            chunk.append(pool[cursor[lang] % len(pool)])
            cursor[lang] += 1
        items.append((lang, "\n\n".join(chunk)))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    items = news_items(args.docs)
    folder = Path(tempfile.mkdtemp(prefix="peyvand-bench-"))
    paths = []
    for n, (_lang, body) in enumerate(items):
        path = folder / f"item-{n:05d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    size = sum(p.stat().st_size for p in paths)

    pipeline = Pipeline()
    started = time.perf_counter()
    for lang in ("fa", "en", "az", "tr", "ru", "ar"):  # load every language's data
        pipeline.extract(Document(text="ایران و Azərbaycan 2019", language=lang))
    warm = time.perf_counter() - started

    best = float("inf")
    for _ in range(args.repeat):
        gc.collect()
        started = time.perf_counter()
        for path in paths:
            json.dumps(to_contract(pipeline.extract(read_document(path))), ensure_ascii=False)
        best = min(best, time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    langs = {lang for lang, _ in items}
    print(f"corpus: {len(paths)} items of ~2 KB ({size / 1e6:.2f} MB; {', '.join(sorted(langs))})")
    print(f"pipeline components: {', '.join(pipeline.component_names)}")
    print(f"set-up with all six languages loaded: {warm:.2f} s; peak RSS {peak:.0f} MiB")
    print()
    print(f"{'':<44} {'docs/s':>8} {'MB/s':>7}")
    print(
        f"{'peyvand: file → contract JSON (all stages)':<44} "
        f"{len(paths) / best:>8.0f} {size / best / 1e6:>7.2f}"
    )

    persian = [body for lang, body in items if lang == "fa"]
    corpus = folder / "fa-corpus.txt"
    corpus.write_text(SEPARATOR.join(persian), encoding="utf-8")
    report = run_baseline("hazm-tokenize", corpus, args.repeat)
    if isinstance(report, str):
        print(f"{'hazm normalize + word tokenize (fa items)':<44} {report}")
    else:
        print(
            f"{'hazm normalize + word tokenize (fa items)':<44} "
            f"{report['docs_per_s']:>8.0f} {report['mb_per_s']:>7.2f}   "
            f"(hazm {report['version']}, Python {report['python']}, "
            f"RSS {report['maxrss_mib']:.0f} MiB)"
        )
        fa_paths = [p for p, (lang, _) in zip(paths, items, strict=True) if lang == "fa"]
        best_fa = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            for path in fa_paths:
                to_contract(pipeline.extract(read_document(path)))
            best_fa = min(best_fa, time.perf_counter() - started)
        fa_size = sum(p.stat().st_size for p in fa_paths)
        print(
            f"{'peyvand on the same fa items':<44} {len(fa_paths) / best_fa:>8.0f} "
            f"{fa_size / best_fa / 1e6:>7.2f}"
        )


if __name__ == "__main__":
    main()
