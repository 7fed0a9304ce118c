// The library side of the Doorkeeper differential test (differential.py): answers the same questions
// as scopecheck --json, through mastoscope's public C++ API only, so a difference between the
// library and the command line cannot hide behind the command line.
//
// JSON Lines in, one JSON answer per line out, same order. A string is {"hex":"..."} (any bytes).
//   {"op":"validate","mode":"strict"|"query","version":V,"text":S}
//       -> {"valid":B,"scopes":[names in id order]}                 mastoscope::parse
//   {"op":"register","version":V,"scopes":S|null}
//       -> {"accepted":B,"stored":[names],"status":N,"error":E|null}  mastodon::register_app
//   {"op":"authorize","grant":"authorization_code"|"client_credentials","version":V,
//    "registered":S,"requested":S|null}
//       -> {"registered":false,"status":N,"error":E} when register_app(registered) refuses, else
//          {"accepted":B,"scopes":[token names],"status":N,"error":E|null,"not_registered":[...]}
// A name that is not valid UTF-8 is written as {"hex":"..."}. A malformed question is answered
// {"bad_request":"..."} (and the exit status is 2), so the line count always matches.
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <mastoscope/mastodon.hpp>
#include <mastoscope/parse.hpp>

namespace {

using nlohmann::json;
namespace ms = mastoscope;
namespace md = mastoscope::mastodon;

std::string from_hex(std::string_view hex)
{
    auto const digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw std::invalid_argument("not a hex digit");
    };
    if (hex.size() % 2) throw std::invalid_argument("odd hex length");
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) out += static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1]));
    return out;
}

std::string to_hex(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// A string field: {"hex":...}; null (or absent) is nullopt.
std::optional<std::string> bytes_of(json const& q, char const* key)
{
    auto const it = q.find(key);
    if (it == q.end() || it->is_null()) return std::nullopt;
    if (it->is_object() && it->contains("hex")) return from_hex(it->at("hex").get<std::string>());
    throw std::invalid_argument(std::string(key) + ": expected {\"hex\":...} or null");
}

std::string required_bytes(json const& q, char const* key)
{
    auto b = bytes_of(q, key);
    if (!b) throw std::invalid_argument(std::string(key) + ": required");
    return *b;
}

json text_json(std::string const& s) { return md::valid_utf8(s) ? json(s) : json{{"hex", to_hex(s)}}; }

json names_json(std::vector<std::string> const& names)
{
    json list = json::array();
    for (auto const& n : names) list.push_back(text_json(n));
    return list;
}

ms::version version_of(json const& q)
{
    auto const text = q.at("version").get<std::string>();
    auto const v = ms::parse_version(text);
    if (!v) throw std::invalid_argument("bad version: " + text);
    return *v;
}

json answer(json const& q)
{
    auto const op = q.at("op").get<std::string>();
    if (op == "validate") {
        auto const mode_name = q.at("mode").get<std::string>();
        auto const mode = ms::parse_mode_from(mode_name);
        if (!mode) throw std::invalid_argument("bad mode: " + mode_name);
        auto const text = required_bytes(q, "text");
        auto const result = ms::parse(text, {.mode = *mode, .server_version = version_of(q)});
        json scopes = json::array();
        for (auto s : result.scopes()) scopes.push_back(std::string(ms::name(s)));
        return {{"valid", static_cast<bool>(result)}, {"scopes", scopes}};
    }
    if (op == "register") {
        auto const scopes = bytes_of(q, "scopes");
        auto const result =
            md::register_app(scopes ? std::optional<std::string_view>(*scopes) : std::nullopt, version_of(q));
        return {{"accepted", result.ok},
                {"stored", names_json(result.stored.names)},
                {"status", result.status},
                {"error", result.reason.empty() ? json(nullptr) : text_json(std::string(result.reason))}};
    }
    if (op == "authorize") {
        auto const grant_name = q.at("grant").get<std::string>();
        md::grant_type grant;
        if (grant_name == "authorization_code")
            grant = md::grant_type::authorization_code;
        else if (grant_name == "client_credentials")
            grant = md::grant_type::client_credentials;
        else
            throw std::invalid_argument("bad grant: " + grant_name);
        auto const v = version_of(q);
        auto const registered = required_bytes(q, "registered");
        auto const app = md::register_app(std::string_view(registered), v);
        if (!app.ok)
            return {{"registered", false}, {"status", app.status}, {"error", text_json(std::string(app.reason))}};
        auto const requested = bytes_of(q, "requested");
        auto const result =
            md::authorize(app.stored, requested ? std::optional<std::string_view>(*requested) : std::nullopt, grant, v);
        return {{"accepted", result.ok},
                {"scopes", names_json(result.scopes.names)},
                {"status", result.status},
                {"error", result.oauth_error.empty() ? json(nullptr) : json(std::string(result.oauth_error))},
                {"not_registered", names_json(result.not_registered)}};
    }
    throw std::invalid_argument("unknown op: " + op);
}

}  // namespace

int main()
{
    std::ios::sync_with_stdio(false);
    int status = 0;
    std::string line;
    while (std::getline(std::cin, line)) {
        json out;
        try {
            out = answer(json::parse(line));
        } catch (std::exception const& e) {
            out = {{"bad_request", e.what()}};
            status = 2;
        }
        std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
    std::cout.flush();
    return std::cout ? status : 1;
}
