// identify: which server of Mastodon's API family the documents it serves about itself describe. The
// module reads documents given to it; it fetches nothing.
#include <string>
#include <vector>

#include <mastoscope/identify.hpp>
#include <mastoscope/server.hpp>

#include "bindings.hpp"
#include "records.hpp"
#include "text.hpp"

namespace mastoscope_python {
namespace ms = mastoscope;

namespace {

struct evidence_record {
    py::object document, says;
};
struct identification_record {
    py::object ok, reason, server, software, version, evidence, scopes_supported, not_in_data, not_advertised;
};

// One document: JSON text (str or bytes), or a dict that the json module writes as such.
ms::document read(py::handle given, std::size_t number)
{
    auto const where = "document " + std::to_string(number);
    py::object text = py::reinterpret_borrow<py::object>(given);
    if (py::isinstance<py::dict>(given)) {
        text = py::module_::import("json").attr("dumps")(given);
    } else if (!is_text(given)) {
        throw py::type_error(where + " must be JSON text (str or bytes) or a dict, not " + type_name(given));
    }
    text_arg const json{text, where};
    auto reading = ms::read_document(json.view());
    if (!reading.ok) {
        auto const at = reading.reason == "invalid JSON" ? " at byte " + std::to_string(reading.offset) : std::string{};
        throw py::value_error(where + ": " + std::string(reading.reason) + at);
    }
    return std::move(reading.doc);
}

py::object identify(py::args documents)
{
    std::vector<ms::document> read_ones;
    for (std::size_t i = 0; i < documents.size(); ++i) read_ones.push_back(read(documents[i], i + 1));
    auto const found = ms::identify(read_ones);
    py::list evidence;
    for (auto const& e : found.evidence)
        evidence.append(py::cast(evidence_record{to_str(ms::to_string(e.document)), to_str(e.says)}));
    bool const named = !found.software.empty();
    return py::cast(identification_record{
        py::bool_(found.ok), str_or_none(found.reason),
        found.server ? py::object(to_str(ms::to_string(*found.server))) : py::object(py::none()),
        named ? py::object(to_str(found.software)) : py::object(py::none()),
        named ? py::object(to_str(found.version)) : py::object(py::none()), evidence,
        found.scopes_supported ? py::object(str_list(*found.scopes_supported)) : py::object(py::none()),
        str_list(found.not_in_data), py::cast(found.not_advertised)});
}

}  // namespace

void bind_identify(py::module_& m)
{
    bind_record<evidence_record>(m, "Evidence", "What one document said, for people.",
                                 {{"document", &evidence_record::document,
                                   "Its kind: 'nodeinfo', 'nodeinfo_links', 'instance_v1', 'instance_v2' or "
                                   "'oauth_metadata'."},
                                  {"says", &evidence_record::says, "What it said."}});
    auto identification = bind_record<identification_record>(
        m, "Identification",
        "Which server the documents describe (scopecheck identify). True when it is one the data describes.",
        {{"ok", &identification_record::ok, "True when the documents name a server the data describes."},
         {"reason", &identification_record::reason, "Why not, or None."},
         {"server", &identification_record::server,
          "NAME@VERSION, such as 'gotosocial@0.19.1+git-6574dc8' (what server= takes), or None."},
         {"software", &identification_record::software, "The software as a document names it, or None."},
         {"version", &identification_record::version, "Its version as written there, or None."},
         {"evidence", &identification_record::evidence, "One Evidence for each document, in order."},
         {"scopes_supported", &identification_record::scopes_supported,
          "The RFC 8414 scopes_supported list if a document had one, else None."},
         {"not_in_data", &identification_record::not_in_data,
          "Advertised names that the server's vocabulary in the data lacks (list)."},
         {"not_advertised", &identification_record::not_advertised,
          "Names of its vocabulary that a scopes_supported list lacks (Scopes)."}});
    truth_from(identification, &identification_record::ok);
    m.def("identify", &identify,
          "identify(*documents): which server of Mastodon's API family the documents it serves about itself "
          "describe (NodeInfo 2.x and the /.well-known/nodeinfo links to it, /api/v1/instance, /api/v2/instance, "
          "RFC 8414 metadata), each given as JSON text (str or bytes) or a dict: an Identification. ValueError for "
          "a document that cannot be read (invalid JSON, over 1 MiB, nested over 32 levels, a value of the wrong "
          "type, or none of these documents). Nothing is fetched.");
}

}  // namespace mastoscope_python
