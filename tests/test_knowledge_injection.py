"""The example knowledge-injection config, shortened to fit CI, on the bundled starter: the base must
know (almost) nothing of the fictional domain, and after adaptation it must answer more held-out
questions (worded differently from the corpus, never trained on) than the base did.

Measured on the shortened run (2026-11-23): see the numbers in the assertion messages and README's
table for the full-length run; the issue's full bar (60% held-out) is not reached by the 7M-parameter
starter, README says why."""

import json

from adapt.rundir import RunDir
from conftest import run_cli

SHORTER = ["--set", "cpt.epochs=2", "--set", "sft.max_steps=8", "--set", "eval.retrieval=off",
           "--set", "eval.max_general_docs=8", "--set", "eval.precheck=false", "--set", "eval.token_analysis=false"]


def test_shortened_knowledge_injection_answers_more_heldout_questions_than_the_base(tmp_path):
    result = run_cli("run", "examples/configs/lumen-isles.yaml", "--runs-dir", str(tmp_path), "--quiet", *SHORTER,
                     timeout=900, env={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = tmp_path.iterdir()
    run = RunDir(path)
    report = json.loads(run.report_path.read_text())
    heldout = report["qa"]["heldout"]
    assert heldout["base"]["questions"] == 60
    assert heldout["base"]["fact_match"] <= 0.10
    assert heldout["sft"]["fact_match"] > heldout["base"]["fact_match"], heldout
    assert heldout["sft"]["similarity"] > heldout["base"]["similarity"] + 0.05, heldout
    train = report["qa"]["train"]
    assert train["sft"]["fact_match"] > train["base"]["fact_match"] + 0.1, train
    assert report["perplexity"]["heldout_domain"]["sft"]["perplexity"] < report["perplexity"]["heldout_domain"]["base"]["perplexity"]
