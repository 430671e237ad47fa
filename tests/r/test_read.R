# R reads steelpath results with the right dimension names (hdf5r), and the
# numbers it reads equal the C++ side's: the metrics the writer computed
# equal sums over the arrays as R reads them.
#   Rscript tests/r/test_read.R SOURCE_DIR SINGLE.h5 ENSEMBLE.h5
args <- commandArgs(trailingOnly = TRUE)
source(file.path(args[1], "scripts", "steelpath_read.R"))
single <- args[2]
ensemble <- args[3]
check <- function(ok, what) if (!isTRUE(ok)) stop("FAILED: ", what, call. = FALSE)
near <- function(a, b) isTRUE(all.equal(as.vector(a), as.vector(b), tolerance = 1e-12))

# Single run: [year][region][technology] in the file is [technology, region, year] in R.
p <- steelpath_read(single, "production")
check(identical(names(dimnames(p)), c("technology", "region", "year")), "production's dimension names")
check(dimnames(p)$year[1] == "2025" && "bf_bof" %in% dimnames(p)$technology, "production's labels")
check(attr(p, "units") == "Mt", "production's units")
e <- steelpath_read(single, "emissions")
check(identical(names(dimnames(e)), "year"), "emissions' dimension name")
m <- steelpath_metrics(single)
check(nrow(m) == 1 && ncol(m) == 12, "single-run metrics: one row of 12")
check(near(m$cumulative_emissions, sum(e)), "cumulative_emissions = sum of emissions")
check(near(m$peak_year, as.numeric(names(e)[which.max(e)])), "peak_year")
inv <- steelpath_read(single, "investment")
op <- steelpath_read(single, "operating_cost")
check(near(m$system_cost, sum(inv) + sum(op)), "system_cost = investment + operating cost")

# Ensemble: [member][year] in the file is [year, member] in R.
e <- steelpath_read(ensemble, "emissions")
check(identical(names(dimnames(e)), c("year", "member")), "ensemble emissions' dimension names")
m <- steelpath_metrics(ensemble)
check(nrow(m) == dim(e)[2], "one metrics row per member")
check(all(c("lever_setting", "sample", "replicate", "abatement_cost") %in% names(m)), "metrics columns")
check(near(m$cumulative_emissions, colSums(e)), "cumulative_emissions = column sums")
q <- steelpath_read(ensemble, "emissions_quantiles", group = "statistics")
check(identical(names(dimnames(q)), c("year", "quantile", "lever_setting")), "statistics dimension names")
first <- m$lever_setting == m$lever_setting[1]
cum <- steelpath_read(ensemble, "metric_quantiles", group = "statistics")
# R's quantile type 7 is numpy's default, as the file's quantiles are.
check(near(cum["0.5", "cumulative_emissions", "0"], quantile(m$cumulative_emissions[first], 0.5, type = 7)),
      "the file's median cumulative emissions equal R's")
cat("ok: R (hdf5r", as.character(packageVersion("hdf5r")), ") reads", dim(e)[2], "members with named dimensions\n")
