"""Questions about the domain: the user's QA file, the synthesized train / held-out pairs, and the
prompt a question is asked with. Read by the mix (QA in training), the store (which documents are
asked about), the evaluation and the Arena.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from adapt.data.text import prompt_language
from adapt.fileio import read_jsonl


class QAFileError(ValueError):
    pass


# The three numbers every knowledge score is reported as, in this order. A fact is a source sentence
# with its answer key; "heldout" facts are never asked in training in any wording (they are only read,
# in the documents and their rewrites), so only they measure knowledge a person's own question finds.
QUESTION_SPLITS = ("train", "reworded", "heldout")
SPLIT_NAMES = {
    "train": {"en": "trained questions", "ja": "学習した質問"},
    "reworded": {"en": "trained facts, new wording", "ja": "学習した事実を別の言い方で"},
    # Asked in words close to the document's own: a person who rewords gets less (README, issue 29: 10% of
    # these on harrowgate against 3% of a person's questions in other words, 22% of those worded close).
    "heldout": {"en": "facts only read, asked in the text's words", "ja": "読んだだけの事実（文書の言い回しで質問）"},
}


def share_with_range(share: float, questions: int) -> str:
    """"0% (0/5, 95%: 0-43%)": a share of few questions is shown with what it could be (Wilson interval),
    so that nobody reads 0 of 5 as "learned nothing" or 5 of 5 as "learned everything"."""
    if not questions:
        return f"{share:.0%}"
    right = round(share * questions)
    z, n = 1.96, questions
    centre = (right + z * z / 2) / (n + z * z)
    half = z * math.sqrt(right * (n - right) / n + z * z / 4) / (n + z * z)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return f"{share:.0%} ({right}/{n}, 95%: {low:.0%}–{high:.0%})"


def _folded(text: str) -> str:
    """Text compared as a fact: NFKC, lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", str(text)).lower())


def fact_groups(pairs: list[dict]) -> list[list[dict]]:
    """QA pairs grouped by the fact they ask: two pairs ask the same fact when they are on the same
    document and share their answer (the source sentence; or the key, where the answer is only the
    key), directly or through a chain of other pairs. Groups come in the order of their first pair."""
    parent = list(range(len(pairs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple, int] = {}
    for i, pair in enumerate(pairs):
        answer, key = _folded(pair.get("answer") or ""), _folded(pair.get("answer_key") or "")
        # The source sentence is the fact. A key alone links pairs only where it is the whole answer:
        # a name that is the key of questions about several sentences ("Saffrandel") would otherwise
        # chain a document's facts into one.
        for value in {answer, key} if key == answer or not answer else {answer}:
            if value:
                j = first_with.setdefault((pair.get("doc_id"), value), i)
                parent[root(i)] = root(j)
    groups: dict[int, list[dict]] = {}
    for i, pair in enumerate(pairs):
        groups.setdefault(root(i), []).append(pair)
    return list(groups.values())


def asks_fact_of(pair: dict, question: dict) -> bool:
    """Whether a QA pair asks the fact of a person's question: on its document (or any, when the
    question names none), the question's answer key is in the pair's answer or key."""
    if question.get("doc_id") and pair.get("doc_id") != question["doc_id"]:
        return False
    key = _folded(question.get("answer_key") or question.get("answer") or "")
    return bool(key) and (key in _folded(pair.get("answer") or "") or key in _folded(pair.get("answer_key") or ""))


def load_user_questions(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise QAFileError(f"eval.qa_file not found: {path}")
    questions = []
    for number, row in enumerate(read_jsonl(path), 1):
        if not isinstance(row.get("question"), str) or not isinstance(row.get("answer"), (str, int, float)):
            raise QAFileError(f"{path.name} line {number}: needs string fields 'question' and 'answer'")
        split = row.get("split", "heldout")
        if split not in ("train", "heldout"):
            raise QAFileError(f"{path.name} line {number}: split must be 'train' or 'heldout', got {split!r}")
        questions.append({"question": row["question"], "answer": str(row["answer"]),
                          "answer_key": str(row.get("answer_key") or row["answer"]), "split": split,
                          "doc_id": row.get("doc") or row.get("source") or row.get("doc_id"),
                          # An example domain's curated questions, when the app puts them in one file with a
                          # person's own at launch, say so; every other line is the user's.
                          "origin": "example" if row.get("origin") == "example" else "user",
                          "lang": row.get("lang") or ("ja" if re.search(r"[\u3040-\u30ff]", row["question"]) else "en")})
    if not questions:
        raise QAFileError(f"{path.name} has no questions")
    return questions


def question_kinds(path: str | Path) -> dict[str, str]:
    """Each question of a user's file with the `kind` its writer gave it (close to the text, reworded),
    "any" where none: how the report-only domains' questions are told apart in the benches."""
    return {row["question"]: row.get("kind") or "any" for row in read_jsonl(Path(path)) if "question" in row}


def _doc_keys(doc: dict) -> set[str]:
    return {doc["id"], doc["source"], Path(doc["source"]).stem}


def questions_with_documents(qa_file: str | None, documents: list[dict]) -> list[dict]:
    """The user's questions, each with `doc_id` mapped to an ingested document where the file names
    one (by file name, file stem or document id); unmatched ones keep doc_id None."""
    if not qa_file:
        return []
    by_key = {key: doc["id"] for doc in documents for key in _doc_keys(doc)}
    questions = load_user_questions(qa_file)
    for question in questions:
        question["doc_id"] = by_key.get(str(question["doc_id"])) if question["doc_id"] else None
    return questions


def _spread(questions: list[dict], limit: int) -> list[dict]:
    """At most `limit` questions, evenly spaced, so that every part of a file ordered by document is asked."""
    if len(questions) <= limit:
        return questions
    step = len(questions) / limit
    return [questions[int(i * step)] for i in range(limit)]


def user_questions(data_dir: Path, qa_file: str | None, split: str) -> list[dict]:
    """The questions of eval.qa_file in one split, each with its document in this run's data folder."""
    return [q for q in questions_with_documents(qa_file, read_jsonl(data_dir / "documents.jsonl"))
            if q["split"] == split]


def load_questions(data_dir: Path, qa_file: str | None, mode: str, limit: int,
                   left_out: set[str] | frozenset[str] = frozenset()) -> dict[str, list[dict]]:
    """Synthesized questions and the questions of the user's file, at most `limit` of each per split,
    spread evenly over the file (the time of evaluation grows with every question asked). The user's
    questions on documents `left_out` of training (data.max_documents) are not asked."""
    splits: dict[str, list[dict]] = {split: [] for split in QUESTION_SPLITS}
    if not (qa_file and mode == "replace"):
        for split in QUESTION_SPLITS:
            splits[split] = _spread([{**pair, "answer_key": pair.get("answer_key") or pair["answer"], "split": split,
                                      "origin": "synthetic"} for pair in read_jsonl(data_dir / "augment" / f"qa_{split}.jsonl")
                                     if pair.get("askable", True)],  # the rest train, never asked: asking.Asked
                                    limit)
    if qa_file:
        users = [q for q in questions_with_documents(qa_file, read_jsonl(data_dir / "documents.jsonl"))
                 if q["doc_id"] not in left_out]
        for split in splits:
            splits[split].extend(_spread([q for q in users if q["split"] == split], limit))
    return splits


def qa_prompt(question: dict, context: list[str] | None = None) -> list[dict]:
    lang = prompt_language(question.get("lang") or "en")
    if context:
        joined = "\n\n".join(context)
        if lang == "ja":
            text = f"次の資料を参考に、質問に簡潔に答えてください。\n\n# 資料\n{joined}\n\n# 質問\n{question['question']}"
        else:
            text = f"Answer the question briefly, using the material below.\n\n# Material\n{joined}\n\n# Question\n{question['question']}"
        return [{"role": "user", "content": text}]
    return [{"role": "user", "content": question["question"]}]
