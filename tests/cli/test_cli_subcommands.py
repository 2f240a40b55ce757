"""Subcommands are listed from the table in ``govdesk.cli`` and built by their module when chosen."""

from __future__ import annotations

import argparse
import importlib

import pytest

from govdesk.cli import SUBCOMMANDS, build_parser


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda c: c.name)
def test_each_subcommand_answers_its_own_help(command, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([command.name, "--help"])
    assert exc.value.code == 0
    assert f"usage: govdesk {command.name}" in capsys.readouterr().out


def test_each_module_registers_exactly_the_subcommands_the_table_gives_it() -> None:
    for module in {c.module for c in SUBCOMMANDS}:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        assert set(sub.choices) == {c.name for c in SUBCOMMANDS if c.module == module}, module


def test_help_lists_every_subcommand_with_its_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # no line wrapping
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for command in SUBCOMMANDS:
        assert f"    {command.name} " in out and command.help in out
