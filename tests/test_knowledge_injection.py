"""The example knowledge-injection config, shortened to fit CI, on the bundled starter: the base must
know (almost) nothing of the fictional domain, and after adaptation the held-out answers (questions
worded differently from the corpus, never trained on) must move towards the right ones.

Measured on the shortened run (2026-11-23): held-out fact match 0% -> 0%, MiniLM similarity of the
answers to the references 0.07 -> 0.16, held-out domain perplexity -81%. The issue's bar (fact match
above the base's on held-out questions) is not reached by the 7M-parameter starter, so it is not
asserted here; README's table has the full-length numbers and why."""

import json

from adapt.rundir import RunDir
from conftest import run_cli

SHORTER = ["--set", "cpt.epochs=4", "--set", "sft.epochs=2", "--set", "sft.max_general_examples=200",
           "--set", "eval.retrieval=off", "--set", "eval.max_general_docs=8", "--set", "eval.precheck=false"]


def test_shortened_knowledge_injection_moves_heldout_answers_towards_the_domain(tmp_path):
    result = run_cli("run", "examples/configs/lumen-isles.yaml", "--runs-dir", str(tmp_path), "--quiet", *SHORTER,
                     timeout=900, env={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = tmp_path.iterdir()
    run = RunDir(path)
    report = json.loads(run.report_path.read_text())
    heldout = report["qa"]["heldout"]
    assert heldout["base"]["questions"] == 60
    assert heldout["base"]["fact_match"] <= 0.10
    assert heldout["sft"]["fact_match"] >= heldout["base"]["fact_match"]
    assert heldout["sft"]["similarity"] > heldout["base"]["similarity"] + 0.05, heldout
    assert report["perplexity"]["heldout_domain"]["sft"]["perplexity"] < report["perplexity"]["heldout_domain"]["base"]["perplexity"]
