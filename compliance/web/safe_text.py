"""Text the workbench sends, made encodable: a YAML escape (``"\\ud800"``) can put a lone
surrogate into a position's strings, which UTF-8 cannot encode. The command line writes such
text; the workbench answered 500 (issue 23). JSON gets the standard ``\\udXXX`` escape (the
value read back is the same string); an HTML page shows U+FFFD where the surrogate stands."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.responses import JSONResponse
from markupsafe import Markup

_LONE = re.compile(r"[\ud800-\udfff]")


def for_page(value: Any) -> Any:
    """Jinja's finalize: every value a template prints, without lone surrogates."""
    if isinstance(value, str) and _LONE.search(value):
        cleaned = _LONE.sub("\ufffd", value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


def for_json(text: str) -> str:
    """JSON text with its lone surrogates written as escapes (they occur only inside strings)."""
    return _LONE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeJSONResponse(JSONResponse):
    """FastAPI's JSON response, for content that may hold lone surrogates."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
        return for_json(text).encode("utf-8")
