"""Step 1: export all-MiniLM-L6-v2 as Tributary's int8 sentence-embedding model and check parity."""
import json
import time

import numpy as np
import onnxruntime as ort
import torch
from transformers import AutoModel, AutoTokenizer

from . import base, eval_texts
from .onnx_export import copy_tokenizer, export_quantized, write_config
from .paths import DIST_DIR, REPORTS_DIR, WORK_DIR

OUT_DIR = DIST_DIR / "embed"
MAX_LENGTH = 256  # sentence-transformers' max_seq_length for this model
# Gates for the build: every text's int8 embedding within cosine 0.99 of PyTorch's (weight-only
# int8 reaches ~0.9995; README, "Embedding model: parity with PyTorch").
MIN_MEAN_COSINE = 0.99
MIN_COSINE = 0.99


def _one(encoded: dict, i: int) -> dict:
    """Row i of a padded batch, with its padding stripped."""
    n = int(encoded["attention_mask"][i].sum())
    return {k: v[i:i + 1, :n] for k, v in encoded.items()}


def mean_pool_normalize(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Exactly what transformers.js does for {pooling: 'mean', normalize: true}."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def embed_torch(model, encoded) -> np.ndarray:
    with torch.no_grad():
        hidden = model(**{k: torch.from_numpy(v) for k, v in encoded.items()}).last_hidden_state.numpy()
    return mean_pool_normalize(hidden, encoded["attention_mask"])


def embed_onnx(session: ort.InferenceSession, encoded) -> np.ndarray:
    (hidden,) = session.run(["last_hidden_state"], dict(encoded))
    return mean_pool_normalize(hidden, encoded["attention_mask"])


def paraphrase_ranking(vectors: np.ndarray) -> dict:
    """vectors holds anchors and paraphrases interleaved. Pair ranking: is sim(a_i,b_i) > sim(a_i,b_j) for j != i."""
    anchors, paraphrases = vectors[0::2], vectors[1::2]
    sims = anchors @ paraphrases.T
    true = np.diag(sims)
    n = len(true)
    wins = sum(int(true[i] > sims[i, j]) for i in range(n) for j in range(n) if i != j)
    top1 = int((sims.argmax(axis=1) == np.arange(n)).sum())
    off_diag = sims[~np.eye(n, dtype=bool)]
    return {
        "pairs": n,
        "pairwise_accuracy": wins / (n * (n - 1)),
        "top1_accuracy": top1 / n,
        "mean_sim_paraphrase": float(true.mean()),
        "mean_sim_unrelated": float(off_diag.mean()),
    }


def build() -> dict:
    started = time.time()
    torch.manual_seed(0)
    src = base.base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(src)
    model = AutoModel.from_pretrained(src).eval()

    copy_tokenizer(src, OUT_DIR, max_length=MAX_LENGTH)
    config = json.loads((src / "config.json").read_text())
    write_config(config, OUT_DIR)
    quantized = export_quantized(model, "last_hidden_state", OUT_DIR, WORK_DIR / "embed")

    session = ort.InferenceSession(str(quantized), providers=["CPUExecutionProvider"])
    sentences = eval_texts.parity_sentences()
    encoded = dict(tokenizer(sentences, padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="np"))
    encoded = {k: v.astype(np.int64) for k, v in encoded.items()}
    ref, got = embed_torch(model, encoded), embed_onnx(session, encoded)
    cosine = (ref * got).sum(axis=1)
    single = np.array([float((ref[i] * embed_onnx(session, _one(encoded, i))).sum()) for i in range(len(sentences))])

    pair_texts = [t for pair in eval_texts.PARAPHRASES for t in pair]
    pair_enc = {k: v.astype(np.int64) for k, v in tokenizer(pair_texts, padding=True, return_tensors="np").items()}
    report = {
        "sentences": len(sentences),
        "parity_cosine_min": float(cosine.min()),
        "parity_cosine_mean": float(cosine.mean()),
        # Single-sentence runs (no padding in the batch), as the extension embeds one text at a time.
        "parity_cosine_single_min": float(single.min()),
        "parity_cosine_single_mean": float(single.mean()),
        "parity_ok": bool(cosine.mean() >= MIN_MEAN_COSINE and min(cosine.min(), single.min()) >= MIN_COSINE),
        "paraphrase_torch_fp32": paraphrase_ranking(embed_torch(model, pair_enc)),
        "paraphrase_onnx_int8": paraphrase_ranking(embed_onnx(session, pair_enc)),
        "onnx_bytes": quantized.stat().st_size,
        "seconds": round(time.time() - started, 1),
    }
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    (REPORTS_DIR / "embed.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    if not report["parity_ok"]:
        raise SystemExit("embedding parity below the gates")
    return report


if __name__ == "__main__":
    build()
