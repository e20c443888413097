# Shared fixtures and hooks for every test directory (tests/, clusterhub/*/tests/): a root
# conftest is the one place pytest loads for all of them. The code lives in tests/support/.
pytest_plugins = ["tests.support.plugin"]
