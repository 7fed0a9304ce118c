#!/usr/bin/env python3
# Keeps the README honest: each example appears in it verbatim, the block after it is exactly what the
# example prints, the README's two shell commands are the ones .ci/run runs, and so is every line of its
# bash blocks (the sanitizer run).
"""Usage: check_readme.py [--doc DOC.md ...] [--env NAME=VALUE ...] README.md CI_SCRIPT SCOPECHECK EXAMPLE RUNNER [...]

Each EXAMPLE (.cpp, .c, .py or .rb) must appear verbatim in a block of its language, and the block
after it must be what it prints; its RUNNER is the compiled example, or the interpreter that runs
the script with the --env variables set (where the built module and library are, what a sanitizer
build preloads); compiled examples run in the test's own environment.

`console` blocks are sessions: each "$ command" runs in bash with scopecheck on PATH, and the lines up
to the next "$ " must be exactly what it prints (stdout, then stderr; where lines of stderr are
marked "2> ", each stream is compared with its own lines). Each session runs in a fresh empty folder,
so a command may write a file that the next one reads. The sessions of each --doc file (docs/cli.md)
are checked the same way.
"""

import os
import re
import subprocess
import sys
import tempfile


def blocks(text):
    """(language, body) of every fenced block, in order."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.M | re.S)]


LANGUAGES = {".cpp": "cpp", ".c": "c", ".py": "python", ".rb": "ruby"}


def check_example(fenced, example, runner, env):
    with open(example, encoding="utf-8") as f:
        source = f.read()
    language = LANGUAGES[os.path.splitext(example)[1]]
    index = next((i for i, (lang, body) in enumerate(fenced) if lang == language and body == source), None)
    if index is None:
        return [f"the README has no {language} block identical to {example}"]
    shown = fenced[index + 1][1] if index + 1 < len(fenced) else None
    compiled = language in ("cpp", "c")
    command = [runner] if compiled else [runner, example]
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=None if compiled else env)
    if result.returncode != 0:
        return [f"{' '.join(command)} exited with {result.returncode}:\n{result.stdout}{result.stderr}"]
    printed = result.stdout
    if shown != printed:
        return [f"the README shows\n{shown}but {example} prints\n{printed}"]
    return []


def check_session(body, scopecheck, folder):
    errors, command, expected = [], None, []
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(scopecheck)) + os.pathsep + os.environ["PATH"])
    env.pop("NO_COLOR", None)

    def finish():
        if command is None:
            return
        result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, cwd=folder,
                                check=False)
        if any(line.startswith("2> ") for line in expected):  # stderr marked: each stream on its own
            out, err = (text.rstrip("\n").split("\n") if text else [] for text in (result.stdout, result.stderr))
            printed = out + ["2> " + line for line in err]
        else:
            both = (result.stdout + result.stderr).rstrip("\n")
            printed = both.split("\n") if both else []
        if printed != expected:
            errors.append(f"README session: $ {command}\nshows\n" + "\n".join(expected) + "\nbut prints\n" +
                          "\n".join(printed))

    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            finish()
            command, expected = line[2:], []
        else:
            expected.append(line)
    finish()
    return errors


def main(argv):
    docs, env = [], dict(os.environ)
    while len(argv) >= 2 and argv[0] in ("--doc", "--env"):
        if argv[0] == "--doc":
            docs.append(argv[1])
        else:
            name, value = argv[1].split("=", 1)
            env[name] = value
        argv = argv[2:]
    if len(argv) < 5 or len(argv) % 2 == 0:
        raise SystemExit(__doc__)
    readme, ci, scopecheck, examples = argv[0], argv[1], argv[2], argv[3:]
    with open(readme, encoding="utf-8") as f:
        fenced = blocks(f.read())
    errors = []
    for example, runner in zip(examples[::2], examples[1::2]):
        errors += check_example(fenced, example, runner, env)
    sessions = [body for lang, body in fenced if lang == "console"]
    if not sessions:
        errors.append("the README has no scopecheck session (a console block)")
    for body in sessions:
        with tempfile.TemporaryDirectory() as folder:
            errors += check_session(body, scopecheck, folder)
    commands = [body.strip() for lang, body in fenced if lang == "sh"]
    with open(ci, encoding="utf-8") as f:
        ci_lines = [line.strip() for line in f]
    if len(commands) != 2:
        errors.append(f"the README should have exactly two sh blocks (install+build, test), has {len(commands)}")
    for command in commands:
        if command not in ci_lines:
            errors.append(f"{ci} does not run the README's command:\n  {command}")
    for body in (body for lang, body in fenced if lang == "bash"):
        for line in filter(None, (line.strip() for line in body.split("\n"))):
            if line not in ci_lines:
                errors.append(f"{ci} does not run this line of a README bash block:\n  {line}")
    for doc in docs:
        with open(doc, encoding="utf-8") as f:
            doc_sessions = [body for lang, body in blocks(f.read()) if lang == "console"]
        if not doc_sessions:
            errors.append(f"{doc} has no scopecheck session (a console block)")
        for body in doc_sessions:
            with tempfile.TemporaryDirectory() as folder:
                errors += [f"{doc}: {e}" for e in check_session(body, scopecheck, folder)]
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
