/** Help texts of the `carbon-peak` command (shown by --help). */

const EXITS = `Exit codes: 0 success; 1 problems found in the workbook (each listed as Sheet!Cell: reason); 2 usage error
(unknown option, missing argument or input file, refusing to overwrite); 130 stopped by Ctrl-C or SIGTERM while
writing (the file is as it was before).`;

/** Help by command. */
export const HELP = {
  main: `carbon-peak — city-cluster carbon-peak analysis (城市群碳达峰) over .xlsx workbooks

Usage:
  carbon-peak run <workbook.xlsx> [-o <out.xlsx>] [--in-place] [--force] [--draws N [--seed S]] [--formulas] [--json]   run the scenarios (and a Monte Carlo), write the results into a copy
  carbon-peak check <workbook.xlsx> [--json]                             validate only: every problem with Sheet!Cell
  carbon-peak template <out.xlsx> [--example changzhutan] [--lang zh]    write a new scenario workbook
  carbon-peak peaks <inventory.xlsx> [--sheet NAME] [--cluster NAME=a,b,…] [--strict] [--json]   peaks straight from an inventory

Options for every command: --help, --lang en|zh (language of messages; of the sheets for template; of the
output sheets for run).
${EXITS}
Run "carbon-peak <command> --help" for details.`,
  run: `carbon-peak run <workbook.xlsx> [-o <out.xlsx>] [--in-place] [--force] [--json] [--quiet] [--formulas] [--lang en|zh]
        [--draws N [--seed S]] [--sheet NAME [--range A1:D40] | --table NAME] [--unit t|万t|Mt|亿t]

Reads the inventory and the scenario sheets (Settings, Drivers, Levers, Activities — or 参数, 驱动因素, 减排措施,
活动水平) exactly as the task pane does, runs every scenario, and writes the output sheets (Results, Peaks,
Reductions, Coordination, Decomposition, Charts, Run info) into a copy: <workbook>-results.xlsx next to the input unless -o
names another file. The input file is never written unless --in-place is given (-o naming it, or a symlink or
hard link to it, is refused without --in-place). An existing file other than a results copy an earlier run
wrote is replaced only with --force. Only the add-in's own sheets are written: every other part of the
workbook (your sheets, charts, images, pivot tables, names, styles) is kept byte for byte. The file is written
to a temporary file beside it and renamed over it at the end, so a full disk, Ctrl-C or a crash never leaves a
damaged or empty workbook. Prints the peaks of every city and the cluster per scenario; progress goes to stderr
(--quiet turns it off).
The inventory is the one the Settings sheet names, else the first sheet that looks like one; --sheet/--table
choose it, --unit is the unit when the sheet states none.
--draws N (a whole number 1–100000) also runs a Monte Carlo of N draws over the distribution columns of the
Drivers and Levers sheets, seeded with --seed S (a whole number; default 1: the same seed gives the same
numbers), and writes the Uncertainty (P(peak by target), P5/P50/P95 of peak year and value) and Peak years
(histogram of the cluster's peak year, with a column chart spec) sheets; draws and seed go in the run record.
Every output is written as values, so the file shows every result without the add-in. --formulas also writes
the Peaks (live) sheet: per scenario, city and cluster the emissions by year with live =CARBON.PEAKYEAR(...)
and =CARBON.PEAKSTATUS(...) formulas over them (cached with the run's results; they recalculate in Excel with
the add-in installed, so editing a year's value moves the peak).
--lang zh (default en) writes the output sheets in Chinese — 结果, 峰值, 峰值（实时公式）, 减排, 协同效益,
排放变化分解, 图表, 不确定性, 峰值年份分布, 运行记录 — with Chinese headers, labels and chart titles, and prints
messages in Chinese; the status codes (peaked, plateau, rising, unconfirmed) stay as CARBON.PEAKSTATUS returns
them. A later run in the other language replaces the add-in's own output sheets, never a sheet of yours.
--json prints { ok, output, outputs, peaks, uncertainty?, record, warnings } (or { ok: false, problems }).
${EXITS}`,
  check: `carbon-peak check <workbook.xlsx> [--json] [--sheet NAME | --table NAME] [--unit U]

Validates the inventory and the scenario sheets without running: lists every problem (Sheet!Cell: reason) on
stdout. A workbook with no scenario sheet is checked as an inventory alone.
--json prints { ok, checked, problems: [{ cell, code, message, path }], warnings }.
${EXITS}`,
  template: `carbon-peak template <out.xlsx> [--example changzhutan] [--lang en|zh] [--force]

Writes a new scenario workbook: Settings, Drivers, Levers and Activities sheets with bilingual headers, empty or
with the 长株潭 example (which also writes its base-year Inventory). --lang zh names the sheets 参数, 驱动因素,
减排措施, 活动水平. An existing file is replaced only with --force.
${EXITS}`,
  peaks: `carbon-peak peaks <inventory.xlsx> [--sheet NAME [--range A1:Z40] | --table NAME] [--unit U]
        [--cluster NAME=city1,city2,…]… [--tolerance T] [--confirm K] [--smooth W] [--min-points M] [--strict]
        [--verbose] [--json]

Reads an inventory in any layout (long, wide, sector × fuel matrix; English or Chinese headers) straight from a
downloaded file — notes sheets, unordered rows and empty year columns are fine — and prints, for every city and
each --cluster (the sum of its members in the years all of them have), the peak year (the year of the maximum),
peak value and status — peaked, plateau, rising, unconfirmed or insufficient — "as of" its last data year, the
number of values it rests on and their span, and flags: left_censored (the peak is the first data year),
last_year_max (the last value is the maximum), single_dip (only the last year is below the peak),
members_beyond (a cluster member has data after the last common year: the cluster is reported as of that year and
is never "peaked" when such a member rose later), gaps (years missing inside the span). The rule used is printed
above the table; docs/peaks.md explains it with a worked example.
--tolerance T: plateau band below the maximum (0 ≤ T < 1; the table then also shows where the plateau starts).
--confirm K: years after the peak needed for "peaked". --smooth W: odd moving-average window judging the decline.
--min-points M: fewest values for a peak call (default 5; fewer: insufficient).
--strict: confirmation 5 years and at least 5 values (after Shan et al. 2022, "peaked for at least five years");
not with --confirm or --min-points.
A cluster's years are summarised on stderr (years used; members missing, per member); --verbose lists every year
left out with its missing members.
--json prints [{ "name", "peakYear", "peakValue", "status", "firstYear", "lastYear", "points", "flags" }] on stdout
(peakYear and peakValue null while rising or insufficient) and, on stderr, each cluster's detail as one JSON line
{ "cluster", "members", "commonYears", "missing": [{ "year", "members" }], "beyond": [{ "member", "lastYear",
"valueAtCommon", "aboveYears" }] }.
${EXITS}`,
} as const;
