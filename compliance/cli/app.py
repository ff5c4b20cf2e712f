"""The typer app and what every command shares: typed options, the error guard, output.

A command is a module of this package that decorates a function with ``@app.command()``
and is imported in ``compliance/cli/__init__.py``. Command bodies only parse, validate,
call the library and print; nothing in the library imports this package.
"""

from __future__ import annotations

import difflib
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from compliance.errors import NO_FIX, InputError, InputErrors, InternalError, Text, localize, msg, said
from compliance.gate import FAIL_LEVELS, ExitCode
from compliance.reports import FORMATS

app = typer.Typer(
    name="compliance",
    help="Check cabinet positions against motions adopted by the Tweede Kamer. "
    "Toetst kabinetsposities aan aangenomen moties.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


# every report format of compliance.reports, in its registry's order
Fmt = StrEnum("Fmt", [(name, name) for name in FORMATS])  # type: ignore[misc]


TEXT = Fmt("text")


class TextJson(StrEnum):
    """The formats of the commands that print a table or JSON (timeline, lint, test, ...)."""

    text = "text"
    json = "json"


FailOn = StrEnum("FailOn", [(name, name) for name in FAIL_LEVELS])  # type: ignore[misc]
UNDECLARED = FailOn("undeclared")  # the default gate: an undeclared conflict fails
# check's gates: the finding levels, and an overdue duty of conduct (compliance duties), which
# fails a run only when asked, so that a change to an unrelated letter is never blocked by it
OVERDUE_DUTY = "overdue-duty"
CheckFailOn = StrEnum("CheckFailOn", [(n, n) for n in (*FAIL_LEVELS, OVERDUE_DUTY)])  # type: ignore[misc]


def finding_level(levels: Sequence[str]) -> str:
    """The finding level of some --fail-on values: the widest finding level given (undetermined
    includes conflict includes undeclared), 'never' when only other gates are given."""
    given = [lv for lv in levels if lv in FAIL_LEVELS and lv != "never"]
    return max(given, key=FAIL_LEVELS.index) if given else "never"


class BackendName(StrEnum):
    durable = "durable"
    direct = "direct"


WorkspaceOpt = Annotated[Path, typer.Option("--workspace", "-w", help="folder with motions/ and "
                                            "rules/ (default: the current folder)")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="language of the output: nl or en")]
BackendOpt = Annotated[BackendName, typer.Option("--backend", help="rule engine: durable or direct")]
TextJsonOpt = Annotated[TextJson, typer.Option("--format", "-f", help="output format: text or json")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="evaluate as of YYYY-MM-DD "
                                             "(default: each position's own date)")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="write the report to this "
                                               "file (atomically)")]
InterpretationOpt = Annotated[list[str] | None, typer.Option(
    "--interpretation", help="NAME or MOTION=NAME: choose a rule interpretation")]


BROKEN_PIPE = 128 + signal.SIGPIPE  # what a shell reports for a writer whose reader left
TERMINATED = 128 + signal.SIGTERM


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class Terminated(BaseException):
    """SIGTERM, raised in the main process so cleanup runs and nothing prints a traceback."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated


def guarded(fn: Callable[[], int], failures: tuple[type[Exception], ...] = (),
            lang: str = "nl") -> NoReturn:
    """Run a command body; input errors become exit 2 (said in ``lang``, the command's
    --lang) and ``failures`` (e.g. a network error) exit 1, each as a message, never a
    traceback."""
    try:
        code = fn()
    except InputErrors as e:
        typer.echo(e.render(str(lang)), err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except failures as e:
        from compliance.i18n import t

        typer.echo(t("cli_error", str(lang), detail=localize(said(e), str(lang))), err=True)
        raise typer.Exit(ExitCode.FAILED) from None
    except InternalError as e:
        typer.echo(f"internal error: {e}", err=True)
        raise typer.Exit(ExitCode.INTERNAL) from None
    except KeyboardInterrupt:
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        # the reader went away (`| head -1`): stop quietly, as a program killed by SIGPIPE
        _silence_stdout()
        raise typer.Exit(BROKEN_PIPE) from None
    except Exception as e:
        if os.environ.get("COMPLIANCE_DEBUG"):
            raise
        typer.echo(f"internal error: {type(e).__name__}: {e} (set COMPLIANCE_DEBUG=1 for details)",
                   err=True)
        raise typer.Exit(ExitCode.INTERNAL) from None
    raise typer.Exit(int(code))


def interpretations(values: list[str] | None) -> dict[str, str] | None:
    """``--interpretation`` values as motion -> name ("*" for every motion)."""
    out: dict[str, str] = {}
    for v in values or []:
        motion, _, name = v.rpartition("=")
        out[motion or "*"] = name
    return out or None


def bad_option(option: str, problem: Text, fix: Text = NO_FIX) -> InputErrors:
    """One located error for an option value (``--option:1:1: problem — fix``)."""
    return InputErrors([InputError(option, 1, 1, problem, fix)])


def check_as_of(as_of: str | None) -> None:
    """Refuse an --as-of that is not a (partial) date."""
    if as_of is None:
        return
    from compliance.dates import PartialDate

    try:
        PartialDate.parse(as_of)
    except ValueError as e:
        raise bad_option("--as-of", said(e), msg("e_as_of_fix")) from None


def check_output(output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Refuse an --output that cannot be what the user meant, before any work: an empty
    name, a folder (typer drops a trailing slash, so the raw argument is read), or one of
    the input files (``inputs``: files and folders read), which the report would replace."""
    if output is None:
        return
    raw = _given(sys.argv[1:], ("--output", "-o"))
    if raw is None:
        raw = str(output)
    if not raw.strip():
        raise bad_option("--output", Text("the file name is empty", "de bestandsnaam is leeg"),
                         Text("give a file name, e.g. report.json",
                              "geef een bestandsnaam, bijv. report.json"))
    at = str(output)  # located at the path, as the writer's own refusals are

    def refuse(problem: Text, fix: Text) -> InputErrors:
        return InputErrors([InputError(at, 1, 1, problem, fix)])

    try:
        is_dir, parent_ok, target = output.is_dir(), output.parent.is_dir(), output.resolve()
    except (OSError, RuntimeError):
        return  # a name too long, a link loop: the writer refuses it with its own message
    if raw.endswith(("/", os.sep)) or is_dir:
        problem = msg("e_output_folder") if is_dir else Text("the output names a folder that does not exist",
                                                             "de uitvoer noemt een map die niet bestaat")
        raise refuse(problem, msg("e_output_file_fix"))
    if not parent_ok:
        folder = repr(str(output.parent))
        raise refuse(Text(f"no folder {folder} to write the report in",
                          f"geen map {folder} om het rapport in te schrijven"),
                     Text("create the folder first or check the path",
                          "maak eerst de map of controleer het pad"))
    for p in inputs:
        try:
            source = p.resolve()
        except (OSError, RuntimeError):
            continue
        if target == source or (p.is_dir() and target.is_relative_to(source)
                                and target.suffix.lower() in (".yaml", ".yml")):
            raise refuse(Text("this is an input file of this run; writing the report there would replace it",
                              "dit is een invoerbestand van deze controle; het rapport zou het vervangen"),
                         Text("write the report elsewhere", "schrijf het rapport ergens anders heen"))


def emit(content: str | Iterable[bytes], output: Path | None) -> None:
    """Print or write a report: its text, or its UTF-8 bytes in parts (streamed)."""
    from compliance.reports import write_atomically

    if output is not None:
        write_atomically(output, content)
    elif isinstance(content, str):
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        sys.stdout.flush()
        for part in content:
            sys.stdout.buffer.write(part)
        sys.stdout.buffer.flush()


# typer vendors click in recent versions and uses click in older ones: reach click's
# exception type through a class typer exports rather than through either module
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _given(args: Sequence[str], opts: Sequence[str]) -> str | None:
    """The value given for an option (``--opt VALUE`` or ``--opt=VALUE``), the last one."""
    found = None
    for i, a in enumerate(args):
        for o in opts:
            if a == o and i + 1 < len(args):
                found = args[i + 1]
            elif a.startswith(o + "="):
                found = a[len(o) + 1:]
    return found


def _choices(param: Any) -> list[str]:
    """The allowed values of an option typed by one of our enums (click's Choice in older
    typer versions, the annotation in newer ones)."""
    choices = getattr(getattr(param, "type", None), "choices", None)
    if choices:
        return [str(c) for c in choices]
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return [m.value for m in annotation]
    return []


def _empty_path(args: Sequence[str]) -> str | None:
    """The option or argument given an empty path ('' or --option=), or None. (--output
    says it itself: an empty file name.)"""
    cmd = _command()
    i = 0
    while hasattr(cmd, "commands") and i < len(args) and args[i] in cmd.commands:
        cmd, i = cmd.commands[args[i]], i + 1
    if hasattr(cmd, "commands"):
        return None
    paths = [p for p in cmd.params if "Path" in str(p.bare_type()) and "--output" not in p.opts]
    options = {o for p in paths if p.param_type_name == "option" for o in p.opts}
    argument = next((p.name.upper() for p in paths if p.param_type_name == "argument"), None)
    rest = list(args[i:])
    for j, a in enumerate(rest):
        if a == "--":
            return argument if argument and "" in rest[j + 1:] else None
        name, eq, value = a.partition("=")
        if eq and name in options and not value:
            return name
        if a == "":
            before = rest[j - 1] if j else ""
            if before in options:
                return before
            if argument and not before.startswith("-"):
                return argument
    return None


def usage_lang(args: Sequence[str]) -> str:
    """The language a command line asks for: its --lang when that is nl or en, else Dutch
    (the commands' default; an unknown --lang is itself said in Dutch)."""
    lang = _given(args, ("--lang",))
    return lang if lang in ("nl", "en") else "nl"


def _dutch_usage(error: Any, args: Sequence[str], choices: list[str] | None) -> str | None:
    """Click's common usage errors in Dutch, rebuilt from the error's own fields (Click says
    them in English only); None for any other, which is shown as Click words it."""
    from typer._click import exceptions as ce  # typer's own copy of Click's errors

    param = getattr(error, "param", None)
    given = getattr(error, "param_hint", None) or (param.get_error_hint() if param is not None else None)
    hint = " / ".join(repr(h) for h in given) if isinstance(given, list | tuple) else given
    if isinstance(error, ce.MissingParameter) and hint:
        kind = "argument" if getattr(param, "param_type_name", "") == "argument" else "optie"
        return f"{kind} {hint} ontbreekt"
    if isinstance(error, ce.NoSuchOption):
        options = sorted(error.possibilities or ())
        return f"onbekende optie: {error.option_name}" + (f"; bedoelde u {' of '.join(options)}?"
                                                            if options else "")
    if isinstance(error, ce.BadOptionUsage) and error.message.endswith("requires an argument."):
        return f"optie '{error.option_name}' vraagt een waarde"
    if isinstance(error, ce.BadParameter) and param is not None and hint:
        value = _given(args, param.opts)
        if choices and value is not None:
            listed = ", ".join(repr(c) for c in choices)
            return f"ongeldige waarde voor {hint}: {value!r} is niet een van {listed}"
        # the detail is the option's own check (or pydantic's words), as it wrote it
        detail = " ".join(error.message.replace("Value error, ", "").split())
        return f"ongeldige waarde voor {hint}: {detail}"
    message = error.format_message()
    if message.startswith("No such command"):
        names = message.split("'")[1::2]
        nearest = f"; bedoelde u '{names[1]}'?" if len(names) > 1 else ""
        return f"onbekende opdracht '{names[0] if names else ''}'{nearest}"
    return None


def usage_line(error: Any, args: Sequence[str]) -> str:
    """A usage error as one line in the command line's language (its --lang, else Dutch), with
    a did-you-mean for a value outside an option's choices."""
    lang = usage_lang(args)
    message = " ".join(error.format_message().replace("Value error, ", "").split())
    param = getattr(error, "param", None)
    choices = _choices(param)
    if lang == "nl":
        message = _dutch_usage(error, args, choices) or message
    if choices and param is not None:
        value = _given(args, param.opts)
        close = difflib.get_close_matches(value or "", choices, n=1, cutoff=0.5)
        if close:
            message = f"{message.rstrip('.')}; " + (f"bedoelde u {close[0]!r}?" if lang == "nl"
                                                    else f"did you mean {close[0]!r}?")
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "compliance"
    if lang == "nl":
        return f"gebruiksfout: {message} (zie '{command} --help')"
    return f"usage error: {message} (see '{command} --help')"


def _without_flag_types(command: Any) -> None:
    """A plain flag takes no value: show none in --help (typer writes ``<bool>`` after it)."""
    for param in getattr(command, "params", []):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    original = command.get_help_option  # --help is made per call, not kept in params

    def help_option(ctx: Any) -> Any:
        option = original(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _without_flag_types(sub)


def _command() -> Any:
    """The click command of the app, with flags shown as flags."""
    command = typer.main.get_command(app)
    _without_flag_types(command)
    return command


def main(argv: Sequence[str] | None = None) -> None:
    """The console script: usage errors as one line (exit 2), other exits as the commands say."""
    args = list(sys.argv[1:] if argv is None else argv)
    empty = _empty_path(args)
    if empty is not None:  # '' would be read as the current folder, silently
        problem = InputError(empty, 1, 1, Text("the path is empty", "het pad is leeg"),
                             Text("give a path ('.' for the current folder)",
                                  "geef een pad ('.' voor de huidige map)"))
        typer.echo(problem.render(usage_lang(args)), err=True)
        sys.exit(ExitCode.BAD_INPUT)
    main_pid = os.getpid()
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        code = _command()(args=args, prog_name="compliance", standalone_mode=False)
    except _ClickException as e:
        if type(e).__name__ == "NoArgsIsHelpError":  # `compliance` alone: the help, as typed
            typer.echo(e.format_message(), err=True)  # type: ignore[attr-defined]
        elif isinstance(e, _UsageError):
            typer.echo(usage_line(e, args), err=True)
        else:
            typer.echo(f"error: {' '.join(e.format_message().split())}", err=True)  # type: ignore[attr-defined]
        sys.exit(int(getattr(e, "exit_code", ExitCode.BAD_INPUT)))
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except Terminated:
        if os.getpid() != main_pid:  # a forked worker: leave without running the parent's cleanup
            os._exit(TERMINATED)
        sys.exit(TERMINATED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(BROKEN_PIPE)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(BROKEN_PIPE)
    sys.exit(int(code or 0))


class MethodName(StrEnum):
    """How lint and analyze search a rule's fact space."""

    auto = "auto"  # enumerate small spaces, the solver beyond
    enumerate = "enumerate"
    solver = "solver"


MethodOpt = Annotated[MethodName, typer.Option(
    "--method", help="auto (enumerate small spaces, solver beyond), enumerate or solver")]
