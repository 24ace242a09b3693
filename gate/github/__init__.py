"""The one GitHub REST client of the gate, shared by the API collector and the publisher.

Built on `requests` directly rather than on PyGithub's objects: a publish must fit one
deadline (a body trickling in byte by byte included), tell a write that may have been
applied from one that was refused, and survive any body GitHub or a proxy sends back.
Nothing here imports `requests` at module level: `check` must start fast.
"""
from .client import ApiError, Client, ClientSettings, Deadline, clean_token, rate_limit_wait, redact

__all__ = ["ApiError", "Client", "ClientSettings", "Deadline", "clean_token", "rate_limit_wait", "redact"]
