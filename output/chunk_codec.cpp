#include "output/chunk_codec.hpp"

#include "model/errors.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <bit>
#include <cstdint>
#include <string>

namespace steelpath {

namespace {

constexpr std::size_t kValueBytes = sizeof(double);
static_assert(kValueBytes == 8 && sizeof(std::uint64_t) == 8);

std::string zlib_message(int status) {
  const char* text = zError(status);
  return text != nullptr ? std::string(text) : "zlib status " + std::to_string(status);
}

} // namespace

namespace {

// Shuffle: byte b of element i goes to b*n + i (HDF5's H5Z shuffle filter for
// an element size of 8; no bytes are left over). Taking the bytes from the
// integer image by shifting writes the little-endian layout of
// H5T_IEEE_F64LE whatever the host's byte order.
std::vector<Bytef> shuffle(std::span<const double> values) {
  const std::size_t n = values.size();
  std::vector<Bytef> shuffled(n * kValueBytes);
  for (std::size_t i = 0; i < n; ++i) {
    const auto bits = std::bit_cast<std::uint64_t>(values[i]);
    for (std::size_t b = 0; b < kValueBytes; ++b)
      shuffled[b * n + i] = static_cast<Bytef>(bits >> (8 * b));
  }
  return shuffled;
}

// HDF5's deflate filter writes one zlib stream per chunk (compress2) and
// reads any valid one. libdeflate writes that format in about half of zlib's
// time and 6-9 % smaller on member arrays (measured, see
// docs/performance.md); its bytes differ from zlib's, the values do not. The
// compressor is kept per thread: allocating one costs more than compressing a
// member's small arrays.
std::vector<std::byte> deflate(std::span<const Bytef> shuffled, int level) {
  struct Compressor {
    libdeflate_compressor* c = nullptr;
    int level = -1;
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor compressor;
  if (compressor.level != level) {
    libdeflate_free_compressor(compressor.c);
    compressor.level = -1;
    compressor.c = libdeflate_alloc_compressor(level);
    if (compressor.c == nullptr)
      throw OutputError("encode_chunk: libdeflate could not allocate a compressor");
    compressor.level = level;
  }
  std::vector<std::byte> out(libdeflate_zlib_compress_bound(compressor.c, shuffled.size()));
  const std::size_t size =
      libdeflate_zlib_compress(compressor.c, shuffled.data(), shuffled.size(), out.data(), out.size());
  if (size == 0) throw OutputError("encode_chunk: libdeflate could not compress a chunk");
  out.resize(size);
  return out;
}

// A chunk whose values all have the same bits (a series that stays zero, a
// factor that stays 1) encodes to the same bytes every time: a third of a
// demo member's arrays. libdeflate costs 7-23 us a call on such arrays
// however little they hold (it resets its tables per call), so the bytes it
// gave are kept per thread and returned again: the same bytes, not an
// approximation of them.
struct ConstantChunk {
  std::uint64_t bits = 0;
  std::size_t count = 0;
  int level = -1;
  std::vector<std::byte> encoded;
};

const std::vector<std::byte>* constant_chunk(std::span<const double> values, int level) {
  const auto bits = std::bit_cast<std::uint64_t>(values.front());
  for (const double v : values)
    if (std::bit_cast<std::uint64_t>(v) != bits) return nullptr;
  // A member has a few dozen arrays, so a few dozen entries cover it; the
  // cap keeps a thread's memory fixed whatever the values.
  constexpr std::size_t kMaxEntries = 64;
  thread_local std::vector<ConstantChunk> cache;
  for (const auto& c : cache)
    if (c.bits == bits && c.count == values.size() && c.level == level) return &c.encoded;
  if (cache.size() == kMaxEntries) cache.erase(cache.begin());
  cache.push_back({bits, values.size(), level, deflate(shuffle(values), level)});
  return &cache.back().encoded;
}

} // namespace

std::vector<std::byte> encode_chunk(std::span<const double> values, int level) {
  if (level < 0 || level > 9)
    throw OutputError("encode_chunk: deflate level " + std::to_string(level) + " is outside 0..9");
  if (values.empty()) return deflate({}, level);
  if (const auto* same = constant_chunk(values, level)) return *same;
  return deflate(shuffle(values), level);
}

void decode_chunk(std::span<const std::byte> encoded, std::span<double> out) {
  const std::size_t n = out.size();
  std::vector<Bytef> shuffled(n * kValueBytes);
  uLongf produced = static_cast<uLongf>(shuffled.size());
  uLong consumed = static_cast<uLong>(encoded.size());
  // uncompress2 reports how much input it used, so trailing bytes after the
  // zlib stream are caught as well as short or overlong streams.
  const int status =
      uncompress2(shuffled.data(), &produced, reinterpret_cast<const Bytef*>(encoded.data()), &consumed);
  if (status == Z_BUF_ERROR && produced == shuffled.size())
    throw OutputError("decode_chunk: the chunk holds more than the " + std::to_string(n) +
                      " values expected (or its stream is truncated)");
  if (status != Z_OK)
    throw OutputError("decode_chunk: corrupt chunk (" + zlib_message(status) + ", " +
                      std::to_string(encoded.size()) + " bytes)");
  if (produced != shuffled.size())
    throw OutputError("decode_chunk: the chunk holds " + std::to_string(produced) + " bytes, expected " +
                      std::to_string(shuffled.size()) + " (" + std::to_string(n) + " values)");
  if (consumed != encoded.size())
    throw OutputError("decode_chunk: corrupt chunk (" + std::to_string(encoded.size() - consumed) +
                      " bytes follow the compressed stream)");
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t bits = 0;
    for (std::size_t b = 0; b < kValueBytes; ++b)
      bits |= std::uint64_t{shuffled[b * n + i]} << (8 * b);
    out[i] = std::bit_cast<double>(bits);
  }
}

} // namespace steelpath
