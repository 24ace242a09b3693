"""Operation handlers of the fake: (fake, path params, query, body) → (status, body, headers).

They run under the fake's lock, so state changes are atomic like GitHub's.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .objects import STAMP, build, user

if TYPE_CHECKING:
    from .server import FakeGitHub

Answer = tuple[int, Any, dict[str, str]]
NOT_FOUND: Answer = (404, {"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, {})
COMMENT_LIMIT = 65536


def _repo_ok(fake: "FakeGitHub", p: dict[str, str]) -> bool:
    return p.get("owner") == fake.repo.owner and p.get("repo") == fake.repo.name


def _page(fake: "FakeGitHub", items: list[Any], query: dict[str, list[str]], path: str) -> tuple[list[Any], dict[str, str]]:
    """Slice a list like GitHub does and add a Link header to the next page."""
    per_page = int(query.get("per_page", ["30"])[0])
    page = int(query.get("page", ["1"])[0])
    chunk = items[(page - 1) * per_page: page * per_page]
    headers: dict[str, str] = {}
    if page * per_page < len(items):
        rest = "&".join(f"{k}={v[0]}" for k, v in query.items() if k != "page")
        url = f"{fake.api_url}{path}?{rest}&page={page + 1}".replace("?&", "?")
        headers["Link"] = f'<{url}>; rel="next"'
    return chunk, headers


def _validation_failed(resource: str, field: str, message: str) -> Answer:
    return (422, {"message": "Validation Failed", "documentation_url": "https://docs.github.com/rest",
                  "errors": [{"resource": resource, "code": "custom", "field": field, "message": message}]}, {})


# -- repositories ------------------------------------------------------------------------
def repos_get(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    r = fake.repo
    owner = user(r.owner, 1)
    return 200, build("full-repository", id=1, name=r.name, full_name=r.full_name, owner=owner,
                      default_branch=r.default_branch, url=f"{fake.api_url}/repos/{r.full_name}",
                      html_url=f"https://github.com/{r.full_name}", private=False), {}


def get_branch(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p) or p["branch"] != fake.repo.default_branch:
        return NOT_FOUND
    prot = fake.repo.protection
    protection: dict[str, Any] = {"enabled": prot is not None}
    if prot and prot.get("required_status_checks"):
        checks = prot["required_status_checks"]
        protection["required_status_checks"] = {"enforcement_level": "non_admins", "contexts": checks["contexts"],
                                                "checks": checks.get("checks", [])}
    return 200, build("branch-with-protection", name=p["branch"], protected=prot is not None, protection=protection,
                      protection_url=f"{fake.api_url}/repos/{fake.repo.full_name}/branches/{p['branch']}/protection"), {}


def get_branch_protection(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p) or p["branch"] != fake.repo.default_branch or fake.repo.protection is None:
        return 404, {"message": "Branch not protected", "documentation_url": "https://docs.github.com/rest"}, {}
    return 200, build("branch-protection", **fake.repo.protection), {}


def get_branch_rules(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    rules = fake.repo.branch_rules if p["branch"] == fake.repo.default_branch else []
    chunk, headers = _page(fake, rules, q, f"/repos/{fake.repo.full_name}/rules/branches/{p['branch']}")
    return 200, chunk, headers


def environments(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    chunk, headers = _page(fake, fake.repo.environments, q, f"/repos/{fake.repo.full_name}/environments")
    return 200, {"total_count": len(fake.repo.environments), "environments": chunk}, headers


def branch_policies(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p) or p["environment_name"] not in fake.repo.branch_policies:
        return NOT_FOUND
    items = fake.repo.branch_policies[p["environment_name"]]
    chunk, headers = _page(fake, items, q, f"/repos/{fake.repo.full_name}/environments/{p['environment_name']}"
                                           "/deployment-branch-policies")
    return 200, {"total_count": len(items), "branch_policies": chunk}, headers


# -- statuses and checks -----------------------------------------------------------------
def create_status(fake: "FakeGitHub", p: dict[str, str], b_q: Any, body: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    description = body.get("description") or ""
    if len(description) > 140:  # GitHub refuses longer descriptions
        return _validation_failed("Status", "description", "description is too long (maximum is 140 characters)")
    sid = fake.repo.new_id()
    status = build("status", id=sid, node_id=f"SC_{sid}", state=body["state"], context=body.get("context", "default"),
                   description=description or None, target_url=body.get("target_url"), creator=fake.bot,
                   url=f"{fake.api_url}/repos/{fake.repo.full_name}/statuses/{p['sha']}")
    fake.repo.statuses.append({**status, "sha": p["sha"]})
    return 201, status, {}


def _check_run(fake: "FakeGitHub", run: dict[str, Any]) -> dict[str, Any]:
    output = run["output"]
    return build("check-run", id=run["id"], node_id=f"CR_{run['id']}", head_sha=run["head_sha"], name=run["name"],
                 status=run["status"], conclusion=run.get("conclusion"), details_url=run.get("details_url"),
                 url=f"{fake.api_url}/repos/{fake.repo.full_name}/check-runs/{run['id']}",
                 html_url=f"https://github.com/{fake.repo.full_name}/runs/{run['id']}",
                 external_id=run.get("external_id"),
                 started_at=STAMP, completed_at=STAMP if run["status"] == "completed" else None,
                 check_suite={"id": 77},
                 output={"title": output.get("title"), "summary": output.get("summary"), "text": output.get("text"),
                         "annotations_count": len(run["annotations"]),
                         "annotations_url": f"{fake.api_url}/repos/{fake.repo.full_name}/check-runs/{run['id']}/annotations"})


def _check_output_limits(output: dict[str, Any]) -> Answer | None:
    if len(output.get("annotations") or []) > 50:
        return _validation_failed("CheckRun", "annotations", "only 50 annotations are allowed per request")
    for key in ("summary", "text"):
        if len(output.get(key) or "") > 65535:
            return _validation_failed("CheckRun", key, f"{key} is too long (maximum is 65535 characters)")
    return None


def create_check_run(fake: "FakeGitHub", p: dict[str, str], q: Any, body: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    output = body.get("output") or {}
    refused = _check_output_limits(output)
    if refused:
        return refused
    run = {"id": fake.repo.new_id(), "name": body["name"], "head_sha": body["head_sha"],
           "status": body.get("status", "queued"), "conclusion": body.get("conclusion"),
           "details_url": body.get("details_url"), "output": dict(output), "external_id": body.get("external_id"),
           "annotations": list(output.get("annotations") or []), "requests": 1}
    fake.repo.check_runs.append(run)
    return 201, _check_run(fake, run), {}


def update_check_run(fake: "FakeGitHub", p: dict[str, str], q: Any, body: Any) -> Answer:
    run = next((r for r in fake.repo.check_runs if str(r["id"]) == p["check_run_id"]), None)
    if not _repo_ok(fake, p) or run is None:
        return NOT_FOUND
    output = body.get("output") or {}
    refused = _check_output_limits(output)
    if refused:
        return refused
    for key in ("status", "conclusion", "name", "details_url"):
        if key in body:
            run[key] = body[key]
    run["output"].update({k: v for k, v in output.items() if k != "annotations"})
    run["annotations"].extend(output.get("annotations") or [])  # GitHub appends on update
    run["requests"] += 1
    return 200, _check_run(fake, run), {}


def get_check_run(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    run = next((r for r in fake.repo.check_runs if str(r["id"]) == p["check_run_id"]), None)
    if not _repo_ok(fake, p) or run is None:
        return NOT_FOUND
    return 200, _check_run(fake, run), {}


def list_check_runs_for_ref(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    name = q.get("check_name", [None])[0]
    runs = [r for r in fake.repo.check_runs if r["head_sha"] == p["ref"] and (name is None or r["name"] == name)]
    if q.get("filter", ["latest"])[0] == "latest":  # GitHub's default: the newest run per name
        newest: dict[str, dict[str, Any]] = {}
        for r in runs:
            newest[r["name"]] = r
        runs = list(newest.values())
    chunk, headers = _page(fake, [_check_run(fake, r) for r in runs], q,
                           f"/repos/{fake.repo.full_name}/commits/{p['ref']}/check-runs")
    return 200, {"total_count": len(runs), "check_runs": chunk}, headers


# -- identity and commits ----------------------------------------------------------------
def get_authenticated(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if fake.token_user is None:  # an installation token, as GITHUB_TOKEN is
        return 403, {"message": "Resource not accessible by integration",
                     "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"}, {}
    me = fake.bot
    return 200, build("public-user", **{k: me[k] for k in ("login", "id", "node_id", "type", "html_url")},
                      user_view_type="public"), {}


def get_commit(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    parents = fake.repo.commits.get(p["ref"])
    if not _repo_ok(fake, p) or parents is None:
        return 422, {"message": f"No commit found for SHA: {p['ref']}",
                     "documentation_url": "https://docs.github.com/rest"}, {}
    base = f"{fake.api_url}/repos/{fake.repo.full_name}"
    return 200, build("commit", sha=p["ref"], node_id=f"C_{p['ref'][:8]}", url=f"{base}/commits/{p['ref']}",
                      html_url=f"https://github.com/{fake.repo.full_name}/commit/{p['ref']}",
                      comments_url=f"{base}/commits/{p['ref']}/comments",
                      parents=[{"sha": s, "url": f"{base}/commits/{s}"} for s in parents]), {}


# -- issue comments ----------------------------------------------------------------------
def new_comment(fake: "FakeGitHub", issue: int, body: str, author: dict[str, Any]) -> dict[str, Any]:
    cid = fake.repo.new_id()
    base = f"{fake.api_url}/repos/{fake.repo.full_name}"
    comment = build("issue-comment", id=cid, node_id=f"IC_{cid}", body=body, user=author,
                    url=f"{base}/issues/comments/{cid}", issue_url=f"{base}/issues/{issue}",
                    html_url=f"https://github.com/{fake.repo.full_name}/pull/{issue}#issuecomment-{cid}",
                    author_association="NONE")
    fake.repo.issues.add(issue)
    fake.repo.comments[issue].append(comment)
    return comment


def list_comments(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    issue = int(p["issue_number"])
    if not _repo_ok(fake, p) or issue not in fake.repo.issues:
        return NOT_FOUND
    chunk, headers = _page(fake, fake.repo.comments[issue], q, f"/repos/{fake.repo.full_name}/issues/{issue}/comments")
    return 200, chunk, headers


def create_comment(fake: "FakeGitHub", p: dict[str, str], q: Any, body: Any) -> Answer:
    issue = int(p["issue_number"])
    if not _repo_ok(fake, p) or issue not in fake.repo.issues:
        return NOT_FOUND
    if len(body["body"]) > COMMENT_LIMIT:
        return _validation_failed("IssueComment", "data", f"Body is too long (maximum is {COMMENT_LIMIT} characters)")
    return 201, new_comment(fake, issue, body["body"], fake.bot), {}


def _find_comment(fake: "FakeGitHub", cid: str) -> dict[str, Any] | None:
    for comments in fake.repo.comments.values():
        for c in comments:
            if str(c["id"]) == cid:
                return c
    return None


def update_comment(fake: "FakeGitHub", p: dict[str, str], q: Any, body: Any) -> Answer:
    comment = _find_comment(fake, p["comment_id"])
    if not _repo_ok(fake, p) or comment is None:
        return NOT_FOUND
    if len(body["body"]) > COMMENT_LIMIT:
        return _validation_failed("IssueComment", "data", f"Body is too long (maximum is {COMMENT_LIMIT} characters)")
    comment["body"] = body["body"]
    comment["updated_at"] = "2024-01-02T00:00:00Z"
    return 200, comment, {}


def delete_comment(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    comment = _find_comment(fake, p["comment_id"])
    if not _repo_ok(fake, p) or comment is None:
        return NOT_FOUND
    for comments in fake.repo.comments.values():
        if comment in comments:
            comments.remove(comment)
    return 204, None, {}


def graphql(fake: "FakeGitHub", p: dict[str, str], q: Any, body: Any) -> Answer:
    """Only the two mutations the gate sends: minimizeComment / unminimizeComment."""
    query = (body or {}).get("query", "")
    m = re.search(r"\b(minimizeComment|unminimizeComment)\(input: \$input\)", query)
    node = ((body or {}).get("variables") or {}).get("input", {}).get("subjectId")
    if not m or not isinstance(node, str):
        fake.violation(f"graphql: unexpected document {query[:120]!r}")
        return 200, {"errors": [{"message": "unexpected"}]}, {}
    target = next((c for cs in fake.repo.comments.values() for c in cs if c["node_id"] == node), None)
    if target is None:
        return 200, {"errors": [{"type": "NOT_FOUND", "message": f"Could not resolve to a node with the global id of '{node}'"}]}, {}
    if m.group(1) == "minimizeComment":
        if (body["variables"]["input"].get("classifier") or "") not in ("OUTDATED", "RESOLVED", "DUPLICATE", "OFF_TOPIC"):
            fake.violation("graphql: bad classifier")
        fake.repo.minimized.add(target["id"])
        return 200, {"data": {"minimizeComment": {"minimizedComment": {"isMinimized": True}}}}, {}
    fake.repo.minimized.discard(target["id"])
    return 200, {"data": {"unminimizeComment": {"unminimizedComment": {"isMinimized": False}}}}, {}


# -- security ----------------------------------------------------------------------------
def list_alerts(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    state = q.get("state", [None])[0]
    ref = q.get("ref", [None])[0]
    items = [a for a in fake.repo.alerts if (state is None or a["state"] == state)
             and (ref is None or a["most_recent_instance"].get("ref") == ref)]
    chunk, headers = _page(fake, items, q, f"/repos/{fake.repo.full_name}/code-scanning/alerts")
    return 200, chunk, headers


def default_setup(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p) or fake.repo.default_setup is None:
        return NOT_FOUND
    return 200, build("code-scanning-default-setup", **fake.repo.default_setup), {}


# -- pulls -------------------------------------------------------------------------------
def add_pull(fake: "FakeGitHub", number: int, head_sha: str, head_ref: str, head_owner: str, state: str) -> None:
    owner = user(head_owner, 5)
    head_repo = build("repository", name=fake.repo.name, full_name=f"{head_owner}/{fake.repo.name}", owner=owner,
                      fork=head_owner != fake.repo.owner)
    base_repo = build("repository", name=fake.repo.name, full_name=fake.repo.full_name, owner=user(fake.repo.owner, 1))
    pr = build("pull-request-simple", id=number * 10, number=number, state=state, user=owner,
               title=f"PR {number}", head={"sha": head_sha, "ref": head_ref, "label": f"{head_owner}:{head_ref}",
                                           "user": owner, "repo": head_repo},
               base={"sha": "0" * 40, "ref": fake.repo.default_branch, "label": f"{fake.repo.owner}:main",
                     "user": user(fake.repo.owner, 1), "repo": base_repo})
    fake.repo.pulls.append(pr)
    fake.repo.issues.add(number)


def list_pulls(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    if not _repo_ok(fake, p):
        return NOT_FOUND
    state = q.get("state", ["open"])[0]
    head = q.get("head", [None])[0]
    items = [pr for pr in fake.repo.pulls if (state == "all" or pr["state"] == state)
             and (head is None or pr["head"]["label"] == head)]
    chunk, headers = _page(fake, items, q, f"/repos/{fake.repo.full_name}/pulls")
    return 200, chunk, headers


# -- contents ----------------------------------------------------------------------------
def get_content(fake: "FakeGitHub", p: dict[str, str], q: Any, b: Any) -> Answer:
    """A file registered with `add_file`, in any repository (a remote reusable workflow's home)."""
    import base64
    import hashlib
    from urllib.parse import unquote

    repository, path = f"{p['owner']}/{p['repo']}", unquote(p["path"])
    ref = q.get("ref", [fake.repo.default_branch])[0]
    text = fake.repo.files.get((repository, path, ref))
    if text is None:
        return NOT_FOUND
    raw = text.encode()
    sha = hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()
    encoded = base64.encodebytes(raw).decode()  # GitHub wraps the base64 at 60 columns
    api = f"{fake.api_url}/repos/{repository}"
    return 200, build("content-file", type="file", encoding="base64", size=len(raw), name=path.rsplit("/", 1)[-1],
                      path=path, content=encoded, sha=sha, url=f"{api}/contents/{path}?ref={ref}",
                      git_url=f"{api}/git/blobs/{sha}", html_url=f"https://github.com/{repository}/blob/{ref}/{path}",
                      download_url=f"https://raw.githubusercontent.com/{repository}/{ref}/{path}",
                      _links={"self": f"{api}/contents/{path}?ref={ref}", "git": f"{api}/git/blobs/{sha}",
                              "html": f"https://github.com/{repository}/blob/{ref}/{path}"}), {}


HANDLERS = {
    "repos/get": repos_get,
    "repos/get-branch": get_branch,
    "repos/get-branch-protection": get_branch_protection,
    "repos/get-branch-rules": get_branch_rules,
    "repos/get-all-environments": environments,
    "repos/list-deployment-branch-policies": branch_policies,
    "repos/create-commit-status": create_status,
    "checks/create": create_check_run,
    "checks/update": update_check_run,
    "checks/get": get_check_run,
    "checks/list-for-ref": list_check_runs_for_ref,
    "users/get-authenticated": get_authenticated,
    "repos/get-commit": get_commit,
    "issues/list-comments": list_comments,
    "issues/create-comment": create_comment,
    "issues/update-comment": update_comment,
    "issues/delete-comment": delete_comment,
    "code-scanning/list-alerts-for-repo": list_alerts,
    "code-scanning/get-default-setup": default_setup,
    "pulls/list": list_pulls,
    "repos/get-content": get_content,
}
