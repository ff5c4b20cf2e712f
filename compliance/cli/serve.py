"""`compliance serve`: the advisers' workbench in the browser.

The web package is started by name (an import string handed to uvicorn), never imported
here: the interfaces stand side by side. Its settings travel in the environment.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import Lang, LangOpt, WorkspaceOpt, app, bad_option, guarded
from compliance.errors import Text

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _can_listen(host: str, port: int) -> None:
    """Refuse, before the URL is printed, an address this machine cannot listen on (a
    port in use, a host name that does not resolve): uvicorn would only log it."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise bad_option("--host", Text(f"{host!r} cannot be resolved ({e})",
                                        f"{host!r} is niet te vinden ({e})"),
                         Text("give an address such as 127.0.0.1",
                              "geef een adres zoals 127.0.0.1")) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as e:
            raise bad_option("--port", Text(f"cannot listen on {host}:{port}: {e.strerror}",
                                            f"kan niet luisteren op {host}:{port}: {e.strerror}"),
                             Text("pick another port (or stop what uses it)",
                                  "kies een andere poort (of stop wat hem gebruikt)")) from None


@app.command()
def serve(
    workspace: WorkspaceOpt = Path("."),
    host: Annotated[str, typer.Option(help="address to listen on; other than loopback needs --token")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    lang: LangOpt = Lang.nl,
    open_browser: Annotated[bool, typer.Option("--open", help="open the workbench in a browser")] = False,
    token: Annotated[str | None, typer.Option(envvar="COMPLIANCE_WEB_TOKEN", help="secret every "
                                              "request must carry (required off loopback)")] = None,
) -> None:
    """The advisers' workbench: edit a position in the browser and see every motion's verdict."""

    def body() -> int:
        if host not in LOOPBACK and not token:
            raise bad_option("--host", Text(f"{host} is reachable from other machines",
                                            f"{host} is bereikbaar vanaf andere machines"),
                             Text("give --token (or set COMPLIANCE_WEB_TOKEN) so every request must carry it",
                                  "geef --token (of zet COMPLIANCE_WEB_TOKEN), zodat elke aanvraag het moet "
                                  "meesturen"))
        if token is not None and len(token) < 16:
            raise bad_option("--token", Text("the token is too short", "het token is te kort"),
                             Text("use at least 16 characters", "gebruik ten minste 16 tekens"))
        if not (workspace / "motions").is_dir() or not (workspace / "rules").is_dir():
            raise bad_option("--workspace", Text(f"no motions/ or rules/ in {workspace}",
                                                 f"geen motions/ of rules/ in {workspace}"),
                             Text("give the workspace folder with --workspace",
                                  "geef de werkruimte met --workspace"))
        _can_listen(host, port)
        import uvicorn

        os.environ.update({"COMPLIANCE_WORKSPACE": str(workspace.resolve()), "COMPLIANCE_WEB_HOST": host,
                           "COMPLIANCE_WEB_PORT": str(port), "COMPLIANCE_WEB_LANG": lang.value})
        if token:
            os.environ["COMPLIANCE_WEB_TOKEN"] = token
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
        typer.echo(f"workbench: {url}", err=True)
        if open_browser:
            import threading
            import webbrowser

            threading.Timer(1.0, webbrowser.open, (url,)).start()
        uvicorn.run("compliance.web.app:create_app", factory=True, host=host, port=port,
                    log_level="warning", server_header=False)
        return 0

    guarded(body, lang=lang)
