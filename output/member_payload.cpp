#include "output/member_payload.hpp"

#include "model/errors.hpp"
#include "output/chunk_codec.hpp"
#include "output/member_fields.hpp"
#include "sim/member_series.hpp"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace steelpath {

namespace {

static_assert(std::endian::native == std::endian::little, "the journal payload is written little-endian");

std::string hex(std::uint64_t v) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(v));
  return text;
}

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

// FNV-1a, 64 bits: stable across builds and platforms (std::hash is not).
void fnv1a(std::uint64_t& h, std::string_view text) {
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= 0xff; // a separator no name contains
  h *= 0x100000001b3ULL;
}

} // namespace

std::uint64_t member_payload_layout() {
  static const std::uint64_t hash = [] {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    fnv1a(h, kPayloadFraming);
    for (const auto& s : member_series()) {
      fnv1a(h, s.name);
      for (const auto d : dimension_names(s.dims))
        fnv1a(h, d);
    }
    fnv1a(h, "statistics");
    for (const auto name : statistics_series_names())
      fnv1a(h, name);
    return h;
  }();
  return hash;
}

namespace {

// The statistics' series, uncompressed: per series its size, a bit mask of
// the values that are not +0.0 (bit i%8 of byte i/8), then those values. About
// three quarters of a member's production is zero (routes absent from a
// region), so the section is about a third of the raw arrays (3 kB for a
// demo member), and it decodes to the same bits.
void put_statistics_inputs(std::vector<std::byte>& out, const std::vector<MemberField>& fields) {
  const auto names = statistics_series_names();
  put<std::uint32_t>(out, static_cast<std::uint32_t>(names.size()));
  for (const auto name : names) {
    const auto it =
        std::find_if(fields.begin(), fields.end(), [&](const MemberField& f) { return f.name == name; });
    if (it == fields.end()) throw OutputError("member record: no series " + std::string(name));
    const auto v = it->values;
    put<std::uint64_t>(out, v.size());
    std::vector<std::byte> mask((v.size() + 7) / 8, std::byte{0});
    for (std::size_t i = 0; i < v.size(); ++i)
      if (std::bit_cast<std::uint64_t>(v[i]) != 0) mask[i / 8] |= std::byte{1} << (i % 8);
    out.insert(out.end(), mask.begin(), mask.end());
    for (std::size_t i = 0; i < v.size(); ++i)
      if (std::bit_cast<std::uint64_t>(v[i]) != 0) put<double>(out, v[i]);
  }
}

void get_statistics_inputs(std::span<const std::byte> in, std::size_t& at, StatisticsInputs* out) {
  const auto n = get<std::uint32_t>(in, at);
  if (n != statistics_series_names().size())
    throw OutputError("member record: another set of statistics series");
  if (out) out->values.resize(n);
  for (std::uint32_t s = 0; s < n; ++s) {
    const auto size = get<std::uint64_t>(in, at);
    const std::uint64_t mask_bytes = (size + 7) / 8;
    if (size > (std::uint64_t{1} << 32) || mask_bytes > in.size() - at)
      throw OutputError("member record: truncated");
    const auto* mask = in.data() + at;
    at += mask_bytes;
    std::vector<double>* values = out ? &out->values[s] : nullptr;
    if (values) values->assign(size, 0.0);
    for (std::size_t i = 0; i < size; ++i)
      if ((mask[i / 8] & (std::byte{1} << (i % 8))) != std::byte{0}) {
        const double v = get<double>(in, at);
        if (values) (*values)[i] = v;
      }
  }
}

// The record up to its statistics inputs; `at` ends at their start.
void get_fields(std::span<const std::byte> in, std::size_t& at, std::vector<EncodedField>* fields,
                double& unit_years, std::vector<double>& targets) {
  if (const auto layout = get<std::uint64_t>(in, at); layout != member_payload_layout())
    throw OutputError("member record: written with another set of member series (payload layout " +
                      hex(layout) + ", this program's is " + hex(member_payload_layout()) +
                      "); rerun the ensemble with --fresh");
  unit_years = get<double>(in, at);
  const auto n = get<std::uint32_t>(in, at);
  if (n > 4096) throw OutputError("member record: implausible field count");
  if (fields) fields->resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto values = get<std::uint64_t>(in, at);
    const auto bytes = get<std::uint64_t>(in, at);
    if (bytes > in.size() - at || values > (std::uint64_t{1} << 32))
      throw OutputError("member record: truncated");
    // Deflate expands at most 1032-fold: more values than the bytes can hold
    // is a damaged count, refused before a buffer is sized by it.
    if (values / 1032 > bytes / sizeof(double)) throw OutputError("member record: implausible value count");
    if (fields) {
      const auto* p = in.data() + at;
      (*fields)[i].values = values;
      (*fields)[i].bytes.assign(p, p + bytes);
    }
    at += bytes;
  }
  const auto t = get<std::uint32_t>(in, at);
  if (t > (in.size() - at) / sizeof(double)) throw OutputError("member record: truncated");
  targets.resize(t);
  for (auto& v : targets)
    v = get<double>(in, at);
}

} // namespace

std::vector<std::byte> encode_member(const MemberResult& r, bool companies, std::span<const double> targets) {
  std::vector<std::vector<double>> scratch;
  const auto fields = member_fields(r, scratch, companies);
  std::vector<std::byte> out;
  put<std::uint64_t>(out, member_payload_layout());
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
  put_statistics_inputs(out, fields);
  return out;
}

void decode_member(std::span<const std::byte> in, std::vector<EncodedField>& fields, double& unit_years,
                   std::vector<double>& targets) {
  std::size_t at = 0;
  get_fields(in, at, &fields, unit_years, targets);
  get_statistics_inputs(in, at, nullptr);
  if (at != in.size()) throw OutputError("member record: trailing bytes");
}

void decode_statistics_inputs(std::span<const std::byte> in, StatisticsInputs& out) {
  std::size_t at = 0;
  double unit_years = 0.0;
  std::vector<double> targets;
  get_fields(in, at, nullptr, unit_years, targets);
  get_statistics_inputs(in, at, &out);
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
