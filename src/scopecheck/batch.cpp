// Printing answers, and the bounded line reader of batch mode.
#include "batch.hpp"
#include "json_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace scopecheck {
namespace {

// Writes one line to `out`, one of io's streams; false once it has failed (a closed pipe, a full disk).
bool write_line(streams& io, std::FILE* out, std::string_view text)
{
    if (std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fputc('\n', out) != EOF) return true;
    if (io.write_error == 0) io.write_error = errno;
    return false;
}

// The answer for a line longer than the limit: bad input, read no further than the limit.
answer too_long_answer(std::size_t length, std::size_t max_line)
{
    answer a;
    a.code = bad_input;
    auto const message = fmt::format("the line is {} bytes, longer than the limit of {}", length, max_line);
    a.object = json_text({{"error", {{"kind", "too_long"}, {"column", max_line + 1}, {"message", message}}}});
    a.line = fmt::format("error: {}", message);
    return a;
}

// Batch lines: {"input": INPUT, ...the answer's members}, without parsing the answer again.
class json_lines {
public:
    std::string_view line(std::string_view input, std::string_view answer)
    {
        text_ = writer_.start_object().member("input", input).end_object().take();
        if (answer.size() > 2) {  // "{...}": its members follow the input's
            text_.back() = ',';
            text_.append(answer.substr(1));
        }
        return text_;
    }

private:
    json_writer writer_;
    std::string text_;
};

// Reads lines through a fixed buffer, keeping at most `limit` bytes of each.
class line_reader {
public:
    line_reader(std::FILE* in, std::size_t limit) : in_{in}, limit_{limit}, buffer_(1 << 16) {}

    // The next line, cut to `limit` bytes; `length` is its whole length (without the newline).
    bool next(std::string& line, std::size_t& length)
    {
        line.clear();
        length = 0;
        bool any = false;
        while (true) {
            if (pos_ == end_) {
                end_ = std::fread(buffer_.data(), 1, buffer_.size(), in_);
                pos_ = 0;
                if (end_ == 0) return any && finish(line, length);  // a last line without a newline
            }
            any = true;
            auto const* start = buffer_.data() + pos_;
            auto const* newline = static_cast<char const*>(std::memchr(start, '\n', end_ - pos_));
            std::size_t const n = newline ? static_cast<std::size_t>(newline - start) : end_ - pos_;
            line.append(start, std::min(n, limit_ - std::min(limit_, line.size())));
            length += n;
            pos_ += n;
            if (newline) {
                ++pos_;
                return finish(line, length);
            }
        }
    }

private:
    // A CRLF line ending counts as a newline; `length` then excludes the CR too.
    static bool finish(std::string& line, std::size_t& length)
    {
        if (length == line.size() && !line.empty() && line.back() == '\r') {
            line.pop_back();
            --length;
        }
        return true;
    }

    std::FILE* in_;
    std::size_t limit_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;
};

}  // namespace

int print_answer(settings const& s, answer const& a, streams& io)
{
    auto const& lines = a.text.empty() ? std::vector<std::string>{a.line} : a.text;
    if (a.code == bad_input) {
        // Bad input is an answer too: under --json its error object goes to stdout, as in batch mode.
        if (s.json) write_line(io, io.out, a.object);
        for (auto const& l : lines) write_line(io, io.err, l);
    } else if (s.json) {
        write_line(io, io.out, a.object);
    } else {
        for (auto const& l : lines) write_line(io, io.out, l);
    }
    return a.code;
}

int run_batch(settings const& s, streams& io, std::size_t max_line,
              std::function<answer(std::string_view)> const& answer_for)
{
    line_reader reader{io.in, max_line + 1};
    json_lines lines;
    std::string line;
    std::size_t length = 0;
    int worst = yes;
    for (std::size_t number = 1; reader.next(line, length); ++number) {
        // A cut line is never answered as if it were whole, whatever the command does with it.
        auto const a = length > max_line ? too_long_answer(length, max_line) : answer_for(line);
        worst = std::max(worst, a.code);
        bool written;
        if (s.json) {
            written = write_line(io, io.out, lines.line(line, a.object));
        } else {
            written = write_line(io, io.out, a.line);
        }
        if (!written) return bad_input;  // nobody reads the answers any more: stop reading
        if (a.code == bad_input) write_line(io, io.err, fmt::format("scopecheck: line {}: {}", number, a.line));
    }
    if (std::ferror(io.in)) {
        write_line(io, io.err, fmt::format("scopecheck: error: cannot read standard input: {}", std::strerror(errno)));
        return bad_input;
    }
    return worst;
}

int report_output_error(int code, streams& io)
{
    errno = 0;
    if (std::fflush(io.out) == 0 && !std::ferror(io.out)) return code;
    int const error = io.write_error ? io.write_error : errno;
    write_line(io, io.err,
               error ? fmt::format("scopecheck: error: cannot write standard output: {}", std::strerror(error))
                     : std::string{"scopecheck: error: cannot write standard output"});
    return bad_input;
}

}  // namespace scopecheck
