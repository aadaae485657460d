#pragma once
// Sources and messages made safe to show (internal to the GDAL module, which links libpq): what
// credentials.hpp describes, with PG: strings read by libpq's PQconninfoParse.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace qantar::core::importer {

// Secrets shorter than this are hidden by the rules of maskCredentialsGeneric only, not wherever
// their text appears in a message (a one-letter password would blank out every such letter).
constexpr std::size_t kMinRedactedSecretChars = 3;
// At most this many distinct secrets (the longest) are looked for in a message.
constexpr std::size_t kMaxRedactedSecrets = 32;
// Longer values are hidden by the generic rules only (searching a message for a long periodic
// value costs its length times the message's).
constexpr std::size_t kMaxRedactedSecretChars = 1024;

// `source` as it may be shown: a PG: string rebuilt from libpq's reading of it with every
// password-like value (libpq's "*" options) as ***, or its prefix only when libpq cannot read it;
// any other source through maskCredentialsGeneric.
std::string maskSource(std::string_view source);

// The credential values in `source` (libpq's password-like values, and the generic ones).
std::vector<std::string> sourceSecrets(std::string_view source);

// A message (GDAL's, say) with the generic rules applied and every one of `secrets` replaced by ***.
std::string maskMessage(std::string_view text, const std::vector<std::string>& secrets);

}  // namespace qantar::core::importer
