"""Synthetic augmentation with every backend for real, resumability, and tolerance of bad output."""

import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from adapt.augment import runner as augment_runner
from adapt.augment.backends import GeneratorUnavailable
from adapt.augment.parse import Unparseable, parse_discussion, parse_qa
from adapt.augment.asking import english_questions, japanese_questions
from adapt.augment.quality import question_problems
from adapt.augment.rules import SUPPORTED, RulesGenerator
from adapt.augment.runner import run_augmentation
from adapt.config import DataSection, RunConfig
from adapt.data.ingest import ingest
from adapt.data.text import split_sentences
from adapt.data.store import write_ingest_outputs
from adapt.fileio import read_json, read_jsonl
from conftest import make_config, run_cli
from corpus import english_documents, japanese_documents


def ingested(tmp_path, corpus_dir, **config) -> tuple:
    cfg = RunConfig.from_dict({"data": {"heldout_fraction": 0.2}, **config})
    data_dir = tmp_path / "data"
    write_ingest_outputs(data_dir, ingest([corpus_dir], DataSection()), cfg)
    return data_dir, cfg


# ---- rules -----------------------------------------------------------------------------------

@pytest.mark.parametrize("docs, lang", [(english_documents(), "en"), (japanese_documents(), "ja")])
def test_rules_mine_answerable_questions_from_the_text(docs, lang):
    generator = RulesGenerator()
    for name, text in list(docs.items())[:4]:
        for category in ("qa_numbers_formula", "qa_people_names"):
            qa = generator.generate(category, "", text, lang, 3, seed=0)["qa"]
            assert qa, (name, category)
            for pair in qa:
                assert pair["answer_key"] in text, "every answer is stated in the document"
                assert pair["answer_key"] not in pair["question"], "the question does not give the answer away"
                assert pair["answer"] in text
                assert pair["question"].endswith("?" if lang == "en" else "？")
        summary = generator.generate("summary", "", text, lang, 1, seed=0)["texts"][0]
        assert name in summary
        paraphrase = generator.generate("paraphrase", "", text, lang, 2, seed=0)["texts"]
        assert len(paraphrase) == 2 and paraphrase[0] != text
        keywords = generator.generate("keywords", "", text, lang, 1, seed=0)["texts"][0]
        assert all(line.split(": ", 1)[1] in text for line in keywords.splitlines())


def test_rules_are_deterministic_and_honest_about_what_they_cannot_do():
    text = english_documents()["Velmor"]
    generator = RulesGenerator()
    assert generator.generate("qa_easy", "", text, "en", 3, 1) == generator.generate("qa_easy", "", text, "en", 3, 1)
    assert not generator.supports("translation_zh") and not generator.supports("discussion")
    assert set(SUPPORTED) < set(json.loads(json.dumps(list(RunConfig().augment.categories))))


@pytest.mark.parametrize("docs, lang", [(english_documents(), "en"), (japanese_documents(), "ja")])
def test_easy_questions_ask_about_most_sentences_in_several_wordings(docs, lang):
    """Questions built from each sentence's structure: most sentences are asked about, each fact in more
    than one wording (a reader will not use ours), and every question passes the quality check."""
    name, text = next(iter(docs.items()))
    sentences = [s for s in split_sentences(text) if len(s) > 8]
    qa = RulesGenerator().generate("qa_easy", name, text, lang, 6 * len(sentences), seed=0)["qa"]
    # More than half, not every one: a sentence whose only question would read as a statement with a blank
    # ("Merchants pay a toll of how many coins?") or run past 16 words is left unasked (issue 29: a person
    # must accept every question; 95 of 100 is the bar).
    asked = {p["answer"] for p in qa}
    if lang == "en":
        assert len(asked) > 0.5 * len(sentences), "most sentences are asked about"
    else:
        # Japanese keys are names and numbers only (an ordinary noun is often given away by the question's
        # own verb: 葺く -> 屋根), so a sentence is asked about when it holds one: every sentence with a
        # number is.
        with_number = {s for s in sentences if re.search(r"[0-9]", s)}
        assert with_number and with_number <= asked, with_number - asked
    by_fact: dict = {}
    for pair in qa:
        assert not question_problems(pair["question"], pair["answer_key"], text), pair
        assert pair["answer"] in sentences
        by_fact.setdefault((pair["answer"], pair["answer_key"]), set()).add(pair["question"])
    if lang == "en":
        assert sum(len(wordings) >= 3 for wordings in by_fact.values()) >= 0.75 * len(by_fact)


@pytest.mark.parametrize("sentence, question, key", [
    ("A standard loaf of ambercrust weighs 700 grams.", "How many grams does a standard loaf of ambercrust weigh?",
     "700"),
    ("The Brightcairn Observatory was completed in 1812 with money given by a shipowner.",
     "When was the Brightcairn Observatory completed?", "1812"),
    ("The Dewloft was invented in 1859 by Ottilie Brackwater, a schoolteacher on Erraquin.",
     "Who invented the Dewloft in 1859?", "Ottilie Brackwater"),
    ("The first librarian of the Copperleaf Library was Ewald Aslacke, a retired purser.",
     "Who was the first librarian of the Copperleaf Library?", "Ewald Aslacke"),
    ("Ambercrust is made from barley flour mixed with a little rye.", "What is Ambercrust made from?",
     "barley flour"),
    ("The mayor of Velmor wears a chain of red cedar as a sign of office.",
     "What does the mayor of Velmor wear as a sign of office?", "chain of red cedar"),
    ("In Velmor, the council meets on the third day of each month.", None, None),
    ("- Endurance: 14 hours at 3 knots (standard battery)", "What is the endurance of Lantern 7?", "14"),
])
def test_english_questions_move_the_asked_part_and_invert_the_verb(sentence, question, key):
    # The document's title is what an unnamed sentence is about ("a standard loaf of ambercrust").
    asked = english_questions(sentence, "Lantern 7" if "Endurance" in sentence else
                              "Ambercrust" if "ambercrust" in sentence else "")
    if question is None:  # an opening phrase moved to the end still parses; no junk is made of it
        assert all(not question_problems(a.question, a.key, sentence) for a in asked)
        return
    assert (question, key) in {(a.question, a.key) for a in asked}, [(a.question, a.key) for a in asked]


def test_japanese_questions_ask_in_place():
    text = "苔見村は標高812メートルの高さにあります。千種嘉平は1833年に問屋を開きました。"
    asked = {(a.question, a.key) for s in split_sentences(text) for a in japanese_questions(s, "苔見村")}
    assert ("苔見村は標高何メートルの高さにありますか？", "812") in asked
    assert ("千種嘉平は何年に問屋を開きましたか？", "1833") in asked


def test_japanese_cause_and_contrast():
    text = "雨が多いため、タカネ村の畑は豊かです。しかし、冬は寒さが厳しいです。村人は網を使って魚をとります。"
    generator = RulesGenerator()
    why = generator.generate("qa_difficult", "タカネ村", text, "ja", 1, 0)["qa"][0]
    assert why["question"].startswith("なぜ") and why["answer_key"] == "雨が多い"
    contrast = generator.generate("positive_negative", "タカネ村", text, "ja", 1, 0)["texts"][0]
    assert "しかし" in contrast


# ---- parsing of LLM output -------------------------------------------------------------------

def test_qa_parsing_accepts_common_shapes_and_rejects_garbage():
    assert parse_qa('{"question": "Q1?", "answer": "A1"}\n{"question": "Q2?", "answer": 2}') == [
        {"question": "Q1?", "answer": "A1"}, {"question": "Q2?", "answer": "2"}]
    assert parse_qa('```json\n[{"question": "Q?", "answer": "A"}]\n```') == [{"question": "Q?", "answer": "A"}]
    assert parse_qa("Q: 何年ですか？\nA: 1402年です。") == [{"question": "何年ですか？", "answer": "1402年です。"}]
    with pytest.raises(Unparseable):
        parse_qa("I cannot help with that.")
    with pytest.raises(Unparseable):
        parse_qa('{"question": "", "answer": "x"}')
    turns = parse_discussion("Student: Why?\nExpert: Because.\nStudent: And?\nExpert: Then.")
    assert [m["role"] for m in turns] == ["user", "assistant", "user", "assistant"]


# ---- the stage: resumable, split, summary ------------------------------------------------------

def test_split_of_qa_by_document_and_summary(tmp_path, corpus_dir):
    data_dir, cfg = ingested(tmp_path, corpus_dir)
    summary = run_augmentation(data_dir, cfg)
    train = read_jsonl(data_dir / "augment/qa_train.jsonl")
    heldout = read_jsonl(data_dir / "augment/qa_heldout.jsonl")
    assert train and heldout
    assert not {(q["doc_id"], q["question"]) for q in train} & {(q["doc_id"], q["question"]) for q in heldout}
    heldout_docs = set(read_json(data_dir / "split.json")["heldout"])
    assert not {q["doc_id"] for q in train + heldout} & heldout_docs, "held-out documents are never augmented"
    assert {q["doc_id"] for q in heldout} == {q["doc_id"] for q in train}, "every document contributes to both"
    assert summary["unsupported_by_backend"] == sorted(set(cfg.augment.categories) - set(SUPPORTED))
    assert summary["categories"]["qa_numbers_formula"]["documents"] == summary["documents"] == 16
    # What the Evaluate tab shows of it: per category kept / dropped / why, and five items to read.
    from ui.evaluate_tab import synthetic_rows, synthetic_samples

    easy = summary["categories"]["qa_easy"]
    assert len(easy["sample"]) == 5 and easy["items"] >= 16 and "dropped_because" in easy
    rows = {row[0]: row for row in synthetic_rows(summary)}
    assert rows["qa_easy"][2] == easy["items"] and rows["qa_easy"][3] == easy["dropped"]
    assert easy["sample"][0]["question"] in synthetic_samples(summary)


def test_resumed_augmentation_does_not_redo_finished_documents(tmp_path, corpus_dir, monkeypatch):
    data_dir, cfg = ingested(tmp_path, corpus_dir)
    calls = []
    real_generate = RulesGenerator.generate

    def counting(self, category, title, text, lang, n, seed):
        calls.append(category)
        return real_generate(self, category, title, text, lang, n, seed)

    monkeypatch.setattr(RulesGenerator, "generate", counting)

    class Interrupted(Exception):
        pass

    def stop_midway(done, total):
        if done == 40:
            raise Interrupted  # as if the process died here: what was appended stays on disk

    with pytest.raises(Interrupted):
        run_augmentation(data_dir, cfg, on_progress=stop_midway)
    assert len(calls) == 40
    succeeded = len(read_jsonl(data_dir / "augment/items.jsonl"))
    failed = len(read_jsonl(data_dir / "augment/failures.jsonl"))
    assert succeeded + failed == 40
    progress = []
    run_augmentation(data_dir, cfg, on_progress=lambda d, t: progress.append((d, t)))
    total = progress[-1][1]
    # only what had not succeeded is generated again (failed attempts are retried)
    assert progress[0][0] == succeeded + 1
    assert len(calls) - 40 == total - succeeded
    keys = [(r["doc_id"], r["category"]) for r in read_jsonl(data_dir / "augment/items.jsonl")]
    assert len(keys) == len(set(keys)), "no (document, category) generated twice"


# ---- LLM backends, for real ------------------------------------------------------------------

def _llm_config(**augment):
    # A random-init model under greedy decoding repeats one whitespace token; sampling (seeded,
    # so deterministic) makes it write text-like output.
    return {"augment": {"categories": {"summary": 1, "paraphrase": 2, "qa_easy": 2, "discussion": 1},
                        "max_new_tokens": 32, "temperature": 1.0, **augment}, "sft": {"variant": "general"}}


def test_local_backend_with_a_tiny_model_records_text_and_counts_bad_qa(tmp_path, corpus_dir, tiny_model):
    data_dir, cfg = ingested(tmp_path, corpus_dir,
                             **_llm_config(backend="local", local={"model": str(tiny_model), "batch_size": 8}))
    summary = run_augmentation(data_dir, cfg)
    items = read_jsonl(data_dir / "augment/items.jsonl")
    # A random-init model writes text but no parseable QA; its text is kept where it invents no number
    # or name, and dropped (counted, with the reason) where it does.
    paraphrases = [r for r in items if r["category"] == "paraphrase"]
    assert all(r["backend"] == "local" and r["texts"][0].strip() for r in paraphrases)
    dropped = [r for r in read_jsonl(data_dir / "augment/dropped.jsonl") if r["category"] == "paraphrase"]
    assert sum(len(r["texts"]) for r in paraphrases) + len(dropped) >= 24  # of 16 documents x 2; some unparseable
    assert all(r["reason"].startswith("unsupported fact") for r in dropped)
    assert summary["categories"].get("paraphrase", {}).get("dropped", 0) == len(dropped)
    assert summary["failed_this_session"]["qa_easy"] == 16
    assert summary["failed_this_session"]["discussion"] == 16
    reasons = {r["reason"] for r in read_jsonl(data_dir / "augment/failures.jsonl")}
    assert "no question/answer pair found" in reasons


@pytest.fixture
def chat_server(tiny_model):
    from adapt.serve import make_server

    server = make_server(str(tiny_model))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_endpoint_backend_against_a_real_local_server(tmp_path, corpus_dir, tiny_model, chat_server, monkeypatch):
    monkeypatch.setenv("ADAPT_ENDPOINT_API_KEY", "plain-endpoint-key-0123456789abcdef")
    data_dir, cfg = ingested(tmp_path, corpus_dir, **_llm_config(
        backend="endpoint", endpoint={"base_url": chat_server, "model": "tiny", "concurrency": 4}))
    summary = run_augmentation(data_dir, cfg)
    items = read_jsonl(data_dir / "augment/items.jsonl")
    summaries = [r for r in items if r["category"] == "summary"]
    dropped = [r for r in read_jsonl(data_dir / "augment/dropped.jsonl") if r["category"] == "summary"]
    assert len(summaries) + len(dropped) >= 12 and all(r["backend"] == "endpoint" for r in summaries)
    assert summary["failed_this_session"].get("qa_easy") == 16
    # the key is used, never written, and would be redacted from any message
    from adapt.secrets import redact

    assert redact("auth failed for plain-endpoint-key-0123456789abcdef") == "auth failed for ***"
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert "plain-endpoint-key" not in path.read_text(errors="ignore")


def test_endpoint_serves_our_own_generation_code(tiny_model, chat_server):
    from adapt.augment.backends import EndpointGenerator
    from adapt.generation import generate_chat
    from adapt.models import load_model, load_tokenizer

    cfg = RunConfig.from_dict(_llm_config(backend="endpoint", endpoint={"base_url": chat_server, "model": "tiny"}))
    prompts = [[{"role": "user", "content": "Tell me about Velmor."}], [{"role": "user", "content": "ソラリ村は？"}]]
    served = EndpointGenerator(cfg.augment).complete(prompts, seed=11)
    model, tokenizer = load_model(str(tiny_model)), load_tokenizer(str(tiny_model))
    direct = [generate_chat(model, tokenizer, [p], 32, 1.0, seed=11 + i)[0] for i, p in enumerate(prompts)]
    assert served == direct and all(isinstance(s, str) and s for s in served)


class _FailingHandler(BaseHTTPRequestHandler):
    calls = 0

    def log_message(self, *args):
        pass

    def do_POST(self):
        type(self).calls += 1
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b'{"error": {"message": "boom"}}')


@pytest.fixture
def serve():
    """Starts a real HTTP server on a free port for a handler class; yields its /v1 URL."""
    servers = []

    def start(handler) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/v1"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_endpoint_errors_are_retried_then_counted_and_a_stage_that_got_nothing_fails(tmp_path, corpus_dir, serve):
    data_dir, cfg = ingested(tmp_path, corpus_dir, **_llm_config(
        backend="endpoint", categories={"summary": 1},
        endpoint={"base_url": serve(_FailingHandler), "max_retries": 1, "timeout_s": 5}))
    with pytest.raises(GeneratorUnavailable) as info:
        run_augmentation(data_dir, cfg)
    # the server failed, not a setting: exit 1, with the reason and where it came from
    assert info.value.exit_code == 1
    assert "all 16 generations failed" in str(info.value) and "InternalServerError" in str(info.value)
    assert "augment.endpoint.base_url (http://127.0.0.1:" in str(info.value)
    assert _FailingHandler.calls == 32, "one retry per request"
    assert read_json(data_dir / "augment/summary.json")["failed_this_session"] == {"summary": 16}
    assert read_jsonl(data_dir / "augment/items.jsonl") == []
    assert "InternalServerError" in read_jsonl(data_dir / "augment/failures.jsonl")[0]["reason"]


def test_an_endpoint_on_a_closed_port_names_the_url_setting(tmp_path, corpus_dir):
    with socket.socket() as probe:  # a port nothing listens on once the probe closes
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data_dir, cfg = ingested(tmp_path, corpus_dir, **_llm_config(
        backend="endpoint", categories={"summary": 1},
        endpoint={"base_url": f"http://127.0.0.1:{port}/v1", "max_retries": 0}))
    with pytest.raises(GeneratorUnavailable) as info:
        run_augmentation(data_dir, cfg)
    assert info.value.exit_code == 2
    assert f"Check augment.endpoint.base_url (http://127.0.0.1:{port}/v1): nothing answers there" in str(info.value)
    assert "APIConnectionError" in str(info.value)


GOOD_KEY = "right-key-0123456789abcdef"


class _KeyedHandler(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that, like real ones, echoes part of a wrong key in its 401."""

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        key = self.headers.get("Authorization", "").removeprefix("Bearer ")
        if key == GOOD_KEY:
            body = {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": [
                {"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "A summary long enough to be kept as text."}}]}
            self.send_response(200)
        else:
            body = {"error": {"message": f"Incorrect API key provided: {key}", "type": "invalid_request_error"}}
            self.send_response(401)
        data = json.dumps(body).encode()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_a_refused_key_fails_the_run_and_resume_regenerates(tmp_path, tiny_model, corpus_dir, serve):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None,
                         augment={"backend": "endpoint", "categories": {"summary": 1},
                                  "endpoint": {"base_url": serve(_KeyedHandler)}},
                         cpt={"max_steps": 1}, sft={"enabled": False},
                         eval={"enabled": False, "precheck": False})
    wrong = "wrong-key-0123456789abcdef"
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet",
                     env={"ADAPT_ENDPOINT_API_KEY": wrong})
    assert result.returncode == 2, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "augment: all 16 generations failed" in result.stderr and "AuthenticationError" in result.stderr
    assert ("Check the endpoint key (ADAPT_ENDPOINT_API_KEY on the command line, the endpoint key field in the app; "
            "a key was given): the endpoint refused it") in result.stderr
    (run_path,) = (tmp_path / "runs").iterdir()
    status = json.loads((run_path / "status.json").read_text())
    assert status["state"] == "failed" and status["stages"]["augment"]["state"] == "failed"
    assert "ADAPT_ENDPOINT_API_KEY" in status["stages"]["augment"]["error"] and "cpt" not in status["stages"]
    for text in [result.stderr] + [p.read_text(errors="ignore") for p in run_path.rglob("*") if p.is_file()]:
        assert wrong not in text, "the refused key is redacted everywhere"

    result = run_cli("run", "--resume", str(run_path), "--quiet", env={"ADAPT_ENDPOINT_API_KEY": GOOD_KEY})
    assert result.returncode == 0, result.stderr[-3000:]
    status = json.loads((run_path / "status.json").read_text())
    # Every document's summary is written again; the random test model's inventions are dropped, counted.
    dropped = read_jsonl(run_path / "data" / "augment" / "dropped.jsonl")
    assert status["state"] == "done" and status["stages"]["augment"]["items"] + len(dropped) == 16
    assert status["stages"]["cpt"]["state"] == "done"


def _asked_facts(pairs: list[dict]) -> set[tuple]:
    """(document, folded source sentence) of every pair: what a fact is (a sentence answers with its key;
    where the answer is only the key, the key)."""
    import re
    import unicodedata

    def folded(text: str) -> str:
        return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).lower())

    return {(p["doc_id"], folded(p["answer"])) for p in pairs}


def test_no_heldout_fact_is_asked_in_training_in_any_wording(tmp_path, corpus_dir):
    """Held-out means held-out facts (issue 29): the split was per question, so 91 of 107 held-out
    questions asked a sentence that a trained question also asked. Now no held-out pair shares its
    source sentence with a trained one; a trained fact's kept-out wording is a separate number; and
    no trained answer holds the answer of the user's own held-out question."""
    documents = ingest([corpus_dir], DataSection()).documents
    target = documents[1]
    sentence = split_sentences(target.text)[1]
    key = sentence.split()[-1].strip(".")
    qa_file = tmp_path / "mine.jsonl"
    qa_file.write_text(json.dumps({"question": "A question a person wrote?", "answer": sentence, "answer_key": key,
                                   "doc": target.source, "split": "heldout"}) + "\n", encoding="utf-8")
    data_dir, cfg = ingested(tmp_path, corpus_dir, augment={"categories": {"qa_easy": 6, "qa_numbers_formula": 4,
                                                                          "qa_people_names": 4}},
                             eval={"qa_file": str(qa_file)})
    run_augmentation(data_dir, cfg)
    train = read_jsonl(data_dir / "augment/qa_train.jsonl")
    reworded = read_jsonl(data_dir / "augment/qa_reworded.jsonl")
    heldout = read_jsonl(data_dir / "augment/qa_heldout.jsonl")
    assert train and heldout
    assert not _asked_facts(heldout) & _asked_facts(train), "a held-out fact is asked in training"
    assert reworded
    assert not _asked_facts(heldout) & _asked_facts(reworded)
    trained = _asked_facts(train)
    assert all(_asked_facts([q]) & trained for q in reworded), "a reworded question asks a trained fact"
    assert not {q["question"] for q in reworded} & {q["question"] for q in train}
    mine = [p for p in train if p["doc_id"] == target.id and key.lower() in p["answer"].lower()]
    assert not mine, f"the fact of the user's held-out question was trained: {mine[:2]}"
    facts = len({(p["doc_id"], p["answer"]) for p in train + heldout})
    assert 0.15 < len({(p["doc_id"], p["answer"]) for p in heldout}) / facts < 0.5


def test_tasks_include_instruction_generation_only_for_llm_backends():
    cfg = RunConfig.from_dict({"sft": {"variant": "all"}})
    assert ("instructions_one_shot", 3) not in augment_runner._tasks(cfg, "rules")
    names = [name for name, _ in augment_runner._tasks(cfg, "endpoint")]
    assert "instructions_zero_shot" in names and "instructions_one_shot" in names


def test_triples_ignore_readings_in_brackets():
    text = "灰羽橋(はいばねばし)は、鵯川に架かる木造の橋です。The Ardent Bell (a bronze bell) was cast in 1622."
    triples = RulesGenerator().generate("kg_extraction", "灰羽橋", text, "ja", 1, 0)["texts"][0]
    assert triples.splitlines()[0] == "灰羽橋 | は | 、鵯川に架かる木造の橋です"


def test_questions_whose_answer_is_no_name_or_number_train_but_are_never_asked(tmp_path):
    """Issue 29: a person is asked only questions whose answer is a name or a number (two readers refused
    most of the others on domains the writer had never run on); the others are training text."""
    from adapt.data.questions import load_questions

    doc = tmp_path / "docs"
    doc.mkdir()
    (doc / "quell.md").write_text(
        "# Quellmoor\n\nQuellmoor was founded in 1612 by Ada Pell. The mayor of Quellmoor wears a chain of red "
        "cedar on feast days. Quellmoor exports copper bells to Ombrith every winter. The harbour of Quellmoor "
        "has 14 piers. The bakers of Quellmoor bake bread with amber salt.\n", encoding="utf-8")
    data_dir, cfg = ingested(tmp_path, doc, augment={"categories": {"qa_easy": 30}, "qa_heldout_fraction": 0.4})
    run_augmentation(data_dir, cfg)
    pairs = [p for split in ("train", "reworded", "heldout") for p in read_jsonl(data_dir / f"augment/qa_{split}.jsonl")]
    assert {p["askable"] for p in pairs} == {True, False}, pairs
    assert all(re.fullmatch(r"[\d,.]+|[A-Z].*", p["answer_key"]) for p in pairs if p["askable"])
    asked = [q for items in load_questions(data_dir, None, "add", 100).values() for q in items]
    assert asked and all(q["askable"] for q in asked)
    held = read_jsonl(data_dir / "augment/qa_heldout.jsonl")
    assert held and all(p["askable"] for p in held), "a held-out fact is one that can be asked"
