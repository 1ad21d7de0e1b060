"""Entity-level and token-level precision / recall / F-beta over BIO tag sequences."""
from collections import Counter


def entities(tags: list[str], merge_same_type: bool = False) -> set:
    """(start, end, type) spans; an I- tag that does not continue its type opens a new entity.

    merge_same_type: also join consecutive pieces of one type whatever their B-/I- prefix, as a
    loader grouping transformers.js word pieces by type would.
    """
    found, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = label == kind and (prefix == "I" or (merge_same_type and prefix == "B"))
        if start is not None and not continues:
            found.add((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return found


def f_beta(p: float, r: float, beta: float) -> float:
    b2 = beta * beta
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def _scores(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": f_beta(p, r, 1), "f2": f_beta(p, r, 2), "support": tp + fn}


def entity_report(gold: list[list[str]], pred: list[list[str]], types: list[str], merge_same_type: bool = False) -> dict:
    counts = {t: Counter() for t in types}
    for g, p in zip(gold, pred):
        ge, pe = entities(g), entities(p, merge_same_type)
        for span in pe & ge:
            counts[span[2]]["tp"] += 1
        for span in pe - ge:
            counts[span[2]]["fp"] += 1
        for span in ge - pe:
            counts[span[2]]["fn"] += 1
    report = {t: _scores(c["tp"], c["fp"], c["fn"]) for t, c in counts.items()}
    total = sum(counts.values(), Counter())
    report["micro"] = _scores(total["tp"], total["fp"], total["fn"])
    return report


def token_report(gold: list[list[str]], pred: list[list[str]], labels: list[str]) -> dict:
    counts = {label: Counter() for label in labels if label != "O"}
    for g_seq, p_seq in zip(gold, pred):
        for g, p in zip(g_seq, p_seq):
            if g == p and g != "O":
                counts[g]["tp"] += 1
            else:
                if p != "O":
                    counts[p]["fp"] += 1
                if g != "O":
                    counts[g]["fn"] += 1
    return {label: _scores(c["tp"], c["fp"], c["fn"]) for label, c in counts.items()}
