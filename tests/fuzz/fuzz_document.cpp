// Fuzzes read_document() and identify(): any bytes are refused with a reason or read as one kind of
// document, and what identify makes of a document holds together: an identification names a server
// exactly when it is ok, evidence stands beside the document, and the advertised names it compares
// with the data are accounted for.
#include <algorithm>
#include <span>
#include <string>

#include <mastoscope/identify.hpp>

#include "fuzz_target.hpp"

namespace ms = mastoscope;

namespace {
std::string check(std::string_view input)
{
    auto const reading = ms::read_document(input);
    if (!reading.ok) {
        if (reading.reason.empty()) return "refused without a reason";
        if (reading.offset > input.size()) return "an error offset past the end";
        return {};
    }
    if (!reading.reason.empty()) return "read, with a reason";
    if (input.size() > ms::max_document_bytes) return "read a document over the size limit";
    auto const found = ms::identify(std::span(&reading.doc, 1));
    if (found.ok != found.server.has_value()) return "ok and the server disagree";
    if (found.ok != found.reason.empty()) return "ok and the reason disagree";
    if (found.evidence.size() != 1 || found.evidence[0].document != reading.doc.kind)
        return "evidence for another document";
    if (found.scopes_supported.has_value() != reading.doc.scopes_supported.has_value())
        return "scopes_supported lost or invented";
    if (found.server) {
        if ((found.not_advertised - ms::vocabulary(*found.server)).size() != 0)
            return "not_advertised outside the vocabulary";
        if (found.scopes_supported) {
            auto const& advertised = *found.scopes_supported;
            for (auto const& name : found.not_in_data)
                if (std::find(advertised.begin(), advertised.end(), name) == advertised.end())
                    return "not_in_data names what was not advertised";
        } else if (!found.not_in_data.empty() || !found.not_advertised.empty()) {
            return "compared with a list that was not there";
        }
    }
    return {};
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    auto const input = fuzz::as_text(data, size);
    fuzz::require(check(input), input);
    return 0;
}
