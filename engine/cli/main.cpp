// Thin entry point: everything lives in the libraries and cli/commands.cpp.
#include "cli/commands.hpp"
#include "ensemble/communicator.hpp"

int main(int argc, char** argv) {
  // MPI (when built in) starts first and ends last; one rank without it.
  const steelpath::ensemble::Communicator world(&argc, &argv);
  return steelpath::cli::main(argc, argv);
}
