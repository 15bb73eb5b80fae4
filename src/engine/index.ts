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
export { logMean, logRatio } from "./decomposition/log-mean";
export { readFactorMatrix, checkFactorMatrix, matrixShape } from "./decomposition/factor-matrix";
export type { FactorMatrix } from "./decomposition/factor-matrix";
export { lmdi, subcategoryTerms, checkLmdiInputs, parseLmdiMode } from "./decomposition/lmdi";
export type { LmdiMode, LmdiResult, SubcategoryTerms } from "./decomposition/lmdi";
export { kaya, kayaMatrix, checkKaya, KAYA_FACTORS } from "./decomposition/kaya";
export type { KayaInput, KayaFactors } from "./decomposition/kaya";
export * from "./scenario";
