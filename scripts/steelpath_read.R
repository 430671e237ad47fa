# Reading steelpath results files in R, with named dimensions (Debian
# packages r-base-core and r-cran-hdf5r; `scripts/setup` installs them).
#
#   source("scripts/steelpath_read.R")
#   e <- steelpath_read("results/demo-ensemble.h5", "emissions")
#   dim(e); names(dimnames(e))          # 36 x members; "year" "member"
#   q <- steelpath_read("results/demo-ensemble.h5", "emissions_quantiles", group = "statistics")
#   q["2050", "0.5", ]                  # median 2050 emissions per lever setting
#   m <- steelpath_metrics("results/demo-ensemble.h5")   # one row per member
#
# hdf5r returns arrays with their dimensions reversed (R is column-major):
# a dataset [member][year] in the file is an R matrix [year, member]. The
# names come from the file's dimension scales (the DIMENSION_LIST attribute,
# netCDF-4's convention), so they are the same names xarray shows.
suppressPackageStartupMessages(library(hdf5r))

# The dimension names of a dataset, in the file's (C) order.
steelpath_dim_names <- function(file, ds) {
  if (!ds$attr_exists("DIMENSION_LIST")) {
    # A dimension scale (a coordinate) is its own dimension.
    if (ds$attr_exists("CLASS")) return(sub(".*/", "", ds$get_obj_name()))
    return(character(0))
  }
  refs <- h5attr(ds, "DIMENSION_LIST")
  vapply(refs, function(r) {
    scale <- r$dereference(obj = file)[[1]]
    sub(".*/", "", scale$get_obj_name())
  }, character(1))
}

# The values of the coordinate `name`, looked up in the group then the root.
steelpath_coordinate <- function(file, name, group = NULL) {
  for (where in c(if (!is.null(group)) paste0(group, "/", name), name)) {
    if (file$exists(where)) return(as.character(file[[where]]$read()))
  }
  NULL
}

#' One variable as an R array (a scalar stays a number), with dimnames named
#' after the file's dimensions and the coordinate values as labels, and the
#' variable's `units` and `long_name` as attributes.
steelpath_read <- function(path, name, group = NULL) {
  file <- H5File$new(path, mode = "r")
  on.exit(file$close_all())
  where <- if (is.null(group)) name else paste0(group, "/", name)
  if (!file$exists(where)) stop(path, ": no variable '", where, "'")
  ds <- file[[where]]
  values <- ds$read()
  dims <- rev(steelpath_dim_names(file, ds))
  if (length(dims) > 0) {
    if (length(dims) == 1) values <- array(values, dim = length(values))
    labels <- lapply(seq_along(dims), function(i) {
      coordinate <- steelpath_coordinate(file, dims[i], group)
      if (length(coordinate) == dim(values)[i]) coordinate else as.character(seq_len(dim(values)[i]) - 1)
    })
    names(labels) <- dims
    dimnames(values) <- labels
  }
  for (a in c("units", "long_name")) {
    if (ds$attr_exists(a)) attr(values, a) <- h5attr(ds, a)
  }
  values
}

#' The per-member metrics (every variable marked steelpath_role = "metric")
#' as a data frame: one row per member of an ensemble file, with its lever
#' setting label, sample and replicate; one row for a single-run file.
steelpath_metrics <- function(path) {
  file <- H5File$new(path, mode = "r")
  on.exit(file$close_all())
  names <- Filter(function(n) {
    ds <- file[[n]]
    ds$attr_exists("steelpath_role") && h5attr(ds, "steelpath_role") == "metric"
  }, file$ls()$name)
  columns <- lapply(names, function(n) as.vector(file[[n]]$read()))
  names(columns) <- names
  out <- as.data.frame(columns)
  if (file$exists("member")) {
    labels <- file[["lever_setting_label"]]$read()
    design <- data.frame(member = file[["member"]]$read(),
                         lever_setting = labels[file[["member_setting"]]$read() + 1],
                         sample = file[["member_sample"]]$read(),
                         replicate = file[["member_replicate"]]$read())
    out <- cbind(design, out)
  }
  out
}
