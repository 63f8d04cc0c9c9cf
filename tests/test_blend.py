"""How much of the training to keep (issue 30): weights blended from the base toward the adapted model,
a LoRA adapter's update scaled; what a model loaded from the blended folder computes."""

from __future__ import annotations

import pytest
import torch
from safetensors.torch import load_file, save_file

from adapt.blend import BlendError, blend_folder, blended_tensors, scaled_adapter


def test_a_blend_moves_each_trained_tensor_share_of_the_way_and_leaves_frozen_ones(tiny_model, tmp_path):
    from transformers import AutoModelForCausalLM

    base = load_file(str(tiny_model / "model.safetensors"))
    trained_name = next(name for name in base if name.endswith("mlp.down_proj.weight"))
    adapted = dict(base)
    adapted[trained_name] = base[trained_name] + 1.0
    folder = tmp_path / "adapted"
    folder.mkdir()
    for item in tiny_model.iterdir():
        if item.is_file() and item.name != "model.safetensors":
            (folder / item.name).write_bytes(item.read_bytes())
    save_file(adapted, str(folder / "model.safetensors"), metadata={"format": "pt"})

    out = blend_folder(tiny_model, folder, tmp_path / "blended", 0.25)
    blended = load_file(str(out / "model.safetensors"))
    assert torch.allclose(blended[trained_name], base[trained_name] + 0.25)
    assert all(torch.equal(blended[n], base[n]) for n in base if n != trained_name), "a frozen tensor moved"
    model = AutoModelForCausalLM.from_pretrained(str(out))  # a folder transformers loads as it is
    weight = model.get_parameter(trained_name).detach()
    assert torch.allclose(weight, base[trained_name] + 0.25)
    assert torch.equal(load_file(str(blend_folder(tiny_model, folder, tmp_path / "none", 0.0) / "model.safetensors"))[
        trained_name], base[trained_name])


def test_an_adapter_keeps_share_of_its_update():
    a, b = torch.randn(4, 8), torch.randn(8, 4)
    adapter = {"base_model.model.layers.0.q_proj.lora_A.weight": a, "base_model.model.layers.0.q_proj.lora_B.weight": b}
    half = scaled_adapter(adapter, 0.5)
    assert torch.equal(half["base_model.model.layers.0.q_proj.lora_A.weight"], a)
    assert torch.allclose(half["base_model.model.layers.0.q_proj.lora_B.weight"] @ a, 0.5 * (b @ a))


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_a_share_outside_the_range_says_what_is_allowed(share):
    with pytest.raises(BlendError, match=r"outside 0 \(the base\) to 1 \(the trained model\)"):
        blended_tensors({}, {}, share)
