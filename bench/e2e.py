"""Wall time of the example configs on this machine, stage by stage.

    python bench/e2e.py [--keep RUNS_DIR] [examples/configs/quick-demo.yaml examples/configs/lumen-isles.yaml ...]

Each config runs as `python -m adapt run` in a fresh runs folder; the per-stage times come from the
run's own status.json (started_at/ended_at of ingest, precheck, augment, cpt, sft, eval), so they
are what a user of that run would see, start-up of the process included in the total.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapt.rundir import stage_seconds  # noqa: E402
DEFAULT = ["examples/configs/quick-demo.yaml", "examples/configs/lumen-isles.yaml", "examples/configs/kiriyama.yaml"]
STAGES = ("ingest", "precheck", "augment", "cpt", "sft", "eval")


def final_label(scores: dict) -> str | None:
    """The last trained model the report scored: after SFT, else after CPT."""
    return next((label for label in ("sft", "cpt") if label in scores), None)


def main() -> None:
    args = sys.argv[1:]
    keep = None
    if "--keep" in args:  # keep the run folders (answers, report) under this folder
        at = args.index("--keep")
        keep, args = Path(args[at + 1]), args[:at] + args[at + 2:]
    configs = args or DEFAULT
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    rows = []
    for config in configs:
        with tempfile.TemporaryDirectory() as scratch:
            runs = keep or Path(scratch)
            before = set(runs.iterdir()) if runs.exists() else set()
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "adapt", "run", config, "--runs-dir", str(runs), "--quiet"],
                           cwd=ROOT, env=env, check=True)
            total = time.perf_counter() - start
            (run,) = set(runs.iterdir()) - before
            stages = json.loads((run / "status.json").read_text())["stages"]
            report = json.loads((run / "report.json").read_text()) if (run / "report.json").exists() else {}
        qa = report.get("qa") or {}
        general = (report.get("perplexity") or {}).get("general") or {}
        scores = {}
        for split in ("train", "heldout"):
            by_model = qa.get(split) or {}
            final = final_label(by_model)
            if final and "base" in by_model:
                scores[split] = (f"{by_model['base']['fact_match']:.0%} -> {by_model[final]['fact_match']:.0%}"
                                 f" ({by_model['base']['questions']})")
        final = final_label(general)
        ppl = f"{general[final]['change_pct']:+.1f}%" if final else "-"
        rows.append((Path(config).stem, total, {s: stage_seconds(stages.get(s) or {}) for s in STAGES},
                     scores.get("train", "-"), scores.get("heldout", "-"), ppl))
    print(f"\nEnd to end on {os.cpu_count()} CPUs (seconds); QA fact match base -> adapted (questions)\n")
    print(f"{'config':14}" + "".join(f"{s:>9}" for s in STAGES) + f"{'total':>9}  {'train QA':>18}  {'held-out QA':>18}"
          f"  general ppl")
    for name, total, stage_times, train, heldout, ppl in rows:
        cells = "".join(f"{t:>9.0f}" if t is not None else f"{'-':>9}" for t in stage_times.values())
        print(f"{name:14}{cells}{total:>9.0f}  {train:>18}  {heldout:>18}  {ppl:>11}")


if __name__ == "__main__":
    main()
