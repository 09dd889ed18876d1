"""Score actor extraction on the blind set, per language, and list every mistake.

    .venv/bin/python tests/blind/score.py            # check the gold, then score
    .venv/bin/python tests/blind/score.py --check    # only check the gold files
    .venv/bin/python tests/blind/score.py DIR        # another set: DIR/gold and DIR/docs

Before anything is scored, every gold file is checked against its document: the `document`
block must match the text, and every actor span must lie inside the text, be non-empty, have
no outer whitespace or punctuation, start and end on word boundaries and not overlap another
actor span.
An unregistered actor (`id: null`) must be named by the surface of one of its mentions.
If `dates` or `quantities` are present, their `text` must equal the text at their `span`.
A gold file that fails any check is refused: the script names the file and the span and
exits with status 2, without scoring anything.

Scoring uses `peyvand.evaluate.evaluate` restricted to the actors layer: a predicted mention
is correct when it overlaps an unmatched gold mention with the same identity (the id, or the
normalized name of an unregistered actor). See README.md in this folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
DOCS = HERE / "docs"

ZWNJ = "\u200c"
APOSTROPHES = "'’"
OPENERS = '«“"('  # a name may be quoted: «Фонд кино «Фараби»»
CLOSERS = '»”")'


class GoldError(Exception):
    pass


def _is_word_char(ch: str) -> bool:
    if ch == ZWNJ:
        return True
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "M", "N")


def _inside_word(text: str, i: int) -> bool:
    """True if position i (a boundary between text[i-1] and text[i]) is inside a word."""
    if i <= 0 or i >= len(text):
        return False
    before, after = text[i - 1], text[i]
    if _is_word_char(before) and _is_word_char(after):
        return True
    # an apostrophe followed by a letter belongs to the word (İran'ın, Iran's)
    if before in APOSTROPHES and _is_word_char(after):
        return True
    if after in APOSTROPHES and i + 1 < len(text) and _is_word_char(text[i + 1]):
        return _is_word_char(before)
    return False


def _check_span(name: str, what: str, text: str, span: Any) -> tuple[int, int]:
    if not (isinstance(span, (list, tuple)) and len(span) == 2):
        raise GoldError(f"{name}: {what}: span {span!r} is not a pair [start, end]")
    s, e = span
    if not (isinstance(s, int) and isinstance(e, int)):
        raise GoldError(f"{name}: {what}: span {span!r} is not two integers")
    if not (0 <= s < e <= len(text)):
        raise GoldError(f"{name}: {what}: span [{s}, {e}] is outside the text (length {len(text)})")
    surface = text[s:e]
    if surface != surface.strip():
        raise GoldError(f"{name}: {what}: span [{s}, {e}] = {surface!r} has outer whitespace")
    first, last = surface[0], surface[-1]
    if (unicodedata.category(first)[0] in "PS" and first not in OPENERS) or (
        unicodedata.category(last)[0] in "PS" and last not in CLOSERS
    ):
        raise GoldError(
            f"{name}: {what}: span [{s}, {e}] = {surface!r} starts or ends on punctuation"
        )
    if _inside_word(text, s) or _inside_word(text, e):
        raise GoldError(
            f"{name}: {what}: span [{s}, {e}] = {surface!r} starts or ends inside a word "
            f"(context {text[max(0, s - 15) : e + 15]!r})"
        )
    return s, e


def check_gold(gold_path: Path, docs_dir: Path) -> dict[str, Any]:
    """Check one gold file against its document; raise GoldError naming file and span."""
    from peyvand.evaluate import find_document
    from peyvand.ingest.files import read_document

    name = gold_path.name
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{name}: not valid JSON: {exc}") from exc
    doc_path = find_document(docs_dir, gold_path.stem)
    if doc_path is None:
        raise GoldError(f"{name}: no document {gold_path.stem}.* in {docs_dir}")
    document = read_document(doc_path)
    text = document.text

    block = gold.get("document", {})
    if block.get("length") != len(text):
        raise GoldError(f"{name}: document.length {block.get('length')} != len(text) {len(text)}")
    for key in ("language", "title"):
        actual = getattr(document, key, None)
        if actual is not None and block.get(key) != actual:
            raise GoldError(f"{name}: document.{key} {block.get(key)!r} != front matter {actual!r}")
    published = getattr(document, "published", None)
    if published is not None and block.get("published") != str(published)[:10]:
        raise GoldError(f"{name}: document.published {block.get('published')!r} != {published!r}")

    if "actors" not in gold:
        raise GoldError(f"{name}: no actors layer")
    seen: list[tuple[int, int, str]] = []
    for actor in gold["actors"]:
        label = f"actor {actor.get('id') or actor.get('name')!r}"
        mentions = actor.get("mentions") or []
        if not mentions:
            raise GoldError(f"{name}: {label} has no mentions")
        surfaces = []
        for span in mentions:
            s, e = _check_span(name, label, text, span)
            surfaces.append(text[s:e])
            seen.append((s, e, label))
        if actor.get("id") is None and actor.get("name") not in surfaces:
            raise GoldError(
                f"{name}: {label}: unregistered actor is not named by a surface {surfaces!r}"
            )
        if [list(m) for m in mentions] != sorted(list(m) for m in mentions):
            raise GoldError(f"{name}: {label}: mentions are not in text order")
    seen.sort()
    for (s1, e1, l1), (s2, e2, l2) in itertools.pairwise(seen):
        if s2 < e1:
            raise GoldError(
                f"{name}: actor spans overlap: {l1} [{s1}, {e1}] {text[s1:e1]!r} and "
                f"{l2} [{s2}, {e2}] {text[s2:e2]!r}"
            )
    for layer in ("dates", "quantities"):
        for item in gold.get(layer, []):
            s, e = _check_span(name, layer, text, item.get("span"))
            if item.get("text") != text[s:e]:
                found = text[s:e]
                raise GoldError(
                    f"{name}: {layer}: text {item.get('text')!r} != text at [{s}, {e}] {found!r}"
                )
    return gold


def check_all(gold_dir: Path = GOLD, docs_dir: Path = DOCS) -> int:
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"no gold files in {gold_dir}")
    mentions = 0
    for path in files:
        gold = check_gold(path, docs_dir)
        mentions += sum(len(a["mentions"]) for a in gold["actors"])
    return mentions


def _fmt(identity: Any) -> str:
    if isinstance(identity, tuple) and identity and identity[0] == "name":
        return f"(unregistered) {identity[1]}"
    return str(identity)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the gold files")
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=None,
        help="a set folder holding gold/ and docs/ (default: this folder, tests/blind)",
    )
    args = parser.parse_args(argv)
    gold_dir, docs_dir = (
        (GOLD, DOCS) if args.folder is None else (args.folder / "gold", args.folder / "docs")
    )

    try:
        mentions = check_all(gold_dir, docs_dir)
    except GoldError as exc:
        print(f"REFUSED gold file: {exc}", file=sys.stderr)
        return 2
    files = len(list(gold_dir.glob("*.json")))
    print(f"gold OK: {files} files, {mentions} actor mentions")
    if args.check:
        return 0

    from peyvand.evaluate import evaluate
    from peyvand.pipeline import Pipeline

    report = evaluate(gold_dir, docs_dir, Pipeline(), kinds=("actors",))
    print()
    print(f"{'lang':<6}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for lang in [*report.languages, None]:
        sc = report.score("actors", lang)
        print(
            f"{lang or 'all':<6}{sc.tp:>5}{sc.fp:>5}{sc.fn:>5}"
            f"{sc.precision:>8.3f}{sc.recall:>8.3f}{sc.f1:>8.3f}"
        )
    by_doc: dict[str, list[Any]] = defaultdict(list)
    for m in report.mistakes:
        by_doc[m.document].append(m)
    print(f"\n{len(report.mistakes)} mistakes")
    for doc in sorted(by_doc):
        print(f"\n{doc}")
        for m in by_doc[doc]:
            print(f"  {m.error:<9} {m.text!r:<45} {_fmt(m.identity)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
