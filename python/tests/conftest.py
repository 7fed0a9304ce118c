"""Shared fixtures: the data files the expectations are read from, and a SemVer ordering for them."""

import os
import pathlib

import pytest
import yaml

SOURCE_ROOT = pathlib.Path(os.environ.get("MASTOSCOPE_SOURCE_ROOT", pathlib.Path(__file__).resolve().parents[2]))


def version_key(text):
    """SemVer 2.0.0 precedence of MAJOR.MINOR.PATCH[-PRE][+BUILD] (build metadata ignored)."""
    core, _, pre = str(text).split("+")[0].partition("-")
    numbers = tuple(int(n) for n in core.split("."))
    if not pre:
        return numbers + ((1,),)  # a release sorts after its pre-releases
    ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return numbers + ((0,) + ids,)


def load(name):
    with open(SOURCE_ROOT / "data" / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="session")
def scopes_data():
    """data/scopes.yaml."""
    return load("scopes.yaml")


@pytest.fixture(scope="session")
def servers_data():
    """data/servers.yaml, as {name: entry}."""
    return {s["name"]: s for s in load("servers.yaml")["servers"]}


@pytest.fixture(scope="session")
def endpoints_data():
    """data/endpoints.yaml."""
    return load("endpoints.yaml")


@pytest.fixture(scope="session")
def source_root():
    return SOURCE_ROOT
