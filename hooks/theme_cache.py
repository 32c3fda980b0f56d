"""Compiled theme templates, kept for the whole MkDocs process.

MkDocs makes a new Jinja environment for every build: for each language pass,
and for each rebuild of ``mkdocs serve``. Compiling Material's templates anew
each time was about a seventh of a preview rebuild; with this cache they are
compiled once per process.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache in memory; a changed template fails its checksum and is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = MemoryBytecodeCache()
