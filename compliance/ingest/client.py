"""Fetching motions from the House's OData API: paging, polite retries, a User-Agent.

The transport is injectable so tests run against ``httpx.MockTransport`` and never
touch the network; ``sleep`` is injectable so retry tests do not wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from compliance.errors import Text
from compliance.ingest.opendata import BASE_URL

USER_AGENT = "motion-compliance/0.1 (import-motions; Tweede Kamer open data client)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
EXPAND = "ZaakActor,Document,Kamerstukdossier,Besluit($expand=Stemming)"


class FetchError(Exception):
    """The API could not be read (after retries); the message says what to try."""


class OpenDataClient:
    def __init__(
        self,
        base_url: str = BASE_URL,
        *,
        transport: httpx.BaseTransport | None = None,
        max_retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        max_pages: int = 50,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.max_retries, self.backoff, self.max_wait = max_retries, backoff, max_wait
        self.max_pages = max_pages
        self._sleep = sleep
        self._http = httpx.Client(transport=transport, timeout=timeout,
                                  headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                                  follow_redirects=True)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OpenDataClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, attempt: int, response: httpx.Response | None) -> float:
        retry_after = response.headers.get("Retry-After") if response is not None else None
        if retry_after is not None and retry_after.strip().isdigit():
            return min(float(retry_after), self.max_wait)
        return min(self.backoff * 2**attempt, self.max_wait)

    def get_json(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        """GET with bounded retries on network errors, 429 and 5xx; other errors fail at once."""
        problem = ""
        for attempt in range(self.max_retries + 1):
            response: httpx.Response | None = None
            try:
                response = self._http.get(url, params=params)
            except httpx.TransportError as e:
                problem = f"network error: {e.__class__.__name__}: {e}"
            else:
                if response.status_code not in RETRY_STATUS:
                    break
                problem = f"HTTP {response.status_code}"
            if attempt < self.max_retries:
                self._sleep(self._wait(attempt, response))
        else:
            raise FetchError(Text(f"{url}: {problem} after {self.max_retries + 1} attempts — "
                                  "try again later, or save the JSON and use --from",
                                  f"{url}: {problem} na {self.max_retries + 1} pogingen — probeer het "
                                  "later opnieuw, of sla de JSON op en gebruik --from"))
        if response.status_code >= 400:
            raise FetchError(Text(f"{url}: HTTP {response.status_code} — check the query "
                                  "(dossier and number) or the API address",
                                  f"{url}: HTTP {response.status_code} — controleer de vraag "
                                  "(dossier en nummer) of het adres van de API"))
        try:
            data = response.json()
        except ValueError:
            raise FetchError(Text(f"{url}: the answer is not JSON — check the API address",
                                  f"{url}: het antwoord is geen JSON — controleer het adres van de "
                                  "API")) from None
        if not isinstance(data, dict):
            raise FetchError(Text(f"{url}: the answer is not an OData JSON object",
                                  f"{url}: het antwoord is geen OData-JSON-object"))
        return data

    def get_all(self, url: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
        """All rows of a collection, following ``@odata.nextLink`` (bounded; no loops)."""
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        next_url: str | None = url
        for _ in range(self.max_pages):
            if next_url is None:
                return rows
            data = self.get_json(next_url, params)
            params = None  # the next link carries the query itself
            seen.add(next_url)
            value = data.get("value", [])
            if not isinstance(value, list):
                raise FetchError(f"{next_url}: 'value' is not a list")
            rows.extend(value)
            link = data.get("@odata.nextLink")
            next_url = str(link) if link else None
            if next_url in seen:
                raise FetchError(f"{next_url}: the API returned the same page twice")
        if next_url is not None:
            raise FetchError(f"{url}: more than {self.max_pages} pages — narrow the query")
        return rows

    def motions_by_kamerstuk(self, dossier: str, number: int) -> list[dict[str, Any]]:
        """The Zaak rows of the motion printed as Kamerstuk ``dossier``, nr. ``number``."""
        digits = dossier.split("/")[0].split("-")[0]
        query = (
            "Soort eq 'Motie'"
            f" and Kamerstukdossier/any(d: d/Nummer eq {int(digits)})"
            f" and Document/any(doc: doc/Volgnummer eq {int(number)})"
        )
        return self.get_all(f"{self.base_url}/Zaak", {"$filter": query, "$expand": EXPAND})
