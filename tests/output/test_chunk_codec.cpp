// Chunks encoded outside HDF5 (shuffle + deflate, by libdeflate) are in the
// format HDF5 itself stores: written with H5Dwrite_chunk they read back bit
// for bit, and HDF5's own chunks (zlib) decode with decode_chunk.
#include "output/chunk_codec.hpp"

#include "model/errors.hpp"
#include "output/hdf5.hpp"

#include "../support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <thread>

using namespace steelpath;

namespace {

// Values whose bits a lossy or reordering path would change: NaNs with
// payloads and signs, signed zeros, denormals, infinities, extremes.
std::vector<double> awkward_values(std::size_t n) {
  using L = std::numeric_limits<double>;
  std::vector<double> v = {0.0,
                           -0.0,
                           L::denorm_min(),
                           -L::denorm_min(),
                           1e-310,
                           L::min(),
                           L::max(),
                           L::lowest(),
                           L::infinity(),
                           -L::infinity(),
                           L::quiet_NaN(),
                           -L::quiet_NaN(),
                           std::bit_cast<double>(std::uint64_t{0x7ff8'0000'dead'beef}),
                           std::bit_cast<double>(std::uint64_t{0xfff0'0000'0000'0001}),
                           1.0,
                           0.1,
                           -2.5e7};
  std::mt19937_64 rng(42);
  std::normal_distribution<double> d(100.0, 30.0);
  while (v.size() < n)
    v.push_back(d(rng));
  v.resize(n);
  return v;
}

std::vector<std::uint64_t> bits(std::span<const double> v) {
  std::vector<std::uint64_t> b;
  for (const double x : v)
    b.push_back(std::bit_cast<std::uint64_t>(x));
  return b;
}

// A chunked, shuffled, deflated dataset of doubles: the layout the finalizer uses.
h5::Handle create_filtered(hid_t file, const char* name, const std::vector<hsize_t>& dims,
                           const std::vector<hsize_t>& chunk, unsigned level) {
  h5::Handle sp(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
  h5::Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  REQUIRE(H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data()) >= 0);
  REQUIRE(H5Pset_shuffle(dcpl) >= 0);
  REQUIRE(H5Pset_deflate(dcpl, level) >= 0);
  h5::Handle ds(H5Dcreate2(file, name, H5T_IEEE_F64LE, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose);
  REQUIRE(ds.id() >= 0);
  return ds;
}

} // namespace

TEST_CASE("an encoded chunk written with H5Dwrite_chunk reads back bit for bit", "[output][codec]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "chunks.h5").string();
  const auto values = awkward_values(1000);
  const auto encoded = encode_chunk(values, 4);
  CHECK(encoded.size() < values.size() * sizeof(double)); // 17 odd values, 983 normals: it compresses
  {
    h5::Handle f = h5::create_file(path);
    h5::Handle ds = create_filtered(f, "v", {values.size()}, {values.size()}, 4);
    const hsize_t offset[1] = {0};
    REQUIRE(H5Dwrite_chunk(ds, H5P_DEFAULT, 0, offset, encoded.size(), encoded.data()) >= 0);
  }
  h5::Handle f = h5::open_file(path);
  CHECK(bits(h5::read_doubles(f, "v")) == bits(values));
}

TEST_CASE("one chunk per member: a 2-D dataset filled chunk by chunk", "[output][codec]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "members.h5").string();
  const std::size_t members = 3, years = 37;
  const auto all = awkward_values(members * years);
  {
    h5::Handle f = h5::create_file(path);
    h5::Handle ds = create_filtered(f, "v", {members, years}, {1, years}, 6);
    for (std::size_t m = 0; m < members; ++m) {
      const auto enc = encode_chunk(std::span(all).subspan(m * years, years), 6);
      const hsize_t offset[2] = {m, 0};
      REQUIRE(H5Dwrite_chunk(ds, H5P_DEFAULT, 0, offset, enc.size(), enc.data()) >= 0);
    }
  }
  h5::Handle f = h5::open_file(path);
  CHECK(h5::dataset_dims(f, "v") == std::vector<hsize_t>{members, years});
  CHECK(bits(h5::read_doubles(f, "v")) == bits(all));
}

TEST_CASE("chunks HDF5 writes itself decode, and ours decode to the same values", "[output][codec]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "native.h5").string();
  const auto values = awkward_values(500);
  {
    h5::Handle f = h5::create_file(path);
    h5::Handle ds = create_filtered(f, "v", {values.size()}, {values.size()}, 4);
    REQUIRE(H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) >= 0);
  }
  h5::Handle f = h5::open_file(path);
  h5::Handle ds(H5Dopen2(f, "v", H5P_DEFAULT), H5Dclose);
  const hsize_t offset[1] = {0};
  hsize_t stored = 0;
  REQUIRE(H5Dget_chunk_storage_size(ds, offset, &stored) >= 0);
  std::vector<std::byte> raw(stored);
  std::uint32_t mask = 99;
  REQUIRE(H5Dread_chunk(ds, H5P_DEFAULT, offset, &mask, raw.data()) >= 0);
  CHECK(mask == 0); // both filters applied
  // HDF5's deflate filter compresses with zlib, encode_chunk with libdeflate:
  // other bytes of the same format, the same values.
  std::vector<double> back(values.size()), ours(values.size());
  decode_chunk(raw, back);
  CHECK(bits(back) == bits(values));
  decode_chunk(encode_chunk(values, 4), ours);
  CHECK(bits(ours) == bits(values));
}

TEST_CASE("encoding is deterministic and round-trips, empty and single values too", "[output][codec]") {
  for (const std::size_t n : {0, 1, 2, 7, 4096}) {
    INFO("n = " << n);
    const auto values = awkward_values(n);
    for (const int level : {0, 1, 4, 9}) {
      const auto a = encode_chunk(values, level);
      CHECK(a == encode_chunk(values, level));
      std::vector<double> back(n, 123.0);
      decode_chunk(a, back);
      CHECK(bits(back) == bits(values));
    }
  }
}

TEST_CASE("the shuffle puts byte b of value i at b*n + i", "[output][codec]") {
  // Level 0 deflate stores the bytes uncompressed after a 2-byte zlib header
  // and a 5-byte stored-block header: the shuffled bytes are visible.
  const std::vector<double> v = {std::bit_cast<double>(std::uint64_t{0x0807060504030201}),
                                 std::bit_cast<double>(std::uint64_t{0x1817161514131211})};
  const auto enc = encode_chunk(v, 0);
  REQUIRE(enc.size() == 2 + 5 + 16 + 4); // + adler32
  const std::vector<int> expect = {0x01, 0x11, 0x02, 0x12, 0x03, 0x13, 0x04, 0x14,
                                   0x05, 0x15, 0x06, 0x16, 0x07, 0x17, 0x08, 0x18};
  for (std::size_t k = 0; k < expect.size(); ++k)
    CHECK(std::to_integer<int>(enc[7 + k]) == expect[k]);
}

TEST_CASE("corrupt or mis-sized chunks are an OutputError", "[output][codec]") {
  const auto values = awkward_values(300);
  const auto enc = encode_chunk(values, 4);
  std::vector<double> out(values.size());

  std::vector<double> small(values.size() - 1), large(values.size() + 1);
  CHECK_THROWS_AS(decode_chunk(enc, small), OutputError);
  CHECK_THROWS_WITH(decode_chunk(enc, large), Catch::Contains("expected"));

  auto flipped = enc;
  flipped[enc.size() / 2] ^= std::byte{0x20};
  CHECK_THROWS_WITH(decode_chunk(flipped, out), Catch::Contains("corrupt"));

  const auto truncated = std::span(enc).first(enc.size() - 5);
  CHECK_THROWS_AS(decode_chunk(truncated, out), OutputError);

  auto trailing = enc;
  trailing.push_back(std::byte{0});
  CHECK_THROWS_WITH(decode_chunk(trailing, out), Catch::Contains("follow"));

  const std::vector<std::byte> garbage(64, std::byte{0x5a});
  CHECK_THROWS_AS(decode_chunk(garbage, out), OutputError);
  CHECK_THROWS_AS(decode_chunk({}, out), OutputError);
  CHECK_THROWS_WITH(encode_chunk(values, 10), Catch::Contains("level"));
}

TEST_CASE("a chunk of one repeated value encodes to the bytes a fresh compressor gives", "[output][codec]") {
  // encode_chunk keeps the bytes of constant chunks per thread; a new
  // thread starts with none, so its bytes are libdeflate's own.
  using L = std::numeric_limits<double>;
  const std::vector<double> constants = {0.0, -0.0, 1.0, L::quiet_NaN(), -L::infinity(), L::denorm_min()};
  auto encode_all = [&] {
    std::vector<std::vector<std::byte>> out;
    for (const int level : {1, 4})
      for (const std::size_t n : {1, 36, 720})
        for (const double c : constants)
          out.push_back(encode_chunk(std::vector<double>(n, c), level));
    return out;
  };
  const auto first = encode_all();
  // More distinct constants than the cache holds, so some are evicted
  // and encoded again.
  for (int k = 0; k < 100; ++k)
    (void)encode_chunk(std::vector<double>(36, 1000.0 + k), 1);
  CHECK(encode_all() == first);
  std::vector<std::vector<std::byte>> fresh;
  std::thread([&] { fresh = encode_all(); }).join();
  CHECK(fresh == first);
  // Same value, other bits (-0.0 against 0.0) or another length are other chunks.
  std::size_t k = 0;
  for (int level = 0; level < 2; ++level) // levels 1 and 4, as encoded above
    for (const std::size_t n : {1, 36, 720})
      for (const double c : constants) {
        std::vector<double> back(n);
        decode_chunk(first[k++], back);
        CHECK(bits(back) == bits(std::vector<double>(n, c)));
      }
}
