"""Fault injection for the reliability tests, off unless ADAPT_FAULT is set.

    ADAPT_FAULT="kill:<point>:<n>"   SIGKILL this process the n-th time it passes <point>

Points: ingest.file, augment.doc, cpt.step, sft.step, eval.part. A test picks the point and n (at
random, seeded) so the process dies where a crash or an OOM killer could strike, with no warning and
no clean-up, and then checks that resume finishes the run without redoing or corrupting work.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

_passes: Counter[str] = Counter()


def passing(point: str) -> None:
    spec = os.environ.get("ADAPT_FAULT")
    if not spec:
        return
    kind, _, rest = spec.partition(":")
    where, _, count = rest.rpartition(":")
    if kind != "kill" or where != point:
        return
    _passes[point] += 1
    if _passes[point] == int(count):
        os.kill(os.getpid(), signal.SIGKILL)
