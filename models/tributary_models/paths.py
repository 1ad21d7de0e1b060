"""Filesystem layout shared by every build step."""
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = MODELS_DIR.parent
WORK_DIR = MODELS_DIR / ".work"
DIST_DIR = MODELS_DIR / "dist"
REPORTS_DIR = MODELS_DIR / "reports"
MANIFEST_PATH = MODELS_DIR / "manifest.json"

# Files every transformers.js model folder must carry (the manifest hashes exactly these).
MODEL_FILES = (
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "onnx/model_quantized.onnx",
)
