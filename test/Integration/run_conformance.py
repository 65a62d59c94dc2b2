#!/usr/bin/env python3
"""Runs every conformance case through attnc-run and checks the result against
the expected-failures list.

A case is a folder with model.onnx and test_data_set_0/ (ONNX backend-test
layout). It passes when `attnc-run model.onnx --test-data test_data_set_0`
exits 0. The expected-failures file lists `<group>/<case>: reason` lines; the
run fails when a listed case passes (the list must stay true) or an unlisted
case fails. Ends with the line "N passed, N failed".
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time


def find_cases(root):
    cases = []
    for group in sorted(os.listdir(root)):
        group_dir = os.path.join(root, group)
        if not os.path.isdir(group_dir):
            continue
        for case in sorted(os.listdir(group_dir)):
            case_dir = os.path.join(group_dir, case)
            if os.path.isfile(os.path.join(case_dir, "model.onnx")):
                cases.append(f"{group}/{case}")
    return cases


def read_xfails(path):
    xfails = {}
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, reason = line.partition(":")
            if not sep or not reason.strip():
                sys.exit(f"{path}:{number}: expected '<group>/<case>: reason'")
            xfails[name.strip()] = reason.strip()
    return xfails


def run_case(attnc_run, root, case, timeout):
    case_dir = os.path.join(root, case)
    command = [attnc_run, os.path.join(case_dir, "model.onnx"),
               "--test-data", os.path.join(case_dir, "test_data_set_0")]
    start = time.monotonic()
    try:
        result = subprocess.run(command, capture_output=True, text=True,
                                timeout=timeout)
        output = result.stdout + result.stderr
        ok = result.returncode == 0
    except subprocess.TimeoutExpired:
        output, ok = f"timed out after {timeout} s", False
    return case, ok, output, time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attnc-run", required=True)
    parser.add_argument("--cases", required=True, help="conformance root")
    parser.add_argument("--xfail", required=True, help="expected failures")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=300)
    parser.add_argument("--filter", default="", help="substring of case names")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    xfails = read_xfails(args.xfail)
    cases = [c for c in find_cases(args.cases) if args.filter in c]
    unknown = sorted(set(xfails) - set(find_cases(args.cases)))
    problems = [f"expected-failures names unknown case {c}" for c in unknown]

    passed = failed = xfailed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_case, args.attnc_run, args.cases, c,
                               args.timeout) for c in cases]
        for future in futures:
            case, ok, output, seconds = future.result()
            expected_to_fail = case in xfails
            if ok and not expected_to_fail:
                passed += 1
                status = "PASS"
            elif not ok and expected_to_fail:
                xfailed += 1
                status = "XFAIL"
            elif ok:
                status = "XPASS"
                problems.append(f"{case} passes but is listed as an expected "
                                f"failure ({xfails[case]}): remove it")
            else:
                status = "FAIL"
                last = output.strip().splitlines()[-3:]
                problems.append(f"{case} fails: " + " | ".join(last))
            if args.verbose or status in ("FAIL", "XPASS"):
                print(f"{status}: {case} ({seconds:.1f} s)")
                if status == "FAIL" and args.verbose:
                    print(output)

    for problem in problems:
        print("error:", problem)
    supported = len(cases) - len([c for c in cases if c in xfails])
    print(f"conformance: {passed} of {supported} supported cases pass, "
          f"{xfailed} expected failures")
    failed = len(problems)
    print(f"{passed + xfailed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
