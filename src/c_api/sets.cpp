// The C API: the library, scope names, sets and Mastodon's hierarchy.
#include <mastoscope/mastoscope.h>

#include <array>
#include <string_view>

#include <mastoscope/algebra.hpp>
#include <mastoscope/history.hpp>
#include <mastoscope/scope.hpp>

#include "bridge.hpp"

namespace ms = mastoscope;
using ms::c_api::from_set;
using ms::c_api::to_set;

namespace {

// Every name the library hands out is a NUL-terminated literal of the generated table.
constexpr bool names_end_in_nul() noexcept
{
    for (std::size_t i = 0; i < ms::scope_count; ++i) {
        auto const s = static_cast<ms::scope>(i);
        if (ms::name(s).data()[ms::name(s).size()] != '\0') return false;
        if (ms::description(s).data()[ms::description(s).size()] != '\0') return false;
    }
    return true;
}
static_assert(names_end_in_nul());

std::optional<ms::scope> scope_of(int id) noexcept
{
    if (id < 0 || static_cast<std::size_t>(id) >= ms::scope_count) return std::nullopt;
    return static_cast<ms::scope>(id);
}

}  // namespace

extern "C" {

unsigned ms_abi_version(void) { return MS_ABI_VERSION; }
const char* ms_library_version(void) { return MASTOSCOPE_VERSION; }
const char* ms_data_revision(void) { return MASTOSCOPE_DATA_DIGEST; }

int ms_scope_count(void) { return static_cast<int>(ms::scope_count); }

int ms_lookup(const char* name, size_t length)
{
    auto const text = ms::c_api::text_of(name, length);
    if (!text) return -1;
    auto const found = ms::lookup(*text);
    return found ? static_cast<int>(ms::index(*found)) : -1;
}

const char* ms_name(int id)
{
    auto const s = scope_of(id);
    return s ? ms::name(*s).data() : nullptr;
}

const char* ms_description(int id)
{
    auto const s = scope_of(id);
    return s ? ms::description(*s).data() : nullptr;
}

void ms_clear(ms_scopes* set)
{
    if (set) *set = ms_scopes{};
}

int ms_add(ms_scopes* set, int id)
{
    auto const s = scope_of(id);
    if (!set || !s) return 0;
    set->words[ms::index(*s) / 64] |= std::uint64_t{1} << (ms::index(*s) % 64);
    return 1;
}

int ms_has(const ms_scopes* set, int id)
{
    auto const s = scope_of(id);
    return set && s && to_set(*set).contains(*s) ? 1 : 0;
}

int ms_count(const ms_scopes* set) { return set ? static_cast<int>(to_set(*set).size()) : 0; }

int ms_equal(const ms_scopes* a, const ms_scopes* b) { return a && b && to_set(*a) == to_set(*b) ? 1 : 0; }

int ms_subset(const ms_scopes* part, const ms_scopes* whole)
{
    return part && whole && !ms::c_api::has_stray_bits(*part) && to_set(*part).is_subset_of(to_set(*whole)) ? 1 : 0;
}

void ms_union(const ms_scopes* a, const ms_scopes* b, ms_scopes* out)
{
    if (a && b && out) from_set(to_set(*a) | to_set(*b), *out);
}

void ms_intersection(const ms_scopes* a, const ms_scopes* b, ms_scopes* out)
{
    if (a && b && out) from_set(to_set(*a) & to_set(*b), *out);
}

void ms_difference(const ms_scopes* a, const ms_scopes* b, ms_scopes* out)
{
    if (a && b && out) from_set(to_set(*a) - to_set(*b), *out);
}

size_t ms_format(const ms_scopes* set, char* buffer, size_t capacity)
{
    std::size_t length = 0;
    auto put = [&](std::string_view text) {
        for (char c : text) {
            if (buffer && length + 1 < capacity) buffer[length] = c;
            ++length;
        }
    };
    if (set)
        for (auto s : to_set(*set)) {
            if (length != 0) put(" ");
            put(ms::name(s));
        }
    if (buffer && capacity != 0) buffer[length < capacity ? length : capacity - 1] = '\0';
    return length;
}

// The hierarchy as the newest release has it: a scope removed before it (read:reports) is granted by
// nothing, as scopecheck expand and grants answer.
void ms_closure(const ms_scopes* in, ms_scopes* out)
{
    if (in && out) from_set(ms::closure_at(to_set(*in), ms::newest_release), *out);
}

int ms_grants(const ms_scopes* granted, const ms_scopes* required)
{
    if (!granted || !required || ms::c_api::has_stray_bits(*required)) return 0;
    return to_set(*required).is_subset_of(ms::closure_at(to_set(*granted), ms::newest_release)) ? 1 : 0;
}

void ms_normalize(const ms_scopes* in, ms_scopes* out)
{
    if (in && out) from_set(ms::normalize(to_set(*in)), *out);
}

}  // extern "C"
