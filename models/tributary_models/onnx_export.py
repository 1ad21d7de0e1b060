"""Export a BERT-family PyTorch model to ONNX and quantize its weights to int8, transformers.js layout."""
import json
import shutil
from pathlib import Path

import torch

from .weight_only_int8 import quantize_weights_int8

INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")
OPSET = 14


class _SingleOutput(torch.nn.Module):
    """Expose one named tensor of a transformers model output, so the ONNX graph has exactly one output."""

    def __init__(self, model: torch.nn.Module, field: str):
        super().__init__()
        self.model = model
        self.field = field

    def forward(self, input_ids, attention_mask, token_type_ids):
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        return getattr(out, self.field)


def export_quantized(model: torch.nn.Module, output_name: str, out_dir: Path, work_dir: Path) -> Path:
    """Write out_dir/onnx/model_quantized.onnx (int8 weights) from `model`; the fp32 graph stays in work_dir."""
    wrapper = _SingleOutput(model, output_name).eval()
    dummy = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (dummy != 0).long()
    types = torch.zeros_like(dummy)
    work_dir.mkdir(parents=True, exist_ok=True)
    fp32 = work_dir / "model.onnx"
    torch.onnx.export(
        wrapper,
        (dummy, mask, types),
        str(fp32),
        input_names=INPUT_NAMES,
        output_names=[output_name],
        dynamic_axes={name: {0: "batch_size", 1: "sequence_length"} for name in INPUT_NAMES}
        | {output_name: {0: "batch_size", 1: "sequence_length"}},
        opset_version=OPSET,
        do_constant_folding=True,
        dynamo=False,
    )
    # The exporter restores the wrapper's previous mode; keep everything in eval (no dropout).
    model.eval()
    quantized = out_dir / "onnx" / "model_quantized.onnx"
    quantize_weights_int8(fp32, quantized)
    return quantized


def copy_tokenizer(base_dir: Path, out_dir: Path, max_length: int | None = None) -> None:
    """Copy the original fast-tokenizer files (lower-casing etc. must match training).

    `max_length` replaces the tokenizer's `model_max_length` (512, the position embeddings' limit) by the
    length the model is defined and checked at: transformers.js truncates to `model_max_length`.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in TOKENIZER_FILES:
        shutil.copyfile(base_dir / name, out_dir / name)
    if max_length is not None:
        config_file = out_dir / "tokenizer_config.json"
        config = json.loads(config_file.read_text())
        config["model_max_length"] = max_length
        config_file.write_text(json.dumps(config))


def write_config(config: dict, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
