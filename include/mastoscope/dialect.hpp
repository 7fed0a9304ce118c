// Reading a scope string as a server of Mastodon's API family reads it: its separators and its
// vocabulary at its release (data/servers.yaml). For Mastodon this is parse() at the server's release.
#pragma once

#include <mastoscope/detail/abi.hpp>

#include <optional>
#include <string_view>

#include <mastoscope/parse.hpp>
#include <mastoscope/server.hpp>

MASTOSCOPE_BEGIN_NAMESPACE

// The release of `on` that first defined `s`: nullopt if every release the data describes has it,
// or if no release does (then `vocabulary` never holds it).
std::optional<version> added_on(software on, scope s) noexcept;

// Parses `text` as the server `on` splits a scope string (its `separators` rule), each name checked
// against the names it defines at its release: a name it does not define is an error (unknown_scope,
// with the server's scope that stands for it as the suggestion where there is one), one it defines
// only from a later release is not_yet_added, an empty name (two separators together, where the
// server keeps it) is unknown_scope with an empty token. options.server_version is not read: the
// release is on.release. In query mode the text is URL-decoded first ('+' a space, %XX a byte, a bad
// escape an error) and columns are those of the text as written; in lenient mode commas and ASCII
// whitespace separate, unknown names are warnings, and the string is valid if a known one remains.
// Mastodon's answer is parse(text, options) at on.release.
parse_result parse(std::string_view text, server const& on, parse_options const& options);

MASTOSCOPE_END_NAMESPACE
