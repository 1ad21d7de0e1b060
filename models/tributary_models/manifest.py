"""Write models/manifest.json (read by the extension's model loader) and compare with the previous one."""
import json

from . import base
from .paths import DIST_DIR, MANIFEST_PATH, MODEL_FILES, REPO_ROOT

LICENSE = "Apache-2.0"


def _files(name: str) -> dict:
    return {f: base.sha256_file(DIST_DIR / name / f) for f in MODEL_FILES}


def _dir(name: str) -> str:
    return str((DIST_DIR / name).relative_to(REPO_ROOT))


def build_manifest(labels: list[str]) -> dict:
    return {
        "v": 1,
        "models": {
            "embed": {
                "id": "tributary-embed-minilm-l6-v2",
                "dir": _dir("embed"),
                "task": "feature-extraction",
                "dim": 384,
                "pooling": "mean",
                "normalize": True,
                "source": base.SOURCE,
                "license": LICENSE,
                "files": _files("embed"),
            },
            "ner": {
                "id": "tributary-pii-ner-minilm-l6-v2",
                "dir": _dir("ner"),
                "task": "token-classification",
                "labels": labels,
                "source": f"Tributary fine-tune (models/tributary_models/ner.py, synthetic Faker corpus) of {base.SOURCE}",
                "license": LICENSE,
                "files": _files("ner"),
            },
        },
    }


def compare_and_write(manifest: dict) -> bool:
    """Print per-file whether the rebuilt hash equals the committed one; then write the new manifest."""
    previous = json.loads(MANIFEST_PATH.read_text()) if MANIFEST_PATH.exists() else None
    all_match = previous is not None
    for key, entry in manifest["models"].items():
        old = (previous or {}).get("models", {}).get(key, {}).get("files", {})
        for name, digest in entry["files"].items():
            status = "MATCH" if old.get(name) == digest else ("NEW" if name not in old else "DIFFERS")
            all_match = all_match and status == "MATCH"
            print(f"  {status:8} {key}/{name} {digest[:16]}")
    MANIFEST_PATH.write_text(json.dumps(manifest, indent=2) + "\n")
    print("hashes matched the committed manifest" if all_match else
          "hashes did NOT all match the committed manifest (see models/README.md, 'Reproducibility')")
    return all_match
