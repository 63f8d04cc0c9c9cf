"""Perplexity on held-out text: the first number that says whether the model learned the domain."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from adapt.models import document_boundary_id


@dataclass
class PerplexityResult:
    perplexity: float
    mean_nll: float
    tokens: int
    documents: int

    def as_dict(self) -> dict:
        return {"perplexity": round(self.perplexity, 4), "mean_nll": round(self.mean_nll, 6),
                "tokens": self.tokens, "documents": self.documents}


def windows(token_ids: list[int], length: int, bos_id: int | None) -> list[list[int]]:
    """Non-overlapping windows; each starts with the document boundary token when the model has one
    (models.document_boundary_id), so the first real token is predicted from a start-of-text context
    as in pretraining."""
    step = length - 1 if bos_id is not None else length
    out = []
    for start in range(0, len(token_ids), step):
        piece = token_ids[start : start + step]
        if bos_id is not None:
            piece = [bos_id, *piece]
        if len(piece) >= 2:
            out.append(piece)
    return out


@torch.no_grad()
def token_losses(model, sequences: list[list[int]], batch_size: int = 8) -> list[torch.Tensor]:
    """Per-token negative log-likelihood of tokens 1..n of each sequence (float32, on CPU)."""
    device = next(model.parameters()).device
    model.eval()
    results: list[torch.Tensor] = [torch.empty(0)] * len(sequences)
    order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        width = max(len(sequences[i]) for i in idx)
        ids = torch.zeros((len(idx), width), dtype=torch.long)
        mask = torch.zeros((len(idx), width), dtype=torch.long)
        for row, i in enumerate(idx):
            ids[row, : len(sequences[i])] = torch.tensor(sequences[i])
            mask[row, : len(sequences[i])] = 1
        logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.float()
        logprobs = torch.log_softmax(logits[:, :-1], dim=-1)
        targets = ids[:, 1:].to(device)
        nll = -logprobs.gather(-1, targets.unsqueeze(-1)).squeeze(-1).cpu()
        for row, i in enumerate(idx):
            results[i] = nll[row, : len(sequences[i]) - 1]
    return results


def text_windows(tokenizer, texts: list[str], context_length: int) -> list[list[int]]:
    start = document_boundary_id(tokenizer)
    return [w for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]
            for w in windows(ids, context_length, start)]


def summarize_losses(losses: list[torch.Tensor], documents: int) -> PerplexityResult:
    total = sum(float(l.sum()) for l in losses)
    count = sum(int(l.numel()) for l in losses)
    mean = total / max(1, count)
    return PerplexityResult(math.exp(min(mean, 50.0)), mean, count, documents)


def perplexity(model, tokenizer, texts: list[str], context_length: int, batch_size: int = 8) -> PerplexityResult:
    losses = token_losses(model, text_windows(tokenizer, texts, context_length), batch_size)
    return summarize_losses(losses, len(texts))
