// scopecheck's json_writer spells every value as nlohmann::json does, whether a command writes it
// member by member or hands over a tree: control bytes, invalid UTF-8 (U+FFFD), quotes and numbers.
#define BOOST_TEST_MODULE json_writer
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "json_writer.hpp"

namespace {

using scopecheck::json;
using scopecheck::json_writer;

std::string reference(json const& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

void check_string(std::string const& text)
{
    BOOST_TEST_CONTEXT("string of " << text.size() << " bytes starting with byte "
                                    << (text.empty() ? -1 : int(static_cast<unsigned char>(text[0]))))
    {
        BOOST_TEST(json_writer{}.value(std::string_view{text}).take() == reference(json(text)));
        BOOST_TEST(json_writer{}.start_object().member(text, text).end_object().take() ==
                   reference(json{{text, text}}));
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_byte_alone_and_in_pairs)
{
    for (int a = 0; a < 256; ++a) {
        check_string(std::string(1, static_cast<char>(a)));
        for (int b = 0; b < 256; b += 7) check_string(std::string{static_cast<char>(a), static_cast<char>(b)});
    }
}

BOOST_AUTO_TEST_CASE(text_people_write)
{
    for (std::string const text : {"", "read write:media", "\"quoted\" \\ back", "tab\there", "é naïve 日本 😀",
                                   "cut \xe6\x97", "\xff\xfe", "nul\0byte", "del\x7f"})
        check_string(text);
}

BOOST_AUTO_TEST_CASE(random_bytes)
{
    std::mt19937 random{20261124};
    std::uniform_int_distribution<int> byte{0, 255}, length{0, 24}, ascii{0x20, 0x7e};
    for (int i = 0; i < 20000; ++i) {
        std::string text(length(random), '\0');
        bool const mostly_ascii = i % 2 == 0;
        for (auto& c : text) c = static_cast<char>(mostly_ascii && byte(random) < 240 ? ascii(random) : byte(random));
        check_string(text);
    }
}

BOOST_AUTO_TEST_CASE(trees_as_nlohmann_spells_them)
{
    json const tree = {{"empty_object", json::object()},
                       {"empty_array", json::array()},
                       {"null", nullptr},
                       {"yes", true},
                       {"no", false},
                       {"unsigned", std::numeric_limits<std::uint64_t>::max()},
                       {"signed", std::numeric_limits<std::int64_t>::min()},
                       {"zero", 0},
                       {"float", 0.1},
                       {"nested", {{"list", {1, "two", nullptr, {{"x\x01", "y\xc3"}}}}}}};
    BOOST_TEST(scopecheck::json_text(tree) == reference(tree));
    for (auto const& [name, value] : tree.items()) BOOST_TEST(scopecheck::json_text(value) == reference(value));
}

BOOST_AUTO_TEST_CASE(a_writer_starts_afresh_after_take)
{
    json_writer out;
    BOOST_TEST(out.start_array().value(std::uint64_t{1}).end_array().take() == "[1]");
    BOOST_TEST(out.start_object().member("a", true).end_object().take() == R"({"a":true})");
}
