#!/usr/bin/env python3
"""The scipy peer of Bulwark's ICBM free flight (FreeFlightBenchmark.RvVacuumFromApogee).

The flight: a 1,000 kg point mass (an ICBM's re-entry vehicle) from 1,000 km over 40 N 30 E, moving 5.5 km/s east
relative to the Earth (north and down 0), falling to the ground; rotating WGS-84 with point-mass + J2 gravity, no
atmosphere, so gravity is the only force. Bulwark integrates it in ECI (aligned with ECEF at t = 0) with its
Dormand-Prince 5(4), rtol 1e-10, atol 1e-6, max step 60 s, stops at geodetic height 0 (descending) and locates the
apogee (dh/dt falling through 0) on the way. This script integrates the same 7 equations (position, velocity,
mass; mass constant) with scipy.integrate.solve_ivp(method='DOP853') at the same rtol, atol and max step (scipy's
error norm is the same RMS of err_i / (atol + rtol max(|y_i|, |y_new_i|)) over the components), with the same two
events (impact terminal), from the same initial state computed here from the same geodetic numbers, and times it.

Same accuracy: a reference flight at rtol 1e-13, atol 1e-9, max step 10 s (DOP853) is computed once; the script prints how far
scipy's impact and Bulwark's impact (read from the benchmark's set-up lines, --bulwark-lines) each land from it.

Usage: icbm_free_flight.py [--repeats N] [--bulwark-lines FILE] [--bulwark-mean-us X]
"""

import argparse
import math
import platform
import re
import statistics
import sys
import time

import numpy
import scipy
from scipy.integrate import solve_ivp

# WGS-84 (NIMA TR8350.2), as src/Bulwark/Earth/Wgs84.cs.
A = 6378137.0
F = 1.0 / 298.257223563
E2 = F * (2.0 - F)
MU = 3.986004418e14
J2 = 1.082626683553e-3
W = 7.292115e-5

RTOL, ATOL, MAX_STEP = 1e-10, 1e-6, 60.0  # PropagationOptions.DefaultIntegrator
REF_RTOL, REF_ATOL, REF_MAX_STEP = 1e-13, 1e-9, 10.0
T_LIMIT = 1e7  # Propagator.OpenEndedPhaseLimitS


def initial_state(lat_deg, lon_deg, h, vn, ve, vd, mass):
    """ECI state at t = 0 (ECI = ECEF then) of a geodetic point moving with Earth-relative NED velocity."""
    phi, lam = math.radians(lat_deg), math.radians(lon_deg)
    sp, cp, sl, cl = math.sin(phi), math.cos(phi), math.sin(lam), math.cos(lam)
    n = A / math.sqrt(1.0 - E2 * sp * sp)
    r = [(n + h) * cp * cl, (n + h) * cp * sl, (n * (1.0 - E2) + h) * sp]
    north = [-sp * cl, -sp * sl, cp]
    east = [-sl, cl, 0.0]
    down = [-cp * cl, -cp * sl, -sp]
    v = [vn * north[i] + ve * east[i] + vd * down[i] for i in range(3)]
    v[0] -= W * r[1]  # + omega x r
    v[1] += W * r[0]
    return r + v + [mass]


def rhs(t, y):
    """Point mass + J2 (Vallado eq. 8-30, as src/Bulwark/Earth/Gravity.cs); J2 is axisymmetric, so ECI = ECEF form."""
    x, yy, z = y[0], y[1], y[2]
    r2 = x * x + yy * yy + z * z
    r = math.sqrt(r2)
    mu_r3 = MU / (r2 * r)
    k = 1.5 * J2 * A * A / r2
    z2 = z * z / r2
    fxy = 1.0 + k * (1.0 - 5.0 * z2)
    fz = 1.0 + k * (3.0 - 5.0 * z2)
    return [y[3], y[4], y[5], -mu_r3 * x * fxy, -mu_r3 * yy * fxy, -mu_r3 * z * fz, 0.0]


def latitude_height(x, y, z):
    """Geodetic latitude and height (Bowring's iteration, 4 rounds: sub-micrometre here). The ellipsoid is symmetric
    about Z, so the ECI position gives the same latitude and height as the ECEF one."""
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1.0 - E2))
    for _ in range(4):
        s = math.sin(phi)
        nn = A / math.sqrt(1.0 - E2 * s * s)
        h = p * math.cos(phi) + z * s - A * math.sqrt(1.0 - E2 * s * s)
        phi = math.atan2(z, p * (1.0 - E2 * nn / (nn + h)))
    s, c = math.sin(phi), math.cos(phi)
    return phi, p * c + z * s - A * math.sqrt(1.0 - E2 * s * s)


def impact(t, y):
    return latitude_height(y[0], y[1], y[2])[1]


impact.terminal = True
impact.direction = -1


def apogee(t, y):
    """dh/dt: the Earth-relative velocity along the ellipsoid normal (as Bulwark's ApogeeEvent)."""
    x, yy, z = y[0], y[1], y[2]
    phi, _ = latitude_height(x, yy, z)
    lam = math.atan2(yy, x)
    vx, vy, vz = y[3] + W * yy, y[4] - W * x, y[5]  # v - omega x r
    cp = math.cos(phi)
    return vx * cp * math.cos(lam) + vy * cp * math.sin(lam) + vz * math.sin(phi)


apogee.terminal = False
apogee.direction = -1


def fly(y0, rtol, atol, method="DOP853", max_step=MAX_STEP):
    return solve_ivp(rhs, (0.0, T_LIMIT), y0, method=method, rtol=rtol, atol=atol, max_step=max_step,
                     events=[impact, apogee])


def timed(y0, repeats, method):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fly(y0, RTOL, ATOL, method)
        times.append(time.perf_counter() - t0)
    return times


def read_bulwark(path):
    """The benchmark's set-up lines '// RvVacuumFromApogee initial|final|event NAME: t T r X Y Z v X Y Z m M'."""
    states = {}
    pattern = re.compile(r"// RvVacuumFromApogee (initial|final|event \w+): t (\S+) r (\S+) (\S+) (\S+) v (\S+) (\S+) (\S+) m (\S+)")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = pattern.search(line)
            if m and m.group(1) not in states:
                states[m.group(1)] = [float(g) for g in m.groups()[1:]]
    return states


def dist(a, b):
    return math.sqrt(sum((a[i] - b[i]) ** 2 for i in range(3)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=200)
    ap.add_argument("--bulwark-lines", help="a file holding the benchmark's set-up lines")
    ap.add_argument("--bulwark-mean-us", type=float, help="Bulwark's measured mean, µs, to print the ratio")
    args = ap.parse_args()

    print(f"# python {platform.python_version()}, numpy {numpy.__version__}, scipy {scipy.__version__}")
    y0 = initial_state(40.0, 30.0, 1_000_000.0, 0.0, 5500.0, 0.0, 1000.0)
    sol = fly(y0, RTOL, ATOL)
    ref = fly(y0, REF_RTOL, REF_ATOL, max_step=REF_MAX_STEP)
    rk45 = fly(y0, RTOL, ATOL, "RK45")
    end = lambda s: (s.t_events[0][0], s.y_events[0][0])  # noqa: E731

    t_imp, y_imp = end(sol)
    t_ref, y_ref = end(ref)
    print(f"scipy DOP853 rtol {RTOL:g} atol {ATOL:g} max_step {MAX_STEP:g}: impact at {t_imp:.6f} s, "
          f"{sol.nfev} evaluations, {len(sol.t) - 1} accepted steps, apogee events at {list(sol.t_events[1])}")
    print(f"reference DOP853 rtol {REF_RTOL:g} atol {REF_ATOL:g} max_step {REF_MAX_STEP:g}: impact at {t_ref:.6f} s, {ref.nfev} evaluations")
    print(f"scipy RK45 (Dormand-Prince 5(4), Bulwark's scheme) same tolerances: {rk45.nfev} evaluations, "
          f"impact {dist(end(rk45)[1], y_ref) * 1e3:.4f} mm from the reference")
    print(f"scipy DOP853 impact - reference: {dist(y_imp, y_ref) * 1e3:.4f} mm, time {(t_imp - t_ref) * 1e6:.4f} µs")

    if args.bulwark_lines:
        bw = read_bulwark(args.bulwark_lines)
        if "initial" in bw:
            b0 = bw["initial"]
            print(f"initial state: Bulwark - here: position {dist(b0[1:4], y0[0:3]):.3e} m, "
                  f"velocity {dist(b0[4:7], y0[3:6]):.3e} m/s, t {b0[0]}")
        if "final" in bw:
            bf = bw["final"]
            print(f"Bulwark DP5(4) impact at {bf[0]:.6f} s: {dist(bf[1:4], y_ref) * 1e3:.4f} mm from the reference "
                  f"(time {(bf[0] - t_ref) * 1e6:.4f} µs), {dist(bf[1:4], y_imp) * 1e3:.4f} mm from scipy DOP853's")
        for k in bw:
            if k.startswith("event "):
                print(f"Bulwark {k} at t {bw[k][0]}")

    timed(y0, 5, "DOP853")  # warm-up
    times = timed(y0, args.repeats, "DOP853")
    med = statistics.median(times)
    print(f"scipy DOP853 per flight: median {med * 1e3:.3f} ms, min {min(times) * 1e3:.3f} ms, "
          f"max {max(times) * 1e3:.3f} ms over {args.repeats} flights")
    # Where scipy's time goes: the right-hand side alone (as many calls as a flight makes), and the flight without
    # events (to the impact time found above, so the same arc).
    k = max(args.repeats // 4, 5)
    rhs_times = []
    y0_array = numpy.array(y0)  # solve_ivp passes an ndarray
    for _ in range(k):
        t0 = time.perf_counter()
        for _ in range(sol.nfev):
            rhs(0.0, y0_array)
        rhs_times.append(time.perf_counter() - t0)
    no_event_times = []
    for _ in range(k):
        t0 = time.perf_counter()
        solve_ivp(rhs, (0.0, t_imp), y0, method="DOP853", rtol=RTOL, atol=ATOL, max_step=MAX_STEP)
        no_event_times.append(time.perf_counter() - t0)
    print(f"of which: {sol.nfev} right-hand sides alone (on an ndarray) {statistics.median(rhs_times) * 1e3:.3f} ms; "
          f"the flight without events {statistics.median(no_event_times) * 1e3:.3f} ms (medians over {k})")
    rk_times = timed(y0, k, "RK45")
    print(f"scipy RK45 per flight: median {statistics.median(rk_times) * 1e3:.3f} ms over {len(rk_times)} flights")
    if args.bulwark_mean_us:
        print(f"Bulwark RvVacuumFromApogee mean {args.bulwark_mean_us:.2f} µs; "
              f"scipy DOP853 median / Bulwark mean = {med * 1e6 / args.bulwark_mean_us:.0f}x "
              f"(RK45: {statistics.median(rk_times) * 1e6 / args.bulwark_mean_us:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
