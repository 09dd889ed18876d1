"""Text-stage benchmark: our normalizer against hazm and parsivar, and the whole text stage.

    .venv/bin/python bench/text.py --mb 5 --repeat 3

One run generates a ≥ ``--mb`` MB Persian corpus (``bench/corpus.py``: the bundled examples,
mutated), then measures on the same documents, one core, best of ``--repeat``:

* ``peyvand.text.normalize.normalize`` (with the offset map), MB/s of UTF-8 input;
* hazm 0.12.1 and parsivar ``Normalizer().normalize``, each in ``bench/.venv-hazm``
  (Python 3.12; create it with ``bash bench/baselines.sh``) through a subprocess;
* each text-stage module that exists (language, sentences, dates, numbers) and all of them
  together, as the pipeline runs them on a document;
* memory: what the views and offset maps of the whole corpus retain (tracemalloc) and the
  peak RSS of each process.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peyvand.text.normalize import normalize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import read_corpus, write_corpus  # bench/ is not a package

HERE = Path(__file__).resolve().parent
BASELINE_PYTHON = Path(
    os.environ.get("PEYVAND_BASELINE_PYTHON", HERE / ".venv-hazm" / "bin" / "python")
)


def timings(repeat: int, documents: list[str], function: Callable[[str], Any]) -> list[float]:
    """Wall times of ``repeat`` passes of ``function`` over every document, sorted."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for document in documents:
            function(document)
        times.append(time.perf_counter() - started)
    return sorted(times)


def best_of(repeat: int, documents: list[str], function: Callable[[str], Any]) -> float:
    """Best wall time of ``repeat`` passes of ``function`` over every document."""
    return timings(repeat, documents, function)[0]


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}; Python {platform.python_version()}"


def maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_baseline(tool: str, corpus: Path, repeat: int) -> dict[str, Any] | str:
    """The worker's JSON report, or the reason there is none."""
    if not BASELINE_PYTHON.exists():
        return "not installed — run bench/baselines.sh"
    command = [str(BASELINE_PYTHON), str(HERE / "baseline_worker.py"), tool, str(corpus)]
    done = subprocess.run(
        [*command, "--repeat", str(repeat)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return f"failed: {last}"
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def retained_bytes(documents: list[str], build: Callable[[str], Any]) -> tuple[int, list[Any]]:
    """Bytes that the results of ``build`` keep alive for all documents (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    results = [build(d) for d in documents]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, results


def stage_functions() -> tuple[list[tuple[str, Callable[[str], Any]]], list[str]]:
    """The text-stage steps that exist, as functions of a document, and what is missing."""
    steps: list[tuple[str, Callable[[str], Any]]] = [("normalize", normalize)]
    missing: list[str] = []
    try:
        from peyvand.lang import LanguageData

        data = LanguageData()
    except ImportError as exc:
        return steps, [f"peyvand.lang.LanguageData ({exc})"]

    detector: Any = None
    try:
        from peyvand.text.lang import LanguageIdentifier

        detector = LanguageIdentifier(data)
        steps.append(("language", detector.detect))
    except ImportError as exc:
        missing.append(f"language: peyvand.text.lang.LanguageIdentifier ({exc})")

    def lang_of(document: str) -> str | None:
        return detector.detect(document) if detector is not None else "fa"

    try:
        from peyvand.text.segment import SentenceSplitter

        splitter = SentenceSplitter(data)
        steps.append(("sentences", lambda d: splitter.split(d, "fa")))
    except ImportError as exc:
        missing.append(f"sentences: peyvand.text.segment.SentenceSplitter ({exc})")
    try:
        from peyvand.text.dates import DateFinder

        dates = DateFinder(data)
        steps.append(("dates", lambda d: dates.find(d, "fa")))
    except ImportError as exc:
        missing.append(f"dates: peyvand.text.dates.DateFinder ({exc})")
    try:
        from peyvand.text.numbers import NumberFinder

        numbers = NumberFinder(data)
        steps.append(("numbers", lambda d: numbers.find(d, "fa")))
    except ImportError as exc:
        missing.append(f"numbers: peyvand.text.numbers.NumberFinder ({exc})")

    functions = dict(steps)

    def whole(document: str) -> None:
        functions["normalize"](document)
        lang = lang_of(document)
        for name in ("sentences", "dates", "numbers"):
            if name in functions:
                # The detected language drives the real pipeline.
                step = {
                    "sentences": lambda d: splitter.split(d, lang),
                    "dates": lambda d: dates.find(d, lang),
                    "numbers": lambda d: numbers.find(d, lang),
                }[name]
                step(document)

    steps.append(("whole text stage", whole))
    return steps, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (UTF-8)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best one counts")
    parser.add_argument("--stage-repeat", type=int, default=2, help="passes for the stage")
    parser.add_argument("--seed", type=int, default=1404)
    parser.add_argument("--corpus", type=Path, help="keep the generated corpus at this path")
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--no-stage", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="peyvand-bench-") as scratch:
        corpus = args.corpus or Path(scratch) / "corpus.txt"
        started = time.perf_counter()
        count, size = write_corpus(corpus, args.mb, args.seed)
        documents = read_corpus(corpus)
        chars = sum(len(d) for d in documents)
        print(
            f"corpus: {count} documents, {size / 1e6:.2f} MB UTF-8, {chars / 1e6:.2f} M chars, "
            f"mean {size / count / 1000:.1f} KB/document (built in "
            f"{time.perf_counter() - started:.1f} s)"
        )
        figures: dict[str, Any] = {"machine": machine(), "bytes": size, "documents": count}

        # --- ours -----------------------------------------------------------------------
        for document in documents[:50]:  # warm caches (lru_cache, regex) before timing
            normalize(document)
        # A pass takes ~0.1 s, so a burst of load on a shared machine moves one pass a lot:
        # take 5x the passes and report the median too.
        passes = timings(5 * args.repeat, documents, normalize)
        seconds = passes[0]
        ours = size / seconds / 1e6
        median = size / passes[len(passes) // 2] / 1e6
        retained, results = retained_bytes(documents, normalize)
        mapped = [r.offsets for r in results if r.offsets is not None]
        breakpoints = sum(m.breakpoints for m in mapped)
        view_bytes = sum(sys.getsizeof(r.text) for r in results)
        tuple_bytes, _ = retained_bytes(
            [r for r in results if r.offsets is not None][:200], lambda r: tuple(r.offsets)
        )
        sampled = min(200, len(mapped))
        tuple_estimate = tuple_bytes * len(mapped) / max(sampled, 1)
        del results
        rows: list[tuple[str, str, str]] = [
            (
                "peyvand normalize (with offsets)",
                f"{ours:8.1f}",
                f"{seconds:.3f} s; best of {len(passes)} passes, median {median:.1f} MB/s",
            ),
        ]
        figures["ours_mb_s"] = ours
        figures["ours_median_mb_s"] = median

        # --- baselines -----------------------------------------------------------------
        baselines: dict[str, Any] = {}
        for tool in ("hazm", "parsivar"):
            if args.no_baselines:
                continue
            report = run_baseline(tool, corpus, args.repeat)
            baselines[tool] = report
            if isinstance(report, str):
                rows.append((tool, f"{'-':>8s}", report))
            else:
                rows.append(
                    (
                        f"{tool} {report['version']} Normalizer (py {report['python']})",
                        f"{report['mb_per_s']:8.2f}",
                        f"{report['seconds']:.2f} s; setup {report['setup_s']:.2f} s; "
                        f"RSS {report['maxrss_mib']:.0f} MiB",
                    )
                )
        figures["baselines"] = baselines

    print()
    print(f"{'normalizer':44s} {'MB/s':>8s}  notes")
    for name, rate, note in rows:
        print(f"{name:44s} {rate}  {note}")
    for tool in ("hazm", "parsivar"):
        report = baselines.get(tool)
        if isinstance(report, dict):
            ratio = ours / report["mb_per_s"]
            figures[f"ratio_{tool}"] = ratio
            print(f"ratio ours/{tool}: {ratio:.1f}x")
        elif tool == "hazm" and not args.no_baselines:
            print(f"hazm: {report}")

    print()
    print(
        f"offset maps: {len(mapped)}/{count} documents need one; "
        f"{breakpoints / max(len(mapped), 1):.1f} breakpoints per document"
    )
    print(
        f"memory retained by the corpus' NormalizedText results: {retained / 2**20:.1f} MiB "
        f"(views {view_bytes / 2**20:.1f} MiB, so offset maps and records "
        f"{(retained - view_bytes) / 2**20:.1f} MiB); "
        f"the same maps as tuples of ints: ~{tuple_estimate / 2**20:.1f} MiB"
    )
    figures["retained_mib"] = retained / 2**20
    figures["views_mib"] = view_bytes / 2**20
    figures["tuple_offsets_mib"] = tuple_estimate / 2**20

    # --- the whole text stage ---------------------------------------------------------------
    if not args.no_stage:
        print()
        steps, missing = stage_functions()
        for reason in missing:
            print(f"skipped {reason}")
        print(f"{'text stage step':44s} {'MB/s':>8s}  {'s':>7s}")
        stage: dict[str, float] = {}
        for name, function in steps:
            try:
                for document in documents[:5]:
                    function(document)
                elapsed = best_of(args.stage_repeat, documents, function)
            except Exception as exc:  # a step under construction must not stop the benchmark
                print(f"{name:44s} {'-':>8s}  failed: {type(exc).__name__}: {exc}")
                continue
            stage[name] = size / elapsed / 1e6
            print(f"{name:44s} {stage[name]:8.1f}  {elapsed:7.2f}")
        figures["stage_mb_s"] = stage

    figures["maxrss_mib"] = maxrss_mib()
    print()
    print(f"peak RSS of this process: {figures['maxrss_mib']:.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
