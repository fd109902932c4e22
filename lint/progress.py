"""A progress bar on stderr for long runs in a terminal: files done, findings so far, rate.

It is shown only when stderr is a terminal, no CI is detected, ``TERM`` is not ``dumb`` and the
report is one people read (never with machine formats, whose consumers parse every byte). It
appears only once a run has lasted a moment, so short runs never flicker, and it is removed
when the run ends. While it is up, report lines written to the same terminal go through the
bar's console so the two do not overwrite each other.
"""

from __future__ import annotations

import io
import os
import sys
import time
from typing import TYPE_CHECKING, Mapping, TextIO

if TYPE_CHECKING:
    from lint.runner import FileResult

__all__ = ["should_show", "RunProgress", "CI_VARIABLES"]

#: variables set by CI services; any of them set (and not "false"/"0") means "no progress bar"
CI_VARIABLES = ("CI", "CONTINUOUS_INTEGRATION", "BUILD_NUMBER", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD",
                "BUILDKITE", "CIRCLECI", "TRAVIS", "JENKINS_URL", "TEAMCITY_VERSION")
DELAY = 0.5  # seconds before the bar appears


def in_ci(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name, "").strip().lower() not in ("", "0", "false", "no") for name in CI_VARIABLES)


def should_show(human_format: bool, stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether a run may draw a progress bar on ``stream`` (stderr by default)."""
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return human_format and terminal and not in_ci(environ) and environ.get("TERM", "") != "dumb"


class _CurrentStdout(io.TextIOBase):
    """Writes to whatever ``sys.stdout`` is now, so the bar's console can take report lines over.

    While the bar may be up, text is gathered and handed on about ten times a second: each
    hand-over redraws the bar once, however many report lines it carries.
    """

    def __init__(self, interval: float = 0.1) -> None:
        super().__init__()
        self.interval = interval
        self.parts: list[str] = []
        self.last = time.monotonic()
        self.buffering = True

    def write(self, text: str) -> int:
        if not self.buffering:
            return sys.stdout.write(text)
        self.parts.append(text)
        if time.monotonic() - self.last >= self.interval:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            sys.stdout.write("".join(self.parts))
            self.parts.clear()
        sys.stdout.flush()
        self.last = time.monotonic()

    def stop_buffering(self) -> None:
        self.flush()
        self.buffering = False

    def isatty(self) -> bool:
        return sys.stdout.isatty()


class RunProgress:
    """Counts files and findings; draws a transient rich progress display on ``stream``."""

    def __init__(self, stream: TextIO | None = None, delay: float = DELAY) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = Console(file=stream or sys.stderr)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.completed}[/] files"),
            BarColumn(bar_width=None, pulse_style="cyan"),
            TextColumn("{task.fields[findings]} findings"),
            TextColumn("{task.fields[rate]} files/s"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
            redirect_stdout=True,
            redirect_stderr=True,
        )
        self.task = self.progress.add_task("check", total=None, findings=0, rate="-")
        self.files = 0
        self.findings = 0
        self.started = time.monotonic()
        self.delay = delay
        self.visible = False
        self.stream: _CurrentStdout | None = None

    def report_stream(self, out: TextIO) -> TextIO:
        """The stream a reporter should write to: stdout is followed so the bar can redirect it."""
        if out is not sys.stdout:
            return out
        self.stream = _CurrentStdout()
        return self.stream

    def advance(self, result: "FileResult") -> None:
        self.files += 1
        self.findings += len(result.findings)
        elapsed = time.monotonic() - self.started
        if not self.visible and elapsed >= self.delay:
            self.progress.start()
            self.visible = True
        rate = f"{self.files / elapsed:.1f}" if elapsed > 0 else "-"
        self.progress.update(self.task, completed=self.files, findings=self.findings, rate=rate)

    def close(self) -> None:
        """Hand on the report lines still held, then take the bar away."""
        if self.stream is not None:
            self.stream.stop_buffering()
        if self.visible:
            self.progress.stop()
            self.visible = False
