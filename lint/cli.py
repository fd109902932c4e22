"""The ``scrapelint`` command: wires config, plugins, runner and reporters together.

Exit codes: 0 nothing found, 1 findings, 2 a usage error, a file that could not be checked,
or a rule or plugin that failed; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Iterable, TextIO

import click

from lint import __version__
from lint.reporters import FORMATS, HUMAN_FORMATS, NEEDS_PAGE_TEXT, NEEDS_RULES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Comma-separated and repeated options into one tuple; ``None`` when not given."""
    items = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    return items or None


def _fail(message: str) -> "NoReturn":  # noqa: F821
    click.echo(f"scrapelint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _linter(config: str | None, overrides: dict[str, Any], disable_plugin: tuple[str, ...], rules_dir: tuple[str, ...] = ()):
    from lint.api import Linter, LintError

    try:
        return Linter.create(config, overrides, _split(disable_plugin) or (), rules_dir)
    except LintError as error:
        _fail(str(error))


def _rules(linter) -> list:
    """Plugin rules plus the user rules of the working folder's configuration."""
    from lint.api import LintError

    try:
        return linter.rules()
    except LintError as error:
        _fail(str(error))


_rules_dir_option = click.option(
    "--rules-dir", "--plugins-dir", "rules_dir", multiple=True, type=click.Path(file_okay=False),
    help="Load unpackaged plugin modules (*.py) from this folder (also plugins-dir in config).",
)


def _report_plugin_problems(linter) -> bool:
    for problem in linter.plugins.problems:
        click.echo(f"scrapelint: error: plugin {problem.plugin}: {problem.message}", err=True)
    return bool(linter.plugins.problems)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="scrapelint")
def main() -> None:
    """scrapelint: find what a scraper brought in that is not the article."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config", type=click.Path(dir_okay=False), help="Use this configuration file for every path.")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (EMJ) or names; replaces the default set.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules to leave out.")
@click.option("--include", multiple=True, help="Globs of files to check in folders (default: *.txt *.text *.md *.markdown).")
@click.option("--exclude", multiple=True, help="Globs of files and folders to skip (replaces the default).")
@click.option("--extend-exclude", multiple=True, help="Globs to skip, added to the excludes.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too (for pre-commit).")
@click.option("--output-format", type=click.Choice(list(FORMATS)), default="text", show_default=True)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record every finding of this run in a baseline file (exit 0).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal, not in CI, human formats only).")
@click.option("--statistics", is_flag=True, help="Show counts per rule and family, pages affected and examples (json: the summary instead of the findings).")
@click.option("--statistics-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the statistics (per rule and family, share of records affected, examples) as JSON here.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--disable-plugin", multiple=True, help="Do not load this plugin (also SCRAPELINT_DISABLE_PLUGINS=a,b).")
@click.option("--color/--no-color", "colour", default=None, help="Colour output (default: on a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings, no summary or notices.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds a page may take; a rule still running then is reported (exit 2) and the run goes on.")
@_rules_dir_option
@click.option("--fix", is_flag=True, help="Apply safe fixes and rewrite the files; report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply unsafe fixes (such as cutting an off-topic tail).")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; write nothing (exit 1 if any).")
@click.option("--fix-only", is_flag=True, help="Apply fixes and do not report what remains (exit 0 unless a file failed).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="ray: lint shards of records with Ray Data and write the findings to --output-file (.parquet or .jsonl).")
@click.option("--address", help="--engine ray: the Ray cluster to use (default: start a local Ray with --jobs CPUs).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache of results.")
@click.option("--text-field", help="Shards of records: the field (column) holding a record's text [default: text].")
@click.option("--id-field", help="Shards of records: the field holding a record's id [default: id; WARC: the target URI].")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="Shards of records: check N records of each shard, drawn at random with a fixed seed.")
@click.option("--cache-dir", type=click.Path(path_type=Path), envvar="SCRAPELINT_CACHE_DIR",
              help="Cache folder (default: .scrapelint_cache in the current folder).")
def check(paths: tuple[Path, ...], config: str | None, select, extend_select, ignore, include, exclude,
          extend_exclude, force_exclude: bool, output_format: str, output_file: Path | None,
          statistics: bool, exit_zero: bool, disable_plugin, colour: bool | None, quiet: bool,
          fix: bool = False, unsafe_fixes: bool = False, diff: bool = False, fix_only: bool = False,
          jobs: int | None = None, no_cache: bool = False, cache_dir: Path | None = None, rules_dir: tuple[str, ...] = (),
          baseline: Path | None = None, write_baseline: Path | None = None, progress: bool | None = None,
          text_field: str | None = None, id_field: str | None = None, sample: int | None = None,
          statistics_file: Path | None = None, engine: str = "local", address: str | None = None, timeout: float | None = None) -> None:
    """Check pages (files and folders; default: the current folder)."""
    overrides = {
        "select": _split(select),
        "extend_select": _split(extend_select),
        "ignore": _split(ignore),
        "include": _split(include),
        "exclude": _split(exclude),
        "extend_exclude": _split(extend_exclude),
        "timeout": timeout,
        "text_field": text_field,
        "id_field": id_field,
        "sample": sample,
    }
    linter = _linter(config, overrides, disable_plugin, rules_dir)
    plain = not (fix or diff or fix_only or statistics or statistics_file or baseline or write_baseline
                 or no_cache or engine == "ray" or address or output_format in NEEDS_RULES)
    cached = _from_cache(linter, paths, cache_dir, force_exclude) if plain else None
    plugin_failed = cached is None and _report_plugin_problems(linter)
    from lint.console import started

    started()  # the plugins are loaded (or not needed): the rest of the run is pages
    if engine == "ray" or address:
        refused = [name for name, given in (("--fix", fix or fix_only), ("--diff", diff), ("--statistics", statistics),
                                            ("--statistics-file", statistics_file), ("--baseline", baseline),
                                            ("--write-baseline", write_baseline)) if given]
        if engine != "ray" or refused:
            _fail("--address needs --engine ray" if engine != "ray" else f"{refused[0]} is not available with --engine ray")
        _check_on_ray(linter, paths, output_file, address, jobs, force_exclude, quiet, exit_zero, plugin_failed)
    no_cache = no_cache or output_format in NEEDS_PAGE_TEXT  # cached results do not keep the page text
    if cached is None:
        _speed(linter, jobs, None if no_cache else cache_dir, no_cache, quiet)
    linter.keep_decoded = output_format in NEEDS_PAGE_TEXT  # memory stays flat on many pages
    from lint.reporters import ReportContext, get_reporter

    out: TextIO
    out = sys.stdout
    if output_file is not None:
        try:
            out = open(output_file.with_name(output_file.name), "w", encoding="utf-8")
        except OSError as error:
            _fail(f"{output_file}: cannot write: {error.strerror or error}")
    is_tty = out.isatty()
    context = ReportContext(  # a run answered from the cache has no plugins and no format that needs them
        rules={rule.code: rule for rule in _rules(linter)} if cached is None else {},
        families=linter.plugins.families if cached is None else {},
        colour=(is_tty and not os.environ.get("NO_COLOR")) if colour is None else colour,
        show_source=is_tty and output_format == "text",
        statistics=statistics,
    )
    fix_options = _fix_options(fix, unsafe_fixes, diff, fix_only)
    context.fix_mode, context.unsafe_fixes = fix_options is not None, unsafe_fixes
    report = fix_options is None or not (diff or fix_only)
    accepted, recorder = _baselines(baseline, write_baseline)
    bar = _progress_bar(progress, output_format, report and not diff)
    reporter = get_reporter(output_format, bar.report_stream(out) if bar else out, context)
    from lint.api import LintError

    tally = _Tally(linter.plugins.families if statistics_file is not None else None)
    checked = cached if cached is not None else linter.check_paths(paths or (Path("."),), force_exclude=force_exclude, fix=fix_options)
    try:
        for result in checked:
            _echo_problems(result, quiet)
            result = _track(result, recorder, accepted, bar)
            if diff:
                out.write(result.diff)
            elif report:
                reporter.file(result)
            tally.add(result)
    except LintError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _interrupted(checked, fix_options is not None and not diff)
    finally:
        if bar is not None:
            bar.close()
    if recorder is not None:
        _write_baseline(recorder, quiet)
    if tally.statistics is not None:
        _write_statistics(statistics_file, tally.statistics)
    if output_format == "text" and quiet:
        context.statistics = statistics
    if not report:
        _fix_summary(tally, diff, quiet)
    elif not (quiet and output_format in HUMAN_FORMATS):
        reporter.finish()
    if out is not sys.stdout:
        out.close()
    found = tally.diffs if diff else False if fix_only else tally.findings
    found = found and write_baseline is None  # a run that writes a baseline has just accepted its findings
    sys.exit(EXIT_ERROR if plugin_failed or tally.failed else EXIT_FINDINGS if found and not exit_zero else EXIT_CLEAN)


def _interrupted(checked: Iterable[Any], fixing: bool) -> "NoReturn":  # noqa: F821
    """Ctrl-C: the files in hand are finished first (worker processes complete their chunks, so no
    file is left half-written), then the run stops with 130, not with an exit code that reads as
    a verdict on the pages."""
    close = getattr(checked, "close", None)
    if close is not None:
        close()
    kept = "; files fixed so far stay fixed, the others are as they were" if fixing else ""
    click.echo(f"scrapelint: interrupted{kept}", err=True)
    sys.exit(EXIT_INTERRUPTED)


class _Tally:
    """What the end of a run needs from its results (exit code, fix summary, statistics file),
    counted as they come: a run over many files keeps no results for itself."""

    def __init__(self, families=None) -> None:
        self.failed = self.findings = self.diffs = False
        self.fixed = self.files_fixed = 0
        self.statistics = None
        if families is not None:
            from lint.corpus_stats import CorpusStatistics

            self.statistics = CorpusStatistics(families)

    def add(self, result) -> None:
        self.failed = self.failed or result.failed
        self.findings = self.findings or bool(result.findings)
        self.diffs = self.diffs or bool(result.diff)
        self.fixed += result.fixed
        self.files_fixed += bool(result.fixed)
        if self.statistics is not None:
            self.statistics.add(result)


def _check_on_ray(linter, paths, output_file: Path | None, address: str | None, jobs: int | None,
                  force_exclude: bool, quiet: bool, exit_zero: bool, failed: bool) -> "NoReturn":  # noqa: F821
    """``--engine ray``: the shards are linted on Ray (lint.ray_engine), findings go to the output file."""
    from lint.ray_engine import OUTPUT_SUFFIXES, RayEngineError, run_on_ray

    if output_file is None or not output_file.name.lower().endswith(OUTPUT_SUFFIXES):
        _fail("--engine ray writes its findings to --output-file FILE.parquet or FILE.jsonl")
    import logging

    from lint.parallel import default_jobs

    try:
        run = run_on_ray(linter, paths or (Path("."),), output_file, address=address,
                         num_cpus=None if address else jobs or default_jobs(), force_exclude=force_exclude,
                         log_level=logging.ERROR)
    except RayEngineError as error:
        _fail(str(error))
    for display, message in run.errors:
        click.echo(f"{display}: error: {message}", err=True)
    if not quiet:
        records = f"{run.records} record{'s' if run.records != 1 else ''}"
        shards = f"{run.shards} shard{'s' if run.shards != 1 else ''}"
        found = (f"Found {run.findings} finding{'s' if run.findings != 1 else ''} in {run.records_with} of {records} ({shards})"
                 if run.findings else f"All checks passed ({records} in {shards} checked)")
        click.echo(f"{found}; findings written to {output_file}.")
    sys.exit(EXIT_ERROR if run.errors or failed else EXIT_FINDINGS if run.findings and not exit_zero else EXIT_CLEAN)


def _baselines(baseline: Path | None, write_baseline: Path | None):
    """``--baseline`` (findings to drop) and ``--write-baseline`` (findings to record)."""
    if baseline is None and write_baseline is None:
        return None, None  # start-up: lint.baseline is imported only when asked for
    from lint.baseline import Baseline, BaselineError, BaselineWriter

    try:
        accepted = Baseline.load(baseline) if baseline is not None else None
    except BaselineError as error:
        _fail(str(error))
    return accepted, BaselineWriter(write_baseline) if write_baseline is not None else None


def _write_statistics(path: Path, statistics) -> None:
    """``--statistics-file``: the corpus summary as JSON, written whole or not at all."""
    import json
    import tempfile

    document = json.dumps(statistics.to_dict(), ensure_ascii=False, indent=2) + "\n"
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(document)
        os.replace(temporary, path)
    except OSError as error:
        _fail(f"{path}: cannot write statistics: {error.strerror or error}")


def _progress_bar(wanted: bool | None, output_format: str, reporting: bool):
    """A progress bar when asked, or by default when stderr is a terminal outside CI (lint.progress)."""
    from lint.progress import RunProgress, should_show

    human = output_format in HUMAN_FORMATS and reporting
    show = should_show(human) if wanted is None else wanted and human and sys.stderr.isatty()
    return RunProgress() if show else None


def _track(result, recorder, accepted, bar):
    """Record the result for a new baseline, drop what the baseline accepts, count progress."""
    if recorder is not None:
        recorder.add(result)
    if accepted is not None:
        result = accepted.filter(result)
    if bar is not None:
        bar.advance(result)
    return result


def _write_baseline(recorder, quiet: bool) -> None:
    from lint.baseline import BaselineError

    try:
        recorder.write()
    except BaselineError as error:
        _fail(str(error))
    if not quiet:
        click.echo(f"scrapelint: wrote {recorder.path} with {recorder.findings} finding(s)", err=True)


def _speed(linter, jobs: int | None, cache_dir: Path | None, no_cache: bool, quiet: bool) -> None:
    """Worker processes and the result cache (used by plain checks; --fix always reads the files)."""
    from lint.parallel import default_jobs

    linter.jobs = jobs or default_jobs()
    if no_cache:
        return
    from lint.cache import DEFAULT_CACHE_DIR, CacheError, ResultCache

    try:
        linter.cache = ResultCache.open(cache_dir or Path(DEFAULT_CACHE_DIR), linter.plugins)
        if not (linter.plugins.problems or linter.plugin_dirs):  # later runs may then skip the plugins
            from lint.quick import plugins_stamp

            linter.cache.plugins_stamp = plugins_stamp(linter.disabled_plugins)
    except CacheError as error:
        if cache_dir is not None:
            _fail(str(error))
        if not quiet:  # the default folder is a convenience: go on without it
            click.echo(f"scrapelint: warning: {error}; running without a cache", err=True)


def _from_cache(linter, paths: tuple[Path, ...], cache_dir: Path | None, force_exclude: bool):
    """Every result from the cache without loading the plugins (lint.quick), or ``None``."""
    if linter.plugin_dirs:
        return None  # local plugin folders are imported to be known
    from lint.cache import DEFAULT_CACHE_DIR
    from lint.quick import answer

    try:
        return answer(linter, paths or (Path("."),), cache_dir or Path(DEFAULT_CACHE_DIR), force_exclude)
    except Exception:  # a bug here must cost speed, never the run: check as usual
        return None


def _fix_options(fix: bool, unsafe: bool, diff: bool, fix_only: bool):
    """``--fix``, ``--fix-only`` and ``--diff`` fix pages (``--diff`` only shows it); ``None`` when not fixing."""
    if not (fix or diff or fix_only):
        return None
    from lint.fixfile import FixOptions

    return FixOptions(unsafe=unsafe, diff=diff)


def _fix_summary(tally: _Tally, diff: bool, quiet: bool) -> None:
    """One line for --diff (on stderr, so stdout stays a clean patch) and --fix-only."""
    if quiet:
        return
    fixed, files = tally.fixed, tally.files_fixed
    counted = f"{fixed} finding{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    if diff:
        click.echo(f"Would fix {counted}." if fixed else "No fixes available.", err=True)
    else:
        click.echo(f"Fixed {counted}." if fixed else "No fixes applied.")


def _echo_problems(result, quiet: bool) -> None:
    if result.error:
        click.echo(f"{result.display}: error: {result.error}", err=True)
    for failure in result.failures:
        click.echo(f"{result.display}: error: rule {failure.code} ({failure.name}) {failure.message}", err=True)
    if result.notice and not quiet:
        click.echo(f"{result.display}: notice: {result.notice}", err=True)


@main.command("rules")
@click.option("--config", "config", type=click.Path(dir_okay=False), help="Show the user rules of this configuration file.")
@click.option("--disable-plugin", multiple=True, help="Do not load this plugin.")
@_rules_dir_option
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(config: str | None, disable_plugin, rules_dir, output_format: str) -> None:
    """List every rule: code, name, family, fixable, plugin."""
    linter = _linter(config, {}, disable_plugin, rules_dir)
    _report_plugin_problems(linter)
    rules = _rules(linter)
    if output_format == "json":
        import json

        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "family": r.family, "fixable": r.fixable, "plugin": r.plugin,
             "origin": r.origin, "severity": r.severity.value, "summary": r.summary, "default_enabled": r.default_enabled}
            for r in rules
        ], ensure_ascii=False, indent=2))
        return
    width = max((len(rule.name) for rule in rules), default=4)
    click.echo(f"{'code':<7} {'name':<{width}}  {'family':<6} fix  {'plugin'}")
    for rule in rules:
        marker = "" if rule.origin == "builtin" else f" ({rule.origin})"
        fix = "yes" if rule.fixable else "-"
        click.echo(f"{rule.code:<7} {rule.name:<{width}}  {rule.family:<6} {fix:<4} {rule.plugin}{marker}")


@main.command("rule")
@click.argument("name")
@click.option("--config", "config", type=click.Path(dir_okay=False), help="Also explain the user rules of this configuration file.")
@click.option("--disable-plugin", multiple=True, help="Do not load this plugin.")
@_rules_dir_option
def explain_rule(name: str, config: str | None, disable_plugin, rules_dir) -> None:
    """Explain one rule (by code or name), with a bad and a good example."""
    from lint.selection import resolve_selector

    linter = _linter(config, {}, disable_plugin, rules_dir)
    matches = [rule for rule in resolve_selector(name, _rules(linter)) if rule.code == name.upper() or rule.name == name]
    if not matches:
        _fail(f"unknown rule {name!r} (see 'scrapelint rules')")
    rule = matches[0]
    family = linter.plugins.families.get(rule.family)
    lines = [
        f"{rule.code} ({rule.name})",
        "",
        rule.summary,
        "",
        f"Family:   {rule.family}" + (f" ({family.name})" if family else ""),
        f"Severity: {rule.severity.value}",
        f"Fix:      {'yes' if rule.fixable else 'no'}",
        f"Plugin:   {rule.plugin} ({rule.origin})",
        f"Enabled by default: {'yes' if rule.default_enabled else 'no'}",
        "",
        rule.explanation,
        "",
        "Bad:",
        *(f"    {line}" for line in rule.bad_example.splitlines()),
        "",
        "Good:",
        *(f"    {line}" for line in rule.good_example.splitlines()),
    ]
    if rule.options:
        lines += ["", f"Options ([tool.scrapelint.options.{rule.name}]):"]
        lines += [f"    {option.name} = {option.default!r}  # {option.help}" for option in rule.options]
    click.echo("\n".join(lines))


@main.command("plugins")
@click.option("--disable-plugin", multiple=True, help="Do not load this plugin.")
@_rules_dir_option
def list_plugins(disable_plugin, rules_dir) -> None:
    """List loaded plugins with their versions and rule counts."""
    linter = _linter(None, {}, disable_plugin, rules_dir)
    counts: dict[str, int] = {}
    for rule in linter.plugins.rules:
        counts[rule.plugin] = counts.get(rule.plugin, 0) + 1
    for plugin in sorted(linter.plugins.plugins, key=lambda p: p.name):
        kind = "built-in" if plugin.builtin else "local" if plugin.version == "local" else "third-party"
        click.echo(f"{plugin.name:<20} {plugin.version:<10} {kind:<12} {counts.get(plugin.name, 0)} rules  ({plugin.module})")
    for name in linter.plugins.disabled:
        click.echo(f"{name:<20} {'-':<10} disabled")
    if _report_plugin_problems(linter):
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":  # pragma: no cover
    main()
