"""Wall time of the example configs on this machine, stage by stage.

    python bench/e2e.py [examples/configs/quick-demo.yaml examples/configs/lumen-isles.yaml ...]

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
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ["examples/configs/quick-demo.yaml", "examples/configs/lumen-isles.yaml", "examples/configs/kiriyama.yaml"]
STAGES = ("ingest", "precheck", "augment", "cpt", "sft", "eval")


def seconds(entry: dict) -> float | None:
    if not entry.get("started_at") or not entry.get("ended_at"):
        return None
    start, end = (datetime.fromisoformat(entry[k]) for k in ("started_at", "ended_at"))
    return (end - start).total_seconds()


def main() -> None:
    configs = sys.argv[1:] or DEFAULT
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    rows = []
    for config in configs:
        with tempfile.TemporaryDirectory() as runs:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "adapt", "run", config, "--runs-dir", runs, "--quiet"],
                           cwd=ROOT, env=env, check=True)
            total = time.perf_counter() - start
            (run,) = Path(runs).iterdir()
            stages = json.loads((run / "status.json").read_text())["stages"]
            report = json.loads((run / "report.json").read_text()) if (run / "report.json").exists() else {}
        heldout = ((report.get("qa") or {}).get("heldout") or {})
        general = ((report.get("perplexity") or {}).get("general") or {}).get("sft", {}).get("change_pct")
        rows.append((Path(config).stem, total, {s: seconds(stages.get(s) or {}) for s in STAGES},
                     heldout.get("base", {}).get("fact_match"), heldout.get("sft", {}).get("fact_match"), general))
    print(f"\nEnd to end on {os.cpu_count()} CPUs (seconds)\n")
    print(f"{'config':14}" + "".join(f"{s:>9}" for s in STAGES) + f"{'total':>9}   held-out QA base -> sft   general ppl")
    for name, total, stage_times, base, final, general in rows:
        cells = "".join(f"{t:>9.0f}" if t is not None else f"{'-':>9}" for t in stage_times.values())
        qa = f"{base:.0%} -> {final:.0%}" if base is not None and final is not None else "-"
        ppl = f"{general:+.1f}%" if general is not None else "-"
        print(f"{name:14}{cells}{total:>9.0f}   {qa:>22}   {ppl:>11}")


if __name__ == "__main__":
    main()
