#!/usr/bin/env python3
# The man page that scopecheck writes from its command table: it renders without a roff warning, has
# the sections a man page needs, names every command and global option of `scopecheck --help` with each
# command's examples, and agrees with docs/cli.md (its command table, global options and exit codes).
# With --installed: after `meson install --destdir`, `man -M <destdir>/<prefix>/<mandir> scopecheck`
# opens the page.
"""Usage: check_man.py SCOPECHECK SCOPECHECK.1 CLI.md
       check_man.py --installed BUILD_DIR"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from scopecheck_help import global_help

SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES",
            "SEE ALSO"]
MACROS = {".TH", ".SH", ".TP", ".RS", ".RE", ".PP", ".EX", ".EE", ".br", ".nf", ".fi"}
MAN_ENV = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="100", MANPAGER="cat", PAGER="cat")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)


def plain(text):
    """Roff text as it reads: font changes dropped, escaped hyphens and backslashes restored."""
    text = re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-").replace("\\e", "\\")
    return text[2:] if text.startswith("\\&") else text


def roff_sections(page):
    """{section: [lines]} of the roff source."""
    sections, current = {}, None
    for line in page.splitlines():
        if line.startswith(".SH "):
            current = line[4:].strip('"')
            sections[current] = []
        elif current:
            sections[current].append(line)
    return sections


def tags(lines, top_level_only=True):
    """The line after each .TP, outside .RS blocks when top_level_only."""
    out, depth = [], 0
    for i, line in enumerate(lines):
        depth += line == ".RS"
        depth -= line == ".RE"
        if line == ".TP" and (depth == 0 or not top_level_only):
            out.append(plain(lines[i + 1]))
    return out


def help_lists(scopecheck):
    """The subcommands and global option names that `scopecheck --help` lists."""
    _, commands, options, _ = global_help(scopecheck)
    return commands, options


def examples(scopecheck, command):
    """The example lines of `scopecheck COMMAND --help`."""
    text = run([scopecheck, command, "--help"]).stdout
    _, _, after = text.partition("\nExample:\n") if "\nExample:\n" in text else text.partition("\nExamples:\n")
    return [line.strip() for line in after.splitlines() if line.strip()]


def markdown_rows(text, heading):
    """The first cell and the rest of each row of the first table under `## heading`."""
    body = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in body.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            rows.append(cells)
    return rows[1:]  # less the header


def check_page(scopecheck, page_path, doc_path):
    errors = []
    for cmd in (["groff", "-ww", "-man", "-z", page_path], ["man", "--warnings", "-E", "UTF-8", "-l", page_path]):
        if not shutil.which(cmd[0]):
            print(f"skipped: no {cmd[0]} (groff-base, man-db)")
            return None
        result = run(cmd, env=MAN_ENV)
        if result.returncode != 0 or result.stderr:
            errors.append(f"{' '.join(cmd)} exits {result.returncode} and warns:\n{result.stderr}")
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    for n, line in enumerate(page.splitlines(), 1):
        if line.startswith("'") or (line.startswith(".") and line.split()[0] not in MACROS):
            errors.append(f"line {n} starts with a control character that is no man macro: {line}")
    sections = roff_sections(page)
    if list(sections) != SECTIONS:
        errors.append(f"the sections are {list(sections)}, not {SECTIONS}")
    if errors:
        return errors

    commands, options = help_lists(scopecheck)
    command_tags = tags(sections["COMMANDS"])
    named = [tag.split()[0] for tag in command_tags]
    if named != commands:
        errors.append(f"COMMANDS has {named}; --help lists {commands}")
    option_names = [name.strip(",") for tag in tags(sections["OPTIONS"]) for name in tag.split() if name.startswith("-")]
    if sorted(option_names) != sorted(options):
        errors.append(f"OPTIONS has {option_names}; --help lists {options}")
    text = "\n".join(plain(line) for line in sections["COMMANDS"])
    for command in commands:
        for example in examples(scopecheck, command):
            if example not in text:
                errors.append(f"COMMANDS lacks the example of {command}: {example}")
    if "NO_COLOR" not in "\n".join(sections["ENVIRONMENT"]):
        errors.append("ENVIRONMENT does not say what NO_COLOR does")

    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    # The command table's usage column, as the man page's tags write it less optional options.
    table = doc.split("\n| command |", 1)[1].split("\n\n", 1)[0]
    doc_usage = re.findall(r"^\| \[`([^`]*)`\]", table, re.M)
    man_usage = [re.sub(r" \[--[^]]*\]", "", tag) for tag in command_tags]
    if sorted(doc_usage) != sorted(man_usage):
        errors.append(f"docs/cli.md's commands are {sorted(doc_usage)}, the man page's {sorted(man_usage)}")
    doc_options = sorted(row[0].replace("`", "").replace("\\|", "|") for row in markdown_rows(doc, "Global options"))
    if doc_options != sorted(tags(sections["OPTIONS"])):
        errors.append(f"docs/cli.md's global options are {doc_options}, the man page's {sorted(tags(sections['OPTIONS']))}")
    doc_exits = {row[0]: re.split(r"[:,]", row[1])[0] for row in markdown_rows(doc, "Exit codes")}
    lines = sections["EXIT STATUS"]
    man_exits = {plain(lines[i + 1]): plain(lines[i + 2]) for i, line in enumerate(lines) if line == ".TP"}
    if sorted(doc_exits) != sorted(man_exits):
        errors.append(f"docs/cli.md's exit statuses are {sorted(doc_exits)}, the man page's {sorted(man_exits)}")
    for status, meaning in doc_exits.items():
        if not man_exits.get(status, "").startswith(meaning):
            errors.append(f"exit status {status}: docs/cli.md says '{meaning}', the man page '{man_exits.get(status)}'")
    return errors


def check_installed(build):
    if not shutil.which("man"):
        print("skipped: no man (man-db)")
        return 77
    listed = run(["meson", "introspect", "--buildoptions", build])
    options = {o["name"]: o["value"] for o in json.loads(listed.stdout)}
    with tempfile.TemporaryDirectory() as root:
        installed = run(["meson", "install", "-C", build, "--destdir", root, "--no-rebuild", "--quiet"])
        if installed.returncode != 0:
            raise SystemExit(f"meson install failed:\n{installed.stdout}{installed.stderr}")
        mandir = os.path.join(options["prefix"], options["mandir"])
        shown = run(["man", "-M", root + mandir, "scopecheck"], env=MAN_ENV)
        if shown.returncode != 0 or not re.search(r"^NAME\n +scopecheck [-‐−] ", shown.stdout, re.M):
            raise SystemExit(f"man -M {root + mandir} scopecheck exits {shown.returncode}:\n{shown.stdout[:600]}"
                             f"{shown.stderr}")
        completion = os.path.join(root + options["prefix"], options["datadir"], "bash-completion", "completions",
                                  "scopecheck")
        if not os.path.isfile(completion):
            raise SystemExit(f"the bash completion is not at {completion}")
        print(shown.stdout.splitlines()[3].strip())
    return 0


def main(argv):
    if len(argv) == 2 and argv[0] == "--installed":
        return check_installed(argv[1])
    if len(argv) != 3:
        raise SystemExit(__doc__)
    errors = check_page(*argv)
    if errors is None:
        return 77
    if errors:
        raise SystemExit("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
