"""YAML syntax errors in words an editor understands, with the line to fix.

The parser (libyaml) words its errors for programmers: "mapping values are not
allowed in this context". Here each common one becomes a plain sentence and a
hint; an unknown one keeps the parser's words after a plain sentence.
"""

from __future__ import annotations

import re

import yaml

from .errors import Location, Problem, quoted

_INDENT_HINT = "lines of the same block start in the same column; indent with spaces"
_QUOTE_HINT = "put the whole text in double quotes, e.g. title: \"Astana: the summit\""

# (what libyaml says, plain message, hint); the first match wins.
_EXPLANATIONS: tuple[tuple[str, str, str], ...] = (
    ("mapping values are not allowed", "a ':' followed by a space cannot stand here", _QUOTE_HINT),
    ("could not find expected ':'", "a line here has no ':' after its key", "write 'key: value'; a text that goes on to the next line must be indented further"),
    ("did not find expected key", "this line is not indented like the lines above it", _INDENT_HINT),
    ("did not find expected '-' indicator", "this line is not indented like the list above it", "every entry of a list starts with '- ' in the same column"),
    ("expected <block end>", "this line is not indented like the lines above it", _INDENT_HINT),
    ("expected ',' or ']'", "the list that starts with this '[' is not closed properly", "separate entries with ', ' and end the list with ']' on the same line"),
    ("expected ',' or '}'", "the block that starts with this '{' is not closed properly", "separate entries with ', ' and end the block with '}' on the same line"),
    ("found unexpected end of stream", "a quotation mark or bracket opened here is never closed", "every \" ' [ and { needs its closing partner"),
    ("undefined alias", "aliases (*name) are not allowed in data files", "write the value out in full"),
    ("expected a single document", "the file holds more than one document", "a data file holds one entity; remove the '---' line"),
    ("maximum nesting depth", "the file is nested too deeply", "data files need only a few levels of indentation"),
    ("escape", "a backslash '\\' in a double-quoted text starts an escape code that is not valid", "write '\\\\' for a backslash, or use single quotes"),
    ("hexdecimal number", "a backslash '\\' in a double-quoted text starts an escape code that is not valid", "write '\\\\' for a backslash, or use single quotes"),
)


def explain_syntax_error(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """One located problem for a YAML syntax error."""
    said = ", ".join(part for part in (error.context, error.problem) if part)
    mark = _place_to_fix(error, said)
    where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path, 1, 1)
    line = _line(text, mark.line) if mark else ""
    key_start = error.context_mark
    if "simple key" in said and key_start and _key_length(_line(text, key_start.line), key_start.column) > _MAX_KEY:
        return Problem(Location(path, key_start.line + 1, key_start.column + 1), f"the key on this line is longer than {_MAX_KEY} characters, which YAML does not allow", "a key is a short word such as 'title'; a long text belongs after the ':'")
    if mark and "\t" in line[: mark.column + 1]:
        return Problem(where, "this line is indented with a tab", "YAML needs spaces for indenting; replace the tab by spaces")
    opened = (_swallowing_quote(text, mark.line) or _unclosed_quote(text, mark.line)) if mark else None
    if opened:
        return Problem(
            Location(path, opened[0] + 1, opened[1] + 1),
            "the quotation mark that starts this text is not closed on the same line",
            "end the text with the same mark; inside a text, write „…“ or “…” instead of straight quotes",
        )
    if "cannot start any token" in said and mark:
        character = line[mark.column : mark.column + 1] or "?"
        return Problem(where, f"a value cannot start with the character {quoted(character)}", "put the whole text in double quotes")
    for fragment, message, hint in _EXPLANATIONS:
        if fragment in said:
            return Problem(where, message, hint)
    return Problem(where, f"the file cannot be read as YAML here ({said or 'unknown reason'})", _INDENT_HINT)


def explain_reader_error(error: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    """A character YAML refuses (a control character), located by line and column."""
    before = text[: max(error.position, 0)]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return Problem(
        Location(path, line, column),
        f"the file contains an invisible control character (U+{code:04X})",
        "delete it; such characters often come in with copied text",
    )


# libyaml reads a key only up to this many characters.
_MAX_KEY = 1024


def _place_to_fix(error: yaml.MarkedYAMLError, said: str) -> yaml.Mark | None:
    """Where the editor has to look: for a quote or bracket left open, where it was opened.

    The parser notices an unclosed quote or bracket only lines later, often
    at the end of the file; it remembers where the quote or bracket began.
    """
    opened = error.context_mark
    found = error.problem_mark
    if opened is not None and ("end of stream" in said or "flow" in said):
        return opened
    return found or opened


def _key_length(line: str, column: int) -> int:
    """How long the key starting at the column is, up to its ':' (0 if there is none)."""
    rest = line[column:]
    colon = rest.find(": ")
    colon = colon if colon >= 0 else (len(rest.rstrip()) - 1 if rest.rstrip().endswith(":") else -1)
    return max(colon, 0)


def _line(text: str, index: int) -> str:
    lines = text.split("\n")
    return lines[index] if 0 <= index < len(lines) else ""


# A value that starts with a quote: after 'key: ', '- ', or both.
_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?)(["'])(.*)$""")


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of a quoted text near the error that its line never closes.

    A quote left open swallows the following lines, so the parser stumbles
    a line or more later; the place to fix is where the quote was opened.
    """
    lines = text.split("\n")
    for index in range(min(error_line, len(lines) - 1), max(-1, error_line - 6), -1):
        match = _QUOTED_VALUE.match(lines[index])
        if not match:
            continue
        mark, rest = match.group(2), match.group(3).rstrip()
        closing = r'(?<!\\)"' if mark == '"' else "'"
        if not re.search(closing, rest):
            return index, len(match.group(1))
    return None


def _swallowing_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of a quoted text that ran over several lines and ended where the error is.

    A quote left open runs on until the next quotation mark, however far
    down; the text then breaks there. Reading the tokens again finds where
    that long quoted text began.
    """
    last = None
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") and token.end_mark.line > token.start_mark.line:
                last = token
    except yaml.YAMLError:
        pass
    if last is not None and last.end_mark.line == error_line:
        return last.start_mark.line, last.start_mark.column
    return None
