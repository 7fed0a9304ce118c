// The checking policy: the bits of the scopes written, for strings with nothing to report but deprecations.
#pragma once

#include <array>
#include <optional>

#include <mastoscope/scope.hpp>
#include <mastoscope/scope_set.hpp>

#include "token_scanner.hpp"

MASTOSCOPE_BEGIN_NAMESPACE
namespace parser {

// Refuses, and so stops the parse at, the first token that needs a diagnostic: one that is no scope
// name, or a scope written twice. It allocates nothing; it notes where each scope is written, in an
// array it never clears, for the warning of a deprecated one. parse() checks availability and
// deprecation afterwards, with the version's masks.
class scope_checker {
public:
    // A raw_token or a decoded_token: its text, its hash, and where it is written.
    template <class Token>
    bool take(Token const& token) noexcept
    {
        return note(detail::lookup_hashed(token.text(), token.hash), token.first);
    }

    scope_set const& scopes() const noexcept { return scopes_; }
    // Where a scope of scopes() is written.
    char const* where(scope s) const noexcept { return where_[index(s)]; }

private:
    // Notes a scope written at `at`; false (the parse stops) for no scope, or one written before.
    bool note(std::optional<scope> found, char const* at) noexcept
    {
        if (!found || scopes_.contains(*found)) return false;
        scopes_.insert(*found);
        where_[index(*found)] = at;
        return true;
    }

    scope_set scopes_;
    std::array<char const*, scope_count> where_;  // read only for scopes of scopes_, each written first
};

}  // namespace parser
MASTOSCOPE_END_NAMESPACE
