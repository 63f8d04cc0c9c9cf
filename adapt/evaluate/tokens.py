"""Token-level analysis: where, token by token, adaptation changed the loss on held-out text.

An average can hide that the model got better on content and worse on a few uninformative
tokens (whitespace, punctuation), or the other way round. Every token's loss change is grouped
by kind; each kind's contribution is its summed change divided by all tokens, so the
contributions add up to the average change exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import numpy as np

KINDS = ("whitespace", "punctuation", "number", "word", "japanese", "byte_piece", "other")
UNINFORMATIVE = ("whitespace", "punctuation")
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef]")


def token_kind(piece: str) -> str:
    if piece == "" or not piece.strip():
        return "whitespace"
    text = piece.strip()
    if "\ufffd" in text:
        return "byte_piece"  # part of a multi-byte character (byte-level BPE)
    if _JA.search(text):
        return "japanese"
    if all(ch.isdigit() or ch in ".,:" for ch in text) and any(ch.isdigit() for ch in text):
        return "number"
    if all(unicodedata.category(ch)[0] in "PS" for ch in text):
        return "punctuation"
    if any(ch.isalpha() for ch in text):
        return "word"
    return "other"


def analyze(tokenizer, sequences: list[list[int]], base: list, adapted: list, top: int = 12) -> dict:
    """`base`/`adapted`: per-token NLL arrays for tokens 1..n of each sequence."""
    ids = np.concatenate([np.asarray(s[1:], dtype=np.int64) for s in sequences]) if sequences else np.zeros(0, int)
    before = np.concatenate([np.asarray(b, dtype=np.float64) for b in base]) if base else np.zeros(0)
    after = np.concatenate([np.asarray(a, dtype=np.float64) for a in adapted]) if adapted else np.zeros(0)
    n = int(ids.size)
    if n == 0:
        return {"tokens": 0}
    delta = after - before
    pieces: dict[int, str] = {}
    kinds = np.empty(n, dtype=object)
    for i, token in enumerate(ids.tolist()):
        if token not in pieces:
            pieces[token] = tokenizer.decode([token])
        kinds[i] = token_kind(pieces[token])
    by_kind = {}
    for kind in KINDS:
        mask = kinds == kind
        count = int(mask.sum())
        if not count:
            continue
        by_kind[kind] = {
            "tokens": count,
            "share_of_tokens": round(count / n, 4),
            "mean_loss_before": round(float(before[mask].mean()), 4),
            "mean_loss_after": round(float(after[mask].mean()), 4),
            "mean_change": round(float(delta[mask].mean()), 4),
            "contribution": float(delta[mask].sum() / n),
        }
    per_token: dict[int, list[float]] = defaultdict(list)
    for token, d in zip(ids.tolist(), delta.tolist()):
        per_token[token].append(d)
    rows = [{"token": pieces[t], "kind": token_kind(pieces[t]), "count": len(v), "mean_change": round(float(np.mean(v)), 4),
             "contribution": round(float(np.sum(v) / n), 5)} for t, v in per_token.items()]
    rows.sort(key=lambda r: r["contribution"])
    mean_change = float(delta.mean())
    result = {
        "tokens": n,
        "mean_loss_before": round(float(before.mean()), 4),
        "mean_loss_after": round(float(after.mean()), 4),
        "mean_change": mean_change,
        "by_kind": by_kind,
        "most_improved": rows[:top],
        "most_worsened": [r for r in reversed(rows[-top:]) if r["contribution"] > 0],
    }
    result["finding"] = finding(result, delta)
    return result


def finding(result: dict, delta: np.ndarray) -> str:
    mean = result["mean_change"]
    by_kind = result["by_kind"]
    noise = sum(by_kind.get(k, {}).get("contribution", 0.0) for k in UNINFORMATIVE)
    content = mean - noise
    positive = np.sort(delta[delta > 0])[::-1]
    top = positive[: max(1, len(delta) // 100)].sum() / max(1e-12, positive.sum()) if positive.size else 0.0
    if mean > 0 and content <= 0:
        return (f"The average loss got worse (+{mean:.3f} nats/token) only because of uninformative tokens "
                f"(whitespace and punctuation: +{noise:.3f}); on content tokens the model improved "
                f"({content:+.3f}). Judge the adaptation by the content figure.")
    if mean > 0 and top > 0.5:
        return (f"The average loss got worse (+{mean:.3f} nats/token), and {top:.0%} of the increase comes from "
                "the worst 1% of tokens: look at the most worsened tokens before concluding the model got worse.")
    if mean > 0:
        return f"The loss got worse across token kinds (+{mean:.3f} nats/token): adaptation hurt on this text."
    return (f"The loss improved by {-mean:.3f} nats/token; content tokens account for {content:+.3f} and "
            f"whitespace/punctuation for {noise:+.3f}.")
