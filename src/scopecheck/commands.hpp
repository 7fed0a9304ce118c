// scopecheck's commands: each a small function from its arguments to an answer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <mastoscope/identify.hpp>

#include <mastoscope/version.hpp>

#include "answer.hpp"

namespace scopecheck {

answer grants(settings const& s, std::string_view granted, std::string_view required);
answer explain(settings const& s, std::string_view granted, std::string_view required);
answer validate(settings const& s, std::string_view scopes);
answer lint(settings const& s, std::string_view scopes);
answer expand(settings const& s, std::string_view scopes);
answer normalize(settings const& s, std::string_view scopes);
answer diff(settings const& s, std::string_view a, std::string_view b);
answer authorize(settings const& s, std::string_view registered, std::string_view requested);
answer info(settings const& s, std::string_view scope_name);
answer list(settings const& s, mastoscope::version const& at, bool deprecated_only, bool removed);
// What to request from the server `to` for what SCOPES allow on Mastodon (translate.cpp).
answer translate(settings const& s, std::string_view scopes, mastoscope::server const& to);

// Which server SOURCE... describe: saved documents, "-", or base URLs that it fetches (identify.cpp).
answer identify(settings const& s, std::vector<std::string> const& sources);
// The same, for --server-from: the identification, or the bad_input answer of a source that failed.
std::variant<mastoscope::identification, answer> identify_sources(std::vector<std::string> const& sources);

// Mastodon's real checks (mastodon.cpp).
answer endpoint(settings const& s, std::string_view method, std::string_view path,
                std::optional<std::string_view> token);
answer plan(settings const& s, std::vector<std::string> const& requests);
answer audit(settings const& s);
answer register_app(settings const& s, std::optional<std::string_view> scopes);

// register and authorize under a server other than Mastodon (dialect.cpp); register_app and authorize
// hand over to them.
answer register_other(settings const& s, std::optional<std::string_view> scopes);
answer authorize_other(settings const& s, std::string_view registered, std::string_view requested);

}  // namespace scopecheck
