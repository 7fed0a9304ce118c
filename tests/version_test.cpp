// Tests for mastoscope/version.hpp: construction, validation, SemVer ordering and text form.
#include <mastoscope/text.hpp>
#include <mastoscope/version.hpp>

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <vector>

using mastoscope::version;

BOOST_AUTO_TEST_SUITE(version_hpp)

BOOST_AUTO_TEST_CASE(fields_and_text)
{
    version const v{4, 8, 0, "alpha.1"};
    BOOST_TEST(v.major() == 4u);
    BOOST_TEST(v.minor() == 8u);
    BOOST_TEST(v.patch() == 0u);
    BOOST_TEST(v.pre_release() == "alpha.1");
    BOOST_TEST(v.is_pre_release());
    BOOST_TEST(to_string(v) == "4.8.0-alpha.1");
    BOOST_TEST(to_string(version{4, 3, 0}) == "4.3.0");
    BOOST_TEST(to_string(version{}) == "0.0.0");
    BOOST_TEST(!version(4, 3, 0).is_pre_release());
}

// SemVer 2.0.0 item 11's example chain, then Mastodon-shaped versions; every pair is checked.
BOOST_AUTO_TEST_CASE(ordering_is_semver)
{
    std::vector<version> const ascending{
        {1, 0, 0, "alpha"},
        {1, 0, 0, "alpha.1"},
        {1, 0, 0, "alpha.beta"},
        {1, 0, 0, "beta"},
        {1, 0, 0, "beta.2"},
        {1, 0, 0, "beta.11"},
        {1, 0, 0, "rc.1"},
        {1, 0, 0},
        {2, 4, 3},
        {2, 9, 0},
        {2, 9, 1},
        {2, 10, 0},
        {4, 2, 99},
        {4, 3, 0, "alpha.1"},
        {4, 3, 0, "beta.2"},
        {4, 3, 0, "rc.1"},
        {4, 3, 0},
        {4, 4, 0, "rc.2"},
        {4, 8, 0, "alpha.1"},
        {10, 0, 0},
    };
    for (std::size_t i = 0; i < ascending.size(); ++i)
        for (std::size_t j = 0; j < ascending.size(); ++j) {
            BOOST_TEST_CONTEXT(to_string(ascending[i]) << " vs " << to_string(ascending[j]))
            {
                BOOST_TEST((ascending[i] < ascending[j]) == (i < j));
                BOOST_TEST((ascending[i] == ascending[j]) == (i == j));
            }
        }
}

BOOST_AUTO_TEST_CASE(rejects_bad_pre_releases)
{
    for (auto bad : {"01", "a..b", ".a", "a.", "a b", "rc_1", "ü", "abcdefghijklmnopqrstuvwx"})
        BOOST_CHECK_THROW((version{1, 0, 0, bad}), std::invalid_argument);
    BOOST_CHECK_NO_THROW((version{1, 0, 0, "0.x-y.10"}));
    BOOST_CHECK_NO_THROW((version{1, 0, 0, "abcdefghijklmnopqrstuvw"}));  // max_pre_release exactly
}

BOOST_AUTO_TEST_CASE(usable_in_constant_expressions)
{
    static_assert(version{4, 3, 0, "rc.1"} < version{4, 3, 0});
    static_assert(version{4, 3, 0} == version{4, 3, 0});
    static_assert(version{} < version{0, 9, 0});
    BOOST_TEST(true);
}

BOOST_AUTO_TEST_SUITE_END()
