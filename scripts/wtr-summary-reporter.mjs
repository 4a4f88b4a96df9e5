// web-test-runner prints no plain "N passed, N failed" line; this reporter adds one.
// A session that failed without a failed test (import error, timeout) counts as one failure.
function countTests(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

export function plainSummaryReporter() {
  return {
    onTestRunFinished({sessions}) {
      const counts = {passed: 0, failed: 0, skipped: 0};
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) countTests(session.testResults, counts);
        if (!session.passed && counts.failed === before) counts.failed += 1;
      }
      console.log(`wtr: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    },
  };
}
