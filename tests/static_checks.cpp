// Compile-time tests: the facts shared with the installed-package consumer and the compile-cost
// measurement, and the generated table's invariants. This translation unit passes by compiling.
#include "compile_time_facts.hpp"

// The algebra in constant expressions.
static_assert(!ms::explain("write"_scopes, "read:mutes"_scope).has_value());
static_assert(!ms::literal_subset("read"_scopes, "read:accounts"_scopes));
static_assert(ms::covers("read"_scopes, "read:accounts"_scopes));
static_assert(*ms::min_version("profile read"_scopes) == ms::added_in("profile"_scope));
static_assert(ms::replacement("follow"_scope, "follow read"_scopes) ==
              ms::children("follow"_scope) - ms::closure("read"_scopes));

namespace {

template <class F>
constexpr bool for_every_pair(F f)
{
    for (auto a : ms::scope_set::all())
        for (auto b : ms::scope_set::all())
            if (!f(a, b)) return false;
    return true;
}

}  // namespace

// Relations mirror each other: b is a child of a iff a is a parent of b; b is in a's closure iff a
// is in b's implied_by.
static_assert(for_every_pair([](ms::scope a, ms::scope b) {
    return ms::children(a).contains(b) == ms::parents(b).contains(a) &&
           ms::closure(a).contains(b) == ms::implied_by(b).contains(a);
}));
// The closure table is closed: a scope grants what its children grant.
static_assert(for_every_pair([](ms::scope a, ms::scope b) {
    return !ms::children(a).contains(b) || ms::closure(b).is_subset_of(ms::closure(a));
}));
// Every scope grants itself, no scope is its own parent, and no child predates a parent.
static_assert(for_every_pair([](ms::scope a, ms::scope b) {
    return ms::closure(a).contains(a) && !ms::parents(a).contains(a) &&
           (!ms::parents(b).contains(a) || ms::added_in(a) <= ms::added_in(b));
}));
// The generated perfect hash sends every name to its own slot.
static_assert([] {
    namespace t = ms::detail::table;
    for (std::size_t i = 0; i < ms::scope_count; ++i) {
        auto h = ms::detail::hash_start;
        for (char c : t::names[i]) h = ms::detail::hash_step(h, c);
        if (t::hash_slots[h >> (32 - t::hash_bits)] != static_cast<std::int16_t>(i)) return false;
    }
    return true;
}());

// Lookup and name are inverse over the whole table.
static_assert([] {
    for (auto s : ms::scope_set::all())
        if (ms::lookup(ms::name(s)) != s) return false;
    return true;
}());

// The tokenizer's byte classes against the data: no scope name holds a byte that any reading treats
// as a separator or as bad, so a name is always read whole.
namespace {

constexpr bool names_hold_no_special_byte()
{
    for (auto s : ms::scope_set::all())
        for (char c : ms::name(s))
            if (ms::detail::bytes::lenient_separator(c) || ms::detail::bytes::bad_byte(c) ||
                ms::detail::bytes::mistaken_separator(c) || c == '+' || c == '%')
                return false;
    return true;
}
static_assert(names_hold_no_special_byte());

// next_token skips runs of separators and ends with an empty token.
constexpr bool splits(std::string_view text, std::string_view first, std::string_view second)
{
    std::size_t pos = 0;
    auto const a = ms::detail::next_token<ms::detail::bytes::ruby_space>(text, pos);
    auto const b = ms::detail::next_token<ms::detail::bytes::ruby_space>(text, pos);
    return a == first && b == second && ms::detail::next_token<ms::detail::bytes::ruby_space>(text, pos).empty();
}
static_assert(splits(" \tread \v\f write\r\n", "read", "write"));
static_assert(splits("read", "read", ""));
static_assert(splits(" \n ", "", ""));

// One byte of a query value: '+' and %20 are spaces, %XX is a byte, a '%' short of two hex digits is bad.
constexpr ms::detail::query_byte first_byte(std::string_view text)
{
    return ms::detail::read_query_byte(text.data(), text.data() + text.size());
}
static_assert(first_byte("+").value == ' ');
static_assert(first_byte("%3a").value == ':');
static_assert(first_byte("%3a").length == 3);
static_assert(first_byte("%3").bad_escape);
static_assert(first_byte("%zz").bad_escape);
static_assert(!first_byte("%20").bad_escape && first_byte("%20").value == ' ');

}  // namespace
