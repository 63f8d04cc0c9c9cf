"""A person's own questions (issue 29, item 2): typed in the Data tab and kept beside the draft's
uploads, never among its documents; at Launch they go into the run (with an example domain's
questions, in one file) and its eval.qa_file names the run's copy; never trained on; shown first in
the Evaluate tab; and the Arena's expected-answer check. The handlers' logic, called without a
browser (tests/test_evaluate.py builds the Evaluate rows from a real run's qa_answers.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import gradio as gr
import pytest

from adapt.config import DataSection, RunConfig, check_launch
from adapt.data.ingest import ingest
from adapt.data.questions import load_questions, load_user_questions
from adapt.fileio import read_jsonl
from adapt.jobs import JobManager
from ui import data_tab, session as app_session, user_questions
from ui.arena_tab import last_answer
from ui.config_form import ConfigForm
from ui.i18n import Texts
from ui.session import AppContext, Session
from ui.train_tab import assemble

TYPED = [["How tall is Mount Korvaleth?", "2,140 metres", "saffrandel.md"],
         ["", "", ""],
         ["Who keeps the lighthouse at Velmor?", "Elna Brisk", ""],
         ["  ", "", ""]]


@pytest.fixture
def app_context(tmp_path, monkeypatch) -> AppContext:
    context = AppContext(tmp_path / "data", JobManager(tmp_path / "data" / "runs"), "test-signing-key")
    monkeypatch.setattr(app_session, "CONTEXT", context)
    return context


def a_session(example: str | None = None) -> Session:
    return Session(browser_id="b1", draft_id="draft-1", example=example, owner="browser:b1")


def test_typed_rows_become_held_out_questions_with_the_answer_as_typed():
    questions, problems = user_questions.parse_rows(TYPED)
    assert problems == []
    assert questions == [
        {"question": "How tall is Mount Korvaleth?", "answer": "2,140 metres", "answer_key": "2,140 metres",
         "split": "heldout", "origin": "user", "doc": "saffrandel.md"},
        {"question": "Who keeps the lighthouse at Velmor?", "answer": "Elna Brisk", "answer_key": "Elna Brisk",
         "split": "heldout", "origin": "user"}]
    # Shown back as typed, blank rows below to type more.
    assert user_questions.table(questions)[:2] == [TYPED[0], [TYPED[2][0], TYPED[2][1], ""]]
    assert user_questions.table(questions)[2:] == [["", "", ""]] * user_questions.EMPTY_ROWS


def test_a_row_without_a_question_or_an_answer_is_named():
    rows = [["What is the tallest mountain?", "", ""], ["", "Korvaleth", ""], ["Q?", "A", ""]]
    questions, problems = user_questions.parse_rows(rows)
    assert problems == ["row 1: “What is the tallest mountain?” has no expected answer",
                        "row 2: “Korvaleth” has no question"]
    _, ja = user_questions.parse_rows(rows, "ja")
    assert ja[0].startswith("1 行目") and "期待する回答がありません" in ja[0]
    # Numbers and missing cells from the browser, and values that are no table at all.
    assert user_questions.parse_rows([[None, 1402.0, None]])[1] == ["row 1: “1402.0” has no question"]
    assert user_questions.parse_rows({"headers": [], "data": []}) == ([], [])
    _, too_many = user_questions.parse_rows([[f"Q{i}?", "A", ""] for i in range(user_questions.MAX_QUESTIONS + 1)])
    assert too_many and "at most" in too_many[0]


def test_the_data_tab_keeps_them_beside_the_uploads_not_among_the_documents(app_context):
    session = a_session()
    uploads = session.uploads_dir()
    (uploads / "notes.md").write_text("# Notes\n\nThe lighthouse keeper of Velmor is Elna Brisk.\n", encoding="utf-8")
    # A problem keeps nothing: the table comes back as typed, to be fixed.
    shown = data_tab.store_questions(session, [["Who keeps the light?", "", ""]], None)
    assert "Not saved" in shown["data.questions_status"] and "has no expected answer" in shown["data.questions_status"]
    assert shown["data.questions"][0] == ["Who keeps the light?", "", ""]
    assert not user_questions.draft_file(uploads).exists()

    preview = {"documents": [{"id": "abc", "source": "notes.md"}]}
    shown = data_tab.store_questions(session, TYPED, preview)
    assert shown["data.questions_status"].startswith("✅ 2 questions saved")
    # saffrandel.md is not among this draft's documents: saved, with a note saying so.
    assert "saffrandel.md" in shown["data.questions_status"] and "asked about any document" in shown["data.questions_status"]
    stored = user_questions.draft_file(uploads)
    assert stored.parent == uploads.parent and uploads not in stored.parents
    assert [q["question"] for q in load_user_questions(stored)] == [TYPED[0][0], TYPED[2][0]]
    assert {q["split"] for q in load_user_questions(stored)} == {"heldout"}
    assert [d.source for d in ingest([uploads], DataSection()).documents] == ["notes.md"]
    assert data_tab.saved_questions(session)["data.questions"][:2] == shown["data.questions"][:2]
    # Clear empties the staging area, the questions with it; no rows: no file.
    data_tab.clear_staging(session)
    assert not stored.exists()
    user_questions.save(session.uploads_dir(), [])
    assert not stored.exists()


def test_a_file_of_questions_jsonl_or_csv(tmp_path):
    jsonl = tmp_path / "q.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"question": "Who led the first settlers?", "answer": "They were led by Amsel Dorrigan.",
                    "answer_key": "Amsel Dorrigan", "doc": "saffrandel.md"}),
        json.dumps({"question": "How many square kilometres?", "answer": 412}),
        "not json", json.dumps({"question": "No answer here"})]) + "\n", encoding="utf-8")
    rows, problems = user_questions.read_file(jsonl, "q.jsonl")
    assert rows == [["Who led the first settlers?", "Amsel Dorrigan", "saffrandel.md"],
                    ["How many square kilometres?", "412", ""]]
    assert problems == ['q.jsonl line 3: not a JSON object with "question" and "answer"',
                        'q.jsonl line 4: not a JSON object with "question" and "answer"']
    # A Japanese spreadsheet saved as Shift_JIS, its header in Japanese.
    sheet = tmp_path / "q.csv"
    sheet.write_bytes("質問,回答,文書\n苔見村の守り神は？,カモシカ,kokemi-mura.md\n".encode("shift_jis"))
    assert user_questions.read_file(sheet, "q.csv") == ([["苔見村の守り神は？", "カモシカ", "kokemi-mura.md"]], [])
    bare = tmp_path / "bare.csv"
    bare.write_text("What is the capital?,Lumen\n", encoding="utf-8")
    assert user_questions.read_file(bare, "bare.csv") == ([["What is the capital?", "Lumen", ""]], [])
    other = tmp_path / "q.txt"
    other.write_text("Q? A", encoding="utf-8")
    assert user_questions.read_file(other, "q.txt")[1] == ["q.txt: upload a .jsonl or .csv file of questions"]
    empty = tmp_path / "empty.csv"
    empty.write_text("\n", encoding="utf-8")
    assert user_questions.read_file(empty, "empty.csv") == ([], ["empty.csv: no questions in it"])


def form_values(config: RunConfig) -> tuple[ConfigForm, list]:
    with gr.Blocks():
        form = ConfigForm()
        form.build(Texts())
    return form, form.values(config)


def test_launch_joins_the_example_questions_and_the_run_holds_its_own_copy(app_context):
    session = a_session(example="lumen-isles")
    uploads = session.uploads_dir()
    form, values = form_values(RunConfig())
    # No typed questions: the example's file, as before.
    config = assemble(form, "plain", "tiny", values, session)
    assert config.eval.qa_file == str(data_tab.example_qa("lumen-isles")) and config.eval.qa_file_mode == "replace"

    user_questions.save(uploads, user_questions.parse_rows(TYPED)[0])
    config = assemble(form, "asks", "tiny", values, session)
    assert config.eval.qa_file == str(user_questions.launch_file(uploads)) and config.eval.qa_file_mode == "replace"
    check_launch(config, source="the form")
    example = read_jsonl(data_tab.example_qa("lumen-isles"))
    run = app_context.jobs.create(config, session.owner, questions=Path(config.eval.qa_file))
    copy = run.path / "questions.jsonl"
    assert run.load_config().eval.qa_file == str(copy)
    lines = load_user_questions(copy)
    assert [q["origin"] for q in lines] == ["example"] * len(example) + ["user", "user"]
    assert [q["question"] for q in lines[-2:]] == [TYPED[0][0], TYPED[2][0]] and lines[-1]["split"] == "heldout"
    # The evaluation asks them, as themselves, and with the example's in replace mode nothing else.
    data = run.path / "data"
    data.mkdir()
    (data / "documents.jsonl").write_text(json.dumps({"id": "d1", "source": "saffrandel.md", "text": "x"}) + "\n")
    asked = load_questions(data, str(copy), "replace", 1000)
    assert [q["question"] for q in asked["heldout"] if q["origin"] == "user"] == [TYPED[0][0], TYPED[2][0]]
    assert {q["origin"] for q in asked["train"]} == {"example"}


def test_launch_with_uploads_takes_the_typed_questions_alone(app_context):
    session = a_session()
    uploads = session.uploads_dir()
    (uploads / "notes.md").write_text("# Notes\n\nElna Brisk keeps the lighthouse of Velmor.\n", encoding="utf-8")
    user_questions.save(uploads, user_questions.parse_rows(TYPED)[0])
    form, values = form_values(RunConfig())
    config = assemble(form, "mine", "tiny", values, session)
    # The generated questions are asked too (mode add); the typed ones are the file.
    assert config.eval.qa_file == str(user_questions.draft_file(uploads)) and config.eval.qa_file_mode == "add"
    run = app_context.jobs.create(config, session.owner, uploads=uploads, questions=Path(config.eval.qa_file))
    saved = run.load_config()
    assert saved.eval.qa_file == str(run.path / "questions.jsonl") and saved.data.paths == [str(run.path / "uploads")]
    assert sorted(p.name for p in (run.path / "uploads").iterdir()) == ["notes.md"]
    assert read_jsonl(run.path / "questions.jsonl") == read_jsonl(user_questions.draft_file(uploads))
    user_questions.forget(uploads)
    assert not user_questions.draft_file(uploads).exists()


def test_the_evaluate_line_without_questions_of_ones_own():
    assert user_questions.evaluate_note([], None).startswith("Every question below was written by the question "
                                                             "generator from your documents")
    assert "データタブ" in user_questions.evaluate_note([], None, "ja")
    assert "example domain" in user_questions.evaluate_note([], str(data_tab.example_qa("lumen-isles")))
    assert user_questions.evaluate_note([["q"]], None).startswith("### Your questions (1)")


def test_evaluate_rows_find_the_source_sentence():
    examples = [
        {"split": "heldout", "origin": "user", "question": "Who keeps the lighthouse?", "reference": "Elna Brisk",
         "answer_key": "Elna Brisk", "doc_id": "d2", "answer_base": "A fisherman.", "answer_cpt": "Elna",
         "answer_sft": "It is ELNA BRISK."},
        {"split": "heldout", "origin": "synthetic", "question": "?", "reference": "x", "answer_key": "x",
         "answer_base": "x"},
        {"split": "heldout", "origin": "user", "question": "Colour of the bell?", "reference": "copper",
         "answer_key": "copper", "doc_id": None, "answer_base": "Copper, I think.", "answer_cpt": "gold"},
    ]
    documents = [{"id": "d1", "text": "Elna Brisk was born in Quastra. She moved away."},
                 {"id": "d2", "text": "The harbour is old. The lighthouse is kept by Elna Brisk! It has a bell."}]
    rows = user_questions.evaluate_rows(examples, documents)
    assert rows == [
        ["Who keeps the lighthouse?", "Elna Brisk", "A fisherman.", "It is ELNA BRISK.", "base ✗ · adapted ✓",
         "The lighthouse is kept by Elna Brisk!"],
        # No SFT: the model after CPT is the adapted one; an answer in no document says so.
        ["Colour of the bell?", "copper", "Copper, I think.", "gold", "base ✓ · adapted ✗",
         "(not found in the documents)"]]
    assert user_questions.evaluate_rows(examples, documents, "ja")[0][4] == "ベース ✗ · 適応後 ✓"


def test_the_arena_says_whether_each_answer_holds_the_expected_one():
    # Gradio 6 hands a history back with each content as a list of parts.
    def history(answer):
        return [{"role": "user", "content": [{"type": "text", "text": "Tallest mountain?"}]},
                {"role": "assistant", "content": [{"type": "text", "text": answer}]}]

    answers = [last_answer(history("It is Mount ＫＯＲＶＡＬＥＴＨ.")), last_answer(history("I do not know.")),
               last_answer([])]
    assert answers[2] is None
    assert user_questions.arena_checks("korvaleth", answers) == ["✅ contains “korvaleth”",
                                                               "❌ does not contain “korvaleth”", ""]
    assert user_questions.arena_checks("", answers) == ["", "", ""]
    assert user_questions.arena_checks(" カモシカ ", ["守り神はカモシカです。"], "ja") == ["✅「カモシカ」を含みます"]
