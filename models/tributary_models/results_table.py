"""Print the NER results tables (markdown) from models/reports/ner.json, for README.md."""
import json

from .paths import REPORTS_DIR


def _row(name: str, s: dict) -> str:
    return f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | **{s['f2']:.3f}** | {s['support']} |"


def main() -> None:
    r = json.loads((REPORTS_DIR / "ner.json").read_text())
    head = "| label | precision | recall | F1 | F2 | support |\n| --- | --- | --- | --- | --- | --- |"
    onnx, torch_ = r["heldout_onnx_int8"], r["heldout_torch_fp32"]
    out = ["### Results on the held-back split", ""]
    out.append(f"{r['corpus']['heldout_texts']} texts, {r['corpus']['heldout_entities']} entities; "
               f"training: {r['corpus']['train_texts']} texts, {r['corpus']['train_entities']} entities, "
               f"{r['training']['steps']} steps in {r['training']['train_seconds'] / 60:.1f} min "
               f"(whole NER step {r['seconds'] / 60:.1f} min), final loss {r['training']['final_loss_avg20']:.3f}.")
    out += ["", "**Entity level** (exact span and type over word pieces, conlleval-style), int8 ONNX model:", "", head]
    out += [_row(k, v) for k, v in onnx["entity_level"].items()]
    out += ["", "Entity level with consecutive same-type pieces merged whatever their B-/I- prefix "
            "(how a loader grouping transformers.js pieces by type sees it), int8 ONNX model:", "", head]
    out += [_row(k, v) for k, v in onnx["entity_level_merged_pieces"].items()]
    out += ["", "Strict entity level, fp32 PyTorch model before export:", "", head]
    out += [_row(k, v) for k, v in torch_["entity_level"].items()]
    out += ["", "**Token level** (per word piece, per BIO label), int8 ONNX model:", "", head]
    out += [_row(k, v) for k, v in onnx["token_level"].items()]
    out += ["", f"ONNX int8 vs PyTorch fp32: identical argmax label on "
            f"{100 * r['onnx_vs_torch_token_agreement']:.2f}% of held-back word pieces.",
            f"Hard-negative and no-PII held-back texts with at least one false entity: "
            f"{onnx['texts_with_false_positive_entity']} of {onnx['hard_negative_and_no_pii_texts']}."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
