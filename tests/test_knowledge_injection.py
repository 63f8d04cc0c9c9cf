"""The Quick demo recipe on the real offline model (SmolLM2-135M-Instruct), shortened to fit CI: the
example config itself (the app's preset for a ~135M model on a CPU), on 10 of lumen-isles' 30 asked-about
documents plus 2 unasked ones that the split holds out for perplexity. The base model knows nothing of
this fictional domain; after the run it must state facts of it, from memory, in English sentences.

README's table has the whole quick demo and the knowledge-injection run on all 36 documents."""

import json
import re

from adapt.fileio import read_jsonl, write_jsonl_atomic
from adapt.rundir import RunDir
from conftest import ROOT, run_cli

DOMAIN = ROOT / "examples" / "domains" / "lumen-isles"
ASKED = ["brightcairn-observatory.md", "brineweavers-guild.pdf", "cassivar-dunlowe.md", "dewloft.txt",
         "drosselby.txt", "dunlowe-lamp.md", "erraquin.docx", "glimmertide.md", "guild-of-tidewrights.md",
         "saffrandel.md"]
DOCS = ASKED + ["ambercrust.md", "cindermoth.txt"]


def reads_as_english(answer: str) -> bool:
    words = re.findall(r"[A-Za-z]+", answer)
    return len(words) >= 3 and sum(len(w) for w in words) >= 0.6 * len(answer.strip())


def test_quick_demo_recipe_teaches_the_real_model_facts_it_did_not_know(tmp_path):
    questions = [q for q in read_jsonl(DOMAIN / "qa.jsonl") if q["doc"] in ASKED]
    qa_file = tmp_path / "qa.jsonl"
    write_jsonl_atomic(qa_file, questions)
    runs = tmp_path / "runs"
    result = run_cli("run", "examples/configs/quick-demo.yaml", "--runs-dir", str(runs), "--quiet",
                     "--set", "data.paths=[" + ",".join(str(DOMAIN / "docs" / d) for d in DOCS) + "]",
                     "--set", f"eval.qa_file={qa_file}", env={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = runs.iterdir()
    run = RunDir(path)
    assert run.status()["state"] == "done"
    assert run.load_config().name == "quick-demo" and run.load_config().model.base == "smollm2-135m"
    assert json.loads((run.data_dir / "split.json").read_text())["kept_for_questions"] == len(ASKED)

    report = json.loads(run.report_path.read_text())
    train, heldout = report["qa"]["train"], report["qa"]["heldout"]
    assert train["base"]["questions"] == heldout["base"]["questions"] == 20
    # The base model has never read of these islands.
    assert train["base"]["fact_match"] <= 0.10 and heldout["base"]["fact_match"] <= 0.10, (train, heldout)
    # Asked as in training: most answered. Asked in other words about other facts of the same documents: some.
    assert train["cpt"]["fact_match"] >= 0.5, train
    assert heldout["cpt"]["fact_match"] >= heldout["base"]["fact_match"] + 0.10, heldout
    answers = list(read_jsonl(run.path / "qa_answers.jsonl"))
    right = [a for a in answers if a["answer_key"].lower() in a["answer_cpt"].lower()]
    assert right and all(reads_as_english(a["answer_cpt"]) for a in right), right[:3]
    assert sum(reads_as_english(a["answer_cpt"]) for a in answers) >= 0.9 * len(answers)
