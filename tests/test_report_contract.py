"""The reports' contract in code: every registered format is a Renderer, every streamed one
a StreamedRenderer, and check --format offers exactly the registry."""

from __future__ import annotations

from compliance.cli.app import Fmt
from compliance.reports import FORMATS, STREAMED, Renderer, StreamedRenderer, renderer, streamed


def test_every_format_module_is_a_renderer() -> None:
    for fmt in FORMATS:
        assert isinstance(renderer(fmt), Renderer), fmt


def test_every_streamed_format_is_a_streamed_renderer() -> None:
    assert set(STREAMED) <= set(FORMATS)
    for fmt in STREAMED:
        module = streamed(fmt)
        assert isinstance(module, StreamedRenderer), fmt
        assert isinstance(module.SEPARATOR, bytes)


def test_the_cli_format_list_is_the_registry() -> None:
    assert [f.value for f in Fmt] == list(FORMATS)
