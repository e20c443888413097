"""Pytest plugins and fixtures shared by every test directory (registered in /conftest.py)."""
