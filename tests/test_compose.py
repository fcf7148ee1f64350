"""The Docker Compose stack: schema, health checks, images, commands, environment.

No Docker engine is needed: the files are parsed and what they name is looked up
in the project (modules, Celery app, management commands, files in the image).
"""

import importlib
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

import pytest
import yaml
from celery import Celery
from celery.bin.celery import celery as celery_cli
from gunicorn.config import Config as GunicornConfig

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
APP_SERVICES = ("web", "worker", "beat")
PRODUCTION_REQUIRED = (
    "SECRET_KEY",
    "CREDENTIALS_SIGNING_KEY",
    "REDIS_URL",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
)
SHELL_OPERATORS = {"&&", "||", ";", "|", "&"}
SETTINGS_ENV_READ = re.compile(r"\benv(?:\.\w+)?\(\s*\"(\w+)\"")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE_FILE.read_text())


def split_script(script):
    """The argv of each program a ``sh -c`` script runs, split at && || ; and |."""
    lexer = shlex.shlex(script, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    parts = [[]]
    for token in lexer:
        if token in SHELL_OPERATORS:
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def program_argvs(command):
    """The argv of each program a Compose or Dockerfile command runs."""
    argv = shlex.split(command) if isinstance(command, str) else list(command)
    if argv[0] in ("sh", "bash") and "-c" in argv:
        argvs = split_script(argv[argv.index("-c") + 1])
    else:
        argvs = [argv]
    return [argv[1:] if argv[0] == "exec" else argv for argv in argvs]


def healthcheck_argvs(service):
    """The argv of each program a service's health check runs."""
    kind, *rest = service["healthcheck"]["test"]
    return program_argvs(rest if kind == "CMD" else ["sh", "-c", *rest])


def check_gunicorn(argv):
    """gunicorn's options parse and its ``module:attribute`` application exists."""
    options = GunicornConfig().parser().parse_args(argv[1:])
    assert len(options.args) == 1, f"gunicorn needs one application: {argv}"
    module, _, attribute = options.args[0].partition(":")
    assert hasattr(importlib.import_module(module), attribute or "application")


def celery_app(name):
    """The Celery app ``celery -A name`` finds (``name.celery_app``/``.celery.app``)."""
    module_name, _, attribute = name.partition(":")
    module = importlib.import_module(module_name)
    if attribute:
        return getattr(module, attribute)
    app = getattr(module, "celery_app", None) or getattr(module, "app", None)
    return app or importlib.import_module(f"{module_name}.celery").app


def check_celery(argv):
    """``celery -A NAME`` names a Celery app and a known celery sub-command."""
    options = dict(zip(argv, argv[1:], strict=False))
    name = options.get("-A") or options.get("--app")
    assert name, f"celery without -A: {argv}"
    assert isinstance(celery_app(name), Celery), f"no Celery app in {name}"
    assert set(argv) & set(celery_cli.commands), f"no celery sub-command: {argv}"


def check_python(argv):
    """``python manage.py CMD`` names a Django management command."""
    if argv[1] == "-c":
        return
    assert argv[1] == "manage.py" and (ROOT / "manage.py").is_file(), argv
    assert argv[2] in get_commands(), f"no management command {argv[2]!r}"


CHECKS = {"gunicorn": check_gunicorn, "celery": check_celery, "python": check_python}


def check_program(argv):
    """Run the check for ``argv``'s program; a program with no check fails."""
    assert argv[0] in CHECKS, f"no check for the program {argv[0]!r}: {argv}"
    CHECKS[argv[0]](argv)


def dockerfile_of(service):
    """The path of the Dockerfile a service builds from (None without ``build``)."""
    build = service.get("build")
    if build is None:
        return None
    if isinstance(build, str):
        build = {"context": build}
    return ROOT / build.get("context", ".") / build.get("dockerfile", "Dockerfile")


def dockerfile_instructions(path):
    """The Dockerfile's (INSTRUCTION, arguments) pairs, continuation lines joined."""
    text = path.read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    pairs = [line.split(None, 1) for line in lines if line and line[0] != "#"]
    return [(pair[0].upper(), pair[1] if len(pair) > 1 else "") for pair in pairs]


def copy_sources(arguments):
    """The sources of a COPY instruction (shell or JSON form; flags skipped)."""
    if arguments.startswith("["):
        return json.loads(arguments)[:-1]
    words = [word for word in shlex.split(arguments) if not word.startswith("--")]
    return words[:-1]


def environment_of(service):
    """A service's environment as a dict, from the mapping or the list form."""
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        return dict(item.partition("=")[::2] for item in environment)
    return environment


def test_compose_file_matches_compose_specification():
    """docker-compose.yml validates against the Compose specification's schema."""
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
        + ["vendor.compose-spec", str(COMPOSE_FILE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_service_has_a_healthcheck(compose):
    """Every service has a health check, so depends_on and operators can wait on it."""
    missing = [
        name
        for name, service in compose["services"].items()
        if not service.get("healthcheck", {}).get("test")
        or service["healthcheck"].get("disable")
    ]
    assert not missing, f"services without a health check: {missing}"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_service_builds_from_a_dockerfile_in_the_repo(compose, name):
    """web, worker and beat build from a Dockerfile that exists in the repository."""
    dockerfile = dockerfile_of(compose["services"][name])
    assert dockerfile is not None, f"{name} has no build section"
    assert dockerfile.is_file(), f"{name} builds from a missing {dockerfile}"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_service_commands_name_what_exists(compose, name):
    """The command and health check of web/worker/beat name real modules and apps."""
    service = compose["services"][name]
    assert service.get("command"), f"{name} has no command"
    for argv in program_argvs(service["command"]) + healthcheck_argvs(service):
        check_program(argv)


def test_dockerfile_copies_and_runs_what_exists(compose):
    """The Dockerfile's COPY sources exist and its default CMD names real things."""
    instructions = dockerfile_instructions(dockerfile_of(compose["services"]["web"]))
    copied = [
        source
        for instruction, arguments in instructions
        if instruction == "COPY" and "--from" not in arguments
        for source in copy_sources(arguments)
    ]
    for needed in ("pyproject.toml", "README.md", "manage.py", *copied):
        assert (ROOT / needed).exists(), f"the image needs {needed}, not in the repo"
    commands = [args for instruction, args in instructions if instruction == "CMD"]
    assert commands, "the Dockerfile has no default CMD"
    for argv in program_argvs(json.loads(commands[-1])):
        check_program(argv)


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_service_sets_what_production_requires(compose, name):
    """web, worker and beat run production settings with every variable it needs."""
    environment = environment_of(compose["services"][name])
    assert environment.get("DJANGO_SETTINGS_MODULE") == "config.settings.production"
    missing = [var for var in PRODUCTION_REQUIRED if not environment.get(var)]
    assert not missing, f"{name} does not set {missing}"


def test_env_example_lists_every_variable_the_settings_read():
    """.env.example documents every environment variable config/settings reads."""
    settings_dir = ROOT / "config" / "settings"
    read = {
        name
        for path in settings_dir.glob("*.py")
        for name in SETTINGS_ENV_READ.findall(path.read_text())
    }
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^(\w+)=", example, flags=re.MULTILINE))
    assert read, "found no env(...) reads in config/settings"
    assert not read - listed, f".env.example lacks {sorted(read - listed)}"
