// Batch mode: one answer per line of standard input, lines bounded in length.
#pragma once

#include <cstdio>
#include <functional>
#include <string_view>

#include "answer.hpp"

namespace scopecheck {

// Prints a single answer (stdout, or stderr for bad input) and returns its exit code.
int print_answer(settings const& s, answer const& a);

// Answers each line of `in` (a trailing CR is dropped; a line longer than `max_line` bytes is cut to
// max_line + 1 bytes so the parser reports it too_long), one output line per input line: JSON Lines
// with an "input" key under --json. Returns the highest exit code of the answers (0 for no input).
int run_batch(settings const& s, std::FILE* in, std::size_t max_line,
              std::function<answer(std::string_view)> const& answer_for);

}  // namespace scopecheck
