"""Core of the SCO chairmanship site: data loading, validation, model and rendering.

Nothing in this package imports MkDocs; the MkDocs layer lives in ``hooks/``.
"""
