#include "output/member_payload.hpp"

#include "model/errors.hpp"
#include "output/chunk_codec.hpp"
#include "output/member_fields.hpp"

#include <bit>
#include <cstring>

namespace steelpath {

namespace {

static_assert(std::endian::native == std::endian::little, "the journal payload is written little-endian");

template <class T>
void put(std::vector<std::byte>& out, T v) {
  const auto at = out.size();
  out.resize(at + sizeof v);
  std::memcpy(out.data() + at, &v, sizeof v);
}

template <class T>
T get(std::span<const std::byte> in, std::size_t& at) {
  if (in.size() - at < sizeof(T) || at > in.size()) throw OutputError("member record: truncated");
  T v;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}

} // namespace

std::vector<std::byte> encode_member(const MemberResult& r, bool companies, std::span<const double> targets) {
  std::vector<double> scratch;
  const auto fields = member_fields(r, scratch, companies);
  std::vector<std::byte> out;
  put<std::uint32_t>(out, 2);
  put<double>(out, static_cast<double>(r.unit_years));
  put<std::uint32_t>(out, static_cast<std::uint32_t>(fields.size()));
  for (const auto& f : fields) {
    const auto bytes =
        f.values.empty() ? std::vector<std::byte>{} : encode_chunk(f.values, kMemberDeflateLevel);
    put<std::uint64_t>(out, f.values.size());
    put<std::uint64_t>(out, bytes.size());
    out.insert(out.end(), bytes.begin(), bytes.end());
  }
  put<std::uint32_t>(out, static_cast<std::uint32_t>(targets.size()));
  for (const double t : targets)
    put<double>(out, t);
  return out;
}

void decode_member(std::span<const std::byte> in, std::vector<EncodedField>& fields, double& unit_years,
                   std::vector<double>& targets) {
  std::size_t at = 0;
  if (get<std::uint32_t>(in, at) != 2) throw OutputError("member record: unknown version");
  unit_years = get<double>(in, at);
  const auto n = get<std::uint32_t>(in, at);
  if (n > 4096) throw OutputError("member record: implausible field count");
  fields.resize(n);
  for (auto& f : fields) {
    f.values = get<std::uint64_t>(in, at);
    const auto bytes = get<std::uint64_t>(in, at);
    if (bytes > in.size() - at || f.values > (std::uint64_t{1} << 32))
      throw OutputError("member record: truncated");
    const auto* p = in.data() + at;
    f.bytes.assign(p, p + bytes);
    at += bytes;
  }
  const auto t = get<std::uint32_t>(in, at);
  if (t > (in.size() - at) / sizeof(double)) throw OutputError("member record: truncated");
  targets.resize(t);
  for (auto& v : targets)
    v = get<double>(in, at);
  if (at != in.size()) throw OutputError("member record: trailing bytes");
}

void decode_member(std::span<const std::byte> in, std::vector<std::vector<double>>& fields,
                   double& unit_years) {
  std::vector<EncodedField> encoded;
  std::vector<double> targets;
  decode_member(in, encoded, unit_years, targets);
  fields.resize(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    fields[i].resize(encoded[i].values);
    if (encoded[i].values > 0) decode_chunk(encoded[i].bytes, fields[i]);
  }
}

} // namespace steelpath
