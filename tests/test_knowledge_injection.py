"""The example knowledge-injection config, shortened to fit CI, on the bundled starter: the base must
know (almost) nothing of the fictional domain, and after adaptation it must answer more held-out
questions (worded differently from the corpus, never trained on) than the base did.

Measured on the shortened run (2026-11-23, 5.3 min on 2 cores): held-out fact match 0% -> 3.3% (2 of
60; only 24 of them are about the 12 documents trained on), train 0% -> 6.7%, MiniLM similarity
0.07 -> 0.16, held-out domain perplexity -51%. README's table has the full-length run; the issue's full bar (60% held-out) is not reached by the 7M-parameter
starter, README says why."""

import json

from adapt.rundir import RunDir
from conftest import run_cli

# Shortened by training on 14 of the 36 documents (12 with questions, 2 to hold out for perplexity)
# with the config's full recipe, rather than on all of them for fewer epochs: two CPT epochs over
# everything answered no held-out question at all (measured), and CI has about 4 minutes for this.
DOCS = ["brightcairn-observatory.md", "brineweavers-guild.pdf", "cassivar-dunlowe.md", "copperleaf-library.pdf",
        "dewloft.txt", "drosselby.txt", "dunlowe-lamp.md", "ember-statute.md", "erraquin.docx", "glasswing-pie.txt",
        "glimmertide.md", "guild-of-tidewrights.md", "ambercrust.md", "cindermoth.txt"]
SHORTER = ["--set", "data.paths=[" + ",".join(f"examples/domains/lumen-isles/docs/{d}" for d in DOCS) + "]",
           "--set", "eval.retrieval=off", "--set", "eval.max_general_docs=8", "--set", "eval.precheck=false",
           "--set", "eval.token_analysis=false"]


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
    assert train["sft"]["fact_match"] > train["base"]["fact_match"], train
    assert report["perplexity"]["heldout_domain"]["sft"]["perplexity"] < report["perplexity"]["heldout_domain"]["base"]["perplexity"]
