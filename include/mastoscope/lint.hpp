// Lint for scope strings: deprecated, redundant, duplicate and unavailable scopes, and the trap of
// Mastodon's literal registration rule.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <mastoscope/parse.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

enum class lint_kind {
    deprecated,         // deprecated at the server version; the message names the replacement
    redundant,          // granted by another scope of the set: fine to drop from a request
    registration_trap,  // ...but keep it registered if the app will request it on its own
    duplicate,          // written more than once
    unavailable,        // not yet added, or removed, at the server version
    unknown,            // lenient mode only: a token that names no scope
};

struct lint_warning {
    lint_kind kind;
    std::string scope;   // the scope (or, for unknown, the token) the warning is about
    std::size_t column;  // 1-based byte column of its first mention
    std::string message;
};

struct lint_result {
    std::vector<diagnostic> errors;  // why the text could not be linted (unknown scope, blank, ...)
    std::vector<lint_warning> warnings;
    scope_set scopes;  // the written scopes available at the server version
    explicit operator bool() const noexcept { return errors.empty(); }
};

// Parses `text` with `options`, except that scopes unavailable at the server version become
// `unavailable` warnings instead of errors; warnings are ordered by column.
lint_result lint(std::string_view text, parse_options const& options = {});

// The 1-based byte column where `s` is first written in `text` as parse() reads it with `options`, or 0
// when parse() does not keep it (not written, or not available at the server version). It reads the
// text again, with columns, which parse() does not keep.
std::size_t column_of(std::string_view text, scope s, parse_options const& options = {});

std::string_view to_string(lint_kind kind) noexcept;

MASTOSCOPE_END_NAMESPACE
