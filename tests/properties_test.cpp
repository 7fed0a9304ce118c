// Property tests: the invariants of tests/invariants/ over seeded random inputs, 100,000 of each kind
// (1,000,000 with -Dlong_tests=true). A failure prints the seed's input, so it can be replayed.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "invariants/invariants.hpp"
#include "support.hpp"

namespace ms = mastoscope;

namespace {

constexpr std::size_t count = MASTOSCOPE_PROPERTY_COUNT;
constexpr std::uint32_t seed = 20261122;

// Random scope strings built from what attacks and typos are made of: real names, near names,
// separators of every kind, escapes and arbitrary bytes.
class random_strings {
public:
    explicit random_strings(std::uint32_t s) : rng_{s}
    {
        for (auto sc : test::every_scope()) pieces_.emplace_back(ms::name(sc));
        for (char const* p : {"read:me",
                              "crypto",
                              "READ",
                              "Write",
                              "read:",
                              ":read",
                              "read::statuses",
                              "*",
                              "admin",
                              "raed",
                              "wrtie:media",
                              "follows",
                              "read:statuses:",
                              "%20",
                              "%2B",
                              "%2b",
                              "%3A",
                              "%",
                              "%zz",
                              "%0",
                              "+",
                              ",",
                              ";",
                              "|",
                              "\t",
                              "\r\n",
                              "\n",
                              "\v",
                              "\f",
                              "\x7f"})
            pieces_.emplace_back(p);
        pieces_.emplace_back(std::string(1, '\0'));
        for (char const* p : {"\xc2\xa0", "\xd0\xb5", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xff", "\x80", "\xc0\xaf"})
            pieces_.emplace_back(p);
    }

    std::string next()
    {
        std::string text;
        auto const parts = pick(8);
        for (std::size_t i = 0; i < parts; ++i) {
            switch (pick(10)) {
            case 0: text += static_cast<char>(pick(256)); break;           // any byte
            case 1: text += std::string(pick(3) + 1, ' '); break;          // a run of spaces
            case 2: text += mutate(pieces_[pick(pieces_.size())]); break;  // a near name
            default: text += pieces_[pick(pieces_.size())]; break;         // a piece as it is
            }
            if (pick(3)) text += ' ';
        }
        return text;
    }

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>{0, n - 1}(rng_); }

private:
    std::string mutate(std::string s)
    {
        if (s.empty()) return s;
        auto const at = pick(s.size());
        switch (pick(4)) {
        case 0: s.erase(at, 1); break;
        case 1: s.insert(at, 1, static_cast<char>('a' + pick(26))); break;
        case 2: s[at] = static_cast<char>(s[at] ^ 0x20); break;  // letter case, or a control byte
        default:
            if (at + 1 < s.size()) std::swap(s[at], s[at + 1]);
            break;
        }
        return s;
    }

    std::mt19937 rng_;
    std::vector<std::string> pieces_;
};

std::string escaped(std::string const& text)
{
    std::string out;
    for (unsigned char c : text) {
        if (c >= 0x20 && c < 0x7f)
            out += static_cast<char>(c);
        else
            out += "\\x" + std::string{"0123456789abcdef"[c >> 4]} + "0123456789abcdef"[c & 15];
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(properties)

// No escalation, no false refusal, query == strict on the decoded text, round trip, closure.
BOOST_AUTO_TEST_CASE(parse_invariants_on_random_strings)
{
    random_strings strings{seed};
    auto const versions = test::boundary_versions();
    std::size_t failures = 0;
    for (std::size_t i = 0; i < count && failures < 10; ++i) {
        auto const text = strings.next();
        ms::parse_options options;
        options.server_version = strings.pick(4) ? ms::newest_release : versions[strings.pick(versions.size())];
        if (strings.pick(8) == 0) options.max_length = strings.pick(64);
        for (auto mode : {ms::parse_mode::strict, ms::parse_mode::query, ms::parse_mode::lenient}) {
            options.mode = mode;
            auto const failure = invariants::check_parse(text, options);
            if (failure.empty()) continue;
            ++failures;
            BOOST_ERROR(failure << ": " << ms::to_string(mode) << " \"" << escaped(text) << "\" at "
                                << ms::to_string(options.server_version) << ", max_length " << options.max_length);
        }
    }
}

// The checking policy's fast answer is the diagnosing policy's answer, at every boundary version.
BOOST_AUTO_TEST_CASE(both_policies_agree_on_random_strings)
{
    random_strings strings{seed + 2};
    auto const versions = test::boundary_versions();
    for (std::size_t i = 0; i < count; ++i) {
        auto const text = strings.next();
        ms::parse_options options;
        options.mode = static_cast<ms::parse_mode>(strings.pick(3));
        options.server_version = strings.pick(4) ? ms::newest_release : versions[strings.pick(versions.size())];
        if (strings.pick(8) == 0) options.max_length = strings.pick(64);
        auto const failure = invariants::check_policies_agree(text, options);
        if (!failure.empty())
            BOOST_FAIL(failure << ": " << ms::to_string(options.mode) << " \"" << escaped(text) << "\" at "
                               << ms::to_string(options.server_version));
    }
}

BOOST_AUTO_TEST_CASE(parse_is_deterministic)
{
    random_strings strings{seed + 1};
    for (std::size_t i = 0; i < count; ++i) {
        auto const text = strings.next();
        auto const mode = static_cast<ms::parse_mode>(strings.pick(3));
        auto const failure = invariants::check_deterministic(text, {.mode = mode});
        if (!failure.empty()) BOOST_FAIL(failure << ": \"" << escaped(text) << '"');
    }
}

// Lattice laws, closure, normalize minimal and closure-preserving, literal_subset => covers.
BOOST_AUTO_TEST_CASE(algebra_laws_on_random_sets)
{
    test::random_sets sets{seed};
    for (std::size_t i = 0; i < count; ++i) {
        auto const a = sets.next(), b = sets.next(), c = sets.next();
        auto const failure = invariants::check_algebra(a, b, c);
        if (!failure.empty()) BOOST_FAIL(failure << ": a " << a << ", b " << b << ", c " << c);
    }
}

BOOST_AUTO_TEST_CASE(versions_on_random_texts)
{
    std::mt19937 rng{seed};
    auto const part = [&] {
        static char const* const parts[] = {"0", "1", "4", "10", "01", "4294967295", "4294967296", "", "x", "-1"};
        return std::string{parts[rng() % 10]};
    };
    auto const pre = [&] {
        static char const* const parts[] = {"",
                                            "-rc.1",
                                            "-rc.2",
                                            "-alpha",
                                            "-alpha.1",
                                            "-alpha.beta",
                                            "-beta.11",
                                            "-0",
                                            "-01",
                                            "-rc..1",
                                            "-",
                                            "-x-y.Z9",
                                            "-aaaaaaaaaaaaaaaaaaaaaaaaa",
                                            "+build"};
        return std::string{parts[rng() % 14]};
    };
    for (std::size_t i = 0; i < count; ++i) {
        auto const a = part() + "." + part() + "." + part() + pre();
        auto const b = rng() % 2 ? a.substr(0, a.find('-')) + pre() : part() + "." + part() + "." + part() + pre();
        for (auto const& failure :
             {invariants::check_version(a), invariants::check_version(b), invariants::check_version_order(a, b)})
            if (!failure.empty()) BOOST_FAIL(failure << ": \"" << a << "\", \"" << b << '"');
    }
}

BOOST_AUTO_TEST_SUITE_END()
