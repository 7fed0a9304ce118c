// The parse state that X3's semantic actions feed: classifies each token and collects diagnostics.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <optional>

#include <mastoscope/parse.hpp>

namespace mastoscope::parser {

class scope_reader {
public:
    scope_reader(std::string_view text, parse_options const& options) noexcept;

    // Strict and lenient modes: a token is its raw bytes [first, last) of the input, with their
    // perfect hash. Inline: the grammar calls it for every token, and a known name is the common case.
    void raw_token(char const* first, char const* last, std::uint32_t hash)
    {
        any_token_ = true;
        std::string_view const token{first, static_cast<std::size_t>(last - first)};
        auto const found = detail::lookup_hashed(token, hash);
        if (found && available_.contains(*found) && !scopes_.contains(*found)) return keep(*found, offset(first) + 1);
        odd_token(token, found, offset(first) + 1);
    }

    // Query mode: begin_token, then append each decoded byte with where it came from, then
    // decoded_token with the raw extent. A bad escape marks the token instead of a byte.
    void begin_token() noexcept;
    void append(char byte, char const* at) noexcept;
    void bad_escape(char const* at) noexcept;
    void decoded_token(char const* first, char const* last);

    // The verdict once the grammar has read everything.
    parse_result finish() &&;

private:
    static constexpr std::size_t buffer_size = 256;  // longer than any scope name
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    std::size_t offset(char const* at) const noexcept { return static_cast<std::size_t>(at - text_.data()); }
    bool is_bad_byte(unsigned char c) const noexcept;
    void odd_token(std::string_view token, std::optional<scope> found, std::size_t column);
    void keep(scope s, std::size_t column) noexcept  // a scope written once and available: kept
    {
        scopes_.insert(s);
        first_column_[index(s)] = static_cast<std::uint32_t>(column);
    }
    void classify(std::string_view token, std::size_t column);
    void known(scope s, std::string_view token, std::size_t column);
    void unknown(std::string_view token, std::size_t column);
    void report(diagnostic_kind kind, severity level, std::size_t column, std::string_view token,
                std::string suggestion, std::string message);

    std::string_view text_;
    parse_options options_;
    scope_set available_;   // the scopes the server version has
    scope_set deprecated_;  // ...and those it deprecates
    scope_set scopes_;
    std::vector<diagnostic> diagnostics_;
    parse_result::columns_type first_column_;  // written for each kept scope; never read otherwise
    bool any_token_ = false;

    // query-mode token under construction (not zeroed: only buffer_used_ bytes are read)
    std::array<char, buffer_size> buffer_;
    std::size_t buffer_used_ = 0;
    bool overflow_ = false;
    std::size_t problem_at_ = none;  // offset of the first bad escape or bad byte
    bool problem_is_escape_ = false;
    unsigned char problem_byte_ = 0;
};

}  // namespace mastoscope::parser
