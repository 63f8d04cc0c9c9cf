import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from adapt.rundir import RunDir
from conftest import ROOT, make_config, run_cli


def test_a_run_from_documents_alone_with_a_preset(tmp_path, tiny_model, corpus_dir):
    """No YAML: the app's preset for this machine and the base model's size, the documents, and --set."""
    result = run_cli("run", "--preset", "quick-demo", "--data", str(corpus_dir), "--base", str(tiny_model),
                     "--set", "eval.enabled=false", "--set", "cpt.max_steps=2", "--set", "sft.max_steps=1",
                     "--set", "mix.replay_paths=[]", "--set", "sft.general_data=[]",
                     "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    (run_path,) = (tmp_path / "runs").iterdir()
    run = RunDir(run_path)
    status = run.status()
    assert status["state"] == "done" and status["outputs"]["final"] == "adapter"
    assert f"final model: {run.path / 'adapter'}" in result.stderr
    config = run.load_config()
    assert config.name == "quick-demo" and config.model.base == str(tiny_model)
    assert config.cpt.max_steps == 2 and config.augment.categories["qa_easy"] > 0  # --set over the preset
    refused = run_cli("run", "--preset", "quickdemo", "--data", str(corpus_dir), "--runs-dir", str(tmp_path / "r2"))
    assert refused.returncode == 2 and "--preset: got 'quickdemo'; choose one of quick-demo" in refused.stderr
    assert not (tmp_path / "r2").exists()


def test_same_entry_point_under_accelerate_launch(tmp_path, tiny_model, corpus_dir, sft_file):
    accelerate = shutil.which("accelerate", path=str(Path(sys.executable).parent)) or shutil.which("accelerate")
    assert accelerate, "accelerate's launcher is installed with the requirements"
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, sft_file, eval={"enabled": False})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [accelerate, "launch", "--num_processes", "1", "--num_machines", "1", "--cpu", "--mixed_precision", "no",
         "--dynamo_backend", "no", "-m", "adapt", "run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (run_path,) = (tmp_path / "runs").iterdir()
    status = RunDir(run_path).status()
    assert status["state"] == "done" and status["outputs"]["final"] == "adapter"


def test_ingest_command_reports_each_file(tmp_path, corpus_dir):
    (tmp_path / "bad.docx").write_bytes(b"not a docx")
    result = run_cli("ingest", str(corpus_dir), str(tmp_path / "bad.docx"))
    assert result.returncode == 0
    assert "error  bad.docx: not a readable .docx" in result.stdout
    assert result.stdout.count("\nok ") + result.stdout.startswith("ok ") == 20
    totals = json.loads(result.stdout.strip().splitlines()[-1])
    assert totals["documents"] == 20 and totals["files_failed"] == 1


def test_validate_prints_defaults(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("cpt:\n  epochs: 2\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 0 and "epochs: 2.0" in result.stdout and "heldout_fraction: 0.1" in result.stdout


def test_resume_of_a_non_run_directory(tmp_path):
    result = run_cli("run", "--resume", str(tmp_path))
    assert result.returncode == 2 and "not a run directory" in result.stderr


def test_ingest_of_a_folder_without_documents_says_what_it_holds(tmp_path):
    empty, pictures = tmp_path / "empty", tmp_path / "pictures"
    empty.mkdir()
    pictures.mkdir()
    for name in ("a.png", "b.png", "sheet.xlsx"):
        (pictures / name).write_bytes(b"x")
    result = run_cli("ingest", str(empty))
    assert result.returncode == 2
    assert f"error: no documents: the folder {empty} holds no files (supported: .csv, .docx," in result.stderr
    result = run_cli("ingest", str(pictures))
    assert result.returncode == 2
    assert f"the folder {pictures} holds no supported files, only 2 .png, 1 .xlsx (supported: .csv," in result.stderr
