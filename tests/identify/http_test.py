#!/usr/bin/env python3
# scopecheck identify against real HTTP servers on 127.0.0.1, started here and serving the saved
# documents of tests/cli/documents/: NodeInfo discovery through /.well-known/nodeinfo, a redirect, the
# RFC 8414 404 fallback, an HTML page where JSON was asked for, a document over 1 MiB, invalid JSON,
# too many redirects and a refused connection. No other network access: every request a server
# receives is checked against the paths identify may ask for.
"""Usage: http_test.py SCOPECHECK DOCUMENTS_DIR"""

import http.server
import json
import os
import socket
import subprocess
import sys
import threading

# The only paths identify fetches from a base URL (and the NodeInfo document a links document names).
ALLOWED = {"/.well-known/nodeinfo", "/nodeinfo/2.0", "/nodeinfo/2.1", "/api/v2/instance", "/api/v1/instance",
           "/.well-known/oauth-authorization-server", "/moved/nodeinfo", "/loop/1", "/loop/2", "/loop/3", "/loop/4"}
MIB = 1 << 20


class Site:
    """One server: path -> (status, content type, body) or a redirect, and the paths it was asked for."""

    def __init__(self, routes):
        self.routes = routes
        self.asked = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.asked.append(self.path)
                route = site.routes.get(self.path)
                if route is None:
                    route = (404, "application/json", b'{"error":"Record not found"}')
                if route[0] in (301, 302):
                    self.send_response(route[0])
                    self.send_header("Location", route[1])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, kind, body = route[:3]
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if len(route) == 3:  # a fourth element: no Content-Length, the body ends when the connection does
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # scopecheck stopped reading a document over the limit

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def document(folder, name):
    with open(os.path.join(folder, name), "rb") as f:
        return (200, "application/json; charset=utf-8", f.read())


def links(base, schema="2.0"):
    body = {"links": [{"rel": f"http://nodeinfo.diaspora.software/ns/schema/{schema}", "href": f"{base}/nodeinfo/{schema}"}]}
    return (200, "application/json", json.dumps(body).encode())


def run(scopecheck, *args):
    result = subprocess.run([scopecheck, *args], capture_output=True, timeout=120, check=False)
    return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    scopecheck, folder = argv
    failures = []

    def expect(title, ok, detail):
        print(("ok    " if ok else "FAIL  ") + title)
        if not ok:
            failures.append(title)
            print("      " + detail.replace("\n", "\n      "))

    def identify(title, site, code, check=lambda answer: True, args=()):
        status, out, err = run(scopecheck, "--json", "identify", *args, *([site.base] if site else []))
        answer = None
        if status != 2:
            try:
                answer = json.loads(out)
            except ValueError:
                pass
        good = status == code and (status == 2 or (answer is not None and check(answer)))
        expect(title, good, f"exit {status}\nstdout: {out}\nstderr: {err}")
        if site:
            stray = [p for p in site.asked if p not in ALLOWED]
            expect(f"{title}: asks only for the documents identify reads", not stray, f"asked for {stray}")
        return status, out, err

    sites = []

    def site(routes):
        s = Site(routes)
        sites.append(s)
        return s

    try:
        # GoToSocial: discovery behind a redirect, NodeInfo 2.0, both instance documents, no RFC 8414 (404).
        gts = site({})
        gts.routes.update({"/.well-known/nodeinfo": (302, "/moved/nodeinfo"), "/moved/nodeinfo": links(gts.base),
                           "/nodeinfo/2.0": document(folder, "gotosocial.nodeinfo.json"),
                           "/api/v2/instance": document(folder, "gotosocial.instance-v2.json"),
                           "/api/v1/instance": document(folder, "gotosocial.instance-v1.json")})
        identify("gotosocial: NodeInfo through /.well-known/nodeinfo and a redirect", gts, 0,
                 lambda a: a["software"] == "gotosocial" and a["server"].startswith("gotosocial@0.19.1")
                 and [e["document"] for e in a["evidence"]] == ["nodeinfo_links", "nodeinfo", "instance_v2",
                                                                 "instance_v1", "oauth_metadata"]
                 and "HTTP 404" in a["evidence"][-1]["says"] and a["scopes_supported"] is None)
        expect("gotosocial: each document fetched once, the redirect followed",
               sorted(gts.asked) == sorted(["/.well-known/nodeinfo", "/moved/nodeinfo", "/nodeinfo/2.0",
                                            "/api/v2/instance", "/api/v1/instance",
                                            "/.well-known/oauth-authorization-server"]), f"asked for {gts.asked}")

        # GoToSocial with only its Mastodon-looking v1 document: not taken for Mastodon 3.5.3.
        injected = site({"/api/v1/instance": document(folder, "gotosocial-injected.instance-v1.json")})
        identify("gotosocial behind 3.5.3+0.19.1, with no NodeInfo", injected, 0,
                 lambda a: a["software"] == "gotosocial")

        # Akkoma: no /api/v2/instance, and an HTML page where RFC 8414 metadata would be.
        akkoma = site({})
        akkoma.routes.update({"/.well-known/nodeinfo": links(akkoma.base, "2.1"),
                              "/nodeinfo/2.1": document(folder, "akkoma.nodeinfo.json"),
                              "/api/v1/instance": document(folder, "akkoma.instance-v1.json"),
                              "/.well-known/oauth-authorization-server":
                                  (200, "text/html; charset=utf-8", b"<!DOCTYPE html><html><body>Akkoma</body></html>")})
        identify("akkoma: a 404 for v2 and an HTML page for RFC 8414 are notes, not errors", akkoma, 0,
                 lambda a: a["software"] == "akkoma"
                 and any("not JSON (text/html" in e["says"] for e in a["evidence"]))

        # Mastodon with RFC 8414 metadata: scopes_supported compared with the data.
        mastodon = site({})
        mastodon.routes.update({"/.well-known/nodeinfo": links(mastodon.base),
                                "/nodeinfo/2.0": document(folder, "mastodon.nodeinfo.json"),
                                "/api/v2/instance": document(folder, "mastodon.instance-v2.json"),
                                "/api/v1/instance": document(folder, "mastodon.instance-v1.json"),
                                "/.well-known/oauth-authorization-server":
                                    document(folder, "mastodon.oauth-authorization-server.json")})
        identify("mastodon: RFC 8414 scopes_supported read", mastodon, 0,
                 lambda a: a["server"] == "mastodon@4.3.0" and isinstance(a["scopes_supported"], list)
                 and "read" in a["scopes_supported"])
        status, out, _ = run(scopecheck, "--server-from", mastodon.base, "grants", "follow", "read:mutes")
        expect("--server-from a URL answers for the server identified there", status == 0, out)

        status, out, _ = run(scopecheck, "--server-from", gts.base, "grants", "follow", "read:blocks")
        expect("--server-from a GoToSocial URL: its follow does not grant read:blocks", status == 1, out)

        # Documents that must not be read: over 1 MiB, invalid JSON, endless redirects.
        big = site({"/.well-known/nodeinfo": (200, "application/json", b'{"links":[' + b" " * MIB + b"]}")})
        _, _, err = identify("a document over 1 MiB is refused", big, 2)
        expect("... and the error says why", "larger than 1 MiB" in err, err)
        unsized = site({"/.well-known/nodeinfo": (200, "application/json", b'{"links":[' + b" " * MIB + b"]}", "no length")})
        _, _, err = identify("a document over 1 MiB without a Content-Length is refused", unsized, 2)
        expect("... and the error says why", "larger than 1 MiB" in err, err)
        invalid = site({"/.well-known/nodeinfo": (200, "application/json", b'{"links": [')})
        _, _, err = identify("invalid JSON is refused", invalid, 2)
        expect("... and the error says where", "invalid JSON at byte" in err, err)
        loop = site({"/.well-known/nodeinfo": (302, "/loop/1"), "/loop/1": (302, "/loop/2"),
                     "/loop/2": (302, "/loop/3"), "/loop/3": (302, "/loop/4"), "/loop/4": links("http://127.0.0.1:1")})
        _, _, err = identify("more than 3 redirects are refused", loop, 2)
        expect("... and the error says so", "more than 3 redirects" in err, err)

        # A refused connection: a port that was just free.
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        _, _, err = identify("a refused connection is an error", None, 2, args=(f"http://127.0.0.1:{port}",))
        expect("... that names the URL", f"127.0.0.1:{port}" in err, err)

        # Only a base URL is fetched.
        _, _, err = identify("a URL with a path is refused before any fetch", None, 2,
                             args=(gts.base + "/api/v1/instance",))
        expect("... and the error names the base URL", f"such as {gts.base}" in err, err)
    finally:
        for s in sites:
            s.stop()
    if failures:
        print(f"{len(failures)} failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
