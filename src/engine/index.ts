/**
 * The engine's one export list. Pure TypeScript: no Office, no DOM, no Node APIs.
 */
export { issue, ok, fail, withPrefix, mapResult } from "./issues";
export type { Issue, IssueParams, Path, Result } from "./issues";
export { MESSAGES, formatIssue, formatIssues, formatPath, showValue } from "./messages";
export type { Lang } from "./messages";
export { isBlank, excelErrorText, readNumberCell, readYearCell } from "./cells";
export type { Cell } from "./cells";
export { parseSeries, seriesFromArrays, countValues, valueAt, indexOfYear } from "./series";
export type { Series, SeriesNames, ParseSeriesOptions } from "./series";
export { movingAverage } from "./smooth";
export { findPeak, peakIndex, peakGap, checkPeakOptions } from "./peak";
export type { Peak, PeakOptions, PeakStatus } from "./peak";
export { clusterSeries, sumMembers } from "./cluster";
export type { ClusterSeries, Member, MemberGap } from "./cluster";
export { convert, normalizeUnit, unitOf, tonnesPer, GJ_PER_TCE } from "./units";
export type { UnitKind } from "./units";
export * from "./scenario";
