"""Knowledge against forgetting as the trained weights are blended back toward the base (issue 30).

    python bench/blend_frontier.py RUN_DIR [--shares 0.4 0.6 0.8 1.0]

For each share, a copy of the finished run whose model keeps that share of its training (of the
model as trained, whatever share the run itself kept: keep_share.json)
(adapt.blend: base + share * (adapted - base)) is evaluated by the product's own `python -m adapt eval`:
the generator's three numbers, the user's own questions (eval.qa_file, split into close and other
wordings where the file says `kind`), general-text perplexity and the general questions check. One
table, one row per share; share 1.0 is the run as trained. The copies live in a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapt.blend import KEEP_RECORD, blend_folder  # noqa: E402
from adapt.data.questions import load_user_questions, question_kinds, share_with_range  # noqa: E402
from adapt.evaluate.qa import fact_match  # noqa: E402
from adapt.fileio import read_json, read_jsonl, write_json_atomic  # noqa: E402
from adapt.models import resolve_model  # noqa: E402
from adapt.rundir import RunDir  # noqa: E402
from adapt.views import Report  # noqa: E402

SPLITS = (("train", "trained questions"), ("reworded", "trained facts, new words"), ("heldout", "facts only read"))


def blended_copy(run: RunDir, share: float, where: Path) -> RunDir:
    copy = where / f"share-{share:.2f}"
    shutil.copytree(run.path, copy, ignore=shutil.ignore_patterns("checkpoints", "model*", "report*", "qa_answers*",
                                                                  "*.lock"))
    final = (run.status().get("outputs") or {}).get("final", "model")
    kept = (read_json(run.path / KEEP_RECORD, default=None) or {}).get("share", 1.0)  # 1.0: the model as trained
    blend_folder(resolve_model(run.load_config().model.base), run.path / final, copy / final, share, kept)
    write_json_atomic(copy / KEEP_RECORD, {"share": share, "chosen": False, "points": [], "applied": True})
    return RunDir(copy)


def row(run: RunDir, share: float, seconds: float, kinds: dict[str, str]) -> list[str]:
    report = Report.read(run.report_path)
    final = report.final_model if report else None
    cells = [f"{share:.2f}"]
    for split, _ in SPLITS:
        score = (report.qa.get(split) or {}).get(final) if report else None
        cells.append(share_with_range(score.fact_match, score.questions) if score and score.questions else "—")
    mine: dict[str, list[bool]] = {}
    for answer in read_jsonl(run.answers_path):
        if answer.get("origin") == "user":
            kind = kinds.get(answer["question"], "any")
            mine.setdefault(kind, []).append(fact_match(answer.get(f"answer_{final}", ""), answer["answer_key"]))
    cells.append("; ".join(f"{kind} {share_with_range(sum(v) / len(v), len(v))}" for kind, v in sorted(mine.items()))
                 or "—")
    general = report.general.get(final) if report else None
    cells.append(f"{general.change_pct:+.1f}%" if general and general.change_pct is not None else "—")
    check = report.general_questions if report else None
    cells.append(f"{check.by_model[final].kept} of {check.base_right}" if check and final in check.by_model else "—")
    cells.append(f"{seconds / 60:.1f}")
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir")
    parser.add_argument("--shares", type=float, nargs="+", default=[0.4, 0.6, 0.8, 1.0])
    args = parser.parse_args()
    run = RunDir(Path(args.run_dir))
    qa_file = run.load_config().eval.qa_file
    kinds = {}
    if qa_file:
        load_user_questions(qa_file)  # the same checks as the run's
        kinds = question_kinds(qa_file)
    header = ["share kept", *(name for _, name in SPLITS), "a person's questions", "general perplexity",
              "general questions kept", "eval min"]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    with tempfile.TemporaryDirectory(prefix="blend-frontier-") as scratch:
        for share in args.shares:
            copy = blended_copy(run, share, Path(scratch))
            started = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "adapt", "eval", str(copy.path)], cwd=ROOT,
                                  capture_output=True, text=True)
            if done.returncode != 0:
                print(f"share {share}: eval failed: {done.stderr[-1500:]}", file=sys.stderr)
                continue
            print("| " + " | ".join(row(copy, share, time.monotonic() - started, kinds)) + " |", flush=True)
            shutil.rmtree(copy.path, ignore_errors=True)


if __name__ == "__main__":
    main()
