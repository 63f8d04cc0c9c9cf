"""`python app.py` with Gradio's own check of file paths switched off, for the security tests.

Gradio 6 refuses, before any handler runs, a FileData whose path lies outside its upload folder
(processing_utils._check_allowed). The app must not depend on that alone: a Gradio release, a launch
setting or a change to preprocessing could let such a path through. Served this way, a caller-named
path reaches our handlers (after Gradio has copied the file into its cache, as it does for any file
it accepts), so the tests can show that the app's own checks refuse it.
"""

import runpy
import sys
from pathlib import Path

import gradio.processing_utils

gradio.processing_utils._check_allowed = lambda path, check_in_upload_folder: None

app = Path(__file__).resolve().parent.parent / "app.py"
sys.argv = [str(app)]
runpy.run_path(str(app), run_name="__main__")
