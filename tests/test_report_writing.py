"""Reports are written whole or not at all, and free text cannot break out of its format."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from compliance.reports import write_atomically
from compliance.reports.github import _data, _prop
from compliance.reports.markdown import _md
from compliance.text_safety import UNSAFE, line


def test_an_interrupted_write_leaves_the_old_report_and_no_debris(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    write_atomically(target, "old complete report\n")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "new report that never finishes\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old complete report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_streamed_report_that_breaks_off_leaves_the_old_report(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    write_atomically(target, "old complete report\n")

    def parts() -> Iterator[bytes]:
        yield b'{"findings": ['
        raise RuntimeError("a worker died")

    with pytest.raises(RuntimeError):
        write_atomically(target, parts())
    assert target.read_text(encoding="utf-8") == "old complete report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    write_atomically(target, iter([b"new ", "r\u00e9port\n".encode()]))
    assert target.read_text(encoding="utf-8") == "new r\u00e9port\n"


def test_a_written_report_is_readable_like_other_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.json"
    write_atomically(target, "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def _undo_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _undo_prop(text: str) -> str:
    return _undo_data(text.replace("%3A", ":").replace("%2C", ","))


@given(st.text())
def test_annotation_text_round_trips_and_stays_on_one_line(text: str) -> None:
    assert _undo_data(_data(text)) == text
    # a property (file, title) is one line: unsafe characters shown as escapes (text_safety)
    assert _undo_prop(_prop(text)) == line(text)
    assert "\n" not in _data(text) and "\r" not in _data(text)
    assert not {",", ":"} & set(_prop(text))
    assert not UNSAFE.search(_prop(text))


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), min_size=1))
def test_markdown_escaping_keeps_text_literal(text: str) -> None:
    expected = " ".join(text.split())
    tokens = MarkdownIt("commonmark").parseInline(_md(text))
    children = tokens[0].children or []
    plain = "".join(t.content for t in children if t.type in ("text", "text_special"))
    assert all(t.type in ("text", "text_special", "softbreak") for t in children), children
    if expected:
        assert plain == expected


@given(st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), min_size=1))
def test_markdown_escaping_holds_at_the_start_of_a_continuation_line(text: str) -> None:
    expected = " ".join(text.split())
    tokens = MarkdownIt("commonmark").parse(f"- **item**\n  {_md(text)}\n")
    kinds = [t.type for t in tokens]
    assert kinds.count("bullet_list_open") == 1 and "ordered_list_open" not in kinds
    assert "heading_open" not in kinds and "code_block" not in kinds
    inline = next(t for t in tokens if t.type == "inline")
    plain = "".join(t.content for t in inline.children or [] if t.type in ("text", "text_special"))
    assert plain == "item" + expected
