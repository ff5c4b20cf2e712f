"""Shared by the workbench tests: an app over a workspace, and its test client."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

with warnings.catch_warnings():  # starlette's notice about its httpx client, raised on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from compliance.web.app import create_app
from compliance.web.settings import Settings

ORIGIN = "http://testserver"


def client(workspace: Path, **settings: Any) -> TestClient:
    app = create_app(Settings(workspace=workspace, allowed_hosts=("testserver",), **settings))
    return TestClient(app, base_url=ORIGIN)


def csrf(c: TestClient) -> str:
    page = c.get("/editor").text
    m = re.search(r'<meta name="csrf-token" content="([^"]+)"', page)
    assert m, "no CSRF token on the page"
    return m[1]


def form_of(html: str) -> list[tuple[str, str]]:
    """The fields a browser would submit for the editor form in ``html`` (inputs with
    their value, checked boxes and radios, selected options, textareas)."""
    from html.parser import HTMLParser

    out: list[tuple[str, str]] = []

    class P(HTMLParser):
        select: str | None = None
        textarea: str | None = None
        text = ""
        first: tuple[str, str] | None = None
        chosen = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k: v or "" for k, v in attrs}
            if tag == "input" and a.get("name"):
                kind = a.get("type", "text")
                if kind in ("checkbox", "radio") and "checked" not in a:
                    return
                if kind in ("submit", "button"):
                    return
                out.append((a["name"], a.get("value", "")))
            elif tag == "select" and a.get("name"):
                self.select, self.first, self.chosen = a["name"], None, False
            elif tag == "option" and self.select:
                if self.first is None:
                    self.first = (self.select, a.get("value", ""))
                if "selected" in a:
                    out.append((self.select, a.get("value", "")))
                    self.chosen = True
            elif tag == "textarea" and a.get("name"):
                self.textarea, self.text = a["name"], ""

        def handle_endtag(self, tag: str) -> None:
            if tag == "select" and self.select:
                if not self.chosen and self.first:
                    out.append(self.first)
                self.select = None
            elif tag == "textarea" and self.textarea:
                out.append((self.textarea, self.text.removeprefix("\n")))
                self.textarea = None

        def handle_data(self, data: str) -> None:
            if self.textarea:
                self.text += data

    P(convert_charrefs=True).feed(html)
    return out


def replace(fields: list[tuple[str, str]], name: str, *values: str) -> list[tuple[str, str]]:
    return [f for f in fields if f[0] != name] + [(name, v) for v in values]


def post_form(c: TestClient, url: str, fields: list[tuple[str, str]], origin: str | None = ORIGIN,
              **kw: Any) -> Any:
    """POST the fields as a browser posts a form (urlencoded, with its Origin)."""
    from urllib.parse import urlencode

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if origin:
        headers["Origin"] = origin
    return c.post(url, content=urlencode(fields), headers=headers, **kw)
