"""Training only the top blocks, without recomputing the frozen ones every epoch.

With model.train_layers the embeddings and the blocks below the trained ones never change, so the
hidden state they hand to the lowest trained block is, for a given packed row, the same in every
epoch. It is kept the first time the row is seen; from then on the row enters the model at the
lowest trained block (as `inputs_embeds`, the stack cut down to the trained blocks) and the frozen
blocks do no work at all. Before relying on it, the first batch is run both ways and the losses
must agree, so a model whose forward does more to its input than the blocks (scaled or positional
embeddings) just keeps recomputing.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

import torch
from transformers import Trainer

log = logging.getLogger("adapt")

AGREEMENT = 1e-3  # relative loss difference allowed between the two ways (float summation order)


def block_list(model) -> tuple[torch.nn.Module, str, torch.nn.ModuleList] | None:
    """(owner, attribute, blocks): the model's stack of transformer blocks is its longest ModuleList
    (model.model.layers in Llama, Qwen, Mistral; transformer.h in GPT-2 style models)."""
    found = None
    for owner in model.modules():
        for name, child in owner.named_children():
            if isinstance(child, torch.nn.ModuleList) and (found is None or len(child) > len(found[2])):
                found = (owner, name, child)
    return found


def cache_bytes(rows: int, length: int, hidden: int) -> int:
    return rows * length * hidden * 4


class FrozenPrefixCache:
    """Per packed row, the output of the highest frozen block."""

    def __init__(self, model, frozen: int, rows: int, length: int, memory_limit: int):
        self.owner, self.name, self.blocks = block_list(model)
        self.frozen = frozen
        self.top = torch.nn.ModuleList(list(self.blocks)[frozen:])
        hidden = int(getattr(model.config, "hidden_size", 0) or 0)
        self.enabled = hidden > 0 and cache_bytes(rows, length, hidden) <= memory_limit
        if not self.enabled:
            log.info("model.train_layers: the frozen blocks' output for %d rows would take %.1f GB, over the "
                     "%.1f GB allowed; the frozen blocks are recomputed every epoch", rows,
                     cache_bytes(rows, length, hidden) / 1e9, memory_limit / 1e9)
        self.hidden = torch.empty(rows, length, hidden, dtype=torch.float32) if self.enabled else None
        self.filled = torch.zeros(rows, dtype=torch.bool)
        self.verified = False
        self.reused_rows = 0

    def lookup(self, rows: torch.Tensor) -> torch.Tensor | None:
        if not (self.enabled and self.verified and bool(self.filled[rows].all())):
            return None
        self.reused_rows += len(rows)
        return self.hidden[rows]

    @contextmanager
    def capturing(self, rows: torch.Tensor):
        """Run the whole model and keep what the highest frozen block hands upward."""
        def keep(_module, _args, output):
            state = output[0] if isinstance(output, tuple) else output
            self.hidden[rows] = state.detach().to("cpu", torch.float32)
            self.filled[rows] = True

        handle = self.blocks[self.frozen - 1].register_forward_hook(keep) if self.enabled else None
        try:
            yield
        finally:
            if handle is not None:
                handle.remove()

    @contextmanager
    def trained_blocks_only(self):
        setattr(self.owner, self.name, self.top)
        try:
            yield
        finally:
            setattr(self.owner, self.name, self.blocks)

    def disable(self, why: str) -> None:
        self.enabled = False
        self.hidden = None
        log.warning("model.train_layers: %s; the frozen blocks are recomputed every epoch", why)


def _loss_of(result) -> torch.Tensor:
    return result[0] if isinstance(result, tuple) else result


class FrozenPrefixTrainer(Trainer):
    """A Trainer whose batches carry `row_index`, so a row's frozen-block output can be reused."""

    def __init__(self, *args, prefix_cache: FrozenPrefixCache, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefix_cache = prefix_cache

    def _from_cache(self, model, inputs: dict, hidden: torch.Tensor) -> dict:
        rest = {key: value for key, value in inputs.items() if key != "input_ids"}
        weights = self.accelerator.unwrap_model(model).get_input_embeddings().weight
        return {**rest, "inputs_embeds": hidden.to(weights.device, weights.dtype)}

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        cache = self.prefix_cache
        rows = inputs.pop("row_index").cpu()
        hidden = cache.lookup(rows)
        if hidden is not None:
            with cache.trained_blocks_only():
                return super().compute_loss(model, self._from_cache(model, inputs, hidden), return_outputs,
                                            num_items_in_batch)
        with cache.capturing(rows):
            result = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
        if cache.enabled and not cache.verified:
            self._verify(model, inputs, rows, float(_loss_of(result).detach()), num_items_in_batch)
        return result

    def _verify(self, model, inputs, rows, whole: float, num_items_in_batch) -> None:
        cache = self.prefix_cache
        with torch.no_grad(), cache.trained_blocks_only():
            shortcut = float(_loss_of(super().compute_loss(model, self._from_cache(model, inputs, cache.hidden[rows]),
                                                           False, num_items_in_batch)))
        if abs(shortcut - whole) > AGREEMENT * max(1.0, abs(whole)):
            cache.disable(f"entering at block {cache.frozen} gives loss {shortcut:.5f}, the whole model "
                          f"{whole:.5f}")
            return
        cache.verified = True
        log.info("model.train_layers: the %d frozen blocks run once per row; later epochs start at block %d",
                 cache.frozen, cache.frozen)
