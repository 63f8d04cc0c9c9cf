"""Instruction data: conversations -> token ids with a mask that is True on assistant tokens only.

The text is rendered with the tokenizer's own chat template. Which characters belong to the
assistant is found by rendering growing prefixes of the conversation: the text added by an
assistant message (its content and end-of-turn marker) is what the model learns to produce;
system and user text, and the template's role headers, are context only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROLES = {"system", "user", "assistant"}
_SHAREGPT_ROLES = {"system": "system", "human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant"}


class ChatDataError(ValueError):
    pass


EXPECTED = ('one JSON object per line (JSONL) like {"messages": [{"role": "user", "content": "..."}, '
            '{"role": "assistant", "content": "..."}]}')


@dataclass
class LoadedConversations:
    conversations: list[list[dict]]
    # "<reason> in <file> (first at line N)" -> how many lines were skipped for it
    skipped: dict[str, int] = field(default_factory=dict)


def _messages_of(row) -> list[dict]:
    if not isinstance(row, dict):
        raise ChatDataError("line is not a JSON object")
    if isinstance(row.get("messages"), list):
        messages = row["messages"]
    elif isinstance(row.get("conversations"), list):  # ShareGPT style: {"from": "human", "value": ...}
        messages = [
            {"role": _SHAREGPT_ROLES.get(str(m.get("from")), str(m.get("from"))), "content": m.get("value")}
            for m in row["conversations"]
            if isinstance(m, dict)
        ]
    else:
        raise ChatDataError("no 'messages' list")
    clean = []
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise ChatDataError("a message has no role among system/user/assistant")
        if not isinstance(message.get("content"), str):
            raise ChatDataError("a message has no text content")
        clean.append({"role": message["role"], "content": message["content"]})
    if not any(m["role"] == "assistant" and m["content"].strip() for m in clean):
        raise ChatDataError("no assistant message to learn from")
    return clean


def load_conversations(paths: list[str | Path], setting: str = "sft.data") -> LoadedConversations:
    """Conversations from JSONL files. A line that is not one is skipped and counted, by file and
    reason with its first line number; a file with no conversation at all is an error naming
    `setting`[i], the file and the format."""
    result = LoadedConversations([])
    for index, raw_path in enumerate(paths):
        path, name = Path(raw_path).expanduser().resolve(), f"{setting}[{index}]"
        if not path.is_file():
            raise ChatDataError(f"{name}: {path} does not exist" if not path.exists()
                                else f"{name}: {path} is a folder; expected {EXPECTED}")
        found, first_line = 0, {}
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    result.conversations.append(_messages_of(json.loads(line)))
                    found += 1
                    continue
                except json.JSONDecodeError:
                    reason = "invalid JSON"
                except ChatDataError as err:
                    reason = str(err)
                first_line.setdefault(reason, number)
                key = f"{reason} in {path} (first at line {first_line[reason]})"
                result.skipped[key] = result.skipped.get(key, 0) + 1
        if not found:
            if not first_line:
                raise ChatDataError(f"{name}: {path} is empty; expected {EXPECTED}")
            reason, number = min(first_line.items(), key=lambda item: item[1])
            raise ChatDataError(f"{name}: {path} holds no conversation (line {number}: {reason}); "
                                f"expected {EXPECTED}")
    return result


def _render(tokenizer, messages: list[dict], generation_prompt: bool = False) -> str:
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation_prompt)


def assistant_spans(tokenizer, messages: list[dict]) -> tuple[str, list[tuple[int, int]]]:
    """The rendered conversation and the character spans the assistant wrote."""
    full = _render(tokenizer, messages)
    spans: list[tuple[int, int]] = []
    for k, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        before = _render(tokenizer, messages[:k], generation_prompt=True) if k else ""
        through = _render(tokenizer, messages[: k + 1])
        if not (through.startswith(before) and full.startswith(through)):
            # Templates that rewrite earlier turns (e.g. drop old reasoning) break the prefix
            # property; then only the last assistant turn can be located reliably.
            spans = []
            last = max(i for i, m in enumerate(messages) if m["role"] == "assistant")
            before = _render(tokenizer, messages[:last], generation_prompt=True)
            if not full.startswith(before):
                raise ChatDataError("the chat template renders this conversation inconsistently")
            return full, [(len(before), len(full))]
        spans.append((len(before), len(through)))
    return full, spans


def encode_conversation(tokenizer, messages: list[dict]) -> tuple[list[int], list[bool]]:
    text, spans = assistant_spans(tokenizer, messages)
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids = encoded["input_ids"]
    mask = []
    for start, end in encoded["offset_mapping"]:
        mask.append(any(s <= start < e or (start < s < end) for s, e in spans))
    return ids, mask


def has_chat_template(tokenizer) -> bool:
    return bool(getattr(tokenizer, "chat_template", None))
