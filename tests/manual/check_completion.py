#!/usr/bin/env python3
# The bash completion that scopecheck writes from its command table, driven the way bash drives it:
# COMP_WORDS split as bash splits a line (at spaces, '=' and ':'), COMP_CWORD, COMP_LINE and COMP_POINT
# set, the function called, COMPREPLY read. Once with bash-completion's helpers loaded, as they are when
# bash-completion loads the installed file, and once without. Every expectation comes from scopecheck:
# its --help (commands, options, allowed values, server names) and its list (scope names).
"""Usage: check_completion.py SCOPECHECK COMPLETION_SCRIPT"""

import os
import re
import shlex
import subprocess
import sys
import tempfile

from scopecheck_help import global_help

SEPARATOR = "\x1e"


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def comp_words(line):
    """COMP_WORDS and COMP_CWORD for the cursor at the end of `line`, as bash splits them (no quotes)."""
    words = []
    for token in line.split():
        words += [w for w in re.split(r"([=:]+)", token) if w]
    if line.endswith(" "):
        words.append("")
    return words, len(words) - 1


def bash_completion_script():
    """bash-completion's main script, if installed."""
    found = subprocess.run(["pkg-config", "--variable=completionsdir", "bash-completion"], capture_output=True,
                           text=True, check=False)
    candidates = [os.path.join(os.path.dirname(found.stdout.strip()), "bash_completion")] if found.stdout else []
    candidates.append("/usr/share/bash-completion/bash_completion")
    return next((c for c in candidates if os.path.isfile(c)), None)


def complete(script, scopecheck, lines, helpers, folder):
    """COMPREPLY for each line, in a fresh non-interactive bash with scopecheck first on PATH."""
    program = [f"source {shlex.quote(helpers)}"] if helpers else []
    program += [f"source {shlex.quote(script)}",
                "complete -p scopecheck >/dev/null || { echo 'no completion for scopecheck' >&2; exit 3; }"]
    for line in lines:
        words, cword = comp_words(line)
        program.append(f"COMP_LINE={shlex.quote(line)}; COMP_POINT=${{#COMP_LINE}}; COMP_CWORD={cword}; "
                       f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)}); COMPREPLY=(); "
                       f"_scopecheck scopecheck {shlex.quote(words[-1])} {shlex.quote(words[-2])}; "
                       f"printf '%s\\n' \"${{COMPREPLY[@]}}\" {SEPARATOR}")
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(scopecheck)) + os.pathsep + os.environ["PATH"])
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", "\n".join(program)], capture_output=True,
                            text=True, env=env, cwd=folder, check=False)
    if result.returncode != 0:
        raise SystemExit(f"bash failed ({result.returncode}):\n{result.stderr}")
    replies = result.stdout.split(SEPARATOR + "\n")[:-1]
    return {line: sorted(set(r for r in reply.split("\n") if r)) for line, reply in zip(lines, replies)}


def help_facts(scopecheck):
    text, commands, options, values = global_help(scopecheck)
    servers = re.search(r"NAME: ([a-z, ]+)\)", text).group(1).split(", ")
    grant = re.search(r"--grant-type TEXT:\{([^}]*)\}", run([scopecheck, "authorize", "--help"])).group(1).split(",")
    return commands, options, values, servers, grant


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    scopecheck, script = os.path.abspath(argv[0]), os.path.abspath(argv[1])
    commands, options, values, servers, grant = help_facts(scopecheck)
    scopes = [line.split()[0] for line in run([scopecheck, "list"]).splitlines()]
    old_scopes = [line.split()[0] for line in run([scopecheck, "--server-version", "2.0.0", "list"]).splitlines()]
    pixelfed = [line.split()[0] for line in run([scopecheck, "--server", "pixelfed", "list"]).splitlines()]

    def starting(prefix, names):
        return sorted(n for n in names if n.startswith(prefix))

    if not scopes or not old_scopes or not pixelfed:
        raise SystemExit("scopecheck list printed no names")
    # line -> exactly what COMPREPLY must hold (sorted, without repeats)
    expected = {
        "scopecheck ": sorted(commands),
        "scopecheck gr": starting("gr", commands),
        "scopecheck --": starting("--", options),
        "scopecheck --json ": sorted(commands),
        "scopecheck --mode ": sorted(values["--mode"]),
        "scopecheck --color ": sorted(values["--color"]),
        "scopecheck --server ": sorted(servers),
        "scopecheck --mode lenient grants ": sorted(scopes),
        "scopecheck grants wri": starting("wri", scopes),
        "scopecheck grants follow wri": starting("wri", scopes),
        "scopecheck grants - wri": starting("wri", scopes),
        "scopecheck grants follow read wri": [],  # grants takes two
        "scopecheck --server-version 2.0.0 expand ": sorted(old_scopes),
        "scopecheck --server pixelfed expand ": sorted(pixelfed),
        "scopecheck authorize read --grant-type ": sorted(grant),
        "scopecheck translate read --to pi": starting("pi", servers),
        "scopecheck endpoint GET /api/v1/statuses --token wri": starting("wri", scopes),
        "scopecheck endpoint GET ": [],  # a path: nothing to offer
        "scopecheck list --at ": [],  # a version
        "scopecheck list --d": ["--deprecated"],
        "scopecheck validate --js": ["--json"],
        "scopecheck identify node": ["nodeinfo.json"],
        "scopecheck register -- ": sorted(scopes),
    }
    # Only bash-completion joins what bash splits at ':' and '=' back into one word.
    joined = {
        "scopecheck --mode=q": starting("q", values["--mode"]),
        "scopecheck --color=": sorted(values["--color"]),
        "scopecheck --server=g": starting("g", servers),
        "scopecheck grants follow read:m": [n[len("read:"):] for n in starting("read:m", scopes)],
        "scopecheck grants admin:read:a": [n[len("admin:read:"):] for n in starting("admin:read:a", scopes)],
    }
    for name in ("--man-page", "--bash-completion"):  # the hidden flags stay hidden
        if name in options:
            raise SystemExit(f"scopecheck --help lists {name}")

    errors = []
    helpers = bash_completion_script()
    with tempfile.TemporaryDirectory() as folder:
        open(os.path.join(folder, "nodeinfo.json"), "w", encoding="utf-8").close()
        for mode, cases in ((helpers, {**expected, **joined}), (None, expected)):
            if mode is None and helpers is None:
                continue  # already run without them
            got = complete(script, scopecheck, list(cases), mode, folder)
            for line, want in cases.items():
                if got[line] != want:
                    errors.append(f"{'with' if mode else 'without'} bash-completion, '{line}' completes to "
                                  f"{got[line]}, not {want}")
        if not helpers:
            print("bash-completion is not installed: checked without its helpers only")
    if errors:
        raise SystemExit("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
