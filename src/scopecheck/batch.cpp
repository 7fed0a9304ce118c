// Printing answers, and the bounded line reader of batch mode.
#include "batch.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace scopecheck {
namespace {

// JSON text that never throws: invalid UTF-8 in an input becomes U+FFFD.
std::string dump(json const& object) { return object.dump(-1, ' ', false, json::error_handler_t::replace); }

// Reads lines through a fixed buffer, keeping at most `limit` bytes of each.
class line_reader {
public:
    line_reader(std::FILE* in, std::size_t limit) : in_{in}, limit_{limit}, buffer_(1 << 16) {}

    bool next(std::string& line)
    {
        line.clear();
        bool any = false;
        while (true) {
            if (pos_ == end_) {
                end_ = std::fread(buffer_.data(), 1, buffer_.size(), in_);
                pos_ = 0;
                if (end_ == 0) return any && finish(line);  // a last line without a newline
            }
            any = true;
            auto const* start = buffer_.data() + pos_;
            auto const* newline = static_cast<char const*>(std::memchr(start, '\n', end_ - pos_));
            std::size_t const n = newline ? static_cast<std::size_t>(newline - start) : end_ - pos_;
            line.append(start, std::min(n, limit_ - std::min(limit_, line.size())));
            pos_ += n;
            if (newline) {
                ++pos_;
                return finish(line);
            }
        }
    }

private:
    static bool finish(std::string& line)
    {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }

    std::FILE* in_;
    std::size_t limit_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;
};

}  // namespace

int print_answer(settings const& s, answer const& a)
{
    auto const& lines = a.text.empty() ? std::vector<std::string>{a.line} : a.text;
    if (a.code == bad_input) {
        for (auto const& l : lines) fmt::print(stderr, "{}\n", l);
    } else if (s.json) {
        fmt::print("{}\n", dump(a.object));
    } else {
        for (auto const& l : lines) fmt::print("{}\n", l);
    }
    return a.code;
}

int run_batch(settings const& s, std::FILE* in, std::size_t max_line,
              std::function<answer(std::string_view)> const& answer_for)
{
    line_reader reader{in, max_line + 1};
    std::string line;
    int worst = yes;
    for (std::size_t number = 1; reader.next(line); ++number) {
        auto const a = answer_for(line);
        worst = std::max(worst, a.code);
        if (s.json) {
            json object = {{"input", line}};
            object.update(a.object);
            fmt::print("{}\n", dump(object));
        } else {
            fmt::print("{}\n", a.line);
        }
        if (a.code == bad_input) fmt::print(stderr, "scopecheck: line {}: {}\n", number, a.line);
    }
    if (std::ferror(in)) {
        fmt::print(stderr, "scopecheck: error: cannot read standard input: {}\n", std::strerror(errno));
        return bad_input;
    }
    return worst;
}

}  // namespace scopecheck
