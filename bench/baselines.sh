#!/usr/bin/env bash
# Create bench/.venv-hazm: a Python 3.12 venv holding the baselines the text benchmark
# compares against (hazm 0.12.1 and parsivar). They are NEVER dependencies of peyvand.
#
#   bash bench/baselines.sh            # create or update the venv
#   PYTHON312=/path/to/python3.12 bash bench/baselines.sh
#
# hazm 0.12.1 needs Python >= 3.12; on 3.11 pip silently falls back to hazm 0.10.0,
# which drags in numpy 1.24.3, scipy, scikit-learn, gensim and fasttext (~390 MB).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv-hazm"

find_python() {
    if [[ -n "${PYTHON312:-}" ]]; then echo "$PYTHON312"; return; fi
    for candidate in /root/.pyenv/versions/3.12.*/bin/python python3.12 python3.13; do
        if command -v "$candidate" >/dev/null 2>&1; then
            if "$candidate" -c 'import sys; sys.exit(0 if (3, 12) <= sys.version_info[:2] < (3, 14) else 1)'; then
                echo "$candidate"; return
            fi
        fi
    done
    echo "error: no Python 3.12/3.13 found (set PYTHON312=/path/to/python3.12)" >&2
    exit 1
}

python="$(find_python)"
echo "baseline interpreter: $python ($("$python" -V 2>&1))"
if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "hazm==0.12.1" "parsivar==0.2.3.1"
"$venv/bin/python" - <<'PY'
import importlib.metadata as md
for name in ("hazm", "parsivar", "nltk"):
    print(f"  {name} {md.version(name)}")
PY
echo "baselines ready in $venv"
