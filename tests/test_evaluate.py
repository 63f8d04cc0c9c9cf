"""Evaluation: perplexity and forgetting, token analysis, closed-book QA, retrieval, the report."""

import json

import jsonschema
import numpy as np
import pytest
import torch

from adapt.data import questions
from adapt.evaluate import qa
from adapt.evaluate.perplexity import text_windows, token_losses
from adapt.evaluate.precheck import corpus_similarity, verdict
from adapt.evaluate.report import schema
from adapt.evaluate.tokens import analyze, token_kind
from adapt.fileio import read_jsonl
from adapt.models import load_model, load_tokenizer
from adapt.retrieval import Retriever
from adapt.rundir import RunDir
from conftest import make_config, run_cli
from corpus import english_documents, japanese_documents

GENERAL = [
    "The sun is a star at the centre of the solar system. It gives light and heat to the planets that orbit it.",
    "Water boils at one hundred degrees Celsius at sea level. At higher altitude it boils at a lower temperature.",
    "A library lends books to its members. Many libraries also offer newspapers, music and quiet study rooms.",
    "Bread is made from flour, water, salt and yeast. The dough rises before it is baked in a hot oven.",
    "Trains carry passengers between cities. Fast trains can travel at more than three hundred kilometres an hour.",
    "水は百度で沸騰します。山の上では気圧が低いので、もっと低い温度で沸騰します。",
]


# ---- scoring ---------------------------------------------------------------------------------

@pytest.mark.parametrize("prediction, key, expected", [
    ("It was founded in 1402.", "1402", True),
    ("The answer is THE Ashen River!", "ashen river", True),
    ("Founded in １４０２年です。", "1402年", True),
    ("ソラリ村の名物は 青い 茶 です", "青い茶", True),
    ("It was founded in 1403.", "1402", False),
    ("No idea.", "Ashen", False),
    ("anything", "", False),
])
def test_fact_match(prediction, key, expected):
    assert qa.fact_match(prediction, key) is expected


def test_similarity_separates_paraphrase_from_wrong_answer():
    reference = "The lighthouse of Velmor was built of red cedar in 1344."
    paraphrase = "In 1344 they built Velmor's lighthouse out of red cedar wood."
    wrong = "Bananas are rich in potassium and grow in tropical climates."
    items = [{"question": "?", "answer": reference, "answer_key": "red cedar"}] * 2
    scores = qa.score(items[:1], [paraphrase])
    assert scores["similarity"] > 0.75 and scores["fact_match"] == 1.0
    low = qa.score(items[:1], [wrong])
    assert low["similarity"] < 0.3 and low["fact_match"] == 0.0


def test_retrieval_finds_the_chunk_that_holds_the_answer():
    chunks = [{"doc_id": f"d{i}", "text": t} for i, t in enumerate(GENERAL + [
        "The harbour master of Quastra, Elna Brisk, rings the copper bell at dawn.",
        "Zerqua's bakers add violet dye to festival bread.",
        "The Tessel ferry carries forty passengers across the river.",
    ])]
    retriever = Retriever(chunks)
    questions = [{"question": "Who rings the bell in the port of Quastra every morning?"},
                 {"question": "What colouring goes into the holiday loaves in Zerqua?"},
                 {"question": "How many people fit on the boat over the Tessel?"}]
    top = retriever.top([q["question"] for q in questions], 1)
    assert [chunks[i[0]]["text"][:10] for i in top] == ["The harbou", "Zerqua's b", "The Tessel"]


def test_user_qa_file(tmp_path):
    path = tmp_path / "qa.jsonl"
    path.write_text('{"question": "Q?", "answer": "A", "split": "train"}\n{"question": "R?", "answer": 5}\n',
                    encoding="utf-8")
    loaded = questions.load_user_questions(path)
    assert [q["split"] for q in loaded] == ["train", "heldout"] and loaded[1]["answer_key"] == "5"
    path.write_text('{"question": "Q?"}\n', encoding="utf-8")
    with pytest.raises(questions.QAFileError, match="line 1"):
        questions.load_user_questions(path)


# ---- token analysis --------------------------------------------------------------------------

def test_token_kinds():
    assert [token_kind(p) for p in (" ", "\n", ".", "、", "1402", " the", "村", "\ufffd", "+")] == [
        "whitespace", "whitespace", "punctuation", "japanese", "number", "word", "japanese", "byte_piece",
        "punctuation"]


def test_token_table_sums_to_the_average_change(tiny_model):
    tokenizer = load_tokenizer(str(tiny_model))
    base = load_model(str(tiny_model)).eval()
    changed = load_model(str(tiny_model)).eval()
    with torch.no_grad():  # a genuinely different model: perturbed weights
        generator = torch.Generator().manual_seed(0)
        for parameter in changed.parameters():
            parameter.add_(torch.randn(parameter.shape, generator=generator) * 0.05)
    texts = list(english_documents().values())[:3] + list(japanese_documents().values())[:2]
    sequences = text_windows(tokenizer, texts, 64)
    result = analyze(tokenizer, sequences, token_losses(base, sequences), token_losses(changed, sequences))
    assert result["tokens"] == sum(len(s) - 1 for s in sequences)
    contributions = sum(k["contribution"] for k in result["by_kind"].values())
    assert abs(contributions - result["mean_change"]) < 1e-9
    assert abs(result["mean_loss_after"] - result["mean_loss_before"] - result["mean_change"]) < 1e-3
    assert sum(k["tokens"] for k in result["by_kind"].values()) == result["tokens"]
    assert {"word", "whitespace", "punctuation"} <= set(result["by_kind"])
    assert result["finding"]


def test_finding_blames_uninformative_tokens_when_they_cause_the_increase():
    class Tok:
        def decode(self, ids):
            return {1: " ", 2: ".", 3: " harbour", 4: " Velmor"}[ids[0]]

    sequences = [[0, 1, 2, 3, 4, 1, 2, 3, 4]]
    before = [np.array([1.0, 1.0, 3.0, 3.0, 1.0, 1.0, 3.0, 3.0])]
    after = [np.array([2.5, 2.5, 2.8, 2.8, 2.5, 2.5, 2.8, 2.8])]
    result = analyze(Tok(), sequences, before, after)
    assert result["mean_change"] > 0
    assert "only because of uninformative tokens" in result["finding"]


# ---- pre-check -------------------------------------------------------------------------------

def test_precheck_warns_when_the_domain_looks_like_general_text():
    domain = [t for doc in english_documents().values() for t in doc.split("\n\n")[1:]]
    far = corpus_similarity(domain, GENERAL)
    near = corpus_similarity(GENERAL[:3], GENERAL[3:] + GENERAL[:2])
    assert near["centroid_cosine"] > far["centroid_cosine"]
    assert verdict(near, 30.0, 28.0)["warning"] is True
    assert "may add little or even make the model worse" in verdict(near, 30.0, 28.0)["message"]
    assert verdict({"centroid_cosine": 0.2}, 900.0, 40.0)["warning"] is False
    assert verdict(None, None, None)["message"].startswith("Not enough to compare")


# ---- a whole run ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def evaluated_run(tmp_path_factory, tiny_model, corpus_dir, sft_file):
    tmp = tmp_path_factory.mktemp("evalrun")
    general = tmp / "general"
    general.mkdir()
    for i, text in enumerate(GENERAL * 3):
        (general / f"g{i}.txt").write_text(f"{text} Note {i}.", encoding="utf-8")
    user_qa = tmp / "qa.jsonl"
    user_qa.write_text(json.dumps({"question": "Who founded the harbour of Velmor?", "answer": "glassmakers"}) + "\n",
                       encoding="utf-8")
    config = make_config(tmp / "c.yaml", tiny_model, corpus_dir, sft_file,
                         eval={"general_paths": [str(general)], "max_questions": 12, "max_answer_tokens": 8,
                               "qa_file": str(user_qa), "retrieval": "on"})
    result = run_cli("run", str(config), "--runs-dir", str(tmp / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (tmp / "runs").iterdir()
    return RunDir(path), result


def test_report_validates_and_says_what_each_number_was_computed_on(evaluated_run):
    run, _ = evaluated_run
    report = json.loads(run.report_path.read_text())
    jsonschema.validate(report, schema())
    assert report["models"] == ["base", "cpt", "sft"]
    general = report["perplexity"]["general"]
    assert general["base"]["documents"] >= 10 and general["sft"]["tokens"] > 0, "forgetting is measured on general text"
    assert report["forgetting"]["general_perplexity_change_pct"] == general["sft"]["change_pct"]
    domain = report["perplexity"]["heldout_domain"]
    assert domain["cpt"]["perplexity"] < domain["base"]["perplexity"] and domain["base"]["documents"] == 4
    asked = {split: report["qa"][split]["base"]["questions"] for split in ("train", "reworded", "heldout")}
    # The generator's numbers are the generator's: the user's one held-out question is scored apart.
    assert asked["train"] == 12 and asked["heldout"] == 12 and asked["reworded"] >= 1, asked
    assert report["user_questions"]["heldout"]["sft"]["questions"] == 1
    for split, n in asked.items():
        assert all(report["qa"][split][label]["questions"] == n for label in ("cpt", "sft"))
    assert report["qa"]["heldout"]["retrieval"]["questions"] == 12
    assert report["precheck"]["similarity"]["general_chunks"] > 0 and "message" in report["precheck"]
    for name in ("perplexity", "tokens", "qa"):
        assert (run.path / report["plots"][name]).stat().st_size > 5000
    summary = (run.path / "report.md").read_text()
    assert "held-out domain (4 docs" in summary and "facts only read, asked in the text's words fact match (12 questions)" in summary
    assert f"trained facts, new wording fact match ({asked['reworded']} questions)" in summary
    answers = [json.loads(line) for line in (run.path / "qa_answers.jsonl").read_text().splitlines()]
    assert {"answer_base", "answer_cpt", "answer_sft"} <= set(answers[0])


def test_general_questions_are_asked_and_the_base_answers_come_from_the_cache(evaluated_run):
    """The bundled common-knowledge questions in the corpus's languages (English and Japanese): the
    random-init base answers none, so the adapted models are not asked. With base answers planted in
    the cache (half of them right), `adapt eval` reads them back and asks the adapted models."""
    from adapt import cachedir
    from adapt.evaluate import general_check

    run, _ = evaluated_run
    general = json.loads(run.report_path.read_text())["general_questions"]
    assert general["questions"] == 200 and general["languages"] == ["en", "ja"]
    assert general["base_right"] == 0 and general["by_model"] == {}
    asked = general_check.load({"en", "ja"}, 200)
    # The run's eval wrote the newest 200 general answers; a test run earlier in the same session (other
    # settings, same cache) may have written others.
    cached = max((p for p in (cachedir.cache_home() / "eval").glob("*/answers-*.json")
                  if len(json.loads(p.read_text())) == 200), key=lambda p: p.stat().st_mtime_ns)
    planted = [q["answer_key"] if i % 2 == 0 else "?" for i, q in enumerate(asked)]
    cached.write_text(json.dumps(planted), encoding="utf-8")
    result = run_cli("eval", str(run.path))
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(run.report_path.read_text())
    jsonschema.validate(report, schema())
    general = report["general_questions"]
    assert general["base_right"] == 100 and set(general["by_model"]) == {"cpt", "sft"}
    for entry in general["by_model"].values():
        assert entry["kept"] <= entry["right"] <= general["questions"] and entry["kept"] <= general["base_right"]
    lost = general["by_model"]["sft"]["kept"] < 100
    assert bool(general["examples"]) == lost and all(e["model"] == "sft" for e in general["examples"])
    assert "**General questions** (200 common-knowledge questions, closed book): of the 100 the base answered" \
        in (run.path / "report.md").read_text()


def test_user_questions_are_added_and_eval_command_recomputes(evaluated_run):
    run, _ = evaluated_run
    answers = (run.path / "qa_answers.jsonl").read_text()
    assert "Who founded the harbour of Velmor?" in answers
    for name in ("report.json", "report.md", "report_tokens.png"):
        (run.path / name).unlink()
    result = run_cli("eval", str(run.path))
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(run.report_path.read_text())
    jsonschema.validate(report, schema())
    # The user's question is scored apart: the generator's "facts only read" is the generator's alone.
    assert report["user_questions"]["heldout"]["base"]["questions"] == 1
    synthetic = sum(1 for line in answers.splitlines() if json.loads(line)["split"] == "heldout"
                    and json.loads(line)["origin"] == "synthetic")
    assert report["qa"]["heldout"]["base"]["questions"] == synthetic
    assert (run.path / "report.md").is_file() and (run.path / "report_tokens.png").is_file()
    events = [e for e in run.events() if e.get("stage") == "eval" and "task" in e]
    assert events and events[0]["task"] == "base: perplexity"


def test_the_users_questions_are_marked_and_shown_first_in_the_evaluate_tab(evaluated_run):
    """qa_answers.jsonl says whose question each is; the Evaluate tab's table of the person's own
    questions is built from it: both answers, whether each holds the expected answer, the sentence."""
    from ui.evaluate_tab import answer_rows, user_view
    from ui.user_questions import evaluate_rows

    run, _ = evaluated_run
    examples = read_jsonl(run.answers_path)
    assert {e["origin"] for e in examples} == {"synthetic", "user"}
    (mine,) = [e for e in examples if e["origin"] == "user"]
    (row,) = evaluate_rows(examples, read_jsonl(run.documents_path))
    assert row[:4] == ["Who founded the harbour of Velmor?", "glassmakers", mine["answer_base"], mine["answer_sft"]]
    assert row[4] == f"base {'✓' if qa.fact_match(mine['answer_base'], 'glassmakers') else '✗'} · " \
                     f"adapted {'✓' if qa.fact_match(mine['answer_sft'], 'glassmakers') else '✗'}"
    assert "glassmakers" in row[5].lower()
    view = user_view(run, "ja")
    assert view["eval.user_note"].startswith("### あなたの質問（1 問）") and view["eval.user_questions"]["visible"]
    assert view["eval.user_questions"]["value"][0][4].startswith("ベース ")
    # Not again in the table of generated questions below it.
    assert all(r[1] != mine["question"] for r in answer_rows(run)[1])


def test_a_share_of_few_questions_is_shown_with_what_it_could_be():
    """Issue 29: the quick demo asks 5 to 20 questions, where one answer is 5 to 20 points; every fact match
    the app, the report and the model card show carries its 95% (Wilson) range."""
    from adapt.data.questions import share_with_range

    assert share_with_range(0.0, 5) == "0% (0/5, 95%: 0%–43%)"
    assert share_with_range(1.0, 5) == "100% (5/5, 95%: 57%–100%)"
    assert share_with_range(0.1, 60) == "10% (6/60, 95%: 5%–20%)"
    assert share_with_range(0.5, 0) == "50%"


def test_the_summary_shows_the_users_questions_apart(evaluated_run):
    run, _ = evaluated_run
    assert "**Your own questions** (heldout, scored apart" in (run.path / "report.md").read_text()
