# R reads steelpath results with the right dimension names (hdf5r), and the
# numbers it reads equal the C++ side's: the metrics the writer computed
# equal sums over the arrays as R reads them.
# Every variable of a single run, an ensemble with one lever axis and no
# targets, a one-setting ensemble with failed members and an ensemble of
# levers without uncertainties (scenarios/china-alliance-fund.yaml: an empty
# sample_value) reads with one named dimension per file dimension (length-1
# and empty ones included).
#   Rscript tests/r/test_read.R SOURCE_DIR SINGLE.h5 ENSEMBLE.h5 STEELPATH
args <- commandArgs(trailingOnly = TRUE)
source(file.path(args[1], "scripts", "steelpath_read.R"))
single <- args[2]
ensemble <- args[3]
one_setting <- tempfile(fileext = ".h5")
status <- system2(args[4], c("run", file.path(args[1], "tests", "data", "ensemble-failing.yaml"), "-q", "-o",
                             one_setting))
if (status != 0) stop("FAILED: steelpath run tests/data/ensemble-failing.yaml exited ", status)
levers_only <- tempfile(fileext = ".h5")
status <- system2(args[4], c("run", file.path(args[1], "scenarios", "china-alliance-fund.yaml"), "-q", "-o",
                             levers_only))
if (status != 0) stop("FAILED: steelpath run scenarios/china-alliance-fund.yaml exited ", status)
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
check(nrow(m) == 1 && ncol(m) == 14, "single-run metrics: one row of 14")
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
first <- m$lever_setting == 0
cum <- steelpath_read(ensemble, "metric_quantiles", group = "statistics")
# R's quantile type 7 is numpy's default, as the file's quantiles are.
check(near(cum["0.5", "cumulative_emissions", "0"], quantile(m$cumulative_emissions[first], 0.5, type = 7)),
      "the file's median cumulative emissions equal R's")
# Every variable of every file: its dimnames are the file's dimension names.
for (path in c(single, ensemble, one_setting, levers_only)) {
  file <- H5File$new(path, mode = "r")
  names <- file$ls(recursive = TRUE)
  names <- names$name[names$obj_type == "H5I_DATASET"]
  shapes <- lapply(names, function(n) file[[n]]$dims)
  file$close_all()
  for (i in seq_along(names)) {
    parts <- strsplit(names[i], "/")[[1]]
    group <- if (length(parts) > 1) parts[1] else NULL
    v <- steelpath_read(path, parts[length(parts)], group = group)
    want <- shapes[[i]]
    got <- if (is.null(dim(v))) integer(0) else dim(v)
    if (length(want) == 1 && want == 1 && length(got) == 0) got <- 1L # a scalar metric
    check(identical(as.integer(got), as.integer(want)), paste(basename(path), names[i], "keeps its shape"))
    if (length(dim(v)) > 0) check(length(names(dimnames(v))) == length(dim(v)), paste(names[i], "has named dims"))
  }
}
# One lever axis: lever_value_text is [lever, lever_setting] = 1 x 12 in R.
t <- steelpath_read(ensemble, "lever_value_text")
check(identical(names(dimnames(t)), c("lever", "lever_setting")) && all(dim(t) == c(1, 12)), "lever_value_text")
check(t[1, "0"] == "30", "the first setting's 2035 carbon price as written")
# No targets: an empty [target, lever_setting] array.
check(all(dim(steelpath_read(ensemble, "target_met_share", group = "statistics")) == c(0, 12)), "no targets")
# Failed members: their metrics are NaN, the others are the column sums.
m <- steelpath_metrics(one_setting)
e <- steelpath_read(one_setting, "emissions")
failed <- steelpath_read(one_setting, "member_status") == 2
check(any(failed) && all(is.nan(m$cumulative_emissions[failed])), "failed members are NaN")
check(near(m$cumulative_emissions[!failed], colSums(e)[!failed]), "finished members' sums")
check(identical(names(m)[1:5], c("member", "lever_setting", "lever_setting_label", "sample", "replicate")),
      "design columns first")
# Levers without uncertainties: one member per setting, all of sample 0, no parameters.
m <- steelpath_metrics(levers_only)
check(nrow(m) == 4 && identical(as.integer(m$lever_setting), 0:3) && all(m$sample == 0), "levers-only members")
check(near(m$cumulative_emissions, colSums(steelpath_read(levers_only, "emissions"))), "levers-only sums")
check(all(dim(steelpath_read(levers_only, "sample_value")) == c(0, 1)), "an empty [parameter, sample] array")
cat("ok: R (hdf5r", as.character(packageVersion("hdf5r")), ") reads", dim(e)[2], "members with named dimensions\n")
