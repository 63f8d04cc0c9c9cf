"""Batched chat generation with a transformers model: the one generation path the project has.

Used by the local augmentation backend and by `python -m adapt serve` (the OpenAI-compatible
endpoint), so what a test serves over HTTP is produced by exactly this code.
"""

from __future__ import annotations

import torch


@torch.no_grad()
def generate_chat(model, tokenizer, conversations: list[list[dict]], max_new_tokens: int = 256,
                  temperature: float = 0.0, top_p: float = 0.95, seed: int | None = None) -> list[str]:
    """The assistant's reply to each conversation (greedy when temperature is 0)."""
    if not conversations:
        return []
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    side = tokenizer.padding_side
    tokenizer.padding_side = "left"  # generation continues from the right end of every row
    try:
        encoded = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    finally:
        tokenizer.padding_side = side
    device = next(model.parameters()).device
    encoded = {k: v.to(device) for k, v in encoded.items()}
    if seed is not None:
        torch.manual_seed(seed)
    sampling = temperature > 0
    output = model.generate(
        **encoded,
        max_new_tokens=max_new_tokens,
        do_sample=sampling,
        temperature=temperature if sampling else None,
        top_p=top_p if sampling else None,
        top_k=None,
        pad_token_id=tokenizer.pad_token_id,
        use_cache=True,
    )
    prompt_length = encoded["input_ids"].shape[1]
    return [clean_answer(tokenizer.decode(row[prompt_length:], skip_special_tokens=True)) for row in output]


def clean_answer(text: str) -> str:
    """An answer cut off (or ended by the model) inside a multi-byte character ends in U+FFFD: a
    broken character, not text; drop it."""
    return text.strip().rstrip("\ufffd").strip()
