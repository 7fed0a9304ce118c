#!/usr/bin/env python3
# Imports Mastodon's route table (the reference TSV) into data/endpoints.yaml; run by hand on a new reference.
"""Usage: import_endpoints.py ENDPOINTS.tsv REVISION > data/endpoints.yaml

The TSV's columns: method, path, any_of_scopes (space-separated; '-' none, '*' any valid token),
token mode, notes, controller. The YAML keeps the TSV's order and facts; gen_route_table.py validates it.
"""

import csv
import sys

HEADER = """\
# data/endpoints.yaml — every route of Mastodon's API with the scopes its controller accepts. Read by
# generator/gen_route_table.py, which checks it against data/scopes.yaml and emits the constexpr route
# table. Imported from the project's reference table by generator/import_endpoints.py.
#
# Schema (every key is checked; an unknown or missing key is an error):
#
# revision: TEXT            the Mastodon source revision the routes were read from
# routes:                   a list, one mapping per route (method and path unique together)
#   - method: GET | POST | PUT | PATCH | DELETE
#     path: /api/v1/accounts/:id   static segments, :param segments, and a final *wildcard segment
#     scopes: [NAME, ...]   the controller accepts a token holding ANY ONE of these, literally (no
#                           hierarchy); [] when it checks no scope; `any` for any valid token
#     token: MODE           none: no token is needed or read; optional: public without a token, but a
#                           token must hold a listed scope; required: a token with a listed scope;
#                           user: a user's token (scopes checked when listed); user-session: a signed-in
#                           browser session (OAuth pages); client-credentials: the app's id and secret
#     controller: FILE#ACTION
#     notes: TEXT           optional
"""


def flow_string(text):
    if text and all(c.isalnum() or c in "/_:.*#-" for c in text) and text[0] not in "*-:":
        return text
    return '"' + text.replace("\\\\", "\\\\\\\\").replace('"', '\\\\"') + '"'


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    path, revision = argv
    out = [HEADER, f"revision: {flow_string(revision)}", "", "routes:"]
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            scopes = row["any_of_scopes"]
            scopes = "[]" if scopes == "-" else "any" if scopes == "*" else "[" + ", ".join(scopes.split()) + "]"
            fields = [f"method: {row['method']}", f"path: {flow_string(row['path'])}", f"scopes: {scopes}",
                      f"token: {row['token']}", f"controller: {flow_string(row['controller_file'])}"]
            notes = row["notes"].replace("(TODO remove)", "(marked for removal in Mastodon's code)")
            if notes:
                fields.append(f"notes: {flow_string(notes)}")
            out.append("  - {" + ", ".join(fields) + "}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
