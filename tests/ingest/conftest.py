"""Fixtures of the ingest tests: constructed open-data JSON and a CLI app to invoke."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer

from compliance.cli.ingest import register

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def make_app() -> typer.Typer:
    """A CLI with only the ingest commands, as the main CLI registers them."""
    app = typer.Typer(pretty_exceptions_enable=False, add_completion=False)

    @app.callback()
    def _root() -> None:
        """test CLI"""

    register(app)
    return app


@pytest.fixture
def app() -> typer.Typer:
    return make_app()


@pytest.fixture
def zaak_1011() -> dict[str, Any]:
    return load("zaak-26643-1011.json")["value"][0]
