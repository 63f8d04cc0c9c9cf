"""A person's own questions about their documents: typed (or uploaded) in the Data tab, asked at every
evaluation and never trained on, shown first in the Evaluate tab; and the Arena's expected-answer check.

In the draft they live beside the uploads folder (<draft>.questions.jsonl, as <draft>.refused.json
does), never inside it: everything inside is ingested as a document. Each line is a line of
eval.qa_file: question, answer, answer_key (the expected answer as typed: a person types a short
answer, and the evaluation's fact match looks for it in the model's answer), doc when one is named,
split "heldout" (never trained on; its fact is kept out of the training questions too, see
adapt.augment.runner.split_qa and adapt.mix.heldout_facts) and origin "user".

At Launch the file goes into the run (adapt.jobs.JobManager.create(questions=...)), whose
eval.qa_file then names the run's copy. With an example domain, the example's qa.jsonl stays the
test (mode replace) and the person's questions are added to it: one file, the example's lines first,
marked origin "example", so the Evaluate tab can tell whose question is whose.

Everything here is a function of values (rows, paths, answers): the tabs call it, tests call it
without a browser.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from adapt import bundled
from adapt.data.encoding import UndecodableText, decode
from adapt.data.text import split_sentences
from adapt.evaluate.qa import fact_match, normalize_answer
from adapt.fileio import read_jsonl, write_jsonl_atomic
from ui.i18n import say

COLUMNS = ["question", "expected answer", "document (optional)"]
EVAL_COLUMNS = ["question", "expected", "base answer", "adapted answer", "right?", "source sentence"]
EMPTY_ROWS = 3  # blank rows below the questions, to type more
MAX_QUESTIONS = 500
MAX_CHARS = 2000  # per question or answer
MAX_FILE_BYTES = 2 * 2**20
FILE_TYPES = [".jsonl", ".csv"]


# ---- the draft's file --------------------------------------------------------------------------

def draft_file(uploads: Path) -> Path:
    """The draft's questions: beside its uploads folder, so never ingested as a document."""
    return uploads.with_name(uploads.name + ".questions.jsonl")


def launch_file(uploads: Path) -> Path:
    """The draft's questions together with another question file (an example domain's), for Launch."""
    return uploads.with_name(uploads.name + ".questions-launch.jsonl")


def load(uploads: Path) -> list[dict]:
    path = draft_file(uploads)
    return read_jsonl(path) if path.is_file() else []


def save(uploads: Path, questions: list[dict]) -> None:
    """The questions as the draft's file; none: no file (the run then has no questions of the user's)."""
    path = draft_file(uploads)
    if questions:
        write_jsonl_atomic(path, questions)
    else:
        path.unlink(missing_ok=True)


def forget(uploads: Path) -> None:
    """The draft's question files, once a run has taken its copy and the draft is left behind."""
    for path in (draft_file(uploads), launch_file(uploads)):
        path.unlink(missing_ok=True)


# ---- typed rows ---------------------------------------------------------------------------------

def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def record(question: str, answer: str, doc: str = "") -> dict:
    """One line of the questions file: the expected answer as typed is the answer key; never trained on."""
    line = {"question": question, "answer": answer, "answer_key": answer, "split": "heldout", "origin": "user"}
    if doc:
        line["doc"] = doc
    return line


def parse_rows(rows, lang: str = "en") -> tuple[list[dict], list[str]]:
    """(questions, problems) from table rows [question, expected answer, document]. Blank rows are
    skipped; a question without an expected answer, an answer without a question, a text too long or
    too many questions is a problem naming its row. Anything that is not a table counts as none."""
    questions: list[dict] = []
    problems: list[str] = []
    for number, row in enumerate(rows if isinstance(rows, list) else [], 1):
        cells = [_cell(c) for c in (row if isinstance(row, (list, tuple)) else [row])][:3]
        question, answer, doc = (cells + ["", "", ""])[:3]
        if not (question or answer or doc):
            continue
        if not question:
            problems.append(say("q_no_question", lang, row=number, answer=_short(answer or doc)))
        elif not answer:
            problems.append(say("q_no_answer", lang, row=number, question=_short(question)))
        elif max(len(question), len(answer), len(doc)) > MAX_CHARS:
            problems.append(say("q_too_long", lang, row=number, limit=MAX_CHARS))
        else:
            questions.append(record(question, answer, doc))
    if len(questions) > MAX_QUESTIONS:
        problems.append(say("q_too_many", lang, count=len(questions), limit=MAX_QUESTIONS))
    return questions, problems


def table(questions: list[dict]) -> list[list[str]]:
    """The questions as the Data tab's table shows them, with blank rows below to type more."""
    return [[q.get("question", ""), q.get("answer_key") or q.get("answer", ""), q.get("doc") or ""]
            for q in questions] + [["", "", ""] for _ in range(EMPTY_ROWS)]


def filled(rows) -> list[list[str]]:
    """The table's rows that hold anything (what an upload is added to)."""
    kept = []
    for row in rows if isinstance(rows, list) else []:
        cells = [_cell(c) for c in (row if isinstance(row, (list, tuple)) else [row])][:3]
        if any(cells):
            kept.append((cells + ["", "", ""])[:3])
    return kept


def summary(questions: list[dict], lang: str = "en") -> str:
    if not questions:
        return say("data_questions_none", lang)
    return say("data_questions_saved", lang, count=len(questions))


def unknown_documents(questions: list[dict], documents: list[dict], lang: str = "en") -> list[str]:
    """Notes for questions naming a document the corpus does not have (matched as the evaluation does:
    file name, file stem or document id): they are asked without one."""
    if not documents:
        return []
    known = {key for d in documents for key in (d.get("id"), d.get("source"), Path(d.get("source") or "").stem) if key}
    return [say("q_unknown_doc", lang, question=_short(q["question"]), doc=q["doc"])
            for q in questions if q.get("doc") and q["doc"] not in known]


# ---- an uploaded file of questions ------------------------------------------------------------

_QUESTION_NAMES = ("question", "質問", "q")
_ANSWER_NAMES = ("answer_key", "expected answer", "expected", "answer", "期待する回答", "回答", "答え", "a")
_DOC_NAMES = ("doc", "document", "document (optional)", "source", "file", "文書", "文書（任意）")


def read_file(path: Path, name: str, lang: str = "en") -> tuple[list[list[str]], list[str]]:
    """(rows [question, expected answer, document], problems) from an uploaded .jsonl (question, answer
    or answer_key, optional doc/source) or .csv (a header naming the columns, else question, answer,
    document in that order). The expected answer is answer_key where a line has one: the short answer."""
    suffix = Path(name).suffix.lower()
    if suffix not in FILE_TYPES:
        return [], [say("q_file_type", lang, file=name)]
    if path.stat().st_size > MAX_FILE_BYTES:
        return [], [say("q_file_size", lang, file=name, limit=MAX_FILE_BYTES // 2**20)]
    try:
        text, _ = decode(path.read_bytes())
    except UndecodableText as err:
        return [], [f"{name}: {err}"]
    rows, problems = (_jsonl_rows if suffix == ".jsonl" else _csv_rows)(text, name, lang)
    if not rows and not problems:
        problems.append(say("q_file_empty", lang, file=name))
    return rows, problems


def _jsonl_rows(text: str, name: str, lang: str) -> tuple[list[list[str]], list[str]]:
    rows, problems = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            item = None
        if not isinstance(item, dict) or not isinstance(item.get("question"), str) or \
                not any(isinstance(item.get(k), (str, int, float)) for k in ("answer_key", "answer")):
            problems.append(say("q_file_line", lang, file=name, line=number))
            continue
        answer = item.get("answer_key") if item.get("answer_key") not in (None, "") else item.get("answer")
        doc = item.get("doc") or item.get("source") or ""
        rows.append([item["question"].strip(), _cell(answer), doc if isinstance(doc, str) else ""])
    return rows, problems


def _csv_rows(text: str, name: str, lang: str) -> tuple[list[list[str]], list[str]]:
    try:
        table_rows = [row for row in csv.reader(io.StringIO(text)) if any(c.strip() for c in row)]
    except csv.Error as err:
        return [], [f"{name}: {err}"]
    if not table_rows:
        return [], []
    head = [c.strip().lower() for c in table_rows[0]]

    def column(names: tuple[str, ...]) -> int | None:
        return next((head.index(n) for n in names if n in head), None)

    where = (column(_QUESTION_NAMES), column(_ANSWER_NAMES), column(_DOC_NAMES))
    if where[0] is not None and where[1] is not None:
        table_rows = table_rows[1:]
    else:
        where = (0, 1, 2)
    return [[row[i].strip() if i is not None and i < len(row) else "" for i in where] for row in table_rows], []


# ---- Launch ---------------------------------------------------------------------------------------

def launch_questions(uploads: Path, other: str | None) -> Path | None:
    """The file a run's eval.qa_file is made from: None when the draft has no questions; the draft's
    file; or, with another question file (`other`: an example domain's qa.jsonl, or the form's
    eval.qa_file, already checked to be readable), both in one file: the other's lines first, marked
    origin "example" when they are a bundled example's, then the person's."""
    own = load(uploads)
    if not own:
        return None
    if not other:
        return draft_file(uploads)
    example = bundled.EXAMPLES_DIR.resolve() in Path(other).resolve().parents
    theirs = [{**row, "origin": "example"} if example else row for row in read_jsonl(Path(other))]
    write_jsonl_atomic(launch_file(uploads), theirs + own)
    return launch_file(uploads)


# ---- Evaluate -------------------------------------------------------------------------------------

def _adapted(example: dict) -> str | None:
    """The answer of the final model: after SFT where there was one, else after CPT; None where the
    run has no adapted model (an empty answer is an answer, and a wrong one)."""
    for label in ("sft", "cpt"):
        if f"answer_{label}" in example:
            return example[f"answer_{label}"] or ""
    return None


class Sentences:
    """The documents' sentences, normalised as the fact match normalises, built on the first look-up."""

    def __init__(self, documents: list[dict]):
        self.documents = documents
        self._by_doc: dict[str, list[tuple[str, str]]] | None = None

    def find(self, key: str, doc_id: str | None = None) -> str:
        """The first sentence that contains `key` (the question's document first), or ""."""
        wanted = normalize_answer(key)
        if not wanted:
            return ""
        if self._by_doc is None:
            self._by_doc = {d.get("id"): [(s, normalize_answer(s)) for s in split_sentences(d.get("text") or "")]
                            for d in self.documents}
        order = ([doc_id] if doc_id in self._by_doc else []) + [d for d in self._by_doc if d != doc_id]
        for doc in order:
            for sentence, folded in self._by_doc[doc]:
                if wanted in folded:
                    return sentence
        return ""


def evaluate_rows(examples: list[dict], documents: list[dict], lang: str = "en") -> list[list[str]]:
    """The person's questions (origin "user" in qa_answers.jsonl) as rows: question, expected answer,
    the base model's answer, the adapted model's, whether each contains the expected answer (the
    evaluation's fact match) and the document sentence holding the expected answer."""
    sentences = Sentences(documents)
    rows = []
    for e in examples:
        if e.get("origin") != "user":
            continue
        key = e.get("answer_key") or e.get("reference") or ""
        base, adapted = e.get("answer_base", "") or "", _adapted(e)
        mark = lambda text: "✓" if fact_match(text, key) else "✗"  # noqa: E731
        right = say("q_right", lang, base=mark(base), adapted=mark(adapted) if adapted is not None else "-")
        adapted = adapted or ""
        source = sentences.find(key, e.get("doc_id")) or say("q_no_source", lang)
        rows.append([e.get("question", ""), key, base, adapted, right, source])
    return rows


def from_example(qa_file: str | None) -> bool:
    return bool(qa_file) and bundled.EXAMPLES_DIR.resolve() in Path(qa_file).resolve().parents


def evaluate_note(rows: list[list[str]], qa_file: str | None, lang: str = "en") -> str:
    """Above the person's questions; without any, where the questions below came from."""
    if rows:
        return say("eval_user_questions_intro", lang, count=len(rows))
    return say("eval_no_user_questions_example" if from_example(qa_file) else "eval_no_user_questions", lang)


# ---- Arena ----------------------------------------------------------------------------------------

def arena_checks(expected: str | None, answers: list[str | None], lang: str = "en") -> list[str]:
    """Per column: whether its answer contains the expected answer, matched as the evaluation matches
    (adapt.evaluate.qa.fact_match: NFKC, case, articles and punctuation ignored); "" without one."""
    expected = (expected or "").strip()
    results = []
    for answer in answers:
        if not expected or not answer:
            results.append("")
        else:
            key = "arena_has_expected" if fact_match(answer, expected) else "arena_lacks_expected"
            results.append(say(key, lang, expected=_short(expected, 80)))
    return results
