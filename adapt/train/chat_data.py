"""Instruction data: conversations -> token ids with a mask that is True on assistant tokens only.

The text is rendered with the tokenizer's own chat template. Which characters belong to the
assistant is found by rendering growing prefixes of the conversation: the text added by an
assistant message (its content and end-of-turn marker) is what the model learns to produce;
system and user text, and the template's role headers, are context only.
"""

from __future__ import annotations

from adapt.data.conversations import ChatDataError


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
