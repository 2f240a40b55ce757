"""Fixtures for the 设岗定责 tests: the people tests' Excel writer and a database with its village."""

from __future__ import annotations

from tests.people.conftest import village_db, write_xlsx  # noqa: F401 - fixtures shared with the people tests
