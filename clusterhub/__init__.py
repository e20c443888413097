"""Django apps of clusterhub, one per domain area (see docs/architecture.md)."""
