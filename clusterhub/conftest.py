"""The registry fixtures live in tests/support/registry.py, registered by the root conftest.py.

``Registry`` is re-exported for test modules that still import it from here; new code
imports ``tests.support.registry``.
"""

from tests.support.registry import Registry

__all__ = ["Registry"]
