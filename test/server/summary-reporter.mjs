// Prints one closing line, "tests: N passed, N failed, N skipped", over every browser and file,
// so CI and people read the outcome without parsing progress bars.
function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      let erroredFiles = 0;
      for (const session of sessions) {
        countTests(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) erroredFiles++;
      }
      // A file that failed to load counts as a failure even when none of its tests ran.
      const failed = counts.failed + erroredFiles;
      process.stdout.write(`\ntests: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped\n`);
    },
  };
}
