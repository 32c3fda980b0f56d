"""Rendering the model into Markdown pages (and a few HTML/SVG fragments)."""
