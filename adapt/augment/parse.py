"""Turning generator output into items; anything unusable is rejected with a reason, never fatal."""

from __future__ import annotations

import json
import re


class Unparseable(ValueError):
    pass


_FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```$", re.M)
_QA_LINE = re.compile(r"^\s*(?:\d+[.)]\s*)?(?:Q|Question|質問|問)\s*[:：]\s*(.+)$", re.I)
_A_LINE = re.compile(r"^\s*(?:A|Answer|回答|答え|答)\s*[:：]\s*(.+)$", re.I)


def parse_qa(output: str) -> list[dict]:
    """QA pairs from JSON lines (preferred), a JSON list, or 'Q: ... / A: ...' lines."""
    text = _FENCE.sub("", output.strip())
    pairs: list[dict] = []
    try:
        whole = json.loads(text)
        if isinstance(whole, dict):
            whole = whole.get("qa") or whole.get("pairs") or [whole]
        if isinstance(whole, list):
            pairs = [p for p in whole if isinstance(p, dict)]
    except json.JSONDecodeError:
        for line in text.splitlines():
            line = line.strip().rstrip(",")
            if line.startswith("{") and line.endswith("}"):
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict):
                    pairs.append(row)
    if not pairs:
        question = None
        for line in text.splitlines():
            q = _QA_LINE.match(line)
            a = _A_LINE.match(line)
            if q:
                question = q.group(1).strip()
            elif a and question:
                pairs.append({"question": question, "answer": a.group(1).strip()})
                question = None
    clean = []
    for pair in pairs:
        question, answer = pair.get("question"), pair.get("answer")
        if isinstance(question, str) and isinstance(answer, (str, int, float)) and question.strip() and str(answer).strip():
            clean.append({"question": question.strip(), "answer": str(answer).strip()})
    if not clean:
        raise Unparseable("no question/answer pair found")
    return clean


def parse_text(output: str, min_chars: int = 20) -> str:
    text = _FENCE.sub("", output.strip()).strip()
    if len(text) < min_chars:
        raise Unparseable(f"output shorter than {min_chars} characters")
    return text


_TURN = re.compile(r"^\s*(Student|Expert|学生|専門家)\s*[:：]\s*", re.I | re.M)


def parse_discussion(output: str) -> list[dict]:
    """Alternating user/assistant messages from 'Student:'/'Expert:' turns (at most 5 exchanges)."""
    text = _FENCE.sub("", output.strip())
    parts = _TURN.split(text)
    messages: list[dict] = []
    for speaker, content in zip(parts[1::2], parts[2::2]):
        role = "user" if speaker.lower() in ("student", "学生") else "assistant"
        content = content.strip()
        if not content:
            continue
        if messages and messages[-1]["role"] == role:
            messages[-1]["content"] += "\n" + content
        else:
            messages.append({"role": role, "content": content})
    if messages and messages[0]["role"] != "user":
        messages = messages[1:]
    messages = messages[:10]
    if len(messages) < 2:
        raise Unparseable("no Student/Expert exchange found")
    if messages[-1]["role"] == "user":
        messages = messages[:-1]
    return messages
