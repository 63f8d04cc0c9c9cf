"""Running out of memory or disk while training: recognise it, say which setting to change.

A CUDA OOM, a CPU allocator failure and a MemoryError all mean "this batch does not fit"; the safe
fix the engine can make itself is a smaller micro-batch with more accumulation (same effective
batch, same learning dynamics). A full disk while writing a checkpoint leaves the previous
checkpoint intact (the Trainer writes trainer_state.json last and resume skips checkpoints
without it), so the run can be resumed once there is space.
"""

from __future__ import annotations

import errno
import os
import shutil

_OOM_MARKERS = ("out of memory", "can't allocate memory", "cannot allocate memory", "failed to allocate")
_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DISK_MARKERS = ("no space left on device", "disk quota exceeded", "file too large", "os error 28")


class TrainingResourceError(ValueError):
    """Out of memory or disk; the message names what to change. (A ValueError so the pipeline
    reports it as the user's to fix, not as an engine bug.)"""


def _chain(err: BaseException):
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        yield err
        err = err.__cause__ or err.__context__


def is_out_of_memory(err: BaseException) -> bool:
    import torch

    for e in _chain(err):
        if isinstance(e, (MemoryError, torch.OutOfMemoryError)):
            return True
        if isinstance(e, RuntimeError) and any(m in str(e).lower() for m in _OOM_MARKERS):
            return True
    return False


def is_disk_full(err: BaseException, folder=None) -> bool:
    """ENOSPC somewhere in the chain, or (for writers that lose the errno, like torch's zip writer:
    "unexpected pos ...") a failure while the disk under `folder` is all but full."""
    if folder is not None:
        try:
            usage = shutil.disk_usage(folder)
            if usage.free < max(2**20, usage.total // 100):
                return True
        except OSError:
            pass
    for e in _chain(err):
        if isinstance(e, OSError) and e.errno in _DISK_ERRNOS:
            return True
        if any(m in str(e).lower() for m in _DISK_MARKERS):
            return True
    return False


def out_of_memory_message(stage: str, micro_batch: int, context: int, method: str) -> str:
    tips = [f"{stage}.context_length (now {context})"]
    if micro_batch > 1:
        tips.insert(0, f"{stage}.micro_batch_size (now {micro_batch}; raise {stage}.grad_accum to keep the "
                       "effective batch)")
    tips.append(f"turn on {stage}.gradient_checkpointing")
    if method == "full":
        tips.append("use model.method=lora")
    return f"{stage}: out of memory at micro-batch {micro_batch} x {context} tokens. Lower " + ", or ".join(tips) + "."


def disk_full_message(stage: str, folder, last_checkpoint) -> str:
    kept = (f"the last complete checkpoint ({last_checkpoint.name}) is intact" if last_checkpoint is not None
            else "no checkpoint of this stage was complete yet")
    return (f"{stage}: the disk is full (writing under {folder}). Free some space, e.g. delete old runs, then "
            f"resume the run: {kept}.")


def disk_full_writing_message(stage: str, folder) -> str:
    """For a stage whose outputs are written whole (tmp + rename): nothing half-written was left."""
    return (f"{stage}: the disk is full (writing {folder}). Free some space, e.g. delete old runs, then resume the "
            "run or run the command again: nothing was left half-written.")


# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_MAX = -1, -2, -4


def keep_freed_memory() -> bool:
    """On a CPU, let freed tensor memory stay with the process for the next step to reuse.

    glibc serves every allocation above 32 MB (the logits of a micro-batch, most activations) with a
    fresh mmap and gives it back at free, so each training step page-faults its working set in again:
    on 2 cores a third of the time went to the kernel. Serving everything from the heap and trimming
    it only above 1 GB measured 16-18% more tokens/s (SmolLM2-135M, bench/knowledge_per_minute.py)
    for about 10% more resident memory. A no-op (False) where the C library is not glibc.
    """
    mallopt = _glibc("mallopt")
    return mallopt is not None and all(mallopt(param, value) == 1 for param, value in
                                       ((_M_MMAP_MAX, 0), (_M_TRIM_THRESHOLD, 1 << 30), (_M_TOP_PAD, 1 << 28)))


def give_back_freed_memory() -> None:
    """Hand the heap's free memory back to the system (glibc's malloc_trim): after a large object is
    replaced piece by piece, its freed pieces otherwise stay with the process. A no-op elsewhere."""
    malloc_trim = _glibc("malloc_trim")
    if malloc_trim is not None:
        malloc_trim(0)


def _glibc(function: str):
    """A function of the C library, or None where it has none of that name (not glibc)."""
    import ctypes
    import ctypes.util

    try:
        return getattr(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6"), function)
    except (OSError, AttributeError):
        return None


def available_ram_bytes() -> int:
    """Memory the system can give without swapping (MemAvailable), else all of it."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
