"""The Knowledge injection recipe on the real offline model (SmolLM2-135M-Instruct), shortened to fit
CI: the example config itself (the app's preset for a ~135M model on a CPU) on 3 of lumen-isles' 30
asked-about documents plus 1 unasked one that the split holds out for perplexity. The base model knows
nothing of this fictional domain; after the run it must state facts of it, from memory, in English
sentences. README's table has the run on all 36 documents (held-out 0% -> 50%) and the quick demo.
"""

import json
import re

from adapt.fileio import read_jsonl, write_jsonl_atomic
from adapt.rundir import RunDir
from conftest import ROOT, run_cli

DOMAIN = ROOT / "examples" / "domains" / "lumen-isles"
ASKED = ["cassivar-dunlowe.md", "guild-of-tidewrights.md", "saffrandel.md"]
DOCS = ASKED + ["ambercrust.md"]


def reads_as_english(answer: str) -> bool:
    words = re.findall(r"[A-Za-z]+", answer)
    return len(words) >= 3 and sum(len(w) for w in words) >= 0.6 * len(answer.strip())


def test_knowledge_injection_teaches_the_real_model_facts_it_did_not_know(tmp_path):
    questions = [q for q in read_jsonl(DOMAIN / "qa.jsonl") if q["doc"] in ASKED]
    qa_file = tmp_path / "qa.jsonl"
    write_jsonl_atomic(qa_file, questions)
    runs = tmp_path / "runs"
    result = run_cli("run", "examples/configs/lumen-isles.yaml", "--runs-dir", str(runs), "--quiet",
                     "--set", "data.paths=[" + ",".join(str(DOMAIN / "docs" / d) for d in DOCS) + "]",
                     "--set", f"eval.qa_file={qa_file}", "--set", "eval.precheck=false",
                     env={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = runs.iterdir()
    run = RunDir(path)
    assert run.status()["state"] == "done"
    assert run.load_config().name == "lumen-isles" and run.load_config().model.base == "smollm2-135m"
    assert json.loads((run.data_dir / "split.json").read_text())["kept_for_questions"] == len(ASKED)

    report = json.loads(run.report_path.read_text())
    train, heldout = report["qa"]["train"], report["qa"]["heldout"]
    assert train["base"]["questions"] == heldout["base"]["questions"] == 2 * len(ASKED)
    # The base model has never read of these islands.
    assert train["base"]["fact_match"] <= 0.10 and heldout["base"]["fact_match"] <= 0.10, (train, heldout)
    # Measured 2026-12-04: train 0% -> 83% (5 of 6), held-out 0% -> 100% (6 of 6), 4.9 min on 2 cores.
    assert train["cpt"]["fact_match"] >= 0.5, train
    assert heldout["cpt"]["fact_match"] >= 0.5, heldout
    answers = list(read_jsonl(run.path / "qa_answers.jsonl"))
    right = [a for a in answers if a["answer_key"].lower() in a["answer_cpt"].lower()]
    assert right and all(reads_as_english(a["answer_cpt"]) for a in right), right[:3]
    assert sum(reads_as_english(a["answer_cpt"]) for a in answers) >= 0.9 * len(answers)
