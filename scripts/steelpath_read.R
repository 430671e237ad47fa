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
    on.exit(scale$close())
    sub(".*/", "", scale$get_obj_name())
  }, character(1))
}

# Whether the file holds `path` ("a/b": every group on the way must exist;
# hdf5r's exists() errors on a missing group).
steelpath_has <- function(file, path) {
  parts <- strsplit(path, "/")[[1]]
  for (i in seq_along(parts)) {
    if (!file$exists(paste(parts[1:i], collapse = "/"))) return(FALSE)
  }
  TRUE
}

# A dataset's values with every dimension kept (hdf5r drops length-1 ones by
# default); an empty dataset as an empty array (hdf5r cannot read an empty
# variable-length string dataset).
steelpath_values <- function(ds) {
  dims <- ds$dims
  if (length(dims) > 0 && prod(dims) == 0) {
    empty <- if (inherits(ds$get_type(), "H5T_STRING")) character(0) else numeric(0)
    return(array(empty, dim = dims))
  }
  ds$read(drop = FALSE)
}

# The values of the coordinate `name`, looked up in the group then the root.
steelpath_coordinate <- function(file, name, group = NULL) {
  for (where in c(if (!is.null(group)) paste0(group, "/", name), name)) {
    if (steelpath_has(file, where)) {
      ds <- file[[where]]
      on.exit(ds$close())
      return(as.character(steelpath_values(ds)))
    }
  }
  NULL
}

#' One variable as an R array (a scalar stays a number), with dimnames named
#' after the file's dimensions and the coordinate values as labels, and the
#' variable's `units` and `long_name` as attributes.
steelpath_read <- function(path, name, group = NULL) {
  # Every object opened here is closed here: close_all() would run R's
  # garbage collector, a quarter of a second a call.
  file <- H5File$new(path, mode = "r")
  on.exit(file$close())
  where <- if (is.null(group)) name else paste0(group, "/", name)
  if (!steelpath_has(file, where)) stop(path, ": no variable '", where, "'")
  ds <- file[[where]]
  on.exit(ds$close(), add = TRUE, after = FALSE)
  values <- steelpath_values(ds)
  dims <- rev(steelpath_dim_names(file, ds))
  if (length(dims) > 0) {
    if (is.null(dim(values))) values <- array(values, dim = length(values))
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
#' as a data frame: one row per member of an ensemble file, after its lever
#' setting (the index, as in the file, and its label), sample and replicate;
#' one row for a single-run file. Columns in the file's metric order.
steelpath_metrics <- function(path) {
  file <- H5File$new(path, mode = "r")
  on.exit(file$close_all())
  names <- Filter(function(n) {
    ds <- file[[n]]
    ds$attr_exists("steelpath_role") && h5attr(ds, "steelpath_role") == "metric"
  }, file$ls()$name)
  if (steelpath_has(file, "statistics/metric")) { # the documented order
    order <- file[["statistics/metric"]]$read()
    names <- c(intersect(order, names), setdiff(names, order))
  }
  columns <- lapply(names, function(n) as.vector(steelpath_values(file[[n]])))
  names(columns) <- names
  out <- as.data.frame(columns)
  if (file$exists("member")) {
    setting <- as.vector(file[["member_setting"]]$read())
    design <- data.frame(member = as.vector(file[["member"]]$read()),
                         lever_setting = setting,
                         lever_setting_label = as.vector(file[["lever_setting_label"]]$read())[setting + 1],
                         sample = as.vector(file[["member_sample"]]$read()),
                         replicate = as.vector(file[["member_replicate"]]$read()))
    out <- cbind(design, out)
  }
  out
}
