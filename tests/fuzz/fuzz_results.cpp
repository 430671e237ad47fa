// Fuzz harness: the results-file reader (output/results_reader.hpp) as
// `steelpath info` and `steelpath compare` use it, and the earlier ensemble
// file that --retry-failed reads members from (ResultsFileSource).
// Feeds: the input's bytes written to a temporary .h5 file, then opened by
// ResultsReader; every variable of every group of the schema read whole
// (numbers, integers, text) with its dimensions and attributes; the
// coordinates, metrics and design tables; `info` as text and as JSON;
// `compare` of the file with itself, and of two lever settings of an ensemble.
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

#include <set>
#include <sstream>

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

void read_everything(const steelpath::ResultsReader& r) {
  static const std::set<std::string> all_groups = groups();
  for (const auto& group : all_groups) {
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
  for (bool company_series : {false, true})
    allowed([&] {
      steelpath::ResultsFileSource source(r.path(), members, company_series);
      for (std::size_t m = 0; m < members; ++m) {
        if (source.status(m) == 0) continue;
        allowed([&] {
          std::vector<steelpath::EncodedField> fields;
          std::vector<double> targets;
          double unit_years = 0.0;
          std::string reason;
          source.read(m, fields, unit_years, targets, reason);
          steelpath::StatisticsInputs stats;
          if (source.status(m) == 1) source.statistics_inputs(m, stats);
        });
      }
    });
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const steelpath::fuzz::TempDir dir;
  const std::string path = (dir.path() / "fuzz.h5").string();
  steelpath::fuzz::write_file(path, data, size);
  bool ensemble = false;
  try {
    const steelpath::ResultsReader r(path);
    ensemble = r.is_ensemble();
    read_everything(r);
    if (ensemble) read_as_earlier_file(r);
  } catch (const OutputError&) {
    return 0;
  }
  std::ostringstream out;
  allowed([&] { steelpath::cli::print_file_info(out, path, false); });
  allowed([&] { steelpath::cli::print_file_info(out, path, true); });
  allowed([&] { steelpath::cli::compare_files(out, {path, path, std::nullopt, std::nullopt, false}); }, true);
  if (ensemble) allowed([&] { steelpath::cli::compare_files(out, {path, "", 0, 1, true}); }, true);
  if (H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) != 0) steelpath::fuzz::fail("an HDF5 object was left open");
  return 0;
}
