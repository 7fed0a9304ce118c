// Fuzzes scopecheck's batch mode (`scopecheck COMMAND -`): the line reader, every command's answer and
// both output forms. Input: one byte choosing the command, --json and --mode, then standard input.
// Checks: one output line per input line, every JSON line parses and carries "input", text lines hold
// no control byte (nothing the input says can drive the terminal), the exit code is the worst answer.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch.hpp"
#include "commands.hpp"
#include "fuzz_target.hpp"

namespace {

using namespace scopecheck;
using command = std::function<answer(settings const&, std::string_view)>;

std::vector<command> const commands = {
    [](settings const& s, std::string_view l) { return validate(s, l); },
    [](settings const& s, std::string_view l) { return expand(s, l); },
    [](settings const& s, std::string_view l) { return normalize(s, l); },
    [](settings const& s, std::string_view l) { return lint(s, l); },
    [](settings const& s, std::string_view l) { return grants(s, l, "read:statuses write:media"); },
    [](settings const& s, std::string_view l) { return grants(s, "read write follow", l); },
    [](settings const& s, std::string_view l) { return explain(s, l, "read:mutes write"); },
    [](settings const& s, std::string_view l) { return diff(s, l, "follow"); },
    [](settings const& s, std::string_view l) { return authorize(s, "read write follow", l); },
    [](settings const& s, std::string_view l) { return authorize(s, l, "read"); },
    [](settings const& s, std::string_view l) { return endpoint(s, "GET", "/api/v1/mutes", l); },
    [](settings const& s, std::string_view l) { return register_app(s, l); },
};

// Lines as batch mode counts them: split at '\n'; a last line without one counts if it is not empty.
std::size_t count_lines(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text) n += c == '\n';
    return n + (!text.empty() && text.back() != '\n');
}

std::string check_output(settings const& s, std::string_view out, std::size_t expected_lines)
{
    if (count_lines(out) != expected_lines || (!out.empty() && out.back() != '\n'))
        return "batch mode does not answer one line per input line";
    std::size_t start = 0;
    while (start < out.size()) {
        auto const end = out.find('\n', start);
        auto const line = out.substr(start, end - start);
        start = end + 1;
        if (s.json) {
            auto const object = nlohmann::json::parse(line, nullptr, false);
            if (object.is_discarded() || !object.is_object() || !object.contains("input"))
                return "a JSON line is not an object with \"input\"";
            continue;
        }
        for (unsigned char c : line)
            if (c < 0x20 || c == 0x7f) return "a text answer holds a control byte";
    }
    return "";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    if (size < 2) {  // fmemopen needs at least one byte of input; answer the bytes as one line instead
        (void)validate(settings{}, fuzz::as_text(data, size));
        return 0;
    }
    settings s;
    auto const& run = commands[data[0] % commands.size()];
    s.json = (data[0] / commands.size()) % 2 == 1;
    s.parse.mode = static_cast<mastoscope::parse_mode>(data[0] / commands.size() / 2 % 3);
    s.parse.max_length = 32;  // so that lines past the bound are within the fuzzer's input length
    auto const input = fuzz::as_text(data + 1, size - 1);

    std::string in_copy{input};
    char *out_buffer = nullptr, *err_buffer = nullptr;
    std::size_t out_size = 0, err_size = 0;
    streams io{fmemopen(in_copy.data(), in_copy.size(), "r"), open_memstream(&out_buffer, &out_size),
               open_memstream(&err_buffer, &err_size)};
    if (!io.in || !io.out || !io.err) std::abort();
    int worst = yes;
    int const code = run_batch(s, io, s.parse.max_length, [&](std::string_view line) {
        auto a = run(s, line);
        worst = std::max(worst, a.code);
        return a;
    });
    std::fclose(io.in);
    std::fclose(io.out);
    std::fclose(io.err);
    std::string const out{out_buffer, out_size}, err{err_buffer, err_size};
    std::free(out_buffer);
    std::free(err_buffer);

    // A line past the bound is answered too_long by batch mode itself, never by the command.
    for (std::size_t start = 0; start < input.size();) {
        auto const end = std::min(input.find('\n', start), input.size());
        auto line = input.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF
        if (line.size() > s.parse.max_length) worst = bad_input;
        start = end + 1;
    }
    auto const all = fuzz::as_text(data, size);
    fuzz::require(check_output(s, out, count_lines(input)), all);
    fuzz::require(code == worst ? "" : "the exit code is not the worst answer's", all);
    fuzz::require(
        (worst == bad_input) == !err.empty() ? "" : "bad input is not reported on stderr (or something else is)", all);
    // Writes to memory never fail, and each run keeps its own record of failed writes.
    fuzz::require(io.write_error == 0 ? "" : "a write to memory is recorded as failed", all);
    return 0;
}
