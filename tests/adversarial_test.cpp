// Runs every row of tests/data/adversarial.tsv: hostile scope strings (control bytes, homoglyphs,
// escapes, colons, wildcards, removed names, lengths at and past the bound) against their verdict,
// the kind of their first error (or warning) and its column.
#include <mastoscope/parse.hpp>

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace ms = mastoscope;

namespace {

struct row {
    int line;
    std::string input, mode, verdict, kind, column, options;
};

std::vector<std::string> split_tabs(std::string const& text)
{
    std::vector<std::string> fields;
    std::stringstream in{text};
    for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
    if (!text.empty() && text.back() == '\t') fields.emplace_back();
    return fields;
}

std::optional<std::string> from_hex(std::string const& hex)
{
    if (hex.size() % 2) return std::nullopt;
    std::string bytes;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        std::size_t used = 0;
        auto const value = std::stoi(hex.substr(i, 2), &used, 16);
        if (used != 2) return std::nullopt;
        bytes += static_cast<char>(value);
    }
    return bytes;
}

std::vector<row> read_rows()
{
    std::ifstream in{MASTOSCOPE_ADVERSARIAL_TSV};
    BOOST_TEST_REQUIRE(in.good(), "cannot read " MASTOSCOPE_ADVERSARIAL_TSV);
    std::vector<row> rows;
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        auto f = split_tabs(line);
        BOOST_TEST_REQUIRE((f.size() == 5 || f.size() == 6), "line " << number << ": 5 or 6 tab-separated fields");
        auto input = from_hex(f[0]);
        BOOST_TEST_REQUIRE(input.has_value(), "line " << number << ": the input is not hex");
        rows.push_back({number, *input, f[1], f[2], f[3], f[4], f.size() == 6 ? f[5] : ""});
    }
    return rows;
}

// Applies "version=V", "max_length=N" and "repeat=N" (comma-separated) to the options and the input.
void apply(row& r, ms::parse_options& options)
{
    std::stringstream in{r.options};
    for (std::string option; std::getline(in, option, ',');) {
        auto const eq = option.find('=');
        BOOST_TEST_REQUIRE(eq != std::string::npos, "line " << r.line << ": option without '='");
        auto const key = option.substr(0, eq), value = option.substr(eq + 1);
        if (key == "version") {
            auto const v = ms::parse_version(value);
            BOOST_TEST_REQUIRE(v.has_value(), "line " << r.line << ": bad version");
            options.server_version = *v;
        } else if (key == "max_length") {
            options.max_length = std::stoul(value);
        } else if (key == "repeat") {
            std::string repeated;
            for (unsigned long i = 0; i < std::stoul(value); ++i) repeated += r.input;
            r.input = repeated;
        } else {
            BOOST_FAIL("line " << r.line << ": unknown option " << key);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(adversarial)

BOOST_AUTO_TEST_CASE(every_row)
{
    auto rows = read_rows();
    BOOST_TEST(rows.size() >= 150u);
    for (auto& r : rows) {
        BOOST_TEST_CONTEXT("adversarial.tsv line " << r.line)
        {
            ms::parse_options options;
            auto const mode = ms::parse_mode_from(r.mode);
            BOOST_TEST_REQUIRE(mode.has_value());
            options.mode = *mode;
            apply(r, options);
            auto const result = ms::parse(r.input, options);
            BOOST_TEST((result ? "valid" : "invalid") == r.verdict);
            // The first error of an invalid string, the first warning of a valid one.
            ms::diagnostic const* first = nullptr;
            for (auto const& d : result.diagnostics())
                if (!first && d.is_error() == !result) first = &d;
            BOOST_TEST((first ? std::string{ms::to_string(first->kind())} : "-") == r.kind);
            BOOST_TEST((first ? std::to_string(first->column()) : "-") == r.column);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
