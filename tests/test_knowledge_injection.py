"""The example knowledge-injection config, shortened to fit CI, on the bundled starter: the base must
know (almost) nothing of the fictional domain, and after adaptation it must answer more held-out
questions (worded differently from the corpus, never trained on) than the base did.

Measured on the shortened run (2026-11-23, 3.4 min on 2 cores): held-out fact match 0% -> 11% (2 of the
18 held-out questions about the 9 documents trained on), train 0% -> 11%, held-out domain perplexity
-25%. README's table has the full-length run; the issue's full bar (60% held-out) is not reached by the
7M-parameter starter, README says why."""

import json

from adapt.fileio import read_jsonl, write_jsonl_atomic
from adapt.rundir import RunDir
from conftest import ROOT, run_cli

DOMAIN = ROOT / "examples" / "domains" / "lumen-isles"
# Shortened by training on 10 of the 36 documents (9 with questions, 1 held out for perplexity) with
# the config's full recipe, rather than on all of them for fewer epochs: two CPT epochs over everything,
# or four over 14 documents, answered no held-out question at all (measured); CI has ~3.5 min for this.
ASKED = ["brightcairn-observatory.md", "brineweavers-guild.pdf", "cassivar-dunlowe.md", "dewloft.txt",
         "drosselby.txt", "dunlowe-lamp.md", "erraquin.docx", "glimmertide.md", "guild-of-tidewrights.md"]
DOCS = ASKED + ["ambercrust.md"]


def test_shortened_knowledge_injection_answers_more_heldout_questions_than_the_base(tmp_path):
    # Only the questions about documents it reads: the others cost evaluation time and measure nothing.
    questions = [q for q in read_jsonl(DOMAIN / "qa.jsonl") if q["doc"] in ASKED]
    qa_file = tmp_path / "qa.jsonl"
    write_jsonl_atomic(qa_file, questions)
    shorter = ["--set", "data.paths=[" + ",".join(str(DOMAIN / "docs" / d) for d in DOCS) + "]",
               "--set", f"eval.qa_file={qa_file}", "--set", "eval.retrieval=off", "--set", "eval.max_general_docs=8",
               "--set", "eval.precheck=false", "--set", "eval.token_analysis=false"]
    runs = tmp_path / "runs"
    result = run_cli("run", "examples/configs/lumen-isles.yaml", "--runs-dir", str(runs), "--quiet", *shorter,
                     timeout=900, env={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = runs.iterdir()
    report = json.loads(RunDir(path).report_path.read_text())
    heldout = report["qa"]["heldout"]
    assert heldout["base"]["questions"] == sum(q["split"] == "heldout" for q in questions) == 18
    assert heldout["base"]["fact_match"] <= 0.10
    assert heldout["sft"]["fact_match"] > heldout["base"]["fact_match"], heldout
    assert heldout["sft"]["similarity"] > heldout["base"]["similarity"] + 0.05, heldout
    train = report["qa"]["train"]
    assert train["sft"]["fact_match"] > train["base"]["fact_match"], train
    assert report["perplexity"]["heldout_domain"]["sft"]["perplexity"] < report["perplexity"]["heldout_domain"]["base"]["perplexity"]
