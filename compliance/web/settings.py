"""The workbench's settings: passed from ``compliance serve`` through environment
variables, so the command line never imports the web package."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ENV_WORKSPACE = "COMPLIANCE_WORKSPACE"
ENV_HOST = "COMPLIANCE_WEB_HOST"
ENV_PORT = "COMPLIANCE_WEB_PORT"
ENV_LANG = "COMPLIANCE_WEB_LANG"
ENV_TOKEN = "COMPLIANCE_WEB_TOKEN"
ENV_BACKEND = "COMPLIANCE_WEB_BACKEND"

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
MAX_BODY = 1024 * 1024  # a position is small; a pasted letter-sized YAML still fits


class SettingsError(ValueError):
    """Settings the workbench refuses to start with."""


@dataclass(frozen=True)
class Settings:
    workspace: Path = Path(".")
    host: str = "127.0.0.1"
    port: int = 8000
    lang: str = "nl"
    token: str | None = None
    backend: str = "durable"
    max_body: int = MAX_BODY
    # Host headers accepted (DNS rebinding defence); empty: the bind host and loopback names
    allowed_hosts: tuple[str, ...] = field(default=())

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(workspace=Path(env.get(ENV_WORKSPACE, ".")), host=env.get(ENV_HOST, "127.0.0.1"),
                   port=int(env.get(ENV_PORT, "8000")), lang=env.get(ENV_LANG, "nl"),
                   token=env.get(ENV_TOKEN) or None, backend=env.get(ENV_BACKEND, "durable"))

    def check(self) -> None:
        """Refuse an exposed server without a token, or nonsense settings."""
        if self.host not in LOOPBACK and not self.token:
            raise SettingsError(f"host {self.host} is reachable from other machines: give --token "
                                f"(or set {ENV_TOKEN}) so every request must carry it")
        if self.token is not None and len(self.token) < 16:
            raise SettingsError("the token is too short: use at least 16 characters")
        if self.lang not in ("nl", "en"):
            raise SettingsError(f"unknown language {self.lang!r}: use nl or en")
        if not (self.workspace / "motions").is_dir():
            raise SettingsError(f"{self.workspace} has no motions/ folder: give --workspace")

    def hosts(self) -> set[str]:
        if self.allowed_hosts:
            return set(self.allowed_hosts)
        names = set(LOOPBACK) if self.host in LOOPBACK else {self.host}
        if self.host in ("0.0.0.0", "::"):
            return set()  # any name: the token is the guard
        return names
