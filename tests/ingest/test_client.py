"""The HTTP client against a stub transport: paging, retries, User-Agent. No network."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from compliance.ingest.client import USER_AGENT, FetchError, OpenDataClient

from .conftest import load

BASE = "https://odata.test/v4"


Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler, sleeps: list[float] | None = None, **kw: Any) -> OpenDataClient:
    record = sleeps if sleeps is not None else []
    return OpenDataClient(BASE, transport=httpx.MockTransport(handler), sleep=record.append, **kw)


def test_query_paging_and_user_agent() -> None:
    seen: list[httpx.Request] = []
    zaak = load("zaak-26643-1011.json")["value"][0]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if "page=2" in str(request.url):
            return httpx.Response(200, json={"value": [{**zaak, "Nummer": "2"}]})
        return httpx.Response(200, json={"value": [zaak],
                                         "@odata.nextLink": f"{BASE}/Zaak?page=2"})

    rows = client(handler).motions_by_kamerstuk("26643", 1011)
    assert [r["Nummer"] for r in rows] == ["2099Z00001", "2"]
    first = seen[0]
    assert first.headers["User-Agent"] == USER_AGENT
    flt = first.url.params["$filter"]
    assert "Soort eq 'Motie'" in flt and "d/Nummer eq 26643" in flt and "Volgnummer eq 1011" in flt
    assert "Besluit($expand=Stemming)" in first.url.params["$expand"]
    assert "$filter" not in seen[1].url.params  # the next link carries its own query


def test_retries_with_backoff_then_succeeds() -> None:
    answers = iter([httpx.Response(503), httpx.Response(429, headers={"Retry-After": "7"}),
                    httpx.Response(200, json={"value": []})])
    sleeps: list[float] = []
    assert client(lambda r: next(answers), sleeps, backoff=0.5).get_all(f"{BASE}/Zaak") == []
    assert sleeps == [0.5, 7.0]  # exponential backoff; Retry-After honoured


def test_retries_are_bounded() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(500)

    sleeps: list[float] = []
    with pytest.raises(FetchError, match="HTTP 500 after 3 attempts"):
        client(handler, sleeps, max_retries=2, backoff=1, max_wait=1.5).get_all(f"{BASE}/Zaak")
    assert len(calls) == 3 and sleeps == [1, 1.5]


def test_network_errors_are_retried() -> None:
    state = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        state["n"] += 1
        if state["n"] == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json={"value": [{"Id": "x"}]})

    assert client(handler).get_all(f"{BASE}/Zaak") == [{"Id": "x"}]


def test_client_errors_fail_at_once_and_bad_bodies_are_reported() -> None:
    calls: list[int] = []

    def not_found(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(404)

    with pytest.raises(FetchError, match="HTTP 404"):
        client(not_found).get_all(f"{BASE}/Zaak")
    assert calls == [1]
    with pytest.raises(FetchError, match="not JSON"):
        client(lambda r: httpx.Response(200, text="<html>")).get_all(f"{BASE}/Zaak")


def test_paging_loops_and_runaway_paging_stop() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"value": [], "@odata.nextLink": f"{BASE}/Zaak"})

    with pytest.raises(FetchError, match="same page twice"):
        client(loop).get_all(f"{BASE}/Zaak")

    def endless(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params.get("p", "0"))
        return httpx.Response(200, json={"value": [], "@odata.nextLink": f"{BASE}/Zaak?p={n + 1}"})

    with pytest.raises(FetchError, match="more than 3 pages"):
        client(endless, max_pages=3).get_all(f"{BASE}/Zaak")
