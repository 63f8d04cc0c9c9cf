"""One forward pass for every column of the Arena: the first `base_rows` rows of a batch run the base
model, the other rows the tuned one.

Decoding one token of a small model on a CPU is bound by reading its weights from memory (SmolLM2-135M:
540 MB per token in fp32, 22 of the 34 ms a step takes on 2 cores, bench/RESULTS.md section 3b). Two
columns run one after the other read them twice; two rows of one batch read them once. So the tuned
model's tree is rewired once, at load, so that the rows of a batch can take different weights:

- a LoRA run: each LoRA linear computes the base projection for every row and adds the adapter's
  low-rank update to the tuned rows only (peft's own mixed-batch path does the same with a hook per
  layer per call, which cost 60 instead of 36 ms a step here);
- a full fine-tuning run: each module whose weights differ from the base's runs the base's copy on
  the base rows and the tuned copy on the others (540 MB more to read per step than one model, the
  floor of a fully tuned model's Arena), a pair of linears as one batched matmul; modules whose
  weights are equal (the frozen lower blocks of a `model.train_layers` run) are one module, run
  once, kept in memory once;
- a stretched RoPE: the rotary module is one of those modules, native on the base rows.

`RowPlan.base_rows` says where the split lies for the next forward pass; whoever sets it holds the
engine's generation lock. `install_lora` and `install_pair` return None where a model holds something
they cannot split (DoRA, LoRA on embeddings, trained copies of whole modules): the engine then runs
each side on its own.
"""

from __future__ import annotations

import torch
from torch import nn

ALL_ROWS = 1 << 30  # base_rows for a batch that is all base


class RowPlan:
    """Where the base rows end in the next forward pass, and how to undo the rewiring."""

    def __init__(self):
        self.base_rows = 0
        self._swaps: list[tuple[nn.Module, str, nn.Module]] = []  # (parent, attribute, original)

    def swap(self, root: nn.Module, name: str, replacement: nn.Module) -> None:
        parent_name, _, attribute = name.rpartition(".")
        parent = root.get_submodule(parent_name)
        self._swaps.append((parent, attribute, getattr(parent, attribute)))
        setattr(parent, attribute, replacement)

    def uninstall(self) -> None:
        for parent, attribute, original in reversed(self._swaps):
            setattr(parent, attribute, original)
        self._swaps.clear()


def _cut(value, rows: slice, batch: int):
    return value[rows] if torch.is_tensor(value) and value.dim() and value.shape[0] == batch else value


class RowSplit(nn.Module):
    """A module whose base and tuned copies differ: base rows through one, tuned rows through the other."""

    def __init__(self, base: nn.Module, tuned: nn.Module, plan: RowPlan):
        super().__init__()
        self.base, self.tuned = base, tuned
        self.plan = plan
        self.stacked = None  # linears: both weights in one [2, in, out] tensor, see stack_weights

    def stack_weights(self) -> None:
        """Put a linear's two weights side by side in one tensor, each module keeping a view of its
        half, so that one base row and one tuned row (the Arena's two columns) are one batched matmul
        (a fully tuned model's Arena: 14.4 -> 15.4 tokens/s per column, bench/RESULTS.md section 3b).
        Costs no memory where the weights own their storage (loaded without mmap): the old tensors go."""
        if type(self.base) is nn.Linear and type(self.tuned) is nn.Linear and \
                (self.base.bias is None) == (self.tuned.bias is None):
            stacked = torch.stack([self.base.weight.data, self.tuned.weight.data])
            self.base.weight.data, self.tuned.weight.data = stacked[0], stacked[1]
            self.stacked = stacked.transpose(1, 2)
            if self.base.bias is not None:
                self.stacked_bias = torch.stack([self.base.bias.data, self.tuned.bias.data]).unsqueeze(1)
                self.base.bias.data, self.tuned.bias.data = self.stacked_bias[0, 0], self.stacked_bias[1, 0]

    def forward(self, *args, **kwargs):
        split, batch = self.plan.base_rows, args[0].shape[0]
        if split <= 0:
            return self.tuned(*args, **kwargs)
        if split >= batch:
            return self.base(*args, **kwargs)
        if self.stacked is not None and batch == 2 and args[0].dim() == 3 and len(args) == 1 and not kwargs:
            if self.base.bias is None:
                return torch.bmm(args[0], self.stacked)
            return torch.baddbmm(self.stacked_bias, args[0], self.stacked)
        head, tail = slice(0, split), slice(split, None)
        first = self.base(*(_cut(a, head, batch) for a in args),
                          **{k: _cut(v, head, batch) for k, v in kwargs.items()})
        second = self.tuned(*(_cut(a, tail, batch) for a in args),
                            **{k: _cut(v, tail, batch) for k, v in kwargs.items()})
        if isinstance(first, tuple):
            return tuple(torch.cat([a, b]) for a, b in zip(first, second))
        return torch.cat([first, second])


class RowLora(nn.Module):
    """peft's LoRA linear with one active plain adapter, its update added to the tuned rows only.
    The update is peft's own expression, so a tuned row computes what peft computes."""

    def __init__(self, layer: nn.Module, adapter: str, plan: RowPlan):
        super().__init__()
        self.base_layer = layer.base_layer
        self.lora_A, self.lora_B = layer.lora_A[adapter], layer.lora_B[adapter]
        self.scaling = layer.scaling[adapter]
        self.plan = plan

    def forward(self, x: torch.Tensor, *args, **kwargs) -> torch.Tensor:
        result = self.base_layer(x, *args, **kwargs)
        split = self.plan.base_rows
        if split >= x.shape[0]:
            return result
        tuned = x[split:] if split > 0 else x
        update = self.lora_B(self.lora_A(tuned.to(self.lora_A.weight.dtype))) * self.scaling
        if split <= 0:
            return (result + update).to(result.dtype)
        return torch.cat([result[:split], (result[split:] + update).to(result.dtype)])


def install_lora(model, native_rotary: tuple[str, nn.Module] | None = None) -> RowPlan | None:
    """Rewire a PeftModel's LoRA linears (and, for a stretched RoPE, its rotary module: (name, native
    module)); None where an adapter layer is of a kind RowLora does not compute."""
    from peft.tuners.lora import Linear as LoraLinear
    from peft.tuners.tuners_utils import BaseTunerLayer
    from peft.utils.other import AuxiliaryTrainingWrapper

    layers = []
    for name, module in model.named_modules():
        if isinstance(module, AuxiliaryTrainingWrapper):
            return None  # modules_to_save: a whole trained copy
        if not isinstance(module, BaseTunerLayer):
            continue
        if type(module) is not LoraLinear or module.merged or len(module.active_adapters) != 1:
            return None
        adapter = module.active_adapters[0]
        if adapter in getattr(module, "lora_variant", {}) or module.use_dora.get(adapter) or \
                getattr(module, "lora_bias", {}).get(adapter):
            return None
        layers.append((name, module, adapter))
    if not layers:
        return None
    plan = RowPlan()
    for name, module, adapter in layers:
        plan.swap(model, name, RowLora(module, adapter, plan))
    if native_rotary is not None:
        name, native = native_rotary
        plan.swap(model, name, RowSplit(native, model.get_submodule(name), plan))
    return plan


def install_pair(base: nn.Module, tuned: nn.Module) -> RowPlan | None:
    """Rewire a fully fine-tuned model so that base rows use the base's weights. Modules with equal
    weights are shared from then on: the base's tree points at the tuned model's module. None where a
    differing module has submodules of its own (its split would be ambiguous)."""
    base_modules = dict(base.named_modules())
    differing, shared = [], []
    for name, module in tuned.named_modules():
        own = dict(module.named_parameters(recurse=False)) | dict(module.named_buffers(recurse=False))
        if not own:
            continue
        other = base_modules.get(name)
        if other is None or type(other) is not type(module):
            return None
        theirs = dict(other.named_parameters(recurse=False)) | dict(other.named_buffers(recurse=False))
        same = own.keys() == theirs.keys() and all(
            own[key].shape == theirs[key].shape and torch.equal(own[key], theirs[key]) for key in own) and \
            getattr(module, "attention_scaling", None) == getattr(other, "attention_scaling", None)
        if same:
            shared.append(name)
        elif next(module.children(), None) is not None:
            return None
        else:
            differing.append((name, other))
    plan = RowPlan()
    for name, other in differing:
        split = RowSplit(other, tuned.get_submodule(name), plan)
        split.stack_weights()
        plan.swap(tuned, name, split)
    for name in shared:  # the base's copy goes; kept out of the plan's undo, since equal weights stay equal
        parent_name, _, attribute = name.rpartition(".")
        setattr(base.get_submodule(parent_name), attribute, tuned.get_submodule(name))
    return plan
