"""Safe YAML loading that keeps the source position of every key and value.

The document is built from the parser's event stream rather than with
``yaml.safe_load`` so that (1) nesting depth, alias expansion and size are bounded
*while* parsing, before any large structure exists; (2) no tag can construct an
object: only the core scalar, sequence and mapping tags are accepted; (3) dates stay
the strings the author wrote (a position's ``2023-04`` must not become a datetime);
(4) duplicate keys are an error instead of silently keeping the last one.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.parser import Parser as _ParserBase
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from compliance.errors import InputError, InputErrors, Text, msg, same
from compliance.loading.textfile import read_text_file
from compliance.source import Document, Path_


class PythonParser(Reader, Scanner, _ParserBase):
    """PyYAML's pure-Python event parser: the fallback, and the C parser's cross-check in tests."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        _ParserBase.__init__(self)


try:  # libyaml's parser is several times faster; fall back silently where it is missing.
    # PyYAML does not export CParser itself: CBaseLoader is that parser plus the base
    # constructor and resolver, of which only the event stream (get_event) is used.
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = PythonParser


MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_ALIASES = 100
MAX_INT = 2**63 - 1

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {_CORE + "seq", _CORE + "map"}


class _AskPython(Exception):
    """libyaml met something it reads differently from PyYAML: the Python parser decides."""


class _Fail(Exception):
    def __init__(self, mark: Any, problem: Text, fix: Text) -> None:
        self.mark, self.problem, self.fix = mark, problem, fix


# PyYAML's Python parser words every syntax error (load_text): its sentences, by how they
# read, said in Dutch too; a named group is filled into the Dutch; any other sentence is
# shown as the parser wrote it
_PARSER_WORDS = tuple((re.compile(pattern), key) for pattern, key in (
    (r"mapping values are not allowed here", "e_yp_mapping_values"),
    (r"mapping keys are not allowed here", "e_yp_mapping_keys"),
    (r"sequence entries are not allowed here", "e_yp_dash"),
    (r"could not find expected ':'", "e_yp_expected_colon"),
    (r"found character '\\t' that cannot start any token", "e_yp_tab"),
    (r"found character (?P<char>.+) that cannot start any token", "e_yp_token"),
    (r"expected <block end>, but found", "e_yp_block_end"),
    (r"found unexpected end of stream", "e_yp_end_of_stream"),
    (r"expected ',' or '(?P<bracket>[\]}])', but got", "e_yp_flow_end"),
    (r"expected the node content, but found", "e_yp_node"),
    (r"found unknown escape character (?P<char>.+)", "e_yp_escape"),
    (r"expected escape sequence of \d+ hexadecimal numbers", "e_yp_hex"),
    (r"expected alphabetic or numeric character, but found", "e_yp_alias_name"),
))


def parser_words(sentence: str) -> Text:
    """The YAML parser's sentence in both languages: the English as the parser wrote it."""
    for pattern, key in _PARSER_WORDS:
        found = pattern.match(sentence)
        if found:
            return Text(sentence, msg(key, **found.groupdict()).nl)
    return same(sentence)


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_resolver = Resolver()
_constructor = SafeConstructor()


_resolved: dict[tuple[str, Any], str] = {}


def _implicit_tag(value: str, implicit: Any) -> str:
    """The tag YAML resolves an untagged scalar to: a pure function of its text and of
    whether it was plain, memoised because position files repeat their keys and values
    (fact names, dates, booleans) and the resolver runs a regular expression per try."""
    if len(value) > 64:  # not a repeated key or value: a long-lived process keeps no texts
        return _resolver.resolve(ScalarNode, value, implicit)
    key = (value, implicit)
    tag = _resolved.get(key)
    if tag is None:
        if len(_resolved) >= 8192:
            _resolved.clear()
        tag = _resolved[key] = _resolver.resolve(ScalarNode, value, implicit)
    return tag


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = _implicit_tag(event.value, event.implicit)
    if tag not in _SCALAR_TAGS:
        raise _Fail(
            event.start_mark,
            msg("e_yaml_tag", tag=repr(tag)),
            msg("e_yaml_tag_fix"),
        )
    if tag == _CORE + "timestamp":
        return event.value  # keep dates as written; schemas check their form
    if tag == _CORE + "str":
        return event.value
    if event.implicit[0] and not _YAML_12.fullmatch(event.value):
        _yaml_11(event, tag)
    try:
        value = _constructor.construct_object(ScalarNode(tag, event.value))
    except ValueError:  # e.g. an integer of over 4,300 digits (Python's int() limit)
        raise _Fail(event.start_mark, msg("e_number_too_large"), msg("e_number_below_fix",
                                                                     limit=MAX_INT)) from None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        raise _Fail(event.start_mark, msg("e_integer_too_large"), msg("e_number_below_fix", limit=MAX_INT))
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise _Fail(event.start_mark, msg("e_nan"), msg("e_nan_fix"))
    return value


# What a plain scalar must look like to be read as a boolean or a number here: YAML 1.2's
# core forms, decimal only. PyYAML reads YAML 1.1, where `yes`, `on`, `0x413`, `0755`
# (octal), `1:2:3` (base 60) and `1_000` are booleans and numbers too: an author who
# wrote one rarely meant that, so it is refused with the reading spelled out.
_YAML_12 = re.compile(r"true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?(0|[1-9][0-9]*)"
                      r"|[-+]?(\.[0-9]+|(0|[1-9][0-9]*)\.[0-9]*)([eE][-+]?[0-9]+)?"
                      r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def _yaml_11(event: yaml.ScalarEvent, tag: str) -> None:
    value = _constructor.construct_object(ScalarNode(tag, event.value)) if tag != _CORE + "null" else None
    if tag == _CORE + "bool":
        word = str(value).lower()
        raise _Fail(event.start_mark, msg("e_yaml11_bool", text=event.value, value=word),
                    msg("e_yaml11_bool_fix", text=event.value, value=word))
    if tag in (_CORE + "int", _CORE + "float"):
        raise _Fail(event.start_mark, msg("e_yaml11_number", text=event.value, value=value),
                    msg("e_yaml11_number_fix", text=event.value))


def _key(event: yaml.ScalarEvent) -> str:
    """A mapping key as written: `yes:` is the key 'yes', not 'True', and `0x1:` not '1'."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = _implicit_tag(event.value, event.implicit)
    if tag not in _SCALAR_TAGS:
        raise _Fail(event.start_mark, msg("e_yaml_tag", tag=repr(tag)), msg("e_yaml_tag_fix"))
    if tag == _CORE + "null":
        raise _Fail(event.start_mark, msg("e_key_plain"), msg("e_key_plain_fix"))
    return event.value


def _count(value: Any) -> int:
    stack, n = [value], 0
    while stack:
        v = stack.pop()
        n += 1
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return n


def _build(text: str, doc: Document, parser_class: Any, *, cautious: bool = False) -> None:
    """Build plain data from events with an explicit stack (no recursion). ``cautious``:
    give up (_AskPython) where libyaml and PyYAML are known to read a document differently."""
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[dict[str, Any]] = []  # frames: {"kind", "value", "path", "key", "anchor", "flow"}
    nodes = aliases = 0
    root_set = False
    # Where a "?" is in the text (cautious only): each must turn out to be inside a quoted
    # or block scalar, or inside a plain scalar of block context after a letter or digit
    # (a query in a link: https://host/page?id=1), where both parsers read it as text.
    questions = [i for i, ch in enumerate(text) if ch == "?"] if cautious and "?" in text else []
    cleared = 0  # how many of them are
    flow = 0  # open flow collections ([...] or {...}) around the current event

    def attach(value: Any, start: tuple[int, int], mark: Any) -> Path_ | None:
        nonlocal root_set
        if not stack:
            if root_set:
                raise _Fail(mark, msg("e_multi_doc"), msg("e_multi_doc_fix"))
            doc.data, root_set = value, True
            doc.value_locs[()] = start
            return ()
        frame = stack[-1]
        if frame["kind"] == "seq":
            path = (*frame["path"], len(frame["value"]))
            frame["value"].append(value)
            doc.value_locs[path] = start
            return path
        if frame["key"] is _NOKEY:
            if not isinstance(value, str | int | bool) or isinstance(value, dict | list):
                raise _Fail(mark, msg("e_key_plain"), msg("e_key_plain_fix"))
            key = str(value) if not isinstance(value, str) else value
            if key in frame["value"]:
                raise _Fail(mark, msg("e_duplicate_key", key=repr(key)), msg("e_duplicate_key_fix"))
            frame["key"] = key
            frame["key_loc"] = start
            return None
        key = frame["key"]
        path = (*frame["path"], key)
        frame["value"][key] = value
        frame["key"] = _NOKEY
        doc.value_locs[path] = start
        doc.key_locs[path] = frame["key_loc"]
        return path

    parser = parser_class(text)
    try:
        while True:
            event = parser.get_event()
            if event is None:
                break
            if type(event) is _SCALAR_EVENT and stack and not event.anchor and event.value and not questions:
                # the common case first, without the checks below that cannot apply to it:
                # a scalar inside a collection, with no anchor, in a text without a "?"
                # to place (the generic path below handles the rest identically)
                nodes += 1
                if nodes > MAX_NODES:
                    raise _Fail(event.start_mark, msg("e_too_many_values"),
                                msg("e_too_many_values_fix", limit=MAX_NODES))
                frame = stack[-1]
                awaiting_key = frame["kind"] == "map" and frame["key"] is _NOKEY
                value = _key(event) if awaiting_key else _scalar(event)
                mark = event.start_mark
                attach(value, _pos(mark), mark)
                continue
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.StreamStartEvent | yaml.DocumentStartEvent | yaml.DocumentEndEvent):
                continue
            start = _pos(event.start_mark)
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES or event.anchor not in anchors:
                    raise _Fail(event.start_mark, msg("e_aliases"), msg("e_aliases_fix", limit=MAX_ALIASES))
                value, size = anchors[event.anchor]
                nodes += size
                if nodes > MAX_NODES:
                    raise _Fail(event.start_mark, msg("e_alias_large"), msg("e_alias_large_fix"))
                attach(value, start, event.start_mark)
                continue
            nodes += 1
            if nodes > MAX_NODES:
                raise _Fail(event.start_mark, msg("e_too_many_values"),
                            msg("e_too_many_values_fix", limit=MAX_NODES))
            if isinstance(event, yaml.ScalarEvent):
                if cautious and not event.value:
                    raise _AskPython  # the parsers differ on where (and whether) an empty value is
                if questions:
                    first, end = event.start_mark.index, event.end_mark.index
                    inside = questions[bisect.bisect_right(questions, first):
                                       bisect.bisect_left(questions, end)]
                    if event.style:  # quoted or block: every character is text to both
                        cleared += len(inside)
                    elif not flow:
                        cleared += sum(text[i - 1] in _ASCII_ALNUM for i in inside)
                awaiting_key = bool(stack) and stack[-1]["kind"] == "map" and stack[-1]["key"] is _NOKEY
                value = _key(event) if awaiting_key else _scalar(event)
                attach(value, start, event.start_mark)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                continue
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                if event.tag not in (None, "!") and event.tag not in _COLLECTION_TAGS:
                    raise _Fail(event.start_mark, msg("e_yaml_tag", tag=repr(event.tag)),
                                msg("e_yaml_tag_object_fix"))
                if len(stack) >= MAX_DEPTH:
                    raise _Fail(event.start_mark, msg("e_too_deep", limit=MAX_DEPTH), msg("e_too_deep_fix"))
                seq = isinstance(event, yaml.SequenceStartEvent)
                value = [] if seq else {}
                path = attach(value, start, event.start_mark)
                if path is None:
                    raise _Fail(event.start_mark, msg("e_key_plain"), msg("e_key_plain_fix"))
                stack.append({"kind": "seq" if seq else "map", "value": value, "path": path,
                              "key": _NOKEY, "anchor": event.anchor, "flow": bool(event.flow_style)})
                flow += bool(event.flow_style)
                continue
            if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                frame = stack.pop()
                flow -= frame["flow"]
                if frame["anchor"]:
                    anchors[frame["anchor"]] = (frame["value"], _count(frame["value"]))
                continue
    finally:
        if hasattr(parser, "dispose"):
            parser.dispose()
    if cleared < len(questions):
        raise _AskPython  # a "?" in a comment, a flow collection or an indicator's place


class _NoKey:
    pass


_SCALAR_EVENT = yaml.ScalarEvent


_NOKEY = _NoKey()


def load_text(text: str, file: str, *, parser: Any = None) -> Document:
    """Parse YAML ``text``; raise :class:`InputErrors` on anything unsafe or malformed.

    ``parser``: read with this event parser class alone. By default libyaml reads the
    text where it reads it as PyYAML's Python parser does, and the Python parser reads
    everything else and words every error (see :func:`_fast`)."""
    if parser is None:
        fast = _fast(text, file)
        if fast is not None:
            return fast
        parser = PythonParser
    doc = Document(file=file, data=None)
    try:
        _build(text, doc, parser)
    except _Fail as f:
        line, col = _pos(f.mark)
        raise InputErrors([InputError(file, line, col, f.problem, f.fix)]) from None
    except yaml.MarkedYAMLError as e:
        line, col = _pos(e.problem_mark or e.context_mark)
        problem = msg("e_yaml_syntax", detail=parser_words(str(e.problem or e.context)))
        raise InputErrors([InputError(file, line, col, problem, msg("e_yaml_syntax_fix"))]) from None
    except yaml.reader.ReaderError as e:  # control characters and the like
        # Its position counts characters from the start of the text, not columns.
        pos = min(max(e.position, 0), len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char = e.character if isinstance(e.character, str) else chr(e.character)
        raise InputErrors([InputError(file, line, col, msg("e_control_char", code=f"{ord(char):04X}"),
                                      msg("e_control_char_fix"))]) from None
    except yaml.YAMLError as e:  # pragma: no cover - every other error is marked
        raise InputErrors([InputError(file, 1, 1, msg("e_unreadable_yaml", detail=" ".join(str(e).split())),
                                      msg("e_save_utf8_fix"))]) from None
    return doc


# Characters around which the two parsers disagree (tests/test_yaml_fast.py finds them):
# libyaml accepts tabs, "? " and a block scalar's header followed by a comment without a
# space ("|#", "|-#") where PyYAML refuses them, and reads a byte-order mark and the
# Unicode line breaks otherwise. A text holding one is left to PyYAML. A "?" is too
# (libyaml reads explicit keys and "?" in flow collections that PyYAML refuses), unless
# every "?" sits inside a scalar where both read it as a character (see _build).
_NOT_FAST = re.compile("[\t\ufeff\x85\u2028\u2029]|[|>][-+0-9]*#")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _fast(text: str, file: str) -> Document | None:
    """The document as libyaml reads it, or None to leave the text to the Python parser.

    PyYAML's Python parser stays the reference: libyaml's document is taken only when
    libyaml reads the text and nothing in it is known to be read differently; anything
    it refuses is re-read by the Python parser, so every error message is PyYAML's."""
    if _Parser is PythonParser or _NOT_FAST.search(text) or Reader.NON_PRINTABLE.search(text):
        return None
    doc = Document(file=file, data=None)
    try:
        _build(text, doc, _Parser, cautious=True)
    except Exception:  # any refusal is re-decided (and worded) by the Python parser
        return None
    return doc


def load_file(path: Path, display: str | None = None, *, root: Path | None = None) -> Document:
    """Read and parse a YAML file, refusing oversized or non-UTF-8 files before parsing
    (and, with ``root``, a symbolic link out of that folder: see read_text_file)."""
    name = display or str(path)
    return load_text(read_text_file(path, name, max_bytes=MAX_BYTES, what=Text("YAML text", "YAML-tekst"),
                                    root=root), name)
