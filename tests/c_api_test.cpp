// Tests for mastoscope/mastoscope.h, the C API, against the C++ API it wraps: every scope, every
// server, every pair of scopes for the hierarchy, and seeded random strings for parsing, so that the
// C answers are the library's answers and not a second copy of them.
#include <mastoscope/mastoscope.h>

#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include <mastoscope/algebra.hpp>
#include <mastoscope/dialect.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/text.hpp>

namespace ms = mastoscope;
namespace md = mastoscope::mastodon;

namespace {

ms_scopes c_set(ms::scope_set const& set)
{
    ms_scopes out{};
    for (auto s : set) BOOST_TEST_REQUIRE(ms_add(&out, static_cast<int>(ms::index(s))) == 1);
    return out;
}

ms::scope_set cpp_set(ms_scopes const& set)
{
    ms::scope_set out;
    for (int id = 0; id < ms_scope_count(); ++id)
        if (ms_has(&set, id)) out.insert(static_cast<ms::scope>(id));
    return out;
}

std::string format(ms_scopes const& set)
{
    std::string text(ms_format(&set, nullptr, 0), '\0');
    ms_format(&set, text.data(), text.size() + 1);
    return text;
}

std::string server_text(ms::software sw) { return std::string(ms::to_string(sw)); }

// Strings near the valid ones: names, separators, case variants, escapes and stray bytes.
std::string random_scope_string(std::mt19937& random)
{
    static constexpr char const* pieces[] = {" ",   "  ", ",", "\t", "+",    "%20",
                                             "%3A", "%",  ":", "R",  "\xff", "\xc3\xa9"};
    std::string out;
    auto const count = random() % 5;
    for (unsigned i = 0; i < count; ++i) {
        if (random() % 3 != 0)
            out += ms::name(static_cast<ms::scope>(random() % ms::scope_count));
        else
            out += pieces[random() % std::size(pieces)];
        if (random() % 2) out += ' ';
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mastoscope_h)

BOOST_AUTO_TEST_CASE(names_ids_and_history_are_the_tables)
{
    BOOST_TEST(ms_scope_count() == static_cast<int>(ms::scope_count));
    for (std::size_t i = 0; i < ms::scope_count; ++i) {
        auto const s = static_cast<ms::scope>(i);
        auto const id = static_cast<int>(i);
        BOOST_TEST(ms_name(id) == ms::name(s));
        BOOST_TEST(ms_description(id) == ms::description(s));
        BOOST_TEST(ms_lookup(ms::name(s).data(), ms::name(s).size()) == id);
        ms_history h;
        BOOST_TEST_REQUIRE(ms_scope_history(id, &h) == MS_OK);
        auto const text = [](std::optional<ms::version> const& v) { return v ? ms::to_string(*v) : std::string{}; };
        BOOST_TEST(h.added == text(ms::added_in(s)));
        BOOST_TEST(h.deprecated == text(ms::deprecated_in(s)));
        BOOST_TEST(h.removed == text(ms::removed_in(s)));
    }
    BOOST_TEST(ms_data_revision() == std::string_view{MASTOSCOPE_DATA_DIGEST});
}

BOOST_AUTO_TEST_CASE(the_hierarchy_is_the_algebras)
{
    for (std::size_t i = 0; i < ms::scope_count; ++i) {
        auto const a = static_cast<ms::scope>(i);
        auto const held = c_set({a});
        ms_scopes closure;
        ms_closure(&held, &closure);
        auto const granted = ms::closure_at(ms::scope_set{a}, ms::newest_release);
        BOOST_TEST((cpp_set(closure) == granted));
        for (std::size_t j = 0; j < ms::scope_count; ++j) {
            auto const b = static_cast<ms::scope>(j);
            auto const required = c_set({b});
            BOOST_TEST_CONTEXT(ms::name(a) << " grants " << ms::name(b))
            BOOST_TEST(ms_grants(&held, &required) == (granted.contains(b) ? 1 : 0));
            auto const pair = c_set({a, b});
            ms_scopes normal;
            ms_normalize(&pair, &normal);
            BOOST_TEST((cpp_set(normal) == ms::normalize(ms::scope_set{a, b})));
            BOOST_TEST(format(pair) == ms::to_string(ms::scope_set{a, b}));
        }
    }
}

BOOST_AUTO_TEST_CASE(parsing_answers_as_parse_on_every_server)
{
    std::mt19937 random{20261124};
    for (std::size_t k = 0; k < ms::software_count; ++k) {
        auto const sw = static_cast<ms::software>(k);
        auto const name = server_text(sw);
        BOOST_TEST(ms_server_name(static_cast<int>(k)) == name);
        BOOST_TEST(ms_server_display_name(static_cast<int>(k)) == ms::display_name(sw));
        for (std::size_t mode = 0; mode < ms::parse_modes.size(); ++mode)
            for (int n = 0; n < 2000; ++n) {
                auto const text = random_scope_string(random);
                ms_options const options{static_cast<int>(mode), name.c_str(), 0};
                ms_scopes out;
                ms_error error;
                auto const status = ms_parse(text.data(), text.size(), &options, &out, &error);
                ms::parse_options cpp_options;
                cpp_options.mode = ms::parse_modes[mode];
                auto const expected = ms::parse(text, ms::server{sw}, cpp_options);
                BOOST_TEST_CONTEXT(name << " " << ms::to_string(ms::parse_modes[mode]) << " '" << text << "'")
                {
                    BOOST_TEST((status == MS_OK) == static_cast<bool>(expected));
                    BOOST_TEST((cpp_set(out) == expected.scopes()));
                    if (!expected) {
                        auto const& first = *std::find_if(expected.diagnostics().begin(), expected.diagnostics().end(),
                                                          [](auto const& d) { return d.is_error(); });
                        BOOST_TEST(status == static_cast<int>(first.kind()) + 1);
                        BOOST_TEST(ms_status_name(status) == ms::to_string(first.kind()));
                        BOOST_TEST(error.column == first.column());
                        if (first.message().size() < sizeof error.message) BOOST_TEST(error.message == first.message());
                        if (first.token().size() < sizeof error.token) BOOST_TEST(error.token == first.token());
                    }
                }
            }
    }
}

BOOST_AUTO_TEST_CASE(register_and_authorize_answer_as_the_library)
{
    std::mt19937 random{7};
    for (std::size_t k = 0; k < ms::software_count; ++k) {
        auto const sw = static_cast<ms::software>(k);
        auto const name = server_text(sw);
        ms_options const options{MS_MODE_STRICT, name.c_str(), 0};
        for (int n = 0; n < 500; ++n) {
            auto const registered = random_scope_string(random), requested = random_scope_string(random);
            for (auto grant : md::grant_types) {
                ms_answer answer;
                auto const status = ms_authorize(registered.data(), registered.size(), requested.data(),
                                                 requested.size(), static_cast<int>(grant), &options, &answer);
                BOOST_TEST_CONTEXT(name << " '" << registered << "' '" << requested << "' " << md::to_string(grant))
                {
                    if (sw == ms::software::mastodon) {
                        auto const app = md::register_app(registered, ms::newest_release);
                        BOOST_TEST((status == MS_OK) == app.ok);
                        if (!app) continue;
                        auto const result = md::authorize(app.stored, requested, grant, ms::newest_release);
                        BOOST_TEST(answer.ok == (result.ok ? 1 : 0));
                        BOOST_TEST(answer.status == result.status);
                        BOOST_TEST(answer.oauth_error == result.oauth_error);
                        BOOST_TEST((cpp_set(answer.scopes) == result.scopes.as_set));
                    } else {
                        auto const app = ms::register_on(ms::server{sw}, registered);
                        BOOST_TEST((status == MS_OK) == app.ok);
                        if (!app) continue;
                        auto const result = ms::authorize_on(ms::server{sw}, app.stored, requested, grant);
                        BOOST_TEST(answer.ok == (result.ok ? 1 : 0));
                        BOOST_TEST(answer.status == result.status);
                        BOOST_TEST(answer.reason == ms::message(result, ms::server{sw}, requested));
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_route_answers_as_allows)
{
    for (auto const& r : md::routes()) {
        if (!md::exists_at(r, ms::newest_release) || r.path.find(':') != std::string_view::npos ||
            r.path.find('*') != std::string_view::npos)
            continue;  // a concrete path of the newest release: the route matches itself
        auto const then = md::at(r, ms::newest_release);
        for (auto const& token : {std::optional<ms::scope_set>{}, std::optional<ms::scope_set>{then.accepts},
                                  std::optional<ms::scope_set>{ms::scope_set{}}}) {
            auto const c_token = token ? std::optional<ms_scopes>{c_set(*token)} : std::nullopt;
            ms_answer answer;
            BOOST_TEST_CONTEXT(r.method << " " << r.path)
            {
                BOOST_TEST_REQUIRE(ms_endpoint(r.method.data(), r.method.size(), r.path.data(), r.path.size(),
                                               c_token ? &*c_token : nullptr, nullptr, &answer) == MS_OK);
                auto const* matched = md::match(r.method, r.path);
                auto const expected = md::allows(md::at(*matched, ms::newest_release), token);
                BOOST_TEST(answer.ok == (expected.ok ? 1 : 0));
                BOOST_TEST(answer.status == expected.status);
                BOOST_TEST((cpp_set(answer.scopes) == md::at(*matched, ms::newest_release).accepts));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_plan_is_the_planners)
{
    std::vector<std::string> texts;
    std::vector<md::route const*> wanted;
    for (auto const& r : md::routes()) {
        if (!md::exists_at(r, ms::newest_release) || r.path.find('*') != std::string_view::npos) continue;
        if (wanted.size() == 6) break;
        texts.push_back(std::string(r.method) + " " + std::string(r.path));
        wanted.push_back(md::match(r.method, r.path));
    }
    std::vector<char const*> requests;
    for (auto const& t : texts) requests.push_back(t.c_str());
    ms_answer answer;
    BOOST_TEST_REQUIRE(ms_plan(requests.data(), requests.size(), nullptr, &answer) == MS_OK);
    auto const expected = md::plan(wanted, ms::newest_release);
    BOOST_TEST(answer.ok == (expected.ok ? 1 : 0));
    BOOST_TEST((cpp_set(answer.scopes) == expected.scopes));
}

BOOST_AUTO_TEST_SUITE_END()
