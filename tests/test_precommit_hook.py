"""The shipped hook under the real pre-commit framework, in a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
from tests.report_cases import seed_text, supports_text

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")
PROJECT_FILES = ("compliance", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def git(cwd: Path, *args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GIT or "git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=check, timeout=900, stdin=subprocess.DEVNULL)


def snapshot_of_this_project(dest: Path, env: dict[str, str]) -> str:
    """The working tree as a commit of its own, so the hook under test is the current code."""
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / name)
    git(dest, "init", "-q", "-b", "main", env=env)
    git(dest, "add", "-A", env=env)
    git(dest, "commit", "-q", "-m", "snapshot", env=env)
    return git(dest, "rev-parse", "HEAD", env=env).stdout.strip()


def test_hook_blocks_an_undeclared_conflict_and_passes_the_fix(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}
    env.pop("COMPLIANCE_DEBUG", None)
    hook_repo = tmp_path / "hook"
    hook_repo.mkdir()
    rev = snapshot_of_this_project(hook_repo, env)

    repo = tmp_path / "positions-repo"
    repo.mkdir()
    for name in ("motions", "rules"):
        shutil.copytree(ROOT / name, repo / name)
    position = repo / SEED
    position.parent.mkdir(parents=True)
    position.write_text(seed_text(), encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {rev}\n    hooks:\n"
        "      - id: motion-compliance\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main", env=env)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=repo, env=env, check=True, capture_output=True,
                   timeout=120)
    git(repo, "add", "-A", env=env)
    first = git(repo, "commit", "-m", "the seed position", env=env, check=False)
    assert first.returncode == 0, first.stdout + first.stderr  # declared conflicts only: passes

    # the change: the cabinet would vote for the text before the substantiation letter
    position.write_text(supports_text(seed_text()), encoding="utf-8")
    git(repo, "add", "-A", env=env)
    blocked = git(repo, "commit", "-m", "vote for the text", env=env, check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert "motion compliance (undeclared conflicts)" in out and "Failed" in out
    assert "CONFLICTS (NOT declared)" in out and "Weerdenburg" in out
    assert git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"

    # the fix: the cabinet declares it will not execute motion 1047 (still a conflict, but declared)
    fixed = supports_text(seed_text()) + (
        "  - motion: 26643-1047\n    statement: will_not_execute\n    where: punt I\n")
    position.write_text(fixed, encoding="utf-8")
    git(repo, "add", "-A", env=env)
    passed = git(repo, "commit", "-m", "declare not executing motion 1047", env=env, check=False)
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    assert "motion compliance (undeclared conflicts)" in out and "Passed" in out
    assert git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "2"

    # a commit touching no position file does not run the check at all
    (repo / "notes.txt").write_text("x\n", encoding="utf-8")
    git(repo, "add", "-A", env=env)
    skipped = git(repo, "commit", "-m", "notes", env=env, check=False)
    assert skipped.returncode == 0 and "no files to check" in skipped.stdout + skipped.stderr
