"""Step 2: generate the PII corpus, fine-tune MiniLM-L6 for token classification, export int8 ONNX, verify."""
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from . import base, ner_corpus
from .ner_metrics import entities, entity_report, token_report
from .onnx_export import copy_tokenizer, export_quantized, write_config
from .paths import DIST_DIR, REPORTS_DIR, WORK_DIR

OUT_DIR = DIST_DIR / "ner"
SEED = 1234
HELDOUT_SEED = 98765
SETTINGS = {
    "train_examples": int(os.environ.get("NER_TRAIN_EXAMPLES", "8000")),
    "heldout_examples": int(os.environ.get("NER_HELDOUT_EXAMPLES", "800")),
    "epochs": int(os.environ.get("NER_EPOCHS", "2")),
    "batch_size": 16,
    "learning_rate": 2e-4,
    # The shared 2-core machine is slow: the pretrained word-embedding matrix (half the weights)
    # stays frozen, which saves its dense gradient and AdamW update on every step.
    "freeze_word_embeddings": True,
    "warmup_fraction": 0.06,
    "weight_decay": 0.01,
    "max_length": 128,
    "threads": 2,
    # Stop before the end of the learning-rate schedule (0 = run it all). The committed model
    # was cut short to meet a deadline on the overloaded shared machine; see README.
    "stop_after_steps": int(os.environ.get("NER_STOP_AFTER_STEPS", "0")),
}
LABELS = ner_corpus.LABELS
ID2LABEL = dict(enumerate(LABELS))


def encode(tokenizer, examples) -> list[dict]:
    rows = []
    for ex in examples:
        enc = tokenizer(ex.text, truncation=True, max_length=SETTINGS["max_length"], return_offsets_mapping=True)
        rows.append({
            "input_ids": enc["input_ids"],
            "labels": ner_corpus.token_labels(enc["offset_mapping"], ex.spans),
            "genre": ex.genre,
        })
    return rows


def batches(rows: list[dict], size: int, rng: random.Random | None) -> list[list[dict]]:
    """Length-bucketed batches (less padding = faster on CPU); shuffled when rng is given."""
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["input_ids"]))
    if rng is not None:
        # Shuffle within coarse buckets, then shuffle the batches themselves.
        chunk = size * 50
        order = [i for k in range(0, len(order), chunk) for i in rng.sample(order[k:k + chunk], len(order[k:k + chunk]))]
    groups = [[rows[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    return groups


def collate(group: list[dict]) -> dict:
    width = max(len(r["input_ids"]) for r in group)
    ids = np.zeros((len(group), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    labels = np.full_like(ids, -100)
    for i, r in enumerate(group):
        n = len(r["input_ids"])
        ids[i, :n], mask[i, :n], labels[i, :n] = r["input_ids"], 1, r["labels"]
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids), "labels": labels}


def train(model, rows: list[dict]) -> dict:
    rng = random.Random(SEED)
    steps_per_epoch = math.ceil(len(rows) / SETTINGS["batch_size"])
    total = steps_per_epoch * SETTINGS["epochs"]
    warmup = max(1, int(total * SETTINGS["warmup_fraction"]))
    if SETTINGS["freeze_word_embeddings"]:
        model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    no_decay = ("bias", "LayerNorm.weight")
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    params = [
        {"params": [p for n, p in trainable if not n.endswith(no_decay)], "weight_decay": SETTINGS["weight_decay"]},
        {"params": [p for n, p in trainable if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(params, lr=SETTINGS["learning_rate"])
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: s / warmup if s < warmup else max(0.0, (total - s) / max(1, total - warmup))
    )
    model.train()
    step, started, losses = 0, time.time(), []
    for epoch in range(SETTINGS["epochs"]):
        for group in batches(rows, SETTINGS["batch_size"], rng):
            batch = {k: torch.from_numpy(v) for k, v in collate(group).items()}
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            losses.append(loss.item())
            step += 1
            if step % 20 == 0 or step == total:
                print(f"epoch {epoch + 1} step {step}/{total} loss {np.mean(losses[-20:]):.4f} "
                      f"{time.time() - started:.0f}s", flush=True)
            if step == SETTINGS["stop_after_steps"]:
                break
        if step == SETTINGS["stop_after_steps"]:
            break
    model.eval()
    return {"steps": step, "planned_steps": total, "final_loss_avg20": float(np.mean(losses[-20:])), "train_seconds": round(time.time() - started, 1)}


def predict(run, rows: list[dict]) -> list[list[int]]:
    """Label ids per real (non-special) token, with `run(batch) -> logits`."""
    preds = [None] * len(rows)
    index = {id(r): i for i, r in enumerate(rows)}
    for group in batches(rows, 32, None):
        batch = collate(group)
        logits = run(batch)
        for j, r in enumerate(group):
            keep = [k for k, label in enumerate(r["labels"]) if label != -100]
            preds[index[id(r)]] = logits[j, keep].argmax(-1).tolist()
    return preds


def gold(rows: list[dict]) -> list[list[int]]:
    return [[label for label in r["labels"] if label != -100] for r in rows]


def evaluate(pred_ids, rows) -> dict:
    g = [[LABELS[i] for i in seq] for seq in gold(rows)]
    p = [[LABELS[i] for i in seq] for seq in pred_ids]
    clean = [k for k, r in enumerate(rows) if r["genre"] in ("hard_negative", "no_pii")]
    fp_texts = sum(1 for k in clean if entities(p[k]) - entities(g[k]))
    return {
        "entity_level": entity_report(g, p, ner_corpus.ENTITY_TYPES),
        "entity_level_merged_pieces": entity_report(g, p, ner_corpus.ENTITY_TYPES, merge_same_type=True),
        "token_level": token_report(g, p, LABELS),
        "hard_negative_and_no_pii_texts": len(clean),
        "texts_with_false_positive_entity": fp_texts,
    }


def build() -> dict:
    started = time.time()
    torch.set_num_threads(SETTINGS["threads"])
    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.use_deterministic_algorithms(True)

    src = base.base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(src)
    train_ex = ner_corpus.generate("train", SETTINGS["train_examples"], SEED)
    held_ex = ner_corpus.generate("heldout", SETTINGS["heldout_examples"], HELDOUT_SEED)
    corpus_dir = WORK_DIR / "corpus"
    ner_corpus.write_jsonl(train_ex, corpus_dir / "train.jsonl")
    ner_corpus.write_jsonl(held_ex, corpus_dir / "heldout.jsonl")
    train_rows, held_rows = encode(tokenizer, train_ex), encode(tokenizer, held_ex)

    model = AutoModelForTokenClassification.from_pretrained(
        src, num_labels=len(LABELS), id2label=ID2LABEL, label2id={v: k for k, v in ID2LABEL.items()}
    )
    checkpoint = os.environ.get("NER_CHECKPOINT")
    if checkpoint:
        # Export/evaluate an already trained state dict (its training record sits beside it).
        model.load_state_dict(torch.load(checkpoint))
        model.eval()
        training = json.loads(open(checkpoint + ".json").read())
    else:
        training = train(model, train_rows)
        # Keep the trained weights, so export or evaluation can be redone without retraining.
        trained = WORK_DIR / "ner" / "trained.pt"
        trained.parent.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), trained)
        Path(f"{trained}.json").write_text(json.dumps(training) + "\n")

    def run_torch(batch):
        with torch.no_grad():
            inputs = {k: torch.from_numpy(batch[k]) for k in ("input_ids", "attention_mask", "token_type_ids")}
            return model(**inputs).logits.numpy()

    torch_pred = predict(run_torch, held_rows)

    copy_tokenizer(src, OUT_DIR)
    config = model.config.to_dict()
    config.pop("_name_or_path", None)
    config["architectures"] = ["BertForTokenClassification"]
    write_config(config, OUT_DIR)
    quantized = export_quantized(model, "logits", OUT_DIR, WORK_DIR / "ner")

    session = ort.InferenceSession(str(quantized), providers=["CPUExecutionProvider"])
    onnx_pred = predict(lambda b: session.run(["logits"], {k: b[k] for k in ("input_ids", "attention_mask", "token_type_ids")})[0], held_rows)
    flat_t = [x for seq in torch_pred for x in seq]
    flat_o = [x for seq in onnx_pred for x in seq]
    agreement = sum(a == b for a, b in zip(flat_t, flat_o)) / len(flat_t)

    report = {
        "settings": SETTINGS,
        "corpus": {
            "train_texts": len(train_ex),
            "heldout_texts": len(held_ex),
            "train_entities": sum(len(e.spans) for e in train_ex),
            "heldout_entities": sum(len(e.spans) for e in held_ex),
            "train_tokens": sum(len(r["input_ids"]) for r in train_rows),
        },
        "training": training,
        "heldout_torch_fp32": evaluate(torch_pred, held_rows),
        "heldout_onnx_int8": evaluate(onnx_pred, held_rows),
        "onnx_vs_torch_token_agreement": agreement,
        "onnx_bytes": quantized.stat().st_size,
        "seconds": round(time.time() - started, 1),
    }
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    (REPORTS_DIR / "ner.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: report[k] for k in ("training", "onnx_vs_torch_token_agreement", "seconds")}, indent=2))
    print(json.dumps(report["heldout_onnx_int8"]["entity_level"], indent=2))
    return report


if __name__ == "__main__":
    build()
