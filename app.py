"""Domain Adapter: the Gradio app (a Hugging Face Space, or `python app.py` on port 7860).

Builds the Blocks from ui/ and launches; nothing else lives here.
"""

from ui.layout import build, launch_options

demo = build()

if __name__ == "__main__":
    demo.launch(**launch_options())
