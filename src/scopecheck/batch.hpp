// Batch mode: one answer per line of standard input, lines bounded in length.
#pragma once

#include <cstdio>
#include <functional>
#include <string_view>

#include "answer.hpp"

namespace scopecheck {

// Where batch mode reads and writes: standard input, output and error, or memory in the fuzzer.
struct streams {
    std::FILE* in = stdin;
    std::FILE* out = stdout;
    std::FILE* err = stderr;
    int write_error = 0;  // errno of the first write that failed, for report_output_error
};

// Prints a single answer (out, or err for bad input) and returns its exit code.
int print_answer(settings const& s, answer const& a, streams& io);

// Answers each line of `io.in` (a CRLF ending counts as a newline), one output line per input line:
// JSON Lines with an "input" key under --json. A line longer than `max_line` bytes is read no further
// and answered too_long here, whatever the command, so no command ever answers a cut line as if it
// were whole. Returns the highest exit code of the answers (0 for no input), or bad_input when the
// input cannot be read (said on io.err) or the output cannot be written (reading stops; left for the
// caller to report, see report_output_error).
int run_batch(settings const& s, streams& io, std::size_t max_line,
              std::function<answer(std::string_view)> const& answer_for);

// After the last answer: flushes `out`; if anything written to it was lost (a closed pipe, a full
// disk), says so on `err` and returns bad_input, otherwise returns `code`.
int report_output_error(int code, streams& io);

}  // namespace scopecheck
