"""The compiled hot loops (setup.py) against their plain Python sources.

Python imports a compiled module before its source, so a build older than an edit would run
old code unnoticed; and the compiled code must link exactly as the interpreted one does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peyvand.compiled import PURE_PYTHON, compiled_modules, stale_builds
from peyvand.lang import LanguageData
from peyvand.registry.registry import Registry
from peyvand.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "src" / "peyvand" / "examples").glob("*.txt")) + sorted(
    (ROOT / "tests" / "corpus" / "docs").glob("*.txt")
)

LINKS = """
import json, sys
from pathlib import Path
from peyvand.lang import LanguageData
from peyvand.registry.registry import Registry
from peyvand.text.normalize import normalize
from peyvand.compiled import compiled_modules
registry = Registry(LanguageData())
out = {"compiled": compiled_modules(), "links": []}
for path in sys.argv[1:]:
    lang = Path(path).name[:2]
    norm = normalize(Path(path).read_text(encoding="utf-8"), turkic=lang in ("az", "tr"))
    out["links"].append([[l.actor.id, l.start, l.end, l.method] for l in registry.link(norm, lang)])
print(json.dumps(out))
"""


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = stale_builds(ROOT / "src")
    assert not stale, f"rebuild with `make install`, these run old code: {stale}"


def test_compiled_and_interpreted_code_link_alike() -> None:
    registry = Registry(LanguageData())
    here = []
    for path in TEXTS:
        lang = path.name[:2]
        norm = normalize(path.read_text(encoding="utf-8"), turkic=lang in ("az", "tr"))
        here.append([[x.actor.id, x.start, x.end, x.method] for x in registry.link(norm, lang)])
    if not compiled_modules() and not os.environ.get(PURE_PYTHON):
        pytest.skip("nothing is compiled here (no compiler at install)")
    env = {**os.environ, PURE_PYTHON: "1"}
    done = subprocess.run(
        [sys.executable, "-c", LINKS, *map(str, TEXTS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    pure = json.loads(done.stdout)
    assert pure["compiled"] == []  # the switch works: nothing compiled was imported
    assert sum(map(len, here)) > 500
    for path, mine, theirs in zip(TEXTS, here, pure["links"], strict=True):
        assert mine == theirs, path.name
