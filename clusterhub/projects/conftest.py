from clusterhub.projects.tests.support import projects

__all__ = ["projects"]
