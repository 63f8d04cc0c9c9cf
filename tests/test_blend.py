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


# What these tests need of an evaluation, and no more: two CPU cores run the whole suite.
QUICK_EVAL = {"max_general_docs": 4, "max_questions": 4, "max_answer_tokens": 4, "general_questions": 0,
              "precheck": False, "retrieval": "off", "token_analysis": False, "compare_cpt": False, "max_docs": 2}

GENERAL = ["The river runs past the old mill and into the sea, where boats wait for the tide to turn.",
           "Bread is baked early in the morning so that it is ready when the market opens at seven."]


def _general_dir(tmp_path):
    folder = tmp_path / "general"
    folder.mkdir()
    for i in range(12):
        (folder / f"g{i}.txt").write_text(f"{GENERAL[i % 2]} Note {i}.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("method", ["lora"])  # a full model's blend is applied by the test below
def test_a_run_keeps_the_share_it_is_told_once_and_the_report_says_so(tmp_path, tiny_model, corpus_dir, method):
    import json

    import jsonschema

    from adapt.evaluate.report import SCHEMA_PATH
    from adapt.rundir import RunDir
    from conftest import make_config, run_cli

    general = _general_dir(tmp_path)
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None,
                         model={"method": method, "keep_share": 0.5}, sft={"enabled": False},
                         cpt={"epochs": 1}, eval=QUICK_EVAL | {"general_paths": [str(general)]})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (tmp_path / "runs").iterdir()
    run = RunDir(path)
    record = json.loads((run.path / "keep_share.json").read_text())
    assert record["share"] == 0.5 and record["applied"] and not record["chosen"]
    report = json.loads(run.report_path.read_text())
    jsonschema.validate(report, json.loads(SCHEMA_PATH.read_text()))
    assert report["keep_share"]["share"] == 0.5
    weights = run.output_path("final") / ("adapter_model.safetensors" if method == "lora" else "model.safetensors")
    before = weights.read_bytes()
    assert run_cli("eval", str(run.path)).returncode == 0
    assert weights.read_bytes() == before, "a re-evaluation blended the model a second time"
    assert "keeps 50% of its training" in (run.path / "log.txt").read_text()


@pytest.mark.parametrize("method", ["full"])  # a LoRA run's scaling: tests/test_chat.py's slider
def test_a_share_left_empty_is_chosen_on_validation_text_within_the_forgetting_budget(tmp_path, tiny_model, corpus_dir,
                                                                                     method):
    import json

    from adapt.evaluate.keep import CANDIDATES
    from adapt.rundir import RunDir
    from conftest import make_config, run_cli

    general = _general_dir(tmp_path)
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None,
                         model={"method": method, "keep_share": None}, sft={"enabled": False},
                         cpt={"epochs": 2, "learning_rate": 1e-2},
                         eval=QUICK_EVAL | {"general_paths": [str(general)], "max_forgetting_pct": 0.0})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (tmp_path / "runs").iterdir()
    record = json.loads((RunDir(path).path / "keep_share.json").read_text())
    assert record["chosen"] and record["points"] and record["points"][0]["share"] == 1.0
    changes = [p["general_perplexity_change_pct"] for p in record["points"]]
    assert all(c is not None for c in changes)
    within = [p["share"] for p in record["points"] if p["general_perplexity_change_pct"] <= 0.0]
    # The largest share within the budget, or the smallest candidate when none is.
    assert record["share"] == (within[0] if within else min(CANDIDATES))


def test_evaluate_says_how_much_training_was_kept_and_on_what_it_was_chosen():
    from adapt.views import Report
    from ui.evaluate_tab import general_questions_text

    report = Report.from_dict({"models": ["base", "cpt"], "keep_share": {
        "share": 0.6, "chosen": True, "max_forgetting_pct": 10,
        "points": [{"share": 1.0, "general_perplexity_change_pct": 45.2}, {"share": 0.6, "general_perplexity_change_pct": 7.9}]}})
    english = general_questions_text(report, "en")
    assert "keeps 60% of its training" in english and "100%: +45.2%" in english and "+10%" in english
    assert "学習の 60% を残して" in general_questions_text(report, "ja")
    assert general_questions_text(Report.from_dict({"models": ["base", "cpt"], "keep_share": None}), "en") == ""


def test_a_model_that_already_keeps_part_of_its_training_blends_from_the_model_as_trained():
    base, trained = {"w": torch.zeros(3)}, {"w": torch.full((3,), 2.0)}
    kept_half = blended_tensors(base, trained, 0.5)
    assert torch.allclose(kept_half["w"], torch.ones(3))
    assert torch.allclose(blended_tensors(base, kept_half, 1.0, kept=0.5)["w"], trained["w"])
    assert torch.allclose(blended_tensors(base, kept_half, 0.25, kept=0.5)["w"], torch.full((3,), 0.5))


def test_the_text_that_chooses_the_share_is_never_the_text_forgetting_is_reported_on(tmp_path, corpus_dir):
    from adapt.config import RunConfig
    from adapt.evaluate.keep import general_split
    from adapt.rundir import RunDir

    general = _general_dir(tmp_path)
    run = RunDir.create(tmp_path / "runs", RunConfig.from_dict({"name": "split"}))
    for share, held in ((None, 4), (1.0, 0)):
        config = RunConfig.from_dict({"model": {"keep_share": share}, "eval": {"general_paths": [str(general)]}})
        evaluation, validation = general_split(run, config)
        assert len(validation) == held and len(evaluation) == 12 - held
        assert not set(evaluation) & set(validation)
