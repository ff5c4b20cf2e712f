"""A letter file as plain text: UTF-8 text, HTML (stdlib parser) or PDF (pypdf, optional).

HTML: the text of the page with block elements (p, div, li, headings, br, tr) on their
own lines and scripts, styles and templates left out; nothing is fetched or executed.
PDF: pypdf's text extraction (install ``motion-compliance[pdf]``); a PDF without a
text layer (a scan) gives no text and is refused with a clear message.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from compliance.errors import InputError, InputErrors, Text
from compliance.loading.textfile import read_file_bytes, read_text_file

MAX_BYTES = 20 * 1024 * 1024
_BLOCK = frozenset(["p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5",
                    "h6", "section", "article", "header", "footer", "blockquote", "pre", "hr", "dt",
                    "dd", "td", "th", "title"])
_SKIP = frozenset(["script", "style", "template", "noscript", "head"])


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n" if tag in ("p", "div", "section", "h1", "h2", "h3", "h4",
                                                "table", "ul", "ol") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split("\n")) if "\n" in data else data)


def html_text(html: str) -> str:
    """The readable text of an HTML page; never raises on any string."""
    p = _Text()
    try:
        p.feed(html)
        p.close()
    except Exception:  # pragma: no cover - html.parser is lenient; keep what was read
        pass
    lines = [" ".join(line.split()) for line in "".join(p.parts).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def pdf_text(path: Path, display: str) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise InputErrors([InputError(display, 1, 1, Text("reading PDF needs the pypdf library",
                                                          "voor het lezen van een pdf is de bibliotheek "
                                                          "pypdf nodig"),
                                      Text("pip install 'motion-compliance[pdf]', or give the text "
                                           "(pdftotext letter.pdf)", "pip install 'motion-compliance[pdf]', "
                                           "of geef de tekst (pdftotext brief.pdf)"))]) from None
    raw = read_file_bytes(path, display, max_bytes=MAX_BYTES, what=Text("PDF letter", "een brief als pdf"))
    try:
        # pypdf logs and warns about a damaged file before it fails: the located error
        # line below says it, alone (issue 23)
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(raw))
            text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except InputErrors:
        raise
    except Exception as e:  # pypdf raises many types on damaged files
        raise InputErrors([InputError(display, 1, 1, Text(f"cannot read the PDF: {type(e).__name__}",
                                                          f"kan de pdf niet lezen: {type(e).__name__}"),
                                      Text("give the letter as text or HTML",
                                           "geef de brief als tekst of HTML"))
                           ]) from None
    if not text.strip():
        raise InputErrors([InputError(display, 1, 1, Text("the PDF has no text layer (a scan?)",
                                                          "de pdf heeft geen tekstlaag (een scan?)"),
                                      Text("give the letter as text, e.g. after OCR",
                                           "geef de brief als tekst, bijv. na OCR"))])
    return text


def read_letter(path: Path, display: str | None = None) -> str:
    """The letter's plain text, by file type (.pdf, .html/.htm, anything else as text)."""
    name = display or str(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_text(path, name)
    text = read_text_file(path, name, max_bytes=MAX_BYTES, what=Text("text, HTML or PDF letter",
                                                                     "een brief als tekst, HTML of pdf"))
    if suffix in (".html", ".htm", ".xhtml") or text.lstrip()[:200].lower().startswith(("<!doctype html",
                                                                                        "<html")):
        return html_text(text)
    return text
