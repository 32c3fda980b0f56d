"""The other language trees, each built by an MkDocs process of its own.

``mkdocs build`` builds the first language itself and, at the same time, each
other language in a child ``mkdocs build`` (the two cores work in parallel;
no build re-enters another): on Linux a copy of this process made once the
data is loaded (``ForkedBuild``), elsewhere a new process (``OneBuild``). The child's output is kept and shown after the
first language's, so the two do not interleave, and it is dropped when the
first language refuses the data (the problems are then printed once).

``mkdocs serve`` keeps one warm worker process per other language
(``language_worker.py``) and asks it to rebuild whenever the first language
rebuilds; a worker whose code (``hooks/``, ``sco_site/``) changed is replaced.
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import NoReturn

import sco_site
from language_pass import LanguagePass

log = logging.getLogger("mkdocs.plugins.sco_site")
WORKER = Path(__file__).with_name("language_worker.py")
# A copy of the process starts the other language fastest; only where fork is
# safe for everything a build loads (not macOS, whose system libraries are not).
CAN_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")
CODE_FOLDERS = (Path(__file__).parent, Path(sco_site.__file__).parent)


class OneBuild:
    """``mkdocs build`` of one other language, its output kept until it is shown."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: str) -> None:
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.output = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        self.output = self.process.stdout.read()

    def finish(self, show: bool) -> bool:
        """Wait for the build; show its output if asked; True if it succeeded."""
        self.process.wait()
        self._reader.join()
        if show:
            _show(self.output)
        return self.process.returncode == 0


def _show(output: bytes) -> None:
    """A finished build's output, after the first language's."""
    if output:
        sys.stderr.write(output.decode("utf-8", errors="replace"))
        sys.stderr.flush()


class ForkedBuild:
    """``mkdocs build`` of one other language in a copy of this process (Linux).

    A fork starts with Python, MkDocs, the theme and the loaded data already
    in memory: at the repository's size that start was a third of the other
    language's build. The copy runs MkDocs' own command line, as the separate
    process does, with its output going to a pipe until it is shown.
    """

    def __init__(self, arguments: list[str], env: dict[str, str], cwd: str) -> None:
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the copy: never returns
            os.close(read_end)
            _run_in_copy(arguments, env, cwd, write_end)
        os.close(write_end)
        self.output = b""
        self.returncode: int | None = None
        self._pipe = os.fdopen(read_end, "rb")
        self._reader = threading.Thread(target=self._read, daemon=True)

    def read_output(self) -> None:
        """Start taking in the copy's output (after every copy is made: a process with threads is not copied)."""
        self._reader.start()

    def _read(self) -> None:
        self.output = self._pipe.read()
        self._pipe.close()

    def finish(self, show: bool) -> bool:
        """Wait for the build; show its output if asked; True if it succeeded."""
        if self.returncode is None:
            self._reader.join()
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        if show:
            _show(self.output)
            self.output = b""
        return self.returncode == 0


def _run_in_copy(arguments: list[str], env: dict[str, str], cwd: str, output: int) -> NoReturn:
    code = 1
    try:
        os.dup2(output, 1)
        os.dup2(output, 2)
        os.close(output)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        logging.getLogger("mkdocs").handlers.clear()  # the command line adds its own, as in a new process
        from mkdocs.__main__ import cli

        cli.main(args=arguments, prog_name="mkdocs", standalone_mode=True)
        code = 0
    except SystemExit as end:
        code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
    except BaseException:  # whatever happens, the copy must not go on running the first language's build
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class Worker:
    """A warm ``mkdocs serve`` helper building one other language on request."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: str, code: float) -> None:
        self.code = code
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.pending = False

    def start(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        self.pending = True

    def finish(self, show: bool = True) -> bool:
        if not self.pending:
            return True
        self.pending = False
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip() == "built"

    def stop(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()  # the worker ends when its input does
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


_workers: dict[tuple[str, str], Worker] = {}  # warm workers of this serve session, by (config file, language)


class OtherLanguages:
    """Starts the other languages' builds for one build of the first language, and waits for them."""

    def __init__(self, language: LanguagePass, config_file: str, strict: bool, dirty: bool) -> None:
        self.language = language
        self.config_file = config_file
        self.strict = strict
        self.dirty = dirty
        self.running: dict[str, OneBuild | ForkedBuild | Worker] = {}

    @property
    def copies_this_process(self) -> bool:
        """True where the other languages are built by copies of this process (made best once the data is loaded)."""
        return CAN_FORK and not self.language.serving

    def start(self, serve_url: str = "") -> None:
        cwd = str(Path(self.config_file).parent)
        for lang in self.language.other_languages():
            env = self.language.environment_for(lang, serve_url)
            if self.language.serving:
                self.running[lang] = self._worker(lang, env, cwd)
                self.running[lang].start()
            elif CAN_FORK:
                self.running[lang] = ForkedBuild(self._build_command(lang)[3:], env, cwd)
            else:
                self.running[lang] = OneBuild(self._build_command(lang), env, cwd)
        for build in self.running.values():
            if isinstance(build, ForkedBuild):
                build.read_output()

    def finish(self, show: bool = True) -> list[str]:
        """Wait for every other language; the languages that failed."""
        return [lang for lang, build in self.running.items() if not build.finish(show)]

    def _build_command(self, lang: str) -> list[str]:
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", self.config_file, "--site-dir", self.language.site_dir_for(lang)]
        if self.strict:
            command.append("--strict")
        if self.dirty:
            command.append("--dirty")
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        if level > logging.INFO:
            command.append("--quiet")
        elif level < logging.INFO:
            command.append("--verbose")
        return command

    def _worker(self, lang: str, env: dict[str, str], cwd: str) -> Worker:
        key = (self.config_file, lang)
        code = code_version()
        worker = _workers.get(key)
        if worker is not None and (worker.code != code or worker.process.poll() is not None):
            worker.stop()  # its hooks or core code changed: a new process loads them anew
            worker = None
        if worker is None:
            worker = _workers[key] = Worker([sys.executable, str(WORKER), self.config_file], env, cwd, code)
        return worker


def stop_workers() -> None:
    while _workers:
        _workers.popitem()[1].stop()


atexit.register(stop_workers)


def code_version() -> float:
    """The newest modification time of the code and labels the hooks run."""
    newest = 0.0
    for folder in CODE_FOLDERS:
        for root, _, names in os.walk(folder):
            for name in names:
                if name.endswith((".py", ".yml", ".json")):
                    newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
    return newest
