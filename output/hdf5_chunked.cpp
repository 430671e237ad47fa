#include "output/hdf5_chunked.hpp"

#include "model/errors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace steelpath::h5 {

namespace {

hsize_t product(const std::vector<hsize_t>& v) {
  return std::accumulate(v.begin(), v.end(), hsize_t{1}, std::multiplies<>());
}

Handle access_props(std::size_t cache_bytes) {
  Handle dapl(check(H5Pcreate(H5P_DATASET_ACCESS), "H5Pcreate"), H5Pclose);
  // Many slots (HDF5 advises ~100 x the chunks that fit): the ensemble
  // file's chunks are small (one member's array).
  const std::size_t slots = std::max<std::size_t>(521, cache_bytes / 64) | 1;
  if (cache_bytes > 0) check(H5Pset_chunk_cache(dapl, slots, cache_bytes, 1.0), "H5Pset_chunk_cache");
  return dapl;
}

Handle selection(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count) {
  Handle file_space(check(H5Dget_space(dataset), "H5Dget_space"), H5Sclose);
  check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
        "H5Sselect_hyperslab");
  return file_space;
}

template <class T>
void read(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count, T* data,
          std::size_t size, hid_t type) {
  if (product(count) != size) throw OutputError("HDF5 block: buffer size does not match the block");
  if (size == 0) return;
  Handle file_space = selection(dataset, start, count);
  Handle mem(check(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), "H5Screate"),
             H5Sclose);
  check(H5Dread(dataset, type, mem, file_space, H5P_DEFAULT, data), "H5Dread block");
}

} // namespace

Handle create_chunked_doubles(hid_t loc, const std::string& name, const std::vector<hsize_t>& dims,
                              const std::vector<hsize_t>& chunk, int level, std::size_t cache_bytes) {
  Handle sp(check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "H5Screate_simple"),
            H5Sclose);
  Handle dcpl(check(H5Pcreate(H5P_DATASET_CREATE), "H5Pcreate"), H5Pclose);
  check(H5Pset_attr_creation_order(dcpl, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), "attr order");
  check(H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data()), "H5Pset_chunk " + name);
  check(H5Pset_shuffle(dcpl), "H5Pset_shuffle");
  check(H5Pset_deflate(dcpl, static_cast<unsigned>(level)), "H5Pset_deflate");
  const double fill = std::numeric_limits<double>::quiet_NaN();
  check(H5Pset_fill_value(dcpl, H5T_NATIVE_DOUBLE, &fill), "H5Pset_fill_value");
  Handle dapl = access_props(cache_bytes);
  return {check(H5Dcreate2(loc, name.c_str(), H5T_IEEE_F64LE, sp, H5P_DEFAULT, dcpl, dapl), "create " + name),
          H5Dclose};
}

Handle open_dataset(hid_t loc, const std::string& name, std::size_t cache_bytes) {
  Handle dapl = access_props(cache_bytes);
  return {check(H5Dopen2(loc, name.c_str(), dapl), "open " + name), H5Dclose};
}

void read_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                std::span<double> data) {
  read(dataset, start, count, data.data(), data.size(), H5T_NATIVE_DOUBLE);
}

void read_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                std::span<std::int32_t> data) {
  read(dataset, start, count, data.data(), data.size(), H5T_NATIVE_INT32);
}

} // namespace steelpath::h5
