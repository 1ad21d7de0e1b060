#!/usr/bin/env bash
# The Python tool the release tests check Croissant descriptions with (mlcroissant, MLCommons' reference
# implementation), in its own virtual environment at .venv/croissant. Tooling only: nothing at runtime uses it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv/croissant
if [ ! -x "$VENV/bin/mlcroissant" ] || ! cmp -s scripts/croissant-requirements.txt "$VENV/requirements.txt"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/croissant-requirements.txt
  cp scripts/croissant-requirements.txt "$VENV/requirements.txt"
fi
"$VENV/bin/python" -c "import mlcroissant"
echo "mlcroissant ready: $VENV/bin/mlcroissant"
