"""Everything a run writes is its owner's alone: no file or folder under a run directory may be read by
group or others (issue 15, item 9: data/augment/failures.jsonl was 0644 while other run files were
0600). A real run of the tiny model, killed in SFT so that Trainer checkpoints are on disk, then
resumed to the end, so that what transformers, torch, peft, matplotlib and logging write is there too."""

from __future__ import annotations

import stat
from pathlib import Path

from adapt.rundir import RunDir
from conftest import make_config, run_cli


def readable_by_others(root: Path) -> list[str]:
    found = []
    for path in [root, *root.rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        if mode & 0o077:
            found.append(f"{stat.filemode(mode)} {path.relative_to(root.parent)}")
    return found


def test_a_run_leaves_nothing_readable_by_group_or_others(tmp_path, tiny_model, corpus_dir, sft_file):
    runs = tmp_path / "runs"
    # endpoint.base_url on a closed port: every generation fails at once, lands in failures.jsonl and fails the run.
    config = make_config(
        tmp_path / "c.yaml", tiny_model, corpus_dir, sft_file,
        augment={"backend": "endpoint", "categories": {"summary": 1},
                 "endpoint": {"base_url": "http://127.0.0.1:9/v1", "max_retries": 0, "timeout_s": 10}},
        cpt={"max_steps": 3, "save_every_steps": 1}, sft={"max_steps": 4, "save_every_steps": 1, "variant": "general"},
        eval={"max_docs": 2, "max_questions": 2, "general_paths": [str(corpus_dir)], "max_general_docs": 2,
              "precheck": False})
    failed = run_cli("run", str(config), "--runs-dir", str(runs), "--quiet")
    assert failed.returncode == 2 and "all 16 generations failed" in failed.stderr, failed.stderr[-3000:]
    (run,) = runs.iterdir()
    assert readable_by_others(runs) == []
    # Go on without synthetic data (the failed stage is redone, now skipped), and die in SFT.
    stored = RunDir(run).load_config()
    stored.augment.enabled = False
    stored.save(RunDir(run).config_path)
    killed = run_cli("run", "--resume", str(run), "--quiet", env={"ADAPT_FAULT": "kill:sft.step:3"})
    assert killed.returncode == -9, killed.stderr[-3000:]
    checkpoints = list((run / "checkpoints" / "sft").glob("checkpoint-*/*"))
    written = {p.relative_to(run).as_posix() for p in run.rglob("*")}
    assert checkpoints and {"data/augment/failures.jsonl", "events.jsonl", "log.txt", ".status.lock",
                            "cpt/adapter_model.safetensors"} <= written, sorted(written)
    assert readable_by_others(runs) == []

    resumed = run_cli("run", "--resume", str(run), "--quiet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    written = {p.relative_to(run).as_posix() for p in run.rglob("*")}
    assert {"adapter/adapter_model.safetensors", "report.json", "report_perplexity.png"} <= written, sorted(written)
    assert readable_by_others(runs) == []
