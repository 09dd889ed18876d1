"""Pin the quality floors of `tests/test_eval_gate.py` at what extraction achieves now.

Run after a change that improves extraction (or changes the corpus), review the diff of
`tests/eval_floors.json`, and commit both together:

    .venv/bin/python tests/gold/pin_floors.py

Floors sit a little under the measured value (``MARGIN``), so that the gate catches real
regressions, not the last decimal. Kinds with no gold items yet are not pinned.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from peyvand.evaluate import KINDS  # noqa: E402
from test_eval_gate import FLOORS_FILE, corpus_digest, evaluate_all  # noqa: E402

MARGIN = 0.02


def main() -> None:
    report = evaluate_all()
    floors: dict[str, dict[str, dict[str, float]]] = {}
    for kind in KINDS:
        for lang in [*report.languages, "all"]:
            score = report.score(kind, None if lang == "all" else lang)
            if score.tp + score.fn == 0:
                continue
            floors.setdefault(kind, {})[lang] = {
                metric: max(0.0, math.floor((getattr(score, metric) - MARGIN) * 100) / 100)
                for metric in ("precision", "recall", "f1")
            }
    out = {"corpus": corpus_digest(), "margin": MARGIN, "floors": floors}
    (FLOORS_FILE).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    for kind, by_lang in floors.items():
        print(kind, json.dumps(by_lang.get("all")))


if __name__ == "__main__":
    main()
