"""Static checks of the container stack (Dockerfile, docker-compose.yml, .env.example).

No Docker engine is needed; the last test asks the Compose CLI to validate the file,
which it does offline, and is skipped where `docker compose` is not installed.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
STACK = {
    "postgres",
    "airflow-init",
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "dbt-docs",
    "coverage-report",
}
SECRET_WORDS = ("PASSWORD", "SECRET", "KEY", "TOKEN", "FERNET")
# ${VAR}, ${VAR?msg} or ${VAR:?msg}: an interpolation with no clear-text default.
NO_DEFAULT = r"\$\{\w+(?::?\?[^}]*)?\}"


@functools.cache
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def services() -> dict[str, dict]:
    return compose()["services"]


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {key: str(value) for key, value in env.items()}


def published_ports(service: dict) -> set[int]:
    ports = set()
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ports.add(int(port["published"]))
        elif len(parts := str(port).split("/")[0].split(":")) > 1:  # "[ip:]host:container"
            ports.add(int(parts[-2]))
    return ports


def env_example_keys() -> set[str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return {line.lstrip("# ").split("=", 1)[0] for line in lines if re.match(r"#? ?\w+=", line)}


def test_compose_parses_and_defines_the_stack():
    assert STACK <= set(services())


def test_every_service_has_an_image_or_a_build():
    assert all({"image", "build"} & set(service) for service in services().values())


def test_bind_mount_sources_exist():
    for name, service in services().items():
        for volume in service.get("volumes", []):
            source = volume.get("source", "") if isinstance(volume, dict) else volume.split(":")[0]
            if source.startswith("."):
                assert (ROOT / source).exists(), f"{name}: {source} is not in the repository"


def test_no_clear_text_secrets():
    for name, service in services().items():
        for key, value in environment(service).items():
            if any(word in key.upper() for word in SECRET_WORDS):
                assert re.fullmatch(NO_DEFAULT, value), f"{name}: {key} must come from .env"
            if "SQL_ALCHEMY_CONN" in key.upper() or re.search(r"://[^/\s]*@", value):
                assert re.search(rf":{NO_DEFAULT}@", value), f"{name}: {key} password"


def test_apiserver_dbt_docs_and_report_publish_distinct_ports():
    apiserver = published_ports(services()["airflow-apiserver"])
    docs = published_ports(services()["dbt-docs"])
    report = published_ports(services()["coverage-report"])
    assert 8080 in apiserver
    assert docs and report and not docs & apiserver and not report & (docs | apiserver)
    # Each static server serves the folder the pipeline writes (README: warehouse/docs, warehouse/report).
    assert services()["coverage-report"]["command"][-1].endswith("/warehouse/report")
    assert services()["dbt-docs"]["command"][-1].endswith("/warehouse/docs")


def test_dockerfile_base_image_matches_the_airflow_pin():
    dockerfile = (ROOT / "Dockerfile").read_text()
    tag = re.search(r"^FROM apache/airflow:(\d+\.\d+\.\d+)-python3\.11\s*$", dockerfile, re.M)
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert tag and f"apache-airflow=={tag.group(1)}" in deps
    assert f"\napache-airflow=={tag.group(1)} " in (ROOT / "requirements.lock").read_text()


def test_env_file_is_git_ignored():
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()


def test_env_example_lists_every_compose_variable():
    used = set(re.findall(r"(?<!\$)\$\{(\w+)", (ROOT / "docker-compose.yml").read_text()))
    assert used <= env_example_keys()


def _compose_cli() -> bool:
    if shutil.which("docker") is None:
        return False
    version = subprocess.run(
        ["docker", "compose", "version"], capture_output=True, timeout=60, check=False
    )
    return version.returncode == 0


@pytest.mark.skipif(not _compose_cli(), reason="the docker compose CLI is not installed")
def test_compose_cli_accepts_the_file(tmp_path):
    # Fill the secrets .env.example leaves empty, as a developer's .env would.
    example = (ROOT / ".env.example").read_text().splitlines()
    env_file = tmp_path / ".env"
    env_file.write_text(
        "\n".join(line + "test-only" if line.endswith("=") else line for line in example)
    )
    files = ["--env-file", str(env_file), "-f", str(ROOT / "docker-compose.yml")]
    result = subprocess.run(
        ["docker", "compose", *files, "config", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
