"""Gradio tabs (data, train, evaluate, arena, publish), one file per tab.

The app arrives with the Gradio app issue; the engine in adapt/ is complete without it and never
imports this package.
"""
