#!/usr/bin/python3
"""Read steelpath results files (HDF5, docs/output.md) into xarray and pandas.

Import it (with scripts/ on sys.path) or run it:

    steelpath_read.py members FILE.h5 [--csv OUT.csv]       one row per ensemble member: design and metrics
    steelpath_read.py production FILE.h5 [--setting N] [--csv OUT.csv]
                                                            production by route (Mt), year x technology
    steelpath_read.py ema FILE.h5 OUT_DIR [--outcomes a,b]  EMA Workbench layout: experiments.csv, outcomes.npz

Functions: open_results, open_statistics, open_decisions, is_ensemble,
root_attributes, metric_names, require_metric, members, technology_production,
ema_workbench, fleet_path, read_fleet, route_colours. docs/results.md shows
them at work.
"""
import argparse
import hashlib
import os
import sys

import h5py
import numpy as np
import pandas as pd
import xarray as xr

ENGINE = "h5netcdf"

# Design columns of an ensemble file that have a `member` dimension but are
# not outcomes (every other 1-D float [member] dataset is a metric).
_DESIGN_PREFIX = "member"


def script_main(main):
    """Runs a plotting script's main(argv): a ValueError or OSError (bad
    option, missing file) becomes one line on stderr and exit code 1."""
    name = os.path.basename(sys.argv[0])
    try:
        sys.exit(main(sys.argv[1:]))
    except (ValueError, OSError) as e:
        print(f"{name}: {e}", file=sys.stderr)
        sys.exit(1)


def _text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def _texts(values):
    return [_text(v) for v in np.ravel(values)]


def root_attributes(path):
    """The root attributes (provenance), text decoded, numbers as numbers."""
    with h5py.File(path, "r") as f:
        out = {}
        for k, v in f.attrs.items():
            if isinstance(v, bytes):
                v = v.decode("utf-8")
            elif isinstance(v, np.ndarray) and v.size == 1:
                v = v.item()
            elif isinstance(v, np.generic):
                v = v.item()
            out[k] = v
        return out


def is_ensemble(path):
    """True for an ensemble file (members, design table, statistics group)."""
    with h5py.File(path, "r") as f:
        return "member_setting" in f and "statistics" in f


def open_results(path):
    """The root group as an xarray Dataset (named dimensions, lazy)."""
    return xr.open_dataset(path, engine=ENGINE)


def open_statistics(path):
    """The `statistics` group of an ensemble file as a Dataset, with
    coordinates on its dimensions (year, lever_setting, technology, target,
    ...: the group's own since schema 4, the root's before) and each setting's
    `label` and `package` as coordinates along `lever_setting`; None for a
    single-run file."""
    if not is_ensemble(path):
        return None
    st = xr.open_dataset(path, engine=ENGINE, group="statistics")
    coords = {}
    with h5py.File(path, "r") as f:
        for dim in st.dims:
            if dim in st.coords or dim not in f or not isinstance(f[dim], h5py.Dataset) or f[dim].ndim != 1:
                continue
            a = f[dim][()]
            coords[dim] = (dim, _texts(a) if a.dtype.kind in "OSU" else a)
        if "lever_setting" in st.dims:
            coords["label"] = ("lever_setting", _texts(f["lever_setting_label"][()]))
            coords["package"] = ("lever_setting", _texts(f["lever_setting_package"][()]))
    return st.assign_coords(coords)


def open_decisions(path):
    """The decision log of a single-run file as a DataFrame, one row per
    decision in the order taken (without the lcos_options matrix)."""
    with h5py.File(path, "r") as f:
        if "decisions" not in f:
            raise ValueError(f"{path}: no decision log (ensemble files have none: run --member K for one member)")
        g = f["decisions"]
        cols = {}
        for name, d in g.items():
            if d.ndim != 1 or name == "decision":
                continue
            a = d[()]
            cols[name] = _texts(a) if a.dtype.kind in "OSU" else a
        return pd.DataFrame(cols, index=pd.Index(g["decision"][()], name="decision"))


def metric_names(path):
    """Per-member metrics of an ensemble file, in file order: the datasets
    marked steelpath_role = "metric" (schema 4); in older files every 1-D
    float dataset over `member` except the design columns (member_*)."""
    with h5py.File(path, "r") as f:
        marked = [name for name, d in f.items()
                  if isinstance(d, h5py.Dataset) and _text(d.attrs.get("steelpath_role", "")) == "metric"]
    if marked:
        return marked
    return [name for name, dims in _member_datasets(path) if len(dims) == 1]


def require_metric(path, metric, purpose):
    """Exits with a message unless `path` is an ensemble file with the
    per-member metric `metric`; `purpose` says what needs it."""
    if not is_ensemble(path):
        raise SystemExit(f"{path}: a single-run file; {purpose} needs an ensemble file")
    metrics = metric_names(path)
    if metric not in metrics:
        raise SystemExit(f"{path}: no per-member metric {metric!r} (metrics: {', '.join(metrics)})")


def _member_datasets(path):
    """(name, dimension names) of the float datasets over `member` that are
    metrics ([member]) or per-item metrics ([member, X], X not year: target_met)."""
    out = []
    with h5py.File(path, "r") as f:
        if "member" not in f:
            return out
        for name, d in f.items():
            if (not isinstance(d, h5py.Dataset) or name.startswith(_DESIGN_PREFIX) or d.ndim not in (1, 2)
                    or d.dtype.kind != "f"):
                continue
            dims = _dimension_names(d)
            if dims[0] == "member" and (d.ndim == 1 or (dims[1] not in (None, "year") and dims[1] in f)):
                out.append((name, dims))
    return out


def _dimension_names(d):
    """The names of a dataset's dimension scales (netCDF-4 DIMENSION_LIST)."""
    out = []
    for k in range(d.ndim):
        scales = d.dims[k]
        out.append(scales[0].name.rsplit("/", 1)[-1] if len(scales) else None)
    return out


def _require_ensemble(path):
    if not is_ensemble(path):
        raise ValueError(f"{path}: a single-run file, not an ensemble file (no members)")


def _lever_values(labels, levers, lever_value):
    """Per setting, the value of each lever axis: the number from lever_value,
    or, where that is NaN (a whole series, a listed choice), the text after
    `path=` in the setting's label."""
    rows = []
    for i, label in enumerate(labels):
        row = []
        for j, path in enumerate(levers):
            v = lever_value[i, j]
            if np.isfinite(v):
                row.append(float(v))
                continue
            start = label.find(path + "=")
            text = ""
            if start >= 0:
                start += len(path) + 1
                ends = [label.find(", " + p + "=", start) for p in list(levers[j + 1:]) + ["package"]]
                ends = [e for e in ends if e >= 0]
                text = label[start:min(ends)] if ends else label[start:]
            row.append(text)
        rows.append(row)
    return rows


def members(path):
    """One row per member of an ensemble file: member, setting, setting_label,
    package, each lever axis (column named by its path), sample, each sampled
    parameter (named by its path; the factor when the uncertainty scales),
    replicate, status (1 done, 2 failed), every per-member metric, and per-item
    metrics as one column per item, "NAME: ITEM" (target_met: "target_met:
    baowu: neutral by 2050", 1 met, 0 not)."""
    _require_ensemble(path)
    metrics = _member_datasets(path)
    with h5py.File(path, "r") as f:
        setting = f["member_setting"][()]
        sample = f["member_sample"][()]
        labels = _texts(f["lever_setting_label"][()])
        packages = _texts(f["lever_setting_package"][()])
        levers = _texts(f["lever"][()])
        lever_value = f["lever_value"][()].reshape(len(labels), len(levers))
        parameters = _texts(f["parameter"][()])
        # [sample, parameter]; shaped from both coordinates, since without
        # uncertainties it is empty (1 x 0) and -1 cannot be inferred from it.
        sample_value = f["sample_value"][()].reshape(f["sample"].shape[0], len(parameters))
        df = pd.DataFrame({"member": f["member"][()], "setting": setting,
                           "setting_label": np.array(labels, dtype=object)[setting],
                           "package": np.array(packages, dtype=object)[setting]})
        values = _lever_values(labels, levers, lever_value)
        for j, lever in enumerate(levers):
            col = [values[s][j] for s in setting]
            df[lever] = pd.Series(col, dtype=float if all(isinstance(v, float) for v in col) else object)
        df["sample"] = sample
        for j, p in enumerate(parameters):
            df[p] = sample_value[sample, j]
        df["replicate"] = f["member_replicate"][()]
        df["status"] = f["member_status"][()]
        for name, dims in metrics:
            a = f[name][()]
            if a.ndim == 1:
                df[name] = a
            else:
                for j, item in enumerate(_texts(f[dims[1]][()])):
                    df[f"{name}: {item}"] = a[:, j]
    return df


def _member_blocks(indices, block=256):
    for k in range(0, len(indices), block):
        yield indices[k:k + block]


def technology_production(path, setting=None, region=None):
    """Crude steel production by route, Mt: a DataFrame year x technology
    (columns in the file's route order). A single-run file: summed over regions.
    An ensemble file: the mean over the finished members of lever setting
    `setting` (default 0) of their production summed over regions. `region`
    (an id) restricts it to one region."""
    with h5py.File(path, "r") as f:
        years = f["year"][()]
        techs = _texts(f["technology"][()])
        regions = _texts(f["region"][()])
        rsel = slice(None)
        if region is not None:
            if region not in regions:
                raise ValueError(f"{path}: no region {region!r} (regions: {', '.join(regions)})")
            rsel = slice(regions.index(region), regions.index(region) + 1)
        if "member_setting" not in f:
            total = f["production"][:, rsel, :].sum(axis=1)
        else:
            s = 0 if setting is None else int(setting)
            n_settings = f["lever_setting"].shape[0]
            if not 0 <= s < n_settings:
                raise ValueError(f"{path}: no lever setting {s} (0..{n_settings - 1})")
            idx = np.flatnonzero((f["member_setting"][()] == s) & (f["member_status"][()] == 1))
            total = np.zeros((len(years), len(techs)))
            if len(idx) == 0:
                total[:] = np.nan
            # Read a block of members at a time: one chunk per member and variable.
            for block in _member_blocks(idx):
                total += f["production"][block, :, rsel, :].sum(axis=2).sum(axis=0)
            if len(idx):
                total /= len(idx)
    out = pd.DataFrame(total, index=pd.Index(years, name="year"), columns=pd.Index(techs, name="technology"))
    return out


def technology_names(path):
    """{route id: readable name} from the file's technology_name."""
    with h5py.File(path, "r") as f:
        return dict(zip(_texts(f["technology"][()]), _texts(f["technology_name"][()])))


def _outcome(f, name, idx):
    """A member outcome for members idx: [members], [members, years] (or
    [members, X], e.g. target_met); series with more dimensions are summed over
    all but member and year."""
    if name not in f:
        raise ValueError(f"no variable {name!r} in the file")
    d = f[name]
    dims = _dimension_names(d)
    if not dims or dims[0] != "member":
        raise ValueError(f"{name!r} has no member dimension (dimensions: {dims})")
    parts = []
    for block in _member_blocks(idx):
        a = d[block]
        if a.ndim > 2:
            if dims[1] != "year":
                raise ValueError(f"{name!r}: dimensions {dims}, expected (member, year, ...)")
            a = a.reshape(a.shape[0], a.shape[1], -1).sum(axis=2)
        parts.append(a)
    if not parts:
        return np.zeros((0,) + ((d.shape[1],) if d.ndim > 1 else ()))
    return np.concatenate(parts)


def ema_workbench(path, outcomes=None):
    """The finished members of an ensemble file in the EMA Workbench's
    (experiments, outcomes) layout.

    experiments: DataFrame indexed by member, one column per lever axis and per
    uncertainty (parameter path), `package` when the levers have packages,
    and the Workbench's `scenario` (sample row), `policy` (setting label) and
    `model` (scenario name). outcomes: {name: array [members] or [members, years]};
    by default `emissions` (Mt CO2 per year) and every per-member metric, plus
    `TIME` [members, years] when a series is among them (the Workbench's
    convention). Series with more dimensions (production) are summed over all
    but year. Name any variable with a leading member dimension, e.g.
    target_met ([members, targets])."""
    _require_ensemble(path)
    m = members(path)
    done = m["status"].to_numpy() == 1
    m = m[done]
    with h5py.File(path, "r") as f:
        levers = _texts(f["lever"][()])
        parameters = _texts(f["parameter"][()])
        has_packages = any(_texts(f["lever_setting_package"][()]))
        model = _text(f.attrs.get("scenario_name", "steelpath"))
        names = list(outcomes) if outcomes is not None else ["emissions"] + metric_names(path)
        idx = m["member"].to_numpy()
        out = {name: _outcome(f, name, idx) for name in names}
        if any(a.ndim == 2 and _dimension_names(f[k])[1] == "year" for k, a in out.items()):
            out["TIME"] = np.tile(f["year"][()].astype(float), (len(idx), 1))
    cols = levers + (["package"] if has_packages else []) + parameters
    experiments = m[cols].copy()
    experiments["scenario"] = m["sample"].to_numpy()
    experiments["policy"] = m["setting_label"].to_numpy()
    experiments["model"] = model
    experiments.index = pd.Index(idx, name="member")
    return experiments, out


# --- the fleet (for maps) ----------------------------------------------------

def fleet_path(path, fleet=None):
    """The fleet CSV a results file used: `fleet` if given; else the file's
    `fleet_file` attribute (the path as the run opened it: absolute, or
    relative to the folder the run was started from) as is, relative to the
    current folder; else the resolved scenario's `fleet:` relative to the
    folder of `scenario_file`; else `fleet_file` relative to the results
    file's folder and its parents (results/x.h5 under the run's folder).
    Raises FileNotFoundError naming the places tried."""
    if fleet:
        if not os.path.isfile(fleet):
            raise FileNotFoundError(f"fleet file {fleet!r} not found")
        return fleet
    attrs = root_attributes(path)
    name = attrs.get("fleet_file", "")
    if not name:
        raise FileNotFoundError(f"{path}: no fleet_file attribute")
    tried = [name]
    if not os.path.isabs(name):
        # The folder the run started in (files written since the attribute existed).
        if attrs.get("working_directory"):
            tried.insert(0, os.path.join(attrs["working_directory"], name))
        scen_dir = os.path.dirname(attrs.get("scenario_file", ""))
        for line in attrs.get("scenario_yaml", "").splitlines():
            if line.startswith("fleet:"):
                value = line.split(":", 1)[1].strip().strip('"').strip("'")
                tried.append(os.path.join(scen_dir, value))
        folder = os.path.dirname(os.path.abspath(path))
        for _ in range(4):
            tried.append(os.path.join(folder, name))
            folder = os.path.dirname(folder)
    for p in tried:
        if os.path.isfile(p):
            return p
    raise FileNotFoundError(f"{path}: fleet file {name!r} not found (tried {', '.join(dict.fromkeys(tried))}); "
                            "run from the folder the results were written from, or pass --fleet")


def fleet_matches(path, csv):
    """True when the CSV's SHA-256 is the file's fleet_sha256 (or it has none)."""
    want = root_attributes(path).get("fleet_sha256", "")
    if not want:
        return True
    with open(csv, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest() == want


def read_fleet(csv):
    """The fleet CSV as a DataFrame ('#' lines are comments)."""
    return pd.read_csv(csv, comment="#", dtype={"unit_id": str})


# --- colours shared by the plots ---------------------------------------------

_ROUTE_COLOURS = {
    "bf_bof": "#4d4d4d", "bf_bof_bat": "#8c8c8c", "bf_bof_ccus": "#b07aa1", "ng_dri_eaf": "#f28e2b",
    "coal_dri_eaf": "#8c564b", "h2_dri_eaf": "#1f77b4", "sr": "#edc948", "sr_ccus": "#9c755f",
    "electrolysis": "#17becf", "scrap_eaf": "#59a14f",
}


def route_colours(ids):
    """{route id: colour}, fixed for the shipped routes, tab20 for others."""
    import matplotlib
    other = matplotlib.colormaps["tab20"]
    out, k = {}, 0
    for t in ids:
        if t in _ROUTE_COLOURS:
            out[t] = _ROUTE_COLOURS[t]
        else:
            out[t] = other(k % 20)
            k += 1
    return out


def short_labels(path):
    """(title, [label per setting]): the lever paths common to every setting's
    label become the title, and each label keeps only its values
    ("policies.carbon_price.2040=50" -> title "policies.carbon_price.2040", "50")."""
    with h5py.File(path, "r") as f:
        labels = _texts(f["lever_setting_label"][()])
        levers = _texts(f["lever"][()])
        packages = _texts(f["lever_setting_package"][()])
        lever_value = f["lever_value"][()].reshape(len(labels), len(levers))
    values = _lever_values(labels, levers, lever_value)
    if not levers and not any(packages):
        return "", labels
    out = []
    for i in range(len(labels)):
        parts = [f"{v:g}" if isinstance(v, float) else v for v in values[i]]
        if packages[i]:
            parts.append(packages[i])
        out.append(", ".join(parts))
    title = ", ".join(levers + (["package"] if any(packages) else []))
    return title, out


# --- command line ------------------------------------------------------------

def _cli(argv):
    p = argparse.ArgumentParser(prog="steelpath_read.py", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("members", help="one row per ensemble member: design and metrics")
    a.add_argument("file")
    a.add_argument("--csv", help="write the table to this CSV instead of printing it")
    b = sub.add_parser("production", help="production by route, year x technology (Mt)")
    b.add_argument("file")
    b.add_argument("--setting", type=int, default=None, help="lever setting of an ensemble (default 0)")
    b.add_argument("--region", default=None, help="one region id (default: all)")
    b.add_argument("--csv", help="write the table to this CSV instead of printing it")
    c = sub.add_parser("ema", help="export to the EMA Workbench layout (experiments.csv, outcomes.npz)")
    c.add_argument("file")
    c.add_argument("out_dir")
    c.add_argument("--outcomes", default=None,
                   help="comma-separated variables (default: emissions and every per-member metric)")
    args = p.parse_args(argv)
    try:
        if args.command == "members":
            df = members(args.file)
            if args.csv:
                df.to_csv(args.csv, index=False)
                print(f"wrote {args.csv}: {len(df)} members, {df.shape[1]} columns")
            else:
                with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
                    print(df.to_string(index=False))
        elif args.command == "production":
            df = technology_production(args.file, args.setting, args.region)
            if args.csv:
                df.to_csv(args.csv)
                print(f"wrote {args.csv}")
            else:
                with pd.option_context("display.max_columns", None, "display.width", 200):
                    print(df.round(3).to_string())
        else:
            names = args.outcomes.split(",") if args.outcomes else None
            experiments, outcomes = ema_workbench(args.file, names)
            os.makedirs(args.out_dir, exist_ok=True)
            experiments.to_csv(os.path.join(args.out_dir, "experiments.csv"))
            np.savez_compressed(os.path.join(args.out_dir, "outcomes.npz"), **outcomes)
            print(f"wrote {args.out_dir}/experiments.csv ({len(experiments)} finished members, "
                  f"{experiments.shape[1]} columns) and outcomes.npz ({', '.join(outcomes)})")
    except (ValueError, OSError) as e:
        print(f"steelpath_read.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(_cli(sys.argv[1:]))
    except BrokenPipeError:  # `... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
