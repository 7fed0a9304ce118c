// Invariants that must hold for every input: shared by the fuzzers (tests/fuzz/) and the property tests.
#pragma once

#include <string>
#include <string_view>

#include <mastoscope/parse.hpp>
#include <mastoscope/scope_set.hpp>

namespace invariants {

// Each check returns "" when every invariant holds, otherwise a sentence naming the first that broke.

// parse(text, options) against an independent reading of Mastodon's rule:
// - strict: valid exactly when every byte is printable ASCII or a space, the text is not blank, and
//   every space-separated token names a scope available at the server version; the scopes are then
//   exactly those tokens (no escalation, no false refusal), each at the column where it is written;
// - query: with '+' and %XX decoded here, the verdict, scopes and diagnostic kinds equal strict's;
// - lenient: only scopes written as a token between whitespace and commas, available at the version;
// - every mode: diagnostics in column order, formatting the scopes and parsing
//   them again gives the same set, and closure() adds only what the documented parent edges grant.
std::string check_parse(std::string_view text, mastoscope::parse_options const& options);

// Two parses of the same text give the same result, diagnostics and columns included.
std::string check_deterministic(std::string_view text, mastoscope::parse_options const& options);

// parse(), which runs the checking policy first, gives exactly what the diagnosing policy alone gives:
// the same verdict, scopes, diagnostics (kind, column, token, suggestion, message) and columns; and so
// does parse(text), whose default options are fixed at compile time, with those defaults.
std::string check_policies_agree(std::string_view text, mastoscope::parse_options const& options);

// parse_version(text) accepts exactly MAJOR.MINOR.PATCH[-PRE] (SemVer without build metadata, numbers
// in 32 bits, PRE at most version::max_pre_release bytes) and formats back to the same text.
std::string check_version(std::string_view text);

// Two versions that parse compare as SemVer says, consistently both ways.
std::string check_version_order(std::string_view a, std::string_view b);

// A server value NAME[@VERSION] that parses formats back to one that parses the same, build metadata
// included; each server's version format reads a SemVer text as parse_version does, or refuses it.
std::string check_server(std::string_view text);

// Every other server's reading of `text` (dialect.hpp): valid exactly when no error, the names kept
// are its own, columns inside the text and in order, lint agreeing; register_on and authorize_on
// answer with the server's statuses and hold together.
std::string check_dialect(std::string_view text, mastoscope::parse_options const& options);

// The lattice laws of |, & and -, closure (extensive, monotone, idempotent, a union homomorphism,
// equal to the walk over parent edges), normalize (the maximal elements of the closure: minimal and
// closure-preserving), grants/grants_any/covers/literal_subset as defined, literal_subset => covers.
std::string check_algebra(mastoscope::scope_set const& a, mastoscope::scope_set const& b,
                          mastoscope::scope_set const& c);

}  // namespace invariants
