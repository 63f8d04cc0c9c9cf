"""Where Domain Adapter keeps what it can rebuild: the converted offline model, evaluation results
of base models. ADAPT_CACHE, else $XDG_CACHE_HOME/domain-adapter, else ~/.cache/domain-adapter."""

from __future__ import annotations

import os
from pathlib import Path


def cache_home() -> Path:
    if os.environ.get("ADAPT_CACHE"):
        return Path(os.environ["ADAPT_CACHE"]).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "domain-adapter"
