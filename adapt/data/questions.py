"""Questions about the domain: the user's QA file, the synthesized train / held-out pairs, and the
prompt a question is asked with. Read by the mix (QA in training), the store (which documents are
asked about), the evaluation and the Arena.
"""

from __future__ import annotations

import re
from pathlib import Path

from adapt.data.text import prompt_language
from adapt.fileio import read_jsonl


class QAFileError(ValueError):
    pass


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
                          "doc_id": row.get("doc") or row.get("source") or row.get("doc_id"), "origin": "user",
                          "lang": row.get("lang") or ("ja" if re.search(r"[\u3040-\u30ff]", row["question"]) else "en")})
    if not questions:
        raise QAFileError(f"{path.name} has no questions")
    return questions


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


def load_questions(data_dir: Path, qa_file: str | None, mode: str, limit: int,
                   left_out: set[str] | frozenset[str] = frozenset()) -> dict[str, list[dict]]:
    """Synthesized questions and the questions of the user's file, at most `limit` of each per split,
    spread evenly over the file (the time of evaluation grows with every question asked). The user's
    questions on documents `left_out` of training (data.max_documents) are not asked."""
    splits: dict[str, list[dict]] = {"train": [], "heldout": []}
    if not (qa_file and mode == "replace"):
        for split, name in (("train", "qa_train.jsonl"), ("heldout", "qa_heldout.jsonl")):
            splits[split] = _spread([{**pair, "answer_key": pair.get("answer_key") or pair["answer"], "split": split,
                                      "origin": "synthetic"} for pair in read_jsonl(data_dir / "augment" / name)], limit)
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
