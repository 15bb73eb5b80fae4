/**
 * Time limits for tests that start processes (the CLI, node scripts, LibreOffice, Python). One CLI run
 * takes about 2.5 s on an idle 2-core machine and several times that when the cores are shared, so a
 * process test gets minutes, not Jest's 5-second default. Nothing asserts on time: a limit only stops a
 * test that hangs.
 */

/** Per test that starts one or a few processes. */
export const PROCESS_TEST_MS = 180_000;

/** Per test that starts LibreOffice or runs several CLI commands in a row. */
export const SLOW_PROCESS_TEST_MS = 600_000;

/** Per in-process test that runs whole workflows or floods (a run of the sample, 150,000 bad cells). */
export const HEAVY_TEST_MS = 60_000;
