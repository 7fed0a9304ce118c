// Helpers shared by the commands: colour, scope lists as text and JSON, inputs with a caret under a column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <mastoscope/parse.hpp>
#include <mastoscope/version.hpp>

#include "answer.hpp"
#include "json_writer.hpp"

namespace scopecheck {

enum class tone { good, bad, warn, dim, bold };

// `text` in the tone's colour when colour is on, else as it is.
std::string paint(settings const& s, tone t, std::string_view text);

// "read write:media" (or joined by another separator), or "-" for the empty set.
std::string names(mastoscope::scope_set const& set, std::string_view separator = " ");
json names_json(mastoscope::scope_set const& set);
json_writer& write_names(json_writer& out, mastoscope::scope_set const& set);  // the same list, written
json version_json(std::optional<mastoscope::version> const& v);

// The input as one printable line, each byte one cell wide or spelled \xNN, so a caret can stand
// under a byte column; `caret_line` puts "^ message" under `column` of it, after `indent` cells.
std::string printable(std::string_view text);
std::string caret_line(std::string_view text, std::size_t column, std::size_t indent, std::string_view message);

// Text output shows at most this many carets under one input (each is as wide as the input, so a
// 64 KiB string of bad tokens would otherwise print gigabytes); `more_line` counts the rest.
inline constexpr std::size_t max_carets = 20;
std::string more_line(std::size_t hidden, std::size_t indent);

// Parses a command's scope-string argument at the server version. Errors make a bad_input answer
// naming the argument (e.g. "REQUIRED") with the first error, its column and a caret. On a server
// other than Mastodon, a token may hold any name the data knows, whatever Mastodon says of it.
std::variant<mastoscope::scope_set, answer> read_scopes(settings const& s, std::string_view text,
                                                        std::string_view argument);

// A scope parameter as a client sends it, as Mastodon receives it: as written in strict mode; in
// query mode URL-decoded ('+' is a space, %XX a byte; a bad escape is a bad_input answer); in
// lenient mode with commas read as spaces. Used by register and authorize, whose answers come from
// Mastodon's own reading of the text rather than from parse().
std::variant<std::string, answer> read_parameter(settings const& s, std::string_view text, std::string_view argument);

// The stored scope names as JSON, in Mastodon's order.
json names_json(mastoscope::mastodon::stored_scopes const& stored);

// A bad_input answer for an error diagnostic of the argument `text`, with a caret under its column.
answer error_answer(std::string_view text, std::string_view argument, mastoscope::diagnostic const& error);

// A bad_input answer for a problem that has no column.
answer bad_input_answer(std::string_view message);

}  // namespace scopecheck
