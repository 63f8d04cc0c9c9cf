"""Closed-book QA: does the model answer questions about the domain, seen and unseen in training?

Questions come from the augment stage (train / held-out split per document) and, optionally, a
user QA file. Answers are greedy, through the model's chat template. Scores per answer:
  fact_match  the normalised answer key appears in the normalised answer
  similarity  MiniLM cosine between the answer and the reference answer
  judge       (optional) an LLM says whether the answer is supported by reference and source
A retrieval baseline gives the base model the top-k corpus chunks in its prompt.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np

from adapt.augment.categories import prompt_language
from adapt.evaluate.embed import embed, similarity
from adapt.fileio import read_jsonl

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalize_answer(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = _ARTICLES.sub(" ", text)
    return _PUNCT.sub("", text)


def fact_match(prediction: str, key: str) -> bool:
    key = normalize_answer(key)
    return bool(key) and key in normalize_answer(prediction)


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


def answer(model, tokenizer, questions: list[dict], max_new_tokens: int, batch_size: int,
           contexts: list[list[str]] | None = None, on_batch=None) -> list[str]:
    """Greedy answers, batch_size prompts per generate() call; prompts of similar length share a
    batch, so little is spent on left padding."""
    from adapt.generation import generate_chat

    prompts = [qa_prompt(q, contexts[i] if contexts else None) for i, q in enumerate(questions)]
    order = sorted(range(len(prompts)), key=lambda i: len(str(prompts[i])))
    answers: list[str] = [""] * len(prompts)
    for start in range(0, len(order), batch_size):
        batch = order[start : start + batch_size]
        texts = generate_chat(model, tokenizer, [prompts[i] for i in batch], max_new_tokens, temperature=0.0)
        for i, text in zip(batch, texts):
            answers[i] = text
        if on_batch:
            on_batch(len(batch))
    return answers


def score(questions: list[dict], answers: list[str], judgements: list[bool | None] | None = None) -> dict:
    if not questions:
        return {"questions": 0, "fact_match": None, "similarity": None, "judge": None}
    matches = [fact_match(a, q["answer_key"]) for q, a in zip(questions, answers)]
    sims = similarity([a or " " for a in answers], [q["answer"] for q in questions])
    judged = [j for j in (judgements or []) if j is not None]
    return {
        "questions": len(questions),
        "fact_match": round(float(np.mean(matches)), 4),
        "similarity": round(float(np.mean(sims)), 4),
        "judge": round(float(np.mean(judged)), 4) if judged else None,
        "judged": len(judged),
    }


class Retriever:
    """MiniLM dense retrieval over the training corpus chunks."""

    def __init__(self, chunks: list[dict]):
        self.chunks = chunks
        self.vectors = embed([c["text"] for c in chunks])

    def top(self, queries: list[str], k: int) -> list[list[int]]:
        if not self.chunks:
            return [[] for _ in queries]
        scores = embed(queries) @ self.vectors.T
        return [list(np.argsort(-row)[:k]) for row in scores]

    def contexts(self, questions: list[dict], k: int) -> list[list[str]]:
        return [[self.chunks[i]["text"] for i in idx] for idx in self.top([q["question"] for q in questions], k)]


def judge_prompt(question: dict, answer_text: str, source: str) -> list[dict]:
    return [{"role": "user", "content": (
        "Is the ANSWER factually supported by the REFERENCE and the SOURCE? Reply with one word: yes or no.\n\n"
        f"QUESTION: {question['question']}\nREFERENCE: {question['answer']}\nSOURCE: {source[:3000]}\n"
        f"ANSWER: {answer_text}")}]


def parse_judgement(text: str | Exception) -> bool | None:
    if isinstance(text, Exception):
        return None
    word = text.strip().lower()
    if word.startswith(("yes", "はい")):
        return True
    if word.startswith(("no", "いいえ")):
        return False
    return None

