// Thin entry point: everything lives in the libraries and cli/commands.cpp.
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  return steelpath::cli::main(argc, argv);
}
