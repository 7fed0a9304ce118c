// RapidJSON writes the text. It copies invalid UTF-8 through and spells control bytes \u001F where
// nlohmann::json spells them \u001f, so a string with a byte outside printable ASCII is spelt by
// nlohmann::json (replacing invalid UTF-8) and written raw: every answer is valid JSON, spelt the
// same way whoever built it.
#include "json_writer.hpp"

#include <algorithm>

namespace scopecheck {
namespace {

bool printable_ascii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

// Strings, numbers and everything else spelt by nlohmann::json.
std::string nlohmann_text(json const& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

json_writer& json_writer::value(std::string_view text)
{
    if (printable_ascii(text)) return done(writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size())));
    auto const spelt = nlohmann_text(json(text));
    return done(writer_.RawValue(spelt.data(), spelt.size(), rapidjson::kStringType));
}

json_writer& json_writer::value(json const& tree)
{
    switch (tree.type()) {
    case json::value_t::object:
        start_object();
        for (auto const& [name, v] : tree.items()) member(name, v);
        return end_object();
    case json::value_t::array:
        start_array();
        for (auto const& v : tree) value(v);
        return end_array();
    case json::value_t::string: return value(std::string_view{tree.get_ref<json::string_t const&>()});
    case json::value_t::boolean: return value(tree.get<bool>());
    case json::value_t::null: return value(nullptr);
    case json::value_t::number_unsigned: return value(tree.get<std::uint64_t>());
    default: {  // signed and floating-point numbers, and what a future nlohmann::json adds
        auto const spelt = nlohmann_text(tree);
        return done(writer_.RawValue(spelt.data(), spelt.size(), rapidjson::kNumberType));
    }
    }
}

std::string json_writer::take()
{
    std::string text{buffer_.GetString(), buffer_.GetSize()};
    buffer_.Clear();
    writer_.Reset(buffer_);
    return text;
}

std::string json_text(json const& tree) { return json_writer{}.value(tree).take(); }

}  // namespace scopecheck
