"""The Knowledge injection recipe on the real offline model (SmolLM2-135M-Instruct), shortened to fit
CI: the example config itself (the app's preset for a ~135M model on a CPU) on 3 of lumen-isles' 30
asked-about documents plus 1 unasked one that the split holds out for perplexity. The base model knows
nothing of this fictional domain. After the run: no fact of a held-out question was asked in
training, the report says the three numbers, and the model still answers in English sentences.
"""

import json
import re
from pathlib import Path

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
                     # All of the training kept: what it stored is the question here; choosing a share has
                     # its own tests (tests/test_blend.py), and two CPU cores run the whole suite.
                     "--set", "model.keep_share=1",
                     env={"HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = runs.iterdir()
    run = RunDir(path)
    assert run.status()["state"] == "done"
    assert run.load_config().name == "lumen-isles" and run.load_config().model.base == "smollm2-135m"
    assert json.loads((run.data_dir / "split.json").read_text())["kept_for_questions"] == len(ASKED)

    report = json.loads(run.report_path.read_text())
    # The example's questions are the user's own (eval.qa_file): scored apart from the generator's.
    train, heldout = report["user_questions"]["train"], report["user_questions"]["heldout"]
    assert train["base"]["questions"] == heldout["base"]["questions"] == 2 * len(ASKED)
    # The base model has never read of these islands.
    assert train["base"]["fact_match"] <= 0.10 and heldout["base"]["fact_match"] <= 0.10, (train, heldout)
    # Measured 2026-12-04 with the per-question split: train 0% -> 83% (5 of 6), "held-out" 0% -> 100%
    # (6 of 6) — but the held-out questions' facts were trained through synthetic pairs that asked
    # them in other words. With the split by fact (issue 29) those facts are only read, and the same
    # run measured 2026-12-07: train 0% -> 0-17%, held-out facts 0% -> 0%, on 6 questions each. What
    # the run must show now is what is true of it: no held-out fact is asked in its training text,
    # the report gives the three numbers, and the model still answers in English. Raising the
    # numbers is the recipe's work (issue 30), measured on a domain it was not tuned on.
    # The example's own questions replace the generator's (eval.qa_file_mode: replace): its train and
    # held-out questions are the two numbers; "reworded" needs the generator's questions.
    assert set(report["user_questions"]) >= {"train", "heldout"}
    answers = list(read_jsonl(run.path / "qa_answers.jsonl"))
    trained = read_jsonl(run.data_dir / "augment" / "qa_train.jsonl")
    source = {d["id"]: Path(d["source"]).name for d in read_jsonl(run.data_dir / "documents.jsonl")}
    for question in [q for q in questions if q["split"] == "heldout"]:
        key = question["answer_key"].lower()
        assert not [p for p in trained if source[p["doc_id"]] == question["doc"] and key in p["answer"].lower()], \
            f"a held-out fact was trained: {key}"
    assert sum(reads_as_english(a["answer_cpt"]) for a in answers) >= 0.9 * len(answers)
