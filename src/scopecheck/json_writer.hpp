// The JSON text of every answer: compact, members in the order written, invalid UTF-8 replaced by
// U+FFFD. Commands either write it member by member (validate, whose batches run to millions of
// lines) or build a tree with nlohmann::json and hand it over whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "answer.hpp"

namespace scopecheck {

class json_writer {
public:
    json_writer() : writer_{buffer_} {}

    json_writer& start_object() { return done(writer_.StartObject()); }
    json_writer& end_object() { return done(writer_.EndObject()); }
    json_writer& start_array() { return done(writer_.StartArray()); }
    json_writer& end_array() { return done(writer_.EndArray()); }
    json_writer& key(std::string_view name) { return value(name); }
    json_writer& value(std::string_view text);
    json_writer& value(char const* text) { return value(std::string_view{text}); }
    json_writer& value(std::string const& text) { return value(std::string_view{text}); }
    json_writer& value(bool b) { return done(writer_.Bool(b)); }
    json_writer& value(std::uint64_t n) { return done(writer_.Uint64(n)); }
    json_writer& value(std::nullptr_t) { return done(writer_.Null()); }
    json_writer& value(json const& tree);

    template <class T>
    json_writer& member(std::string_view name, T const& v)
    {
        key(name);
        return value(v);
    }

    // The text of one complete value; the writer is then empty, ready for the next.
    std::string take();

private:
    json_writer& done(bool) { return *this; }

    rapidjson::StringBuffer buffer_;
    rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

// The JSON text of a tree, as json_writer writes it.
std::string json_text(json const& tree);

}  // namespace scopecheck
