"""Settings come from the environment and fail loudly on nonsense."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("raw", "value"), [("1", True), ("true", True), ("Off", False), ("0", False)]
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, value):
    monkeypatch.setenv("QSDP_X", raw)

    assert env_bool("QSDP_X", not value) is value


def test_env_bool_refuses_a_typo(monkeypatch):
    monkeypatch.setenv("QSDP_X", "ture")

    with pytest.raises(ImproperlyConfigured, match="QSDP_X='ture' is not a boolean"):
        env_bool("QSDP_X", False)


def test_env_int_refuses_a_non_number(monkeypatch):
    monkeypatch.setenv("QSDP_X", "30m")

    with pytest.raises(ImproperlyConfigured, match="QSDP_X='30m' is not an integer"):
        env_int("QSDP_X", 30)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("QSDP_X", "a.example, b.example,,")

    assert env_list("QSDP_X", []) == ["a.example", "b.example"]


def test_required_variable_without_default(monkeypatch):
    monkeypatch.delenv("QSDP_X", raising=False)

    with pytest.raises(ImproperlyConfigured, match="QSDP_X is required"):
        env_str("QSDP_X")


def test_env_choice_names_the_choices(monkeypatch):
    monkeypatch.setenv("QSDP_ENV", "prod")

    with pytest.raises(ImproperlyConfigured, match="must be one of development, test, production"):
        env_choice("QSDP_ENV", ("development", "test", "production"), "development")


def _load_settings(shown: str = "s.DEBUG, s.SESSION_COOKIE_SECURE", **env):
    """Import the settings in a fresh interpreter with ``env``; return the result
    (``shown`` printed)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "QSDP_"))}
    return subprocess.run(  # noqa: S603 — this interpreter, the tests' own expression
        [
            sys.executable,
            "-c",
            f"import config.settings as s; print({shown})",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_has_no_default_secret():
    result = _load_settings(QSDP_ENV="production")

    assert result.returncode == 1
    assert "Environment variable DJANGO_SECRET_KEY is required." in result.stderr


def test_production_with_a_secret_is_secure_and_not_debug():
    result = _load_settings(QSDP_ENV="production", DJANGO_SECRET_KEY="x" * 60)

    assert (result.returncode, result.stdout.strip()) == (0, "False True")


def test_the_planner_setting_is_added_to_the_options_of_the_database_url():
    result = _load_settings(
        'sorted(s.DATABASES["default"]["OPTIONS"].items())',
        DATABASE_URL="postgres://qsdp@db.example:5432/qsdp?sslmode=require",
        QSDP_PG_RANDOM_PAGE_COST="1.5",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "[('options', '-c random_page_cost=1.5'), ('sslmode', 'require')]"
    )
