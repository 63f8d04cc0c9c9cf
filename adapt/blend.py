"""How much of the training to keep: weights interpolated from the base toward the adapted model.

base + share * (adapted - base), share in [0, 1]: 1 is the trained model, 0 the base. A full or
partial fine-tune blends every tensor the training changed; a LoRA adapter scales its update (B of
each pair by `share`, the same as the interpolation because the update is B·A). README (issue 30):
60% of the way to a Knowledge-injection model kept most of what it recalled and gave back its
general-text perplexity. The measured frontier: bench/blend_frontier.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ADAPTER_WEIGHTS = "adapter_model.safetensors"
KEEP_RECORD = "keep_share.json"  # in a run directory: the share its final model keeps, and how it was chosen
MODEL_WEIGHTS = "model.safetensors"


def kept_sentence(record: dict | None) -> str | None:
    """keep_share.json (or report.json's keep_share) in one English phrase for the report and the model
    card; None where the model keeps all of its training."""
    if not record or record.get("share", 1) >= 1:
        return None
    chosen = f", chosen for general perplexity within +{record.get('max_forgetting_pct', 10):g}% on validation text" \
        if record.get("chosen") else ""
    return f"the final model keeps {record['share']:.0%} of its training (weights blended back toward the base{chosen})"


class BlendError(ValueError):
    """A share outside [0, 1], or a model folder this cannot blend (sharded or .bin weights)."""


def _check_share(share: float) -> float:
    share = float(share)
    if not 0.0 <= share <= 1.0:
        raise BlendError(f"blend share: {share} is outside 0 (the base) to 1 (the trained model)")
    return share


def blended_tensors(base: dict, adapted: dict, share: float, kept: float = 1.0) -> dict:
    """Each tensor of `adapted` moved `share` of the way from `base`; a tensor the base lacks or that
    training left equal (frozen blocks, tied copies) is kept as it is. `kept`: the share `adapted`
    already holds (a run's final model after keep_share.json), so that 1 is the model as trained."""
    share = _check_share(share) / (kept if kept > 0 else 1.0)
    out = {}
    for name, tensor in adapted.items():
        before = base.get(name)
        if before is None or before.shape != tensor.shape or before.dtype != tensor.dtype or before.equal(tensor):
            out[name] = tensor
        else:
            out[name] = (before.float() + share * (tensor.float() - before.float())).to(tensor.dtype)
    return out


def scaled_adapter(adapter: dict, share: float) -> dict:
    """A LoRA adapter whose update is `share` of the loaded one: each lora_B scaled."""
    share = float(share)
    if share < 0:
        raise BlendError(f"blend share: {share} is outside 0 (the base) to 1 (the trained model)")
    return {name: tensor * share if ".lora_B." in name or name.endswith("lora_B.weight") else tensor
            for name, tensor in adapter.items()}


def blend_folder(base_folder: str | Path, adapted_folder: str | Path, out_folder: str | Path, share: float,
                 kept: float = 1.0) -> Path:
    """Write to `out_folder` the adapted model (or adapter) with `share` of its training kept; the
    folder's other files (config, tokenizer, template) are copied as they are."""
    from safetensors.torch import load_file, save_file

    share = _check_share(share)
    adapted_folder, out_folder = Path(adapted_folder), Path(out_folder)
    out_folder.mkdir(parents=True, exist_ok=True)
    for item in adapted_folder.iterdir():
        if item.is_file() and item.name not in (MODEL_WEIGHTS, ADAPTER_WEIGHTS):
            shutil.copy2(item, out_folder / item.name)
    if (adapted_folder / ADAPTER_WEIGHTS).is_file():
        adapter = load_file(str(adapted_folder / ADAPTER_WEIGHTS))
        save_file(scaled_adapter(adapter, share / kept if kept > 0 else share), str(out_folder / ADAPTER_WEIGHTS))
        return out_folder
    if not (adapted_folder / MODEL_WEIGHTS).is_file():
        raise BlendError(f"{adapted_folder}: no {MODEL_WEIGHTS} or {ADAPTER_WEIGHTS} to blend (sharded or .bin "
                         "weights are not supported)")
    base_weights = Path(base_folder) / MODEL_WEIGHTS
    if not base_weights.is_file():
        raise BlendError(f"{base_folder}: the base model has no single {MODEL_WEIGHTS} to blend toward")
    adapted = load_file(str(adapted_folder / MODEL_WEIGHTS))
    save_file(blended_tensors(load_file(str(base_weights)), adapted, share, kept), str(out_folder / MODEL_WEIGHTS),
              metadata={"format": "pt"})
    return out_folder


class LiveBlend:
    """The same blend on a model in memory, moved live (the Arena's slider): each trained tensor is set
    to base + ratio * (as trained - base), a LoRA layer's scaling to ratio times its own. `ratio` is the
    wanted share over the share the loaded weights already hold (a run's final model may keep less
    than all of its training, keep_share.json): 1/kept gives back the model as trained."""

    def __init__(self, pairs: list, scalings: list, kept: float):
        # pairs: (tuned parameter, base tensor); scalings: (object, attribute or key, as trained)
        self._pairs = [(tuned, base, tuned.detach().clone()) for tuned, base in pairs]
        self._scalings = scalings
        self.kept = kept if kept > 0 else 1.0
        self.share = self.kept

    def set(self, share: float) -> None:
        import torch

        share = _check_share(share)
        ratio = share / self.kept
        with torch.no_grad():
            for tuned, base, loaded in self._pairs:
                tuned.copy_(base + ratio * (loaded - base))
            for owner, key, loaded in self._scalings:
                if isinstance(owner, dict):
                    owner[key] = loaded * ratio
                else:
                    setattr(owner, key, loaded * ratio)
        self.share = share
