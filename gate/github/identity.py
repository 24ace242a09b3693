"""Who the token is, so the gate edits only its own comments.

`GET /user` names a user token's owner. An installation token — `GITHUB_TOKEN` or a GitHub
App's — gets 403 there, and `GET /app` answers only to the app's JWT, never to an
installation token; so for those the author is taken to be the Actions bot until GitHub
names the real one in the answer to the first comment this run creates.
"""
from __future__ import annotations

from msgspec import Struct

from .client import ApiError, Client

ACTIONS_BOT = "github-actions[bot]"


class Author(Struct):
    login: str
    assumed: bool = False  # not confirmed by GitHub yet (installation token)

    def wrote(self, comment: dict) -> bool:
        user = comment.get("user")
        login = user.get("login") if isinstance(user, dict) else None
        return isinstance(login, str) and login.lower() == self.login.lower()

    def learn(self, comment: dict) -> None:
        """The answer to our own create names us for certain."""
        user = comment.get("user")
        login = user.get("login") if isinstance(user, dict) else None
        if self.assumed and isinstance(login, str) and login:
            self.login, self.assumed = login, False


def whoami(client: Client) -> Author:
    """One request, made once per run by the caller."""
    try:
        data = client.get("/user", action="identity (GET /user)").data
    except ApiError as exc:
        if exc.kind in ("permission", "missing"):  # an installation token
            return Author(ACTIONS_BOT, assumed=True)
        raise
    login = data.get("login")
    if not isinstance(login, str) or not login:
        raise ApiError("malformed", "identity (GET /user): GitHub's answer names no login")
    return Author(login)
