// Chunked, compressed datasets of doubles and block reads: what the
// ensemble file uses (the single-member file writes whole datasets).
// Compression is shuffle + deflate, which every HDF5 and netCDF-4 reader
// decodes without plugins.
#pragma once

#include "output/hdf5.hpp"

#include <span>
#include <string>
#include <vector>

namespace steelpath::h5 {

/// Creates a chunked dataset of doubles (shuffle + deflate at `level`)
/// whose unwritten elements read as NaN. `cache_bytes`: the chunk cache of
/// the returned handle (0: HDF5's default).
Handle create_chunked_doubles(hid_t loc, const std::string& name, const std::vector<hsize_t>& dims,
                              const std::vector<hsize_t>& chunk, int level, std::size_t cache_bytes);
/// Opens a dataset with a chunk cache of `cache_bytes` (0: HDF5's default).
Handle open_dataset(hid_t loc, const std::string& name, std::size_t cache_bytes = 0);
/// Reads the block [start, start + count) of a dataset of doubles.
void read_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                std::span<double> data);
/// The same for 32-bit integers.
void read_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                std::span<std::int32_t> data);

} // namespace steelpath::h5
