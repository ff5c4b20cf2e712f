"""Typed input errors: every problem a user can cause is reported as
``file:line:col: problem — how to fix`` and never as a traceback, in Dutch or English.

A problem and its fix are :class:`Text` values: the English text (a ``str``, so sorting,
comparing and ``str(error)`` work as they always did) carrying its Dutch. Build one with
``Text(en=..., nl=...)`` at the call site, or with ``msg(key, **values)`` from a key of
``compliance/i18n.py`` for a message several places share (CONTRIBUTING.md, "Add an error
message").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class Text(str):
    """An English text that carries its Dutch (``.nl``); ``str()`` of it is the English.

    A plain ``str`` where a Text is expected (a library's own message) is shown as it is
    in both languages: never nothing."""

    nl: str

    def __new__(cls, en: str, nl: str) -> Text:
        obj = super().__new__(cls, en)
        obj.nl = nl
        return obj

    def __reduce__(self) -> tuple[Any, ...]:  # errors cross process boundaries (--jobs)
        return (Text, (str(self), self.nl))


NO_FIX = Text("", "")  # an error whose problem says it all


def localize(text: str, lang: str) -> str:
    """``text`` in ``lang``: a Text's Dutch or English, any other string as it is."""
    if lang == "nl" and isinstance(text, Text):
        return text.nl
    return str(text)


def msg(key: str, /, **values: Any) -> Text:
    """The message of ``key`` (compliance/i18n.py) in both languages; a value that is itself
    a Text is filled in in each language."""
    from compliance.i18n import entry

    texts = entry(key)

    def one(lang: str) -> str:
        return texts[lang].format(**{k: localize(v, lang) if isinstance(v, str) else v
                                     for k, v in values.items()})

    return Text(one("en"), one("nl"))


def said(e: BaseException) -> Text:
    """What an exception says, in both languages when it was raised with a Text (a
    ValueError from compliance.dates or a model's check), else its words in both."""
    first = e.args[0] if len(e.args) == 1 else None
    return first if isinstance(first, Text) else same(str(e))


def same(text: str) -> Text:
    """A text that is the same in both languages (a name, a library's own message)."""
    return text if isinstance(text, Text) else Text(text, text)


@dataclass(frozen=True, order=True)
class InputError:
    file: str
    line: int
    column: int
    problem: str
    fix: str = ""
    # what kind of problem, for tools that sort them (lint): unknown-name, type-mismatch,
    # concept-cycle or invalid; set where the error is raised, never read from the text
    code: str = field(default="invalid", compare=False)

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str) -> str:
        """``file:line:col: problem — fix`` in ``lang`` (nl or en), on one line."""
        from compliance.text_safety import line

        problem, fix = localize(self.problem, lang), localize(self.fix, lang)
        # one line whatever a file name or a quoted value holds
        text = f"{self.file}:{self.line}:{self.column}: {problem}"
        return line(f"{text} — {fix}" if fix else text)


@dataclass
class InputErrors(Exception):
    """Raised with every error found, so a user fixes a file in one go."""

    errors: list[InputError] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        return "\n".join(e.render(lang) for e in sorted(set(self.errors)))


class InternalError(Exception):
    """A defect in this program, not in the user's input (e.g. the two evaluators disagree)."""


def did_you_mean(name: str, options: Iterable[str]) -> Text:
    """'did you mean 'x'?' for the closest of ``options``, or '' (in both languages)."""
    options = sorted(options)
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if not close:  # a typo of one word of a longer name: "strikt" for "strict-reading"
        by_word = {w: o for o in reversed(options) for w in o.replace("_", "-").split("-")}
        close = [by_word[w] for w in difflib.get_close_matches(name, sorted(by_word), n=1, cutoff=0.75)]
    return msg("e_did_you_mean", name=repr(close[0])) if close else NO_FIX


def one_of(options: Iterable[str], sep: str = ", ") -> Text:
    """'use one of: a, b' in both languages."""
    return msg("e_use_one_of", options=sep.join(sorted(options)) or "-")
