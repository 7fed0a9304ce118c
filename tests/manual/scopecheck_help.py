# What `scopecheck --help` lists, read the same way by the man page and completion checks.
import re
import subprocess


def global_help(scopecheck):
    """(help text, subcommands, global option names, {option: allowed values}) of `scopecheck --help`."""
    text = subprocess.run([scopecheck, "--help"], capture_output=True, text=True, check=True).stdout
    commands, options, values, section = [], [], {}, None
    for line in text.splitlines():
        if line in ("Options:", "Subcommands:"):
            section = line
        elif not line.strip():
            section = None
        elif section == "Subcommands:" and line.startswith("  "):
            commands.append(line.split()[0])
        elif section == "Options:" and line.startswith("  -"):
            names = line.split()[0].split(",")
            options += names
            allowed = re.search(r":\{([^}]*)\}", line)
            if allowed:
                values[names[-1]] = allowed.group(1).split(",")
    return text, commands, options, values
