"""Files handed to the browser (plots, zips, YAML).

Gradio serves only files under the working directory, its temp folder or `allowed_paths`. The data
directory may be elsewhere (a Space's /data), and allowing it wholesale would let anyone fetch any
user's files by path. So each file the page needs is linked (or copied) into a fresh private
folder under the temp directory, and Gradio serves that.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path


def servable(path: str | Path) -> str:
    source = Path(path)
    stat = source.stat()
    return _link(str(source), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _link(path: str, mtime_ns: int, size: int) -> str:
    """One private copy per version of a file: a page polling its plots does not pile up copies."""
    source = Path(path)
    target = Path(tempfile.mkdtemp(prefix="adapt-")) / source.name
    try:
        os.link(source, target)  # the same bytes without a copy when on one file system
    except OSError:
        shutil.copy2(source, target)
    return str(target)
