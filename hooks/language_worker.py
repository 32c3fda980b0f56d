"""A warm process that builds one other language for ``mkdocs serve``.

Started by ``other_languages.py`` with the language in its environment; reads
one line per rebuild on its input, builds with a freshly loaded configuration,
and answers ``built`` or ``failed``. It ends when its input closes. Its log
goes to the terminal of ``mkdocs serve``: warnings and errors only, the first
language already says what is being built.
"""

from __future__ import annotations

import logging
import os
import sys

from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


def main(config_file: str) -> None:
    answers = os.fdopen(os.dup(1), "w")  # the answers; anything printed goes to the log instead
    os.dup2(2, 1)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(ColorFormatter() if sys.stderr.isatty() else logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    serve_url = os.environ.get("SCO_SITE_SERVE_URL") or None
    for _request in sys.stdin:
        try:
            config = load_config(config_file)
            if serve_url:
                config.site_url = serve_url
            build(config, serve_url=serve_url)
            answer = "built"
        except (MkDocsException, SystemExit):
            answer = "failed"
        except Exception:  # the preview goes on; the next save may fix it
            logging.getLogger("mkdocs").exception("the other language could not be built")
            answer = "failed"
        answers.write(answer + "\n")
        answers.flush()


if __name__ == "__main__":
    main(sys.argv[1])
