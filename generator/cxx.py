# C++ spelling of generated values, and writing a generated file only when its content changes.
"""Helpers shared by the table generators."""

import os


def cxx_string(text):
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            out.append("".join(f"\\x{b:02x}\"\"" for b in ch.encode("utf-8")))
    return '"' + "".join(out) + '"'


def cxx_version(v):
    if v is None:
        return "std::nullopt"
    pre = f", {cxx_string(v.pre)}" if v.pre else ""
    return f"version{{{v.major}, {v.minor}, {v.patch}{pre}}}"


def cxx_words(ids, word_count):
    words = [0] * word_count
    for i in ids:
        words[i // 64] |= 1 << (i % 64)
    return "words{" + ", ".join(f"0x{w:016x}ULL" for w in words) + "}"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
