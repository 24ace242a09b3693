"""Readiness Gate: a production-readiness policy gate for GitHub repositories."""
__version__ = "0.1.0"
