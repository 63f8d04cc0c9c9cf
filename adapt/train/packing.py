"""Sequence packing: many short sequences in fixed-length rows, no padding waste, no cross-talk.

Each row carries position_ids that restart at 0 where a new sequence begins. With no
attention_mask, transformers turns those restarts into a block-diagonal causal mask (sdpa,
eager) or varlen kernels (flash attention), so a token never attends to another document. The
first token of each sequence gets no loss: nothing before it in its own sequence predicts it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import torch

from adapt.fileio import write_json_atomic


@dataclass
class PackedSet:
    input_ids: np.ndarray  # (rows, length) int32
    position_ids: np.ndarray  # (rows, length) int32
    loss_mask: np.ndarray  # (rows, length) bool: this token is a training target
    real_mask: np.ndarray  # (rows, length) bool: this token is data, not padding
    truncated: int = 0

    @property
    def rows(self) -> int:
        return int(self.input_ids.shape[0])

    @property
    def real_tokens(self) -> int:
        return int(self.real_mask.sum())

    @property
    def target_tokens(self) -> int:
        return int(self.loss_mask.sum())

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("input_ids", "position_ids", "loss_mask", "real_mask"):
            np.save(folder / f"{name}.npy", getattr(self, name))
        # meta.json is written last: its presence marks a complete set after a crash.
        write_json_atomic(
            folder / "meta.json",
            {**meta, "rows": self.rows, "real_tokens": self.real_tokens, "target_tokens": self.target_tokens,
             "truncated": self.truncated},
        )

    @classmethod
    def load(cls, folder: Path) -> PackedSet | None:
        if not (folder / "meta.json").is_file():
            return None
        arrays = {n: np.load(folder / f"{n}.npy", mmap_mode="r") for n in ("input_ids", "position_ids", "loss_mask", "real_mask")}
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return cls(**arrays, truncated=meta.get("truncated", 0))


def pack_documents(documents: Iterable[Sequence[int]], length: int, eos_id: int, pad_id: int) -> PackedSet:
    """Continued pretraining: documents joined with EOS and cut into rows of `length` tokens.

    A document longer than the room left continues in the next row (with positions restarting),
    so nothing is thrown away and only the very last row is padded.
    """
    rows: list[tuple[list[int], list[int], list[bool], int]] = []
    ids: list[int] = []
    pos: list[int] = []
    loss: list[bool] = []

    def flush(pad: int) -> None:
        nonlocal ids, pos, loss
        rows.append((ids + [pad_id] * pad, pos + list(range(pad)), loss + [False] * pad, pad))
        ids, pos, loss = [], [], []

    for document in documents:
        tokens = list(document) + [eos_id]
        offset = 0
        while offset < len(tokens):
            take = min(length - len(ids), len(tokens) - offset)
            piece = tokens[offset : offset + take]
            ids.extend(piece)
            pos.extend(range(len(piece)))
            loss.extend([False] + [True] * (len(piece) - 1))
            offset += take
            if len(ids) == length:
                flush(0)
    if ids:
        flush(length - len(ids))
    return _to_arrays(rows, length)


def pack_examples(examples: Iterable[tuple[Sequence[int], Sequence[bool]]], length: int, pad_id: int) -> PackedSet:
    """Instruction tuning: whole examples placed into rows by first-fit decreasing, never split.

    An example longer than `length` is truncated (and counted), keeping its beginning.
    """
    items = []
    truncated = 0
    for ids, mask in examples:
        if len(ids) > length:
            truncated += 1
            ids, mask = ids[:length], mask[:length]
        if any(mask[1:]):
            items.append((list(ids), list(mask)))
    items.sort(key=lambda item: len(item[0]), reverse=True)
    bins: list[list[tuple[list[int], list[bool]]]] = []
    free: list[int] = []
    for item in items:
        size = len(item[0])
        for b, room in enumerate(free):
            if size <= room:
                bins[b].append(item)
                free[b] -= size
                break
        else:
            bins.append([item])
            free.append(length - size)
    rows = []
    for contents, room in zip(bins, free):
        ids: list[int] = []
        pos: list[int] = []
        loss: list[bool] = []
        for item_ids, item_mask in contents:
            ids.extend(item_ids)
            pos.extend(range(len(item_ids)))
            loss.extend([False, *item_mask[1:]])
        rows.append((ids + [pad_id] * room, pos + list(range(room)), loss + [False] * room, room))
    packed = _to_arrays(rows, length)
    packed.truncated = truncated
    return packed


def _to_arrays(rows: list[tuple[list[int], list[int], list[bool], int]], length: int) -> PackedSet:
    if not rows:
        empty = np.zeros((0, length), dtype=np.int32)
        return PackedSet(empty, empty.copy(), empty.astype(bool), empty.astype(bool))
    ids = np.array([r[0] for r in rows], dtype=np.int32)
    pos = np.array([r[1] for r in rows], dtype=np.int32)
    loss = np.array([r[2] for r in rows], dtype=bool)
    real = np.ones_like(loss)
    for i, row in enumerate(rows):
        if row[3]:
            real[i, length - row[3] :] = False
    return PackedSet(ids, pos, loss, real)


class PackedDataset(torch.utils.data.Dataset):
    """Rows of a PackedSet as the tensors a causal LM takes: no attention_mask on purpose.
    `with_row_index` adds each row's number (for a trainer that keeps per-row results)."""

    def __init__(self, packed: PackedSet, with_row_index: bool = False):
        self.packed = packed
        self.with_row_index = with_row_index

    def __len__(self) -> int:
        return self.packed.rows

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        ids = torch.from_numpy(np.asarray(self.packed.input_ids[i], dtype=np.int64))
        labels = ids.clone()
        labels[~torch.from_numpy(np.array(self.packed.loss_mask[i]))] = -100  # copy: mmap rows are read-only
        item = {
            "input_ids": ids,
            "position_ids": torch.from_numpy(np.asarray(self.packed.position_ids[i], dtype=np.int64)),
            "labels": labels,
        }
        if self.with_row_index:
            item["row_index"] = torch.tensor(i)
        return item
