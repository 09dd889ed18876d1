"""The blind actor set (tests/blind) must stay well-formed: every gold span inside its
document and on word boundaries. Only the gold is checked here; the set is never scored in
the test suite, so that no floor or rule is tuned on it (see tests/blind/README.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCORE = Path(__file__).resolve().parent / "blind" / "score.py"


def _score_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("blind_score", SCORE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_blind_gold_is_well_formed() -> None:
    score = _score_module()
    assert score.check_all() > 0


def test_held_out_gold_is_well_formed() -> None:
    """tests/heldout7: held out like tests/blind (never tuned on), checked the same way."""
    score = _score_module()
    held_out = SCORE.parents[1] / "heldout7"
    assert score.check_all(held_out / "gold", held_out / "docs") > 0


def test_blind_check_refuses_a_bad_span(tmp_path: Path) -> None:
    import json

    score = _score_module()
    source = sorted(score.GOLD.glob("*.json"))[0]
    gold = json.loads(source.read_text(encoding="utf-8"))
    start, end = gold["actors"][0]["mentions"][0]
    gold["actors"][0]["mentions"][0] = [start, end + 1]  # now ends inside a word or on a space
    (tmp_path / source.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    try:
        score.check_all(tmp_path, score.DOCS)
    except score.GoldError as exc:
        assert source.name in str(exc)
    else:
        raise AssertionError("a shifted span was accepted")
