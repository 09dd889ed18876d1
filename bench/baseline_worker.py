"""Time a baseline normalizer on the benchmark corpus; print one JSON line.

Run by ``bench/text.py`` with the interpreter of ``bench/.venv-hazm`` (Python 3.12, where
hazm 0.12.1 and parsivar are installed), never imported by peyvand:

    bench/.venv-hazm/bin/python bench/baseline_worker.py hazm CORPUS --repeat 3
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import read_corpus  # bench/ is not a package


def _hazm() -> Callable[[str], str]:
    from hazm import Normalizer

    return Normalizer().normalize  # type: ignore[no-any-return]


def _parsivar() -> Callable[[str], str]:
    from parsivar import Normalizer

    return Normalizer().normalize  # type: ignore[no-any-return]


def _hazm_tokenize() -> Callable[[str], object]:
    """hazm's normalize + word tokenize, the yardstick of `bench/pipeline.py`.

    One WordTokenizer instance is reused: hazm's `word_tokenize()` helper builds a new one on
    every call (0.4 s each on 0.12.1), which would make the comparison meaningless.
    """
    from hazm import Normalizer, WordTokenizer

    normalizer = Normalizer()
    tokenizer = WordTokenizer()

    def run(text: str) -> object:
        return tokenizer.tokenize(normalizer.normalize(text))

    return run


TOOLS = {"hazm": _hazm, "parsivar": _parsivar, "hazm-tokenize": _hazm_tokenize}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tool", choices=sorted(TOOLS))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    documents = read_corpus(args.corpus)
    size = sum(len(d.encode("utf-8")) for d in documents)
    started = time.perf_counter()
    function = TOOLS[args.tool]()
    setup = time.perf_counter() - started
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        for document in documents:
            function(document)
        best = min(best, time.perf_counter() - started)
    print(
        json.dumps(
            {
                "tool": args.tool,
                "version": importlib.metadata.version(args.tool.split("-")[0]),
                "documents": len(documents),
                "docs_per_s": len(documents) / best,
                "python": sys.version.split()[0],
                "bytes": size,
                "seconds": best,
                "mb_per_s": size / best / 1e6,
                "setup_s": setup,
                "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
