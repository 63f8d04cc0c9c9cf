"""Whole runs on CPU: a tiny model built in the test, the fictional EN+JA corpus, CPT then SFT."""

import json

import torch

from adapt.fileio import read_jsonl
from adapt.rundir import RunDir
from conftest import make_config, run_cli


def _run_dir(runs_root):
    (path,) = [p for p in runs_root.iterdir() if p.is_dir()]
    return RunDir(path)


def test_cpt_then_sft_lowers_heldout_perplexity_and_adapter_loads(tmp_path, tiny_model, corpus_dir, sft_file):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, sft_file)
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    run = _run_dir(tmp_path / "runs")

    status = run.status()
    assert status["state"] == "done"
    assert [status["stages"][s]["state"] for s in ("ingest", "cpt", "sft", "eval")] == ["done"] * 4
    assert status["outputs"] == {"cpt": "cpt", "sft": "adapter", "final": "adapter"}

    # the run directory holds what the architecture promises
    for name in ("config.yaml", "status.json", "events.jsonl", "log.txt", "report.json",
                 "data/documents.jsonl", "data/split.json", "data/files.json", "data/stats.json",
                 "adapter/adapter_config.json", "adapter/adapter_model.safetensors", "cpt/adapter_model.safetensors"):
        assert (run.path / name).is_file(), name
    stats = json.loads((run.path / "data/stats.json").read_text())
    assert stats["languages"] == {"en": 12, "ja": 8} and stats["heldout_documents"] == 4

    # held-out documents were really kept out of training
    split = json.loads((run.path / "data/split.json").read_text())
    heldout_texts = {d["text"] for d in read_jsonl(run.data_dir / "documents.jsonl") if d["id"] in split["heldout"]}
    from adapt.augment.runner import training_documents

    assert not heldout_texts & {d["text"] for d in training_documents(run.data_dir)}

    # progress events carry the promised fields and steps rise to the total
    cpt_events = [e for e in run.events() if e.get("stage") == "cpt" and "step" in e]
    assert cpt_events and cpt_events[-1]["step"] == cpt_events[-1]["total_steps"]
    for key in ("loss", "lr", "tokens_per_s", "eta_s", "total_steps"):
        assert key in cpt_events[-1]
    assert cpt_events[-1]["loss"] < cpt_events[0]["loss"]

    # learning: held-out domain perplexity fell after CPT, and stays below base after SFT
    ppl = json.loads(run.report_path.read_text())["perplexity"]["heldout_domain"]
    assert ppl["cpt"]["perplexity"] < ppl["base"]["perplexity"] * 0.9
    assert ppl["sft"]["perplexity"] < ppl["base"]["perplexity"]
    assert ppl["base"]["documents"] == 4 and ppl["base"]["tokens"] > 100

    # the adapter loads back with peft onto the base and changes its outputs
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(str(tiny_model))
    ids = torch.tensor([[5, 6, 7, 8]])
    with torch.no_grad():
        before = base(ids).logits
        adapted = PeftModel.from_pretrained(base, str(run.path / "adapter"))
        after = adapted(ids).logits
    assert not torch.allclose(before, after)

    # the terminal showed a progress bar with the figures
    assert "CPT" in result.stderr and "tok/s" in result.stderr


def test_full_finetuning_without_sft_writes_a_model(tmp_path, tiny_model, corpus_dir):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None,
                         model={"method": "full"}, cpt={"learning_rate": 1e-3, "epochs": 2},
                         sft={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    run = _run_dir(tmp_path / "runs")
    status = run.status()
    assert status["stages"]["sft"]["state"] == "skipped"
    assert status["outputs"]["final"] == "model"
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(str(run.path / "model"))
    assert model.config.vocab_size > 0
    ppl = json.loads(run.report_path.read_text())["perplexity"]["heldout_domain"]
    assert ppl["cpt"]["perplexity"] < ppl["base"]["perplexity"]


def test_no_usable_files_fails_clearly_and_keeps_the_reasons(tmp_path, tiny_model):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.png").write_bytes(b"\x89PNG....")
    (docs / "b.txt").write_bytes(b"")
    config = make_config(tmp_path / "c.yaml", tiny_model, docs, None)
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "a.png" in result.stderr and "unsupported file type" in result.stderr
    run = _run_dir(tmp_path / "runs")
    assert run.status()["state"] == "failed" and "usable text" in run.status()["error"]
    ingest_state = run.status()["stages"]["ingest"]
    assert ingest_state["state"] == "failed" and "usable text" in ingest_state["error"], "never left running"


def test_an_empty_folder_is_named_with_what_it_should_hold(tmp_path, tiny_model):
    (tmp_path / "docs").mkdir()
    config = make_config(tmp_path / "c.yaml", tiny_model, tmp_path / "docs", None)
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"no documents in data.paths: the folder {tmp_path / 'docs'} holds no files (supported: .csv, " \
        in result.stderr
    status = _run_dir(tmp_path / "runs").status()
    assert status["state"] == "failed" and status["stages"]["ingest"]["state"] == "failed"


def test_a_csv_given_as_sft_data_is_refused_with_file_and_format(tmp_path, tiny_model, corpus_dir):
    csv = tmp_path / "qa.csv"
    csv.write_text("question,answer\nWhere is Velmor?,By the Ashen river\n", encoding="utf-8")
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, csv, augment={"enabled": False},
                         cpt={"max_steps": 1}, eval={"enabled": False, "precheck": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    # Refused before a run exists (issue 28: a .txt eval.qa_file passed validate), not when SFT starts.
    assert f"sft.data[0]: {csv} is not JSONL (its first line is no JSON object); expected one object per line" \
        in result.stderr
    assert not (tmp_path / "runs").exists()


def test_missing_model_is_a_clear_error(tmp_path, corpus_dir):
    config = make_config(tmp_path / "c.yaml", tmp_path / "no-such-model", corpus_dir, None)
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no-such-model" in result.stderr and "not found" in result.stderr
