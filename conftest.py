# Shared fixtures and hooks for every test directory (tests/, clusterhub/*/tests/): a root
# conftest is the one place pytest loads for all of them. The code lives in tests/support/,
# one module per domain whose fixtures more than one app's tests use.
pytest_plugins = [
    "tests.support.plugin",
    "tests.support.registry",
    "tests.support.events",
    "tests.support.mail",
]
