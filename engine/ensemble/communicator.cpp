#include "ensemble/communicator.hpp"

#include <cstdlib>

#ifdef STEELPATH_HAVE_MPI
#include <mpi.h>
#endif

namespace steelpath::ensemble {

namespace {
const Communicator* g_world = nullptr;
} // namespace

Communicator::Communicator([[maybe_unused]] int* argc, [[maybe_unused]] char*** argv) {
#ifdef STEELPATH_HAVE_MPI
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) {
    int provided = 0;
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
    initialised_here_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
#endif
  if (!g_world) g_world = this;
}

Communicator::~Communicator() {
  if (g_world == this) g_world = nullptr;
#ifdef STEELPATH_HAVE_MPI
  if (initialised_here_) MPI_Finalize();
#endif
}

const Communicator& Communicator::world() {
  static Communicator single(nullptr, nullptr);
  return g_world ? *g_world : single;
}

void Communicator::barrier() const {
#ifdef STEELPATH_HAVE_MPI
  if (size_ > 1) MPI_Barrier(MPI_COMM_WORLD);
#endif
}

double Communicator::sum(double v) const {
#ifdef STEELPATH_HAVE_MPI
  double out = v;
  if (size_ > 1) MPI_Allreduce(&v, &out, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  return out;
#else
  return v;
#endif
}

double Communicator::max(double v) const {
#ifdef STEELPATH_HAVE_MPI
  double out = v;
  if (size_ > 1) MPI_Allreduce(&v, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
  return out;
#else
  return v;
#endif
}

int Communicator::broadcast(int v) const {
#ifdef STEELPATH_HAVE_MPI
  if (size_ > 1) MPI_Bcast(&v, 1, MPI_INT, 0, MPI_COMM_WORLD);
#endif
  return v;
}

void Communicator::abort(int code) const {
#ifdef STEELPATH_HAVE_MPI
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::exit(code);
}

} // namespace steelpath::ensemble
