// Fuzz harness: the results-file reader (output/results_reader.hpp) as
// `steelpath info` and `steelpath compare` use it, and the earlier ensemble
// file that --retry-failed reads members from (ResultsFileSource).
// Feeds: the input's bytes written to a temporary .h5 file, then opened by
// ResultsReader; every variable of every group of the schema read whole
// (numbers, integers, text) with its dimensions and attributes; the
// coordinates, metrics and design tables; `info` (text or JSON); `compare`
// of a single-run file with itself, of an ensemble's first lever setting
// with the second or the last, and with one past the last.
// Mutates: only the bytes that hold the datasets' values (contiguous data and
// chunks, found through HDF5), so every input stays a well-formed HDF5 file
// with hostile contents: numbers, indices, text, compressed chunks. Mutating
// HDF5's own structures finds HDF5's bugs, not steelpath's (HDF5 1.10.8 frees
// an invalid pointer on a damaged link heap; h5py crashes on it too):
// STEELPATH_FUZZ_RAW=1 mutates every byte.
// Asserts: a damaged, truncated or foreign file is refused with an
// OutputError (and `compare` refuses a missing setting with an InputError);
// no HDF5 object is left open afterwards (a leaked handle crashed the
// program at exit once: issue 16); any other exception, a crash, a sanitizer
// report, a leak, a timeout or running out of memory is a bug.
#include "fuzz_support.hpp"

#include "cli/file_compare.hpp"
#include "cli/file_info.hpp"
#include "model/errors.hpp"
#include "output/ensemble_schema.hpp"
#include "output/member_sources.hpp"
#include "output/results_reader.hpp"
#include "output/results_tables.hpp"
#include "output/schema.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <string_view>

namespace {

using steelpath::OutputError;

// Runs `f`; an OutputError (or, with `input_ok`, an InputError) is a correct refusal.
template <class F>
void allowed(F&& f, bool input_ok = false) {
  try {
    f();
  } catch (const OutputError&) {
  } catch (const steelpath::InputError&) {
    if (!input_ok) throw;
  }
}

std::set<std::string> groups() {
  std::set<std::string> g{""};
  for (const auto& v : steelpath::schema::variables())
    g.insert(std::string(v.group));
  for (const auto& v : steelpath::schema::ensemble_variables())
    g.insert(std::string(v.group));
  return g;
}

const std::set<std::string>& all_groups() {
  static const std::set<std::string> g = groups();
  return g;
}

void read_everything(const steelpath::ResultsReader& r) {
  for (const auto& group : all_groups()) {
    std::vector<std::string> names;
    allowed([&] { names = r.variables(group); });
    for (const auto& name : names) {
      const std::string v = group.empty() ? name : group + "/" + name;
      allowed([&] { (void)r.dimensions(v); });
      allowed([&] { (void)r.shape(v); });
      allowed([&] { (void)r.doubles(v); });
      allowed([&] { (void)r.ints(v); });
      allowed([&] { (void)r.strings(v); });
      allowed([&] { (void)r.member_doubles(v, 0); });
      for (const char* a : {"units", "long_name"})
        if (r.has_attribute(a, v)) allowed([&] { (void)r.attribute(a, v); });
    }
  }
  for (const char* a : {"schema_version", "metrics_discount_rate", "steelpath_version"}) {
    allowed([&] { (void)r.attribute(a); });
    allowed([&] { (void)r.number_attribute(a); });
  }
  allowed([&] { (void)steelpath::read_coordinates(r); });
  allowed([&] { (void)steelpath::read_metrics(r); });
  if (r.is_ensemble()) allowed([&] { (void)steelpath::read_design(r); });
}

// What --retry-failed reads from an earlier ensemble file.
void read_as_earlier_file(const steelpath::ResultsReader& r) {
  std::size_t members = 0;
  allowed([&] {
    const auto shape = r.shape("member_status");
    members = shape.empty() ? 0 : shape[0];
  });
  if (members == 0 || members > 4096) return;
  allowed([&] {
    steelpath::ResultsFileSource source(r.path(), members, r.attribute("company_series") == "1");
    steelpath::fuzz::read_every_member(source, members);
  });
}

const steelpath::fuzz::TempDir& folder() {
  static const steelpath::fuzz::TempDir dir;
  return dir;
}

using Ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>; // [offset, offset + size)

// Where the values of the datasets of the results file `path` lie: each
// contiguous dataset's data and each chunk. Empty when it is no results file.
Ranges value_ranges(const std::string& path, std::uint64_t file_bytes) {
  Ranges out;
  auto add = [&](haddr_t at, hsize_t bytes) {
    if (at != HADDR_UNDEF && bytes > 0 && at <= file_bytes && bytes <= file_bytes - at)
      out.emplace_back(at, bytes);
  };
  try {
    const steelpath::ResultsReader r(path);
    for (const auto& group : all_groups())
      for (const auto& name : r.variables(group)) {
        const std::string v = group.empty() ? name : group + "/" + name;
        const steelpath::h5::Handle ds(H5Dopen2(r.file(), v.c_str(), H5P_DEFAULT), H5Dclose);
        if (ds.id() < 0) continue;
        add(H5Dget_offset(ds), H5Dget_storage_size(ds));
        hsize_t chunks = 0;
        std::vector<hsize_t> origin(H5S_MAX_RANK);
        if (H5Dget_num_chunks(ds, H5S_ALL, &chunks) < 0) continue; // not chunked
        for (hsize_t i = 0; i < chunks; ++i) {
          unsigned filters = 0;
          haddr_t at = HADDR_UNDEF;
          hsize_t bytes = 0;
          if (H5Dget_chunk_info(ds, H5S_ALL, i, origin.data(), &filters, &at, &bytes) >= 0) add(at, bytes);
        }
      }
  } catch (const OutputError&) {
    out.clear();
  }
  return out;
}

} // namespace

// FNV-1a of the bytes of `data` outside `ranges` (sorted by offset): what
// identifies a file's layout, since the mutations change only the ranges.
std::uint64_t layout_hash(const std::uint8_t* data, std::size_t size, const Ranges& ranges) {
  std::uint64_t h = 14695981039346656037ull;
  std::size_t at = 0;
  auto add = [&](std::size_t to) {
    for (; at < to; ++at)
      h = (h ^ data[at]) * 1099511628211ull;
  };
  for (const auto& [offset, bytes] : ranges) {
    add(std::max<std::size_t>(at, offset));
    at = std::max<std::size_t>(at, offset + bytes);
  }
  add(size);
  return h;
}

// Mutates the bytes of one dataset's values in place (see the header). The
// ranges of a layout are found once: every file descends from a seed whose
// layout the mutations keep.
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  static const bool raw = std::getenv("STEELPATH_FUZZ_RAW") != nullptr;
  if (raw) return LLVMFuzzerMutate(data, size, max_size);
  struct Layout {
    std::size_t size;
    Ranges ranges;
    std::uint64_t hash;
  };
  static std::vector<Layout> known;
  const Layout* layout = nullptr;
  for (const auto& l : known)
    if (l.size == size && l.hash == layout_hash(data, size, l.ranges)) layout = &l;
  if (!layout) {
    const std::string path = (folder().path() / "mutate.h5").string();
    steelpath::fuzz::write_file(path, data, size);
    Ranges ranges = value_ranges(path, size);
    std::sort(ranges.begin(), ranges.end());
    if (known.size() >= 16) known.erase(known.begin());
    const std::uint64_t hash = layout_hash(data, size, ranges);
    layout = &known.emplace_back(Layout{size, std::move(ranges), hash});
  }
  if (layout->ranges.empty()) return size; // not a results file: nothing to mutate within it
  const auto& [at, bytes] = layout->ranges[std::minstd_rand(seed)() % layout->ranges.size()];
  std::vector<std::uint8_t> slice(data + at, data + at + bytes);
  const std::size_t kept = LLVMFuzzerMutate(slice.data(), slice.size(), slice.size());
  std::memcpy(data + at, slice.data(), std::min<std::size_t>(kept, slice.size()));
  return size;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = (folder().path() / "fuzz.h5").string();
  steelpath::fuzz::write_file(path, data, size);
  bool ensemble = false;
  std::size_t settings = 0;
  try {
    const steelpath::ResultsReader r(path);
    ensemble = r.is_ensemble();
    read_everything(r);
    if (ensemble) {
      read_as_earlier_file(r);
      allowed([&] {
        const auto shape = r.shape("lever_setting_label");
        settings = shape.empty() ? 0 : shape[0];
      });
    }
  } catch (const OutputError&) {
    return 0;
  }
  // Each reading below reads the whole file again: one of each pair per input,
  // chosen by the input's hash (the same on a replay).
  const std::size_t pick = std::hash<std::string_view>()({reinterpret_cast<const char*>(data), size});
  std::ostringstream out;
  allowed([&] { steelpath::cli::print_file_info(out, path, (pick & 1) != 0); });
  if (!ensemble)
    allowed(
        [&] {
          steelpath::cli::compare_files(out, {path, path, std::nullopt, std::nullopt, false});
        },
        true);
  // The first lever setting against the second or the last, and one past the last.
  const std::size_t b = (pick & 2) != 0 ? 1 : settings - 1;
  if (ensemble) {
    allowed([&] { steelpath::cli::compare_files(out, {path, "", 0, b, (pick & 4) != 0}); }, true);
    allowed([&] { steelpath::cli::compare_files(out, {path, "", 0, settings, false}); }, true);
  }
  if (H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) != 0) steelpath::fuzz::fail("an HDF5 object was left open");
  return 0;
}
