// The stored bytes of one HDF5 chunk of doubles, produced and read outside
// HDF5: the result of HDF5's filter pipeline "shuffle, then deflate". Lets
// worker threads compress a member's arrays in parallel and hand the bytes to
// H5Dwrite_chunk (filter mask 0) from the single thread that owns the file.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace steelpath {

/// Encodes `values` as HDF5 stores a chunk of an H5T_IEEE_F64LE dataset whose
/// creation property list has H5Pset_shuffle then H5Pset_deflate(level):
/// each value as 8 little-endian bytes, shuffled (byte b of element i goes to
/// position b*n + i), then compressed by libdeflate into one zlib-format
/// stream, the format HDF5's deflate filter writes and reads (its bytes
/// differ from zlib's compress2, the decoded values do not). `values` must be
/// the whole chunk, in the chunk's row-major order (HDF5 stores edge chunks
/// at full size, too). `level` is the level 0..9 given to H5Pset_deflate and
/// to libdeflate; another value is an OutputError. The result is
/// deterministic for a given libdeflate build.
[[nodiscard]] std::vector<std::byte> encode_chunk(std::span<const double> values, int level = 4);

/// The inverse of encode_chunk, by zlib (also reads chunks HDF5 wrote with
/// those filters): fills `out`, whose size is the number of values in the chunk.
/// Throws OutputError when the stream is corrupt or truncated, decodes to
/// another size than `out` holds, or is followed by extra bytes.
void decode_chunk(std::span<const std::byte> encoded, std::span<double> out);

} // namespace steelpath
