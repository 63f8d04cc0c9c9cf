"""Files a caller hands to a handler: only those Gradio's upload route received.

A file input's value is a FileData whose path the caller writes, so an API call can name any path on
the server (issue 15). Gradio 6 refuses a path outside its upload folder before a handler runs
(processing_utils._check_allowed). Should that check ever lapse (a release, a setting, a change to
preprocessing), Gradio would first copy the named file into that same folder, where it would look
like an upload. Hence two checks of our own that do not rely on Gradio's:

- the path is one the upload route recorded as received (Blocks.upload_file_set), checked here;
- adapt.uploads.save_uploads reads only a regular file inside the upload folder, reached without
  following a link.
"""

from __future__ import annotations

import os
from pathlib import Path

import gradio as gr
from gradio.utils import get_upload_folder


def upload_folder() -> Path:
    """Where Gradio stores what its upload route receives: GRADIO_TEMP_DIR, else <temp>/gradio."""
    return Path(get_upload_folder())


def split_received(blocks: gr.Blocks, paths: list[str]) -> tuple[list[Path], list[Path]]:
    """(paths the upload route received, all other paths). Fails closed: a Gradio without the record
    received nothing."""
    # copy(): one C call under the GIL, while the upload route may be adding to the set.
    record = {os.path.abspath(p) for p in getattr(blocks, "upload_file_set", set()).copy()}
    received, foreign = [], []
    for path in paths:
        (received if os.path.abspath(path) in record else foreign).append(Path(path))
    return received, foreign
