"""A stand-in for the Hugging Face Hub: a real HTTP server on 127.0.0.1 for tests that publish.

The real Hub cannot be reached from the test machines, so this server answers the part of the Hub
HTTP API that huggingface_hub 2.4 uses to publish and read back a model repository:

    GET  /api/whoami-v2                                  who the token belongs to
    POST /api/repos/create                               {name, organization, visibility, type}
    PUT  /api/models/{repo}/settings                     {visibility} (or {private})
    POST /api/validate-yaml                              README metadata check, before any upload
    POST /api/models/{repo}/preupload/{revision}         upload mode per file: always "regular", so file
                                                         contents arrive base64 in the commit itself and
                                                         neither LFS nor Xet storage is involved
    POST /api/models/{repo}/commit/{revision}            NDJSON: header, file, deletedFile, deletedFolder
    GET  /api/models/{repo}[/revision/{revision}]        model_info / repo_info
    GET  /api/models/{repo}/tree/{revision}[/{path}]     list_repo_files / list_repo_tree
    HEAD|GET /{repo}/resolve/{revision}/{path}           hf_hub_download

Anything else gets a 404 (so does huggingface_hub's best-effort fetch of its agent-harness registry,
which it tolerates). Every request with an Authorization header must carry `Bearer <planted token>` (401 otherwise, as the
Hub answers a bad token); writes and private repositories need it. Only the `main` branch exists.
Received files are stored as plain files under `root/repos/<owner>/<name>/`, each repository's
visibility and commits under `root/meta/<owner>/<name>.json`. Nothing about a request's headers is
stored or logged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?"
_REPO = rf"(?P<repo>{_NAME}/{_NAME})"
_API = re.compile(rf"^/api/models/{_REPO}(?P<rest>/.*)?$")
_RESOLVE = re.compile(rf"^/{_REPO}/resolve/(?P<revision>[^/]+)/(?P<path>.+)$")


def git_blob_id(content: bytes) -> str:
    """The git object id of a file, which is what the Hub reports as a regular file's oid."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


class HubError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


class StandinHub:
    def __init__(self, root: Path, token: str, user: str = "standin-user"):
        self.root = Path(root)
        self.token = token
        self.user = user
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status): what the client really asked
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandinHub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ---- storage ------------------------------------------------------------------------------
    def repo_dir(self, repo_id: str) -> Path:
        return self.root / "repos" / repo_id

    def meta_path(self, repo_id: str) -> Path:
        return self.root / "meta" / f"{repo_id}.json"

    def meta(self, repo_id: str) -> dict | None:
        path = self.meta_path(repo_id)
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None

    def _save_meta(self, repo_id: str, meta: dict) -> None:
        self.meta_path(repo_id).parent.mkdir(parents=True, exist_ok=True)
        self.meta_path(repo_id).write_text(json.dumps(meta, indent=2), encoding="utf-8")

    def files(self, repo_id: str) -> dict[str, Path]:
        folder = self.repo_dir(repo_id)
        return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}

    # ---- API ----------------------------------------------------------------------------------
    def authenticated(self, header: str | None) -> bool:
        """False for an anonymous request; a wrong token is refused outright, as the Hub does."""
        if not header:
            return False
        if header != f"Bearer {self.token}":
            raise HubError(401, "Invalid credentials in Authorization header")
        return True

    def readable(self, repo_id: str, signed_in: bool, revision: str = "main") -> dict:
        meta = self.meta(repo_id)
        if meta is None or (meta["private"] and not signed_in):
            raise HubError(404 if meta is None else 401, "Repository not found", "RepoNotFound")
        if revision not in ("main", meta["sha"]):
            raise HubError(404, f"Invalid rev id: {revision}", "RevisionNotFound")
        return meta

    def writable(self, repo_id: str, signed_in: bool) -> dict:
        if not signed_in:
            raise HubError(401, "You must be signed in to write to a repository")
        meta = self.meta(repo_id)
        if meta is None:
            raise HubError(404, "Repository not found", "RepoNotFound")
        if repo_id.split("/")[0] != self.user:
            raise HubError(403, f"You don't have the rights to write to {repo_id}")
        return meta

    def create(self, body: dict, signed_in: bool) -> tuple[int, dict]:
        if not signed_in:
            raise HubError(401, "You must be signed in to create a repository")
        if body.get("type", "model") != "model":
            raise HubError(400, "The stand-in Hub only hosts model repositories")
        owner, name = body.get("organization") or self.user, body.get("name") or ""
        repo_id = f"{owner}/{name}"
        if not re.fullmatch(_NAME, name) or "--" in name or ".." in name:
            raise HubError(400, f"Invalid repository name '{name}'")
        if owner != self.user:
            raise HubError(403, f"You don't have the rights to create a model under the namespace '{owner}'")
        url = f"{self.url}/{repo_id}"
        with self.lock:
            if self.meta(repo_id) is not None:
                return 409, {"error": "You already created this model repo", "url": url}
            self._save_meta(repo_id, {"private": body.get("visibility") == "private", "sha": "0" * 40,
                                      "commits": []})
            self.repo_dir(repo_id).mkdir(parents=True, exist_ok=True)
        return 200, {"url": url, "name": repo_id}

    def settings(self, repo_id: str, body: dict, signed_in: bool) -> dict:
        with self.lock:
            meta = self.writable(repo_id, signed_in)
            if "visibility" in body:
                meta["private"] = body["visibility"] == "private"
            elif "private" in body:
                meta["private"] = bool(body["private"])
            self._save_meta(repo_id, meta)
        return {}

    def preupload(self, repo_id: str, body: dict, signed_in: bool) -> dict:
        self.writable(repo_id, signed_in)
        existing = self.files(repo_id)
        return {"files": [{"path": f["path"], "uploadMode": "regular", "shouldIgnore": False,
                           "oid": git_blob_id(existing[f["path"]].read_bytes()) if f["path"] in existing else None}
                          for f in body["files"]]}

    def commit(self, repo_id: str, lines: list[dict], signed_in: bool) -> dict:
        if not lines or lines[0].get("key") != "header":
            raise HubError(400, "A commit starts with its header line")
        with self.lock:
            meta = self.writable(repo_id, signed_in)
            folder = self.repo_dir(repo_id)
            changed = []
            for line in lines[1:]:
                value = line.get("value") or {}
                target = folder / _safe_path(value.get("path", ""))
                if line["key"] == "file" and value.get("encoding") == "base64":
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(base64.b64decode(value["content"]))
                elif line["key"] == "deletedFile":
                    target.unlink(missing_ok=True)
                elif line["key"] == "deletedFolder":
                    shutil.rmtree(target, ignore_errors=True)
                else:  # lfsFile needs an LFS store; preupload never asks for one
                    raise HubError(400, f"The stand-in Hub cannot commit '{line['key']}' entries")
                changed.append(value["path"])
            summary = lines[0]["value"].get("summary", "")
            oid = hashlib.sha1(json.dumps([meta["sha"], summary, changed, time.time()]).encode()).hexdigest()
            meta["sha"] = oid
            meta["commits"].append({"oid": oid, "summary": summary, "files": changed})
            self._save_meta(repo_id, meta)
        return {"success": True, "commitOid": oid, "commitUrl": f"{self.url}/{repo_id}/commit/{oid}",
                "pullRequestUrl": None}

    def info(self, repo_id: str, meta: dict) -> dict:
        return {"id": repo_id, "author": repo_id.split("/")[0], "sha": meta["sha"], "private": meta["private"],
                "tags": [], "siblings": [{"rfilename": name} for name in self.files(repo_id)]}

    def tree(self, repo_id: str, path: str, recursive: bool) -> list[dict]:
        folder = self.repo_dir(repo_id) / _safe_path(path) if path else self.repo_dir(repo_id)
        if not folder.is_dir():
            raise HubError(404, f"{path} does not exist", "EntryNotFound")
        entries = folder.rglob("*") if recursive else folder.iterdir()
        listing = []
        for entry in sorted(entries):
            rel = entry.relative_to(self.repo_dir(repo_id)).as_posix()
            if entry.is_dir():
                listing.append({"type": "directory", "path": rel, "oid": git_blob_id(rel.encode())})
            else:
                content = entry.read_bytes()
                listing.append({"type": "file", "path": rel, "size": len(content), "oid": git_blob_id(content)})
        return listing


def metadata_errors(readme: str) -> list[dict]:
    """The Hub's README metadata checks that matter here: YAML front matter that parses to a mapping,
    and `base_model` naming Hub models (owner/name), never a local path."""
    match = re.match(r"^---\n(.*?)\n---\n", readme, re.S)
    if not match:
        return []
    try:
        metadata = yaml.safe_load(match[1])
    except yaml.YAMLError as err:
        return [{"message": f"The metadata is not valid YAML: {err}"}]
    if not isinstance(metadata, dict):
        return [{"message": "The metadata must be a mapping"}]
    bases = metadata.get("base_model") or []
    return [{"message": f'"base_model" with value "{base}" is not a valid model id'}
            for base in ([bases] if isinstance(bases, str) else bases)
            if not re.fullmatch(rf"{_NAME}/{_NAME}", str(base))]


def _safe_path(path: str) -> str:
    parts = PurePosixPath(path).parts
    if not parts or path.startswith("/") or ".." in parts:
        raise HubError(400, f"Invalid path in repository: {path!r}")
    return path


def _handler_for(hub: StandinHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's signature
            pass  # recorded in hub.requests instead; nothing goes to the test's stderr

        def do_GET(self):
            self._serve(body=True)

        def do_HEAD(self):
            self._serve(body=False)

        def do_POST(self):
            self._serve(body=True)

        def do_PUT(self):
            self._serve(body=True)

        def _serve(self, body: bool) -> None:
            url = urlsplit(self.path)
            path, query = unquote(url.path), parse_qs(url.query)
            # Read the whole body first: answering an error while the client is still sending it would
            # reach the client as a reset connection instead of the error.
            self.payload = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                signed_in = hub.authenticated(self.headers.get("Authorization"))
                self._route(path, query, signed_in, body)
            except HubError as err:
                headers = {"X-Error-Message": err.message} | ({"X-Error-Code": err.code} if err.code else {})
                self._json(err.status, {"error": err.message}, headers, body)

        def _route(self, path: str, query: dict, signed_in: bool, body: bool) -> None:
            method = self.command
            if path == "/api/whoami-v2" and method == "GET":
                if not signed_in:
                    raise HubError(401, "Invalid username or password.")
                return self._json(200, {"type": "user", "name": hub.user, "fullname": "Stand-in User", "orgs": [],
                                        "auth": {"type": "access_token",
                                                 "accessToken": {"displayName": "tests", "role": "write"}}}, {}, body)
            if path == "/api/repos/create" and method == "POST":
                status, answer = hub.create(self._body_json(), signed_in)
                return self._json(status, answer, {}, body)
            if path == "/api/validate-yaml" and method == "POST":
                errors = metadata_errors(self._body_json().get("content", ""))
                return self._json(400 if errors else 200, {"errors": errors, "warnings": []}, {}, body)
            if match := _API.match(path):
                return self._api(match["repo"], match["rest"] or "", query, signed_in, body)
            if (match := _RESOLVE.match(path)) and method in ("GET", "HEAD"):
                return self._resolve(match["repo"], match["revision"], match["path"], signed_in, body)
            raise HubError(404, f"The stand-in Hub does not serve {method} {path}")

        def _api(self, repo_id: str, rest: str, query: dict, signed_in: bool, body: bool) -> None:
            method = self.command
            if rest == "/settings" and method == "PUT":
                return self._json(200, hub.settings(repo_id, self._body_json(), signed_in), {}, body)
            if (m := re.fullmatch(r"/preupload/([^/]+)", rest)) and method == "POST":
                self._only_main(m[1], query)
                return self._json(200, hub.preupload(repo_id, self._body_json(), signed_in), {}, body)
            if (m := re.fullmatch(r"/commit/([^/]+)", rest)) and method == "POST":
                self._only_main(m[1], query)
                lines = [json.loads(line) for line in self.payload.splitlines() if line.strip()]
                return self._json(200, hub.commit(repo_id, lines, signed_in), {}, body)
            if (m := re.fullmatch(r"(?:/revision/([^/]+))?", rest)) and method == "GET":
                meta = hub.readable(repo_id, signed_in, m[1] or "main")
                return self._json(200, hub.info(repo_id, meta), {}, body)
            if (m := re.fullmatch(r"/tree/([^/]+)(?:/(.+))?", rest)) and method == "GET":
                hub.readable(repo_id, signed_in, m[1])
                recursive = query.get("recursive", ["false"])[0].lower() == "true"
                return self._json(200, hub.tree(repo_id, m[2] or "", recursive), {}, body)
            raise HubError(404, f"The stand-in Hub does not serve {method} /api/models/{repo_id}{rest}")

        def _resolve(self, repo_id: str, revision: str, path: str, signed_in: bool, body: bool) -> None:
            meta = hub.readable(repo_id, signed_in, revision)
            file = hub.repo_dir(repo_id) / _safe_path(path)
            if not file.is_file():
                raise HubError(404, f"{path} does not exist in {repo_id}", "EntryNotFound")
            content = file.read_bytes()
            self._send(200, content, "application/octet-stream",
                       {"X-Repo-Commit": meta["sha"], "ETag": f'"{git_blob_id(content)}"'}, body)

        def _only_main(self, revision: str, query: dict) -> None:
            if revision != "main" or query.get("create_pr"):
                raise HubError(400, "The stand-in Hub has only the main branch and no pull requests")

        def _body_json(self) -> dict:
            try:
                return json.loads(self.payload or b"{}")
            except json.JSONDecodeError:
                raise HubError(400, "The request body is not JSON") from None

        def _json(self, status: int, payload, headers: dict, body: bool) -> None:
            self._send(status, json.dumps(payload).encode(), "application/json", headers, body)

        def _send(self, status: int, content: bytes, content_type: str, headers: dict, body: bool) -> None:
            hub.requests.append((self.command, urlsplit(self.path).path, status))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(content)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            if body:
                self.wfile.write(content)

    return Handler
