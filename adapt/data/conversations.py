"""Conversation files: JSONL of {"messages": [...]} (or ShareGPT's {"conversations": [...]}), read
with a line-by-line account of what was skipped and why. Read by the mix (SFT data, instructions in
CPT) and by augmentation (one-shot examples); the training stage encodes them (train/chat_data.py).
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
