"""Closed-book QA: does the model answer questions about the domain, seen and unseen in training?

Questions come from the augment stage (train / held-out split per document) and, optionally, a
user QA file. Answers are greedy, through the model's chat template. Scores per answer:
  fact_match  the normalised answer key appears in the normalised answer
  similarity  MiniLM cosine between the answer and the reference answer
  judge       (optional) an LLM says whether the answer is supported by reference and source
A retrieval baseline (adapt/retrieval.py) gives the base model the top-k corpus chunks in its prompt.
"""

from __future__ import annotations

import re
import unicodedata
import numpy as np

from adapt.data.questions import qa_prompt
from adapt.embed import similarity
from adapt.generation import generate_chat

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalize_answer(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = _ARTICLES.sub(" ", text)
    return _PUNCT.sub("", text)


def fact_match(prediction: str, key: str) -> bool:
    key = normalize_answer(key)
    return bool(key) and key in normalize_answer(prediction)


def answer(model, tokenizer, questions: list[dict], max_new_tokens: int, batch_size: int,
           contexts: list[list[str]] | None = None, on_batch=None) -> list[str]:
    """Greedy answers, batch_size prompts per generate() call; prompts of similar length share a
    batch, so little is spent on left padding."""
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

